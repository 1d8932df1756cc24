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
  recommended that Slovenia ...").

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
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .addressees import (
    GENERAL_ASSEMBLY,
    GOVERNMENT,
    HUMAN_RIGHTS_COUNCIL,
    OTHER,
    SECRETARY_GENERAL,
    SECURITY_COUNCIL,
    STATE_PARTY,
    STATES,
    UN_SYSTEM,
    classify,
    council_of,
    is_pronoun,
)
from .bodies import Author, anaphora_head, body_of_subject, infer_author
from .clauses import OWN, REPORTED, main_subject, segments, sentences
from .contributors import is_contributions, section_authors
from .directives import Directive, find_directives
from .instruments import find_instruments
from .model import Paragraph
from .multilingual import has_cue, is_english, romance_addressees
from .recvalues import keyword
from .states import STATE_NAME_RE
from .upr import item_prefix, recommending_states, status_from_text

#: advice as the document's kind ("Expert Mechanism Advice No. 18"), capitalised as a title;
#: not the topic "policy advice"
_HEADING_RE = re.compile(r"(?i:recommend|recommand|recomend)|\b(?:Advice|ADVICE|Avis|AVIS|"
                         r"Asesoramiento|ASESORAMIENTO)\b")
_COMPILATION_HEADING = re.compile(
    r"selection of (?:the )?recommendations|recommendations (?:made|issued) by|"
    r"status of (?:the )?(?:implementation of (?:the )?)?(?:[\w-]+ )?recommendations|"
    r"\bcompilation\b",
    re.IGNORECASE,
)
_COMPILATION_DOC = re.compile(
    r"\b(?:is|be|are) a compilation of|\bcompilation of (?:information|the recommendations)|"
    r"summary of (?:\d+ )?stakeholders|status of (?:the )?implementation of (?:the )?"
    r"recommendations|implementation of (?:the )?recommendations of the (?:United Nations )?"
    r"Board of Auditors|selection of (?:the )?recommendations|management response to (?:the|an?)\b",
    re.IGNORECASE,
)
_ITEM_NUMBER = re.compile(r"^\d+\.\d+$")
#: a word any directive needs (English, French, Spanish); without one, and outside a list,
#: a paragraph recommends nothing
_CUES = ("recom", "urg", "call", "encourag", "request", "invit", "suggest", "advis", "advic",
         "exhort", "entreat", "appeal", "reiterat", "reaffirm", "renew", "should", "engag", "prie",
         "demand", "insta", "alient", "pide", "solicit", "exig", "devr", "deber", "wish",
         "may consider", "might consider", "may also consider")


def _has_cue(text: str) -> bool:
    lowered = text.lower()  # substring tests: far cheaper than one case-blind alternation
    return any(cue in lowered for cue in _CUES)
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
    r"\b(?:[ ]+\w+){0,5}?[ ]+(?:said|stated|noted|stressed|emphasi[sz]ed|highlighted|underlined|"
    r"underscored|called|urged|encouraged|suggested|recommended|expressed|welcomed|observed|"
    r"raised|pointed out|proposed|argued|indicated|agreed|questioned|maintained|outlined|"
    r"reiterated|recalled|explained|added|mentioned|acknowledged|asked|requested)\b",
    re.IGNORECASE)
_TREATY_BODY = re.compile(r"^(?:Committee (?:on|against)|Human Rights Committee|"
                          r"Subcommittee on Prevention)")


@dataclass(slots=True)
class Finding:
    """What the detector concluded about one paragraph."""

    is_recommendation: bool = False
    kind: str = ""  # "own", "reported" or ""
    addressees: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    recommenders: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    upr_status: str | None = None  # UPR items: "supported", "noted", "pending"
    #: the addressee was not printed and was filled in from the report's habits
    implicit_addressee: bool = False
    #: the addressee was printed (not a default): it tells the report's habits
    addressee_printed: bool = True


def in_recommendation_section(section: list[str]) -> bool:
    """True when any heading of the path names recommendations or advice, in any UN language."""
    return any(_names_recommendations(heading) for heading in section)


@lru_cache(maxsize=4096)
def _names_recommendations(heading: str) -> bool:
    return bool(_HEADING_RE.search(heading))


@dataclass(slots=True)
class _Context:
    author: Author  # of the paragraph being read: an annexed report speaks for its own author
    council: str | None
    compilation: bool
    document_author: Author = field(default_factory=Author)
    symbol: str = ""
    #: the report's paragraphs, for what is worked out only when needed
    texts: list[str] = field(default_factory=list)
    #: the one State a country report is about ("national authorities" are its Government);
    #: "" until worked out
    focus: str | None = ""
    bodies: list[str] = field(default_factory=list)  # bodies named as subjects, in order
    #: the bodies are needed only to resolve "The same Committee" in a compilation
    track_bodies: bool = False
    #: the source a restated recommendation was last attributed to
    last_source: str = ""
    #: a management response: the evaluation, review or audit whose recommendations it answers
    answered: str = ""
    chapeau: Directive | None = None  # a recommending chapeau ending the previous paragraph
    statuses: dict[str, str] = field(default_factory=dict)  # UPR chapeau number -> status
    default_status: str | None = None


def analyse(paragraphs: list[Paragraph], symbol: str = "", title: str = "") -> list[Finding]:
    """One finding per paragraph, in order."""
    findings = [Finding() for _ in paragraphs]
    if not paragraphs:
        return findings
    texts = [p.text for p in paragraphs]
    front = " ".join([title, *texts[:6]])
    author = infer_author(texts, title, symbol)
    context = _Context(
        author=author,
        council=council_of(" ".join(texts)),
        compilation=bool(_COMPILATION_DOC.search(front)),
        document_author=author,
        symbol=symbol,
        texts=texts,
    )
    headings = {h for p in paragraphs for h in p.section}
    # a management response restates the recommendations it answers, as a tracking report does
    context.compilation = context.compilation or any(_RESPONSE_HEADING.search(h) for h in headings)
    context.track_bodies = context.compilation or any(
        _COMPILATION_HEADING.search(h) for h in headings)
    context.answered = _answered_document(title, texts[:4])
    context.last_source = context.answered
    _read_statuses(paragraphs, context)
    annex_authors: dict[str, Author] = {}
    # a compilation of contributions: each section speaks for its contributor
    contributors = section_authors(paragraphs) if is_contributions(title, texts) else {}
    for index, paragraph in enumerate(paragraphs):
        context.author = _annex_author(paragraph, context, annex_authors, texts)
        if contributors and paragraph.section and not paragraph.annex:
            context.author = contributors.get(paragraph.section[0], context.author)
        findings[index] = _analyse_paragraph(paragraph, context)
    if not _reviews_reports(author):
        _fill_implicit_addressees(findings)
    return findings


_ANSWERED = re.compile(
    r"\bmanagement response (?:to|on) (?:the |an? )?(?P<source>(?:[\w-]+ ){0,3}?(?:evaluation|"
    r"review|audit|assessment|inspection)(?: of [^.;:()]{3,120}?)?)(?=\s*(?:[.;:(]|$|\b(?:is|was|"
    r"are|summari[sz]es|provides|sets)\b))", re.IGNORECASE)


def _answered_document(title: str, texts: list[str]) -> str:
    """What a management response answers ("the management response to the evaluation of the
    UNICEF Strategic Plan, 2022–2025"): the source of the recommendations it restates; of the
    names printed, the fullest."""
    names = [m.group("source") for text in (title, *texts) for m in _ANSWERED.finditer(text)]
    return max(names, key=lambda name: (" of " in name, len(name))) if names else ""


def _reviews_reports(author: Author) -> bool:
    """The Advisory Committee comments on the Secretary-General's reports: its remarks that
    name no one ("the format of the report should ...") are for him, even where most of its
    printed recommendations go to the General Assembly that decides."""
    return "advisory committee on administrative" in author.name.lower()


_NAME_WORD = r"(?:[A-Z][\w’'-]*|of|on|for|and|the|against)"
_ANNEXED_REPORT = re.compile(
    r"^Annex\b[^A-Za-z]*(?:[IVX]+\b[^A-Za-z]*)?(?:Report|Note|Study|Statement|Summary) "
    rf"(?:of|by|from) the (?P<name>{_NAME_WORD}(?:[ ]+{_NAME_WORD})*)")


def _annex_author(paragraph: Paragraph, context: _Context, cache: dict[str, Author],
                  texts: list[str]) -> Author:
    """A report annexed to a letter or note ("Annex. Report of the United Nations Office on
    Drugs and Crime ...") speaks in its author's voice, not the transmitting one's."""
    heading = paragraph.section[0] if paragraph.annex and paragraph.section else ""
    if not heading:
        return context.document_author
    if heading not in cache:
        match = _ANNEXED_REPORT.match(heading)
        name = re.sub(r"(?:[ ]+(?:of|on|for|and|the|against))+$", "", match.group("name")) \
            if match else ""
        if not name or name.lower() in context.document_author.heads:
            cache[heading] = context.document_author  # infer_author added its acronym
        else:
            heads = {name.lower(), name.split()[-1].lower()}
            acronym = re.search(rf"{re.escape(name)}\s*\(([A-Z][A-Za-z-]{{1,10}})\)",
                                "\n".join(texts))
            if acronym:
                heads.add(acronym.group(1).lower())
            cache[heading] = Author(name, heads)
    return cache[heading]


def _focus_of(context: _Context) -> str | None:
    if context.focus == "":  # scanning a report for State names is dear: only when asked
        context.focus = _focus_state(context.texts)
    return context.focus


def _focus_state(texts: list[str]) -> str | None:
    """The State a country report is about: most of the States it names are that one."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(m.group(0) for m in STATE_NAME_RE.finditer(text))
    if not counts:
        return None
    (state, count), *rest = counts.most_common(2)
    runner_up = rest[0][1] if rest else 0
    return state if count >= 5 and count >= 0.4 * sum(counts.values()) and \
        count >= 1.5 * runner_up else None


def _fill_implicit_addressees(findings: list[Finding]) -> None:
    """A recommendation that names no addressee is taken to go where the report's others go
    ("Data should be protected" in advice otherwise addressed to States)."""
    counts: Counter[str] = Counter()
    for finding in findings:
        if finding.kind == OWN and finding.addressee_printed:
            counts.update(finding.addressees)
    if not counts:
        return
    usual = counts.most_common(1)[0][0]
    for finding in findings:
        if finding.kind == OWN and finding.implicit_addressee:
            finding.addressees = [usual]


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


def _read_statuses(paragraphs: list[Paragraph], context: _Context) -> None:
    """Support status from UPR chapeaux ("will be examined by", "enjoy the support of")."""
    found = set()
    for paragraph in paragraphs:
        if paragraph.number and not _ITEM_NUMBER.match(paragraph.number) and \
                in_recommendation_section(paragraph.section):
            status = status_from_text(paragraph.text)
            if status:
                context.statuses[paragraph.number] = status
                found.add(status)
    if len(found) == 1:
        context.default_status = found.pop()


def _analyse_paragraph(head: Paragraph, context: _Context) -> Finding:
    """The finding for one paragraph (``head``: the paragraph, which carries number, label
    and section), in document order: ``context`` remembers the chapeau and bodies before it."""
    text = head.text
    author = context.author
    label = head.label if head.label and _LABEL.match(head.label) else None
    if label:
        text = re.sub(rf"^\s*{re.escape(label)}\s*", "", text)
    if context.track_bodies:
        _note_bodies(text, context)
    rec_section = in_recommendation_section(head.section)
    item_number = bool(head.number and _ITEM_NUMBER.match(head.number))
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
    if parts and _STATEMENTS.search(parts[0]):
        # a summary of what speakers said: its unframed "should" continues their words
        directives = [replace(d, voice=REPORTED) if d.form in ("should", "passive") and
                      not d.framed else d for d in directives]
    compilation = context.compilation or any(
        _COMPILATION_HEADING.search(h) for h in head.section)
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
        kind, counted = OWN, own + imperatives
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
    finding = _finding(kind, counted, directives, head, text, states, is_item, context)
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


def _finding(
    kind: str, counted: list[Directive], directives: list[Directive], head: Paragraph,
    text: str, states: list[str], is_item: bool, context: _Context,
) -> Finding:
    recommenders = _recommenders(kind, counted, states, is_item, context)
    addressees, how = _addressees(kind, counted, recommenders, is_item, text, context)
    actions: list[str] = []
    for directive in counted:
        action = directive.action
        if not action and directive.chapeau:
            later = [d for d in directives if d.form == "imperative" and
                     d.segment > directive.segment]
            action = later[0].action if later else ""
        if action and action not in actions:
            actions.append(action)
    finding = Finding(True, kind, addressees, actions, recommenders, find_instruments(text),
                      implicit_addressee=how == "implicit", addressee_printed=how == "printed")
    if is_item:
        prefix = item_prefix(head.number)
        finding.upr_status = context.statuses.get(prefix or "", context.default_status)
    return finding


def _recommenders(
    kind: str, counted: list[Directive], states: list[str], is_item: bool, context: _Context
) -> list[str]:
    if is_item and states:
        return states
    if kind == OWN:
        if context.author.name:
            return [context.author.name]
        speaker = next((d.speaker for d in counted if d.speaker), "")
        body = body_of_subject(speaker) if speaker else None
        return [body] if body else []
    own_name = context.document_author.name
    for directive in counted:
        if not directive.speaker:
            continue
        # "The Committee recommended ..." in the annex of the Committee's own report, which
        # restates its concluding observations: the report's author, by its full name
        body = (own_name if own_name and re.fullmatch(r"(?:[Tt]he\s+)?\w+", directive.speaker)
                and context.document_author.is_self(directive.speaker) else None) or \
            body_of_subject(directive.speaker) or _resolve_anaphora(
            directive.speaker, context) or _document_source(directive.speaker)
        if body:
            context.last_source = body
            return [body]
    # a tracking report restates the recommendations of the source it last named
    return [context.last_source] if context.last_source and kind == REPORTED else []


_SOURCE_DOCUMENT = re.compile(r"^(?:the|this|that|an?)\s+((?:[\w-]+\s+){0,3}(?:review|evaluation|"
                              r"audit|assessment|study|survey))$", re.IGNORECASE)


def _document_source(speaker: str) -> str | None:
    """'The independent review suggests ...': a review, evaluation or audit as the source."""
    match = _SOURCE_DOCUMENT.match(speaker.strip())
    return match.group(1) if match else None


def _resolve_anaphora(speaker: str, context: _Context) -> str | None:
    head = anaphora_head(speaker)
    if head is None:
        return None
    for body in reversed(context.bodies):
        if not head or head.split()[-1] in body.lower():
            return body
    return None


def _note_bodies(text: str, context: _Context) -> None:
    """Remember the bodies named as subjects, for "The same Committee" later on."""
    for sentence in sentences(text):
        subject = main_subject(sentence)
        body = body_of_subject(subject) if subject else None
        if body:
            context.bodies.append(body)


def _addressees(
    kind: str, counted: list[Directive], recommenders: list[str], is_item: bool, text: str,
    context: _Context,
) -> tuple[list[str], str]:
    """The addressee categories, and how they were found: "printed", "implicit" (to be filled
    in from the report's habits) or "unspecified" (a default)."""
    if is_item and kind == OWN:
        return [GOVERNMENT], "printed"
    treaty_body = kind == REPORTED and any(_TREATY_BODY.match(r) for r in recommenders)
    found: list[str] = []
    previous: list[str] = []
    for directive in counted:
        phrase = directive.addressee
        if not phrase:
            continue
        if is_pronoun(phrase):
            categories = previous or (classify(text.split(phrase)[0], context.council)[-1:]
                                      if phrase in text else [])
        elif _BARE_PARTIES.fullmatch(phrase.strip()) and _TREATY_PARTIES.search(text):
            # "urges parties to the Paris Agreement to ..., encourages parties to ...": the
            # same parties, States
            categories = [STATES]
        else:
            categories = classify(phrase, context.council)
            if not categories and directive.form in ("performative", "passive") and \
                    _NAMED.fullmatch(phrase.strip()):
                # "We request CSW to bring ...": a body the vocabulary does not know
                categories = [OTHER]
            if _NATIONAL.search(phrase) and _focus_of(context):
                # a country report's "national authorities" are that country's Government
                categories = [GOVERNMENT if c == STATES else c for c in categories]
        previous = categories or previous
        if treaty_body:
            named_state = bool(STATE_NAME_RE.search(phrase)) and "Government" not in phrase
            categories = [STATE_PARTY if (c == GOVERNMENT and named_state) or c == STATES
                          else c for c in categories]
        for category in categories:
            if category not in found:
                found.append(category)
    if found:
        return found, "printed"
    # an impersonal "should" goes where the report's other recommendations go; a "call for"
    # with no one named stays unspecified
    how = "unspecified" if all(d.action == "call for" for d in counted) else "implicit"
    organ = _organ_of(context.symbol)
    if organ and kind == OWN and context.author.name == "Secretary-General" and all(
            d.form == "performative" and d.action in _DECISIONS for d in counted):
        # "I recommend the extension of the Mission for one year": a decision only the organ
        # the report goes to can take
        return [organ], "printed"
    if _BOARD_SERIES.match(context.symbol):
        return [UN_SYSTEM], how
    if kind == REPORTED:
        return [STATE_PARTY if treaty_body else GOVERNMENT], how
    return [_default_addressee(context.author)], how


_BARE_PARTIES = re.compile(r"(?:the\s+|all\s+)?parties", re.IGNORECASE)
_TREATY_PARTIES = re.compile(r"\bparties to the (?:[A-Z][\w-]* )*(?:Convention|Agreement|Protocol|"
                             r"Covenant|Treaty)\b")

#: what a Secretary-General's report recommends without naming who is to decide
_DECISIONS = {"extend", "renew", "establish", "approve", "authorize", "adopt"}
_ORGANS = [(re.compile(r"^A/HRC/"), HUMAN_RIGHTS_COUNCIL), (re.compile(r"^A/"), GENERAL_ASSEMBLY),
           (re.compile(r"^S/"), SECURITY_COUNCIL)]


def _organ_of(symbol: str) -> str | None:
    """The principal organ a report goes to, by its symbol's series."""
    return next((organ for pattern, organ in _ORGANS if pattern.match(symbol or "")), None)


#: documents of the executive boards of UN funds and programmes: their recommendations (of
#: auditors, evaluators, the board) are for the organization itself
_BOARD_SERIES = re.compile(r"^(?:DP/|E/ICEF/|UNW/|WFP/EB|UNEP/EA)")


#: an addressee printed as an acronym ("CSW"): a body, though not one the vocabulary knows
_NAMED = re.compile(r"(?:the\s+)?[A-Z]{2,}[A-Za-z-]*")
_NATIONAL = re.compile(r"\bnational (?:and local )?(?:authorities|Government)\b", re.IGNORECASE)


def _default_addressee(author: Author) -> str:
    """Whom a report's recommendation with no stated addressee is for."""
    name = author.name.lower()
    if "advisory committee on administrative" in name:
        return SECRETARY_GENERAL
    if "joint inspection unit" in name:
        return UN_SYSTEM
    return OTHER
