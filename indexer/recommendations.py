"""Which paragraphs recommend, to whom, what, and on whose authority.

A paragraph is a recommendation when one of its clauses is a directive (see
``directives``) that counts in its context:

- anywhere: the report's own performative ("The Committee recommends that"),
  present passive ("are encouraged to"), "should" with an actor as subject, or
  a hedged proposal to an actor that can act ("The General Assembly may wish to
  take note of the present report");
  a "should" without an actor when the report frames it ("the Advisory
  Committee considers that all future reports should ...");
- in a section whose heading names recommendations or advice (English,
  French, Spanish): also an impersonal or passive "should" and bare imperatives,
  but not a pure conclusion, a chapeau or a disclaimer, which have none;
- UPR items and list items ("140.12 Ratify ... (Nigeria);", "6. To continue
  ... (Cuba, Ghana and the Netherlands)"), JIU boxes ("Recommendation 3"),
  and imperative sub-paragraphs under a recommending chapeau;
- in a compilation or a tracking report ("It is a compilation of information
  ...", "Selection of the recommendations made by the Committee"): also the
  recommendations of other bodies that it restates ("The same Committee
  recommended that Slovenia ..."); in a table of agreed audit actions, each
  row "Management agreed to ..." (see ``agreed``).

A paragraph that only narrates someone else's recommendation ("OIOS
recommended", "In its resolution 57/15, the Council encouraged States") is
not one; nor is a summary of what speakers said ("several representatives
made statements ... X should"), nor a management's answer ("Management
response: UNDP agrees ..."): what a management response restates is the
recommendation of the evaluation or review it answers. A past tense can be the
report's own: a session report recording its body's recommendation to the organ
it reports to ("The Committee recommended that the General Assembly take
note"). A report annexed to a letter speaks for its own author ("UNODC
recommends that Haiti ...").

This module judges each paragraph; what it knows of the whole report is in
``reportcontext``, and the recommenders, addressees and actions of a
recommendation are named by ``attribution``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .addressees import commissioner_of, council_of
from .agreed import agreed_row, audit_office, tracks_agreed_actions
from .attribution import (
    Finding,
    build_finding,
    fill_implicit_addressees,
    note_bodies,
    reviews_reports,
)
from .bodies import Author, infer_author
from .clauses import OWN, REPORTED, segments
from .contributors import is_contributions, section_authors
from .cues import may_mention
from .directives import Directive, find_directives
from .instruments import find_instruments
from .model import Paragraph
from .multilingual import has_cue, is_english, romance_addressees
from .recvalues import keyword
from .reportcontext import (
    ITEM_NUMBER,
    ReportContext,
    annex_author,
    answered_document,
    in_recommendation_section,
    read_statuses,
)
from .upr import recommending_states

_COMPILATION_HEADING = re.compile(
    r"selection of (?:the )?recommendations|recommendations (?:made|issued) by|"
    r"status of (?:the )?(?:implementation of (?:the )?)?(?:[\w-]+ )?recommendations|"
    r"\bcompilation\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _tracks(heading: str) -> bool:
    """A heading of a compilation or tracking section (each paragraph under it asks again)."""
    return bool(_COMPILATION_HEADING.search(heading))


_COMPILATION_DOC = re.compile(
    r"\b(?:is|be|are) a compilation of|\bcompilation of (?:information|the recommendations)|"
    r"summary of (?:\d+ )?stakeholders|status of (?:the )?implementation of (?:the )?"
    r"recommendations|implementation of (?:the )?recommendations of the (?:United Nations )?"
    r"Board of Auditors|selection of (?:the )?recommendations|management response to (?:the|an?)\b",
    re.IGNORECASE,
)
#: a word each match of _COMPILATION_DOC contains
_COMPILATION_WORDS = ("compilation", "stakeholders", "status of", "board of auditors",
                      "selection of", "management response")
#: a word any directive needs (English, French, Spanish); without one, and outside a list,
#: a paragraph recommends nothing
_CUES = ("recom", "urg", "call", "encourag", "discourag", "request", "invit", "suggest", "advis",
         "advic", "exhort", "entreat", "appeal", "reiterat", "reaffirm", "renew", "should", "engag",
         "prie", "demand", "insta", "alient", "pide", "solicit", "exig", "devr", "deber", "wish",
         "may consider", "might consider", "may also consider")


def _has_cue(text: str) -> bool:
    """A word any directive needs: substring tests, far cheaper than one case-blind
    alternation (``cues.may_mention``, which also lets through the letters such patterns
    read as "i" or "s")."""
    return may_mention(text, _CUES)


#: a first sentence whose agentless "should also" adds to the recommendation before it
_CONTINUES = re.compile(r"^[^.;:]{3,300}?\bshould[ ]+also[ ]+be[ ]+\w+ed\b")
_BULLET = re.compile(r"^\s*(?:[•●▪◦‣∙·–-]|\([a-z]{1,4}\)|[a-z]\))\s")
_LIST_NUMBER = re.compile(r"^\d{1,3}\.\s+(?:To|That)\b")
_LABEL = re.compile(r"^(?:Recommendation|Recommandation|Recomendación)\s+\d+", re.IGNORECASE)
#: "Evaluation recommendation 3:", "Recommendation 2.", "Audit recommendation 12:"
_LABELLED = re.compile(r"^\s*(?:(?:[A-Z][\w-]*|OIOS|JIU|IEO)\s+){0,2}[Rr]ecommendation\s+\d+[a-z]?"
                       r"\s*[:.]\s+")
_RESPONSE_HEADING = re.compile(r"\brecommendations and (?:\w+ )?management response", re.IGNORECASE)
_RESPONSE = re.compile(r"^\s*(?:management|administration)(?:’s|'s)?\s+(?:response|comments?)\s*:",
                       re.IGNORECASE)
#: the opening of a summary of statements ("several representatives made statements")
_STATEMENTS = re.compile(
    r"\b(?:made|delivered) statements\b|\bfollowing main points\b|\bmain points (?:emerged|were "
    r"made|were raised)\b|\bemerged from the discussion|"
    r"\b(?:representatives?|delegations?|delegates?|participants?|speakers?|panellists?|members)"
    # not the present passive of an invitation to them ("Participants are encouraged to")
    r"\b(?![ ]+(?:are|is)\b)(?:[ ]+\w+){0,5}?[ ]+(?:said|stated|noted|stressed|emphasi[sz]ed|"
    r"highlighted|underlined|"
    r"underscored|called|urged|encouraged|suggested|recommended|expressed|welcomed|observed|"
    r"raised|pointed out|proposed|argued|indicated|agreed|questioned|maintained|outlined|"
    r"reiterated|recalled|explained|added|mentioned|acknowledged|asked|requested)\b",
    re.IGNORECASE)
#: a word each match of _STATEMENTS contains
_STATEMENT_WORDS = ("statements", "main points", "emerged", "representative", "delegat",
                    "participant", "speaker", "panellist", "members")


def analyse(paragraphs: list[Paragraph], symbol: str = "", title: str = "") -> list[Finding]:
    """One finding per paragraph, in order."""
    findings: list[Finding] = []
    if not paragraphs:
        return findings
    texts = [p.text for p in paragraphs]
    front = " ".join([title, *texts[:6]])
    author = infer_author(texts, title, symbol)
    context = ReportContext(
        author=author,
        council=council_of(" ".join(texts)),
        commissioner=commissioner_of(" ".join([title, *texts])),
        compilation=may_mention(front, _COMPILATION_WORDS) and bool(_COMPILATION_DOC.search(front)),
        document_author=author,
        symbol=symbol,
        texts=texts,
    )
    headings = {h for p in paragraphs for h in p.section}
    # a management response restates the recommendations it answers, as a tracking report does
    context.compilation = context.compilation or any(_RESPONSE_HEADING.search(h) for h in headings)
    context.track_bodies = context.compilation or any(_tracks(h) for h in headings)
    context.answered = answered_document(title, texts[:4])
    if tracks_agreed_actions(title, texts, headings):
        context.agreed_by = audit_office([title, *texts])
    context.last_source = context.answered
    read_statuses(paragraphs, context)
    annex_authors: dict[str, Author] = {}
    # a compilation of contributions: each section speaks for its contributor
    contributors = section_authors(paragraphs) if is_contributions(title, texts) else {}
    for paragraph in paragraphs:
        context.author = annex_author(paragraph, context, annex_authors, texts)
        if contributors and paragraph.section and not paragraph.annex:
            context.author = contributors.get(paragraph.section[0], context.author)
        findings.append(_analyse_paragraph(paragraph, context))
        context.last_own = findings[-1].kind == OWN
    if not reviews_reports(author):
        fill_implicit_addressees(findings)
    return findings


def mark_recommendations(
    paragraphs: list[Paragraph], symbol: str | None = None, title: str | None = None
) -> None:
    """Set ``is_recommendation``, addressees, actions, recommenders and instruments."""
    for paragraph, finding in zip(paragraphs, analyse(paragraphs, symbol or "", title or ""),
                                  strict=True):
        paragraph.is_recommendation = finding.is_recommendation
        paragraph.addressees = [keyword(v) for v in finding.addressees]
        paragraph.actions = [keyword(v) for v in finding.actions]
        paragraph.recommenders = [keyword(v) for v in finding.recommenders]
        paragraph.instruments = finding.instruments
        paragraph.upr_status = finding.upr_status


def _analyse_paragraph(head: Paragraph, context: ReportContext) -> Finding:
    """The finding for one paragraph (``head``: the paragraph, which carries number, label
    and section), in document order: ``context`` remembers the chapeau and bodies before it."""
    text = head.text
    author = context.author
    label = head.label if head.label and _LABEL.match(head.label) else None
    if label:
        text = re.sub(rf"^\s*{re.escape(label)}\s*", "", text)
    if context.track_bodies:
        note_bodies(text, context)
    if context.agreed_by and head.number:
        row = agreed_row(text)  # "Management agreed to ...": an audit recommendation restated
        if row:
            return Finding(True, REPORTED, row[0], [row[1]] if row[1] else [],
                           [context.agreed_by], find_instruments(text))
    rec_section = in_recommendation_section(head.section)
    item_number = bool(head.number and ITEM_NUMBER.match(head.number))
    if not (label or rec_section or item_number or context.chapeau is not None or
            text.rstrip().endswith(":") or _has_cue(text)):
        # no verb of recommending and no list a bare imperative could belong to: most
        # paragraphs of a report end here, before any clause is parsed
        return Finding()
    if _RESPONSE.match(text):
        return Finding()  # "Management response: UNDP agrees ...": an answer to one
    labelled = _LABELLED.match(text)
    if labelled and not label:
        label = labelled.group(0).rstrip(" :.")
        text = text[labelled.end():]
    parts = segments(text)
    directives = find_directives(text, author.is_self, parts)
    if parts and may_mention(parts[0], _STATEMENT_WORDS) and _STATEMENTS.search(parts[0]):
        # a summary of what speakers said: its unframed "should" continues their words
        directives = [replace(d, voice=REPORTED) if d.form in ("should", "passive") and
                      not d.framed else d for d in directives]
    compilation = context.compilation or any(_tracks(h) for h in head.section)
    states = _states(text, parts)
    # "The Committee recommended that States Parties: (a) Amend ... (Angola and Zambia)" in a
    # compilation: the States in brackets are those the body addressed, not recommending States
    restated = compilation and bool(directives) and directives[0].form == "performative" and \
        bool(directives[0].speaker)
    is_item = item_number or bool(_LIST_NUMBER.match(text)) or bool(
        states and rec_section and not restated and _opens_with_imperative(directives))
    chapeau, context.chapeau = context.chapeau, None
    if not is_english(text):
        if has_cue(text, should=rec_section):
            addressees = romance_addressees(text)
            return Finding(True, OWN, addressees, [],
                           [keyword(author.name)] if author.name else [],
                           find_instruments(text), implicit_addressee=not addressees,
                           addressee_printed=bool(addressees))
        return Finding()

    counted: list[Directive] = []
    kind = ""
    # a hedged lead-in ("X could:") only carries its addressee to the items that follow
    own = [d for d in directives if d.voice == OWN and d.form != "imperative" and d.strong or
           d.voice == OWN and d.form not in ("imperative", "hedged")]
    strong_own = [d for d in own if d.strong]
    framed = [d for d in own if d.framed]
    imperatives = [d for d in directives if d.form == "imperative" and (d.strong or is_item)]
    reported = [d for d in directives if d.voice == REPORTED and d.form != "imperative"]
    if is_item and _opens_with_imperative(directives):
        kind, counted = OWN, [*imperatives, *strong_own]
    elif label and (strong_own or own or imperatives):
        kind, counted = OWN, strong_own or own or imperatives
    elif strong_own or framed:
        kind, counted = OWN, strong_own + [d for d in framed if d not in strong_own]
    elif chapeau is not None and imperatives and (chapeau.voice == OWN or compilation):
        kind = chapeau.voice
        counted = [Directive("imperative", chapeau.voice, chapeau.speaker, chapeau.addressee,
                             imperatives[0].action, True)]
        context.chapeau = chapeau  # the next item of the same list hangs on it too
    elif rec_section and not compilation and (own or imperatives):
        kind, counted = OWN, [d for d in directives if d in own or d in imperatives]  # in order
    elif context.last_own and _CONTINUES.match(text) and (continued := [
            d for d in directives if d.form == "should" and d.voice == OWN and d.segment == 0]):
        # "it is recommended that the Conference adopt a report ...", then "Summaries of the
        # meetings ... should also be included in the report": the same recommendation goes on
        kind, counted = OWN, continued[:1]
    elif compilation and reported:
        kind, counted = REPORTED, reported
    elif compilation and rec_section and (own or imperatives):
        # the recommendations a tracking report or management response restates
        kind, counted = REPORTED, own + imperatives
    if kind and counted and all(re.match(r"you\b", d.addressee, re.IGNORECASE)
                                for d in counted if d.addressee) and any(
            d.addressee for d in counted):
        kind = ""  # "We recommend that you reserve your accommodation": advice to the reader
    if not kind:
        if directives and text.rstrip().endswith(":"):
            context.chapeau = _last_chapeau(directives) or directives[-1]
        elif chapeau is not None and _BULLET.match(text):
            context.chapeau = chapeau  # an item not understood does not end its list
        return Finding()
    if text.rstrip().endswith(":"):
        context.chapeau = _last_chapeau(directives) or counted[-1]
    if label and compilation and kind == OWN:
        kind = REPORTED  # a tracking document restates others' numbered recommendations
    if context.answered and kind == OWN and rec_section:
        # a management response recommends nothing itself: under "Key evaluation
        # recommendations and management response" it restates what it answers
        kind = REPORTED
    finding = build_finding(kind, counted, directives, head, text, states, is_item, context)
    source = re.match(r"^(\w+)\s+recommendation", label or "", re.IGNORECASE)
    if source and source.group(1).lower() not in ("formal", "informal", "key", "main", "general"):
        finding.kind = REPORTED  # "Evaluation recommendation 3:" in a management response
        answered = source.group(1).lower() in context.answered.lower()
        finding.recommenders = [context.answered if answered else source.group(1)]
    return finding


def _last_chapeau(directives: list[Directive]) -> Directive | None:
    """The directive whose actions follow as items ("... are called on to:")."""
    return next((d for d in reversed(directives) if d.chapeau), None)


def _states(text: str, parts: list[str]) -> list[str]:
    """Recommending States of an item, or of every item of a list printed in one paragraph."""
    if ")" not in text:  # they end with "(Nigeria)"
        return []
    states: list[str] = []
    for part in [*parts, text]:
        for state in recommending_states(part):
            if state not in states:
                states.append(state)
    return states


def _opens_with_imperative(directives: list[Directive]) -> bool:
    return bool(directives) and any(
        d.form == "imperative" and d.segment <= 1 for d in directives[:3])


