"""What the detector knows of the whole report while it reads the paragraphs in order.

A paragraph is judged in its report: who wrote the report (and who wrote a
report annexed to it), which council "the Council" is, whether the report
compiles or tracks others' recommendations, which evaluation a management
response answers, the support status its UPR chapeaux give, the one State a
country report is about, and the chapeau and bodies met so far. This record
and the readings of the report that fill it are kept apart from the rules
that judge a paragraph (``recommendations``) and name its addressees and
recommenders (``attribution``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .bodies import Author
from .cues import may_mention
from .model import Paragraph
from .operative import Directive
from .states import STATE_NAME_RE
from .upr import status_from_text
from .verbs import is_base_verb

#: advice as the document's kind ("Expert Mechanism Advice No. 18"), capitalised as a title;
#: not the topic "policy advice"
_HEADING_RE = re.compile(r"(?i:recommend|recommand|recomend)|\b(?:Advice|ADVICE|Avis|AVIS|"
                         r"Asesoramiento|ASESORAMIENTO)\b")
ITEM_NUMBER = re.compile(r"^\d+\.\d+$")


def in_recommendation_section(section: list[str]) -> bool:
    """True when any heading of the path names recommendations or advice, in any UN language."""
    return any(_names_recommendations(heading) for heading in section)


@lru_cache(maxsize=4096)
def _names_recommendations(heading: str) -> bool:
    return bool(_HEADING_RE.search(heading))


@dataclass(slots=True)
class ReportContext:
    author: Author  # of the paragraph being read: an annexed report speaks for its own author
    council: str | None
    compilation: bool
    #: what "the High Commissioner" alone means in this report (``commissioner_of``)
    commissioner: str = "OHCHR"
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
    #: the paragraph before recommended in the report's own voice (for "should also be ...")
    last_own: bool = False
    #: a table of agreed audit actions: the audit office whose recommendations its rows restate
    agreed_by: str = ""
    #: whom the report says its recommendations are for ("This policy brief provides
    #: recommendations for policymakers ..."); "" until worked out
    announced: str | None = ""


_ANSWERED = re.compile(
    r"\bmanagement response (?:to|on) (?:the |an? )?(?P<source>(?:[\w-]+ ){0,3}?(?:evaluation|"
    r"review|audit|assessment|inspection)(?: of [^.;:()]{3,120}?)?)(?=\s*(?:[.;:(]|$|\b(?:is|was|"
    r"are|summari[sz]es|provides|sets)\b))", re.IGNORECASE)


def answered_document(title: str, texts: list[str]) -> str:
    """What a management response answers ("the management response to the evaluation of the
    UNICEF Strategic Plan, 2022–2025"): the source of the recommendations it restates; of the
    names printed, the fullest."""
    names = [m.group("source") for text in (title, *texts) for m in _ANSWERED.finditer(text)]
    return max(names, key=lambda name: (" of " in name, len(name))) if names else ""


_NAME_WORD = r"(?:[A-Z][\w’'-]*|of|on|for|and|the|against)"
_ANNEXED_REPORT = re.compile(
    r"^Annex\b[^A-Za-z]*(?:[IVX]+\b[^A-Za-z]*)?(?:Report|Note|Study|Statement|Summary) "
    rf"(?:of|by|from) the (?P<name>{_NAME_WORD}(?:[ ]+{_NAME_WORD})*)")


def annex_author(paragraph: Paragraph, context: ReportContext, cache: dict[str, Author],
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


def focus_of(context: ReportContext) -> str | None:
    """The one State a country report is about, worked out the first time it is asked for."""
    if context.focus == "":  # scanning a report for State names is dear: only when asked
        context.focus = _focus_state(context.texts)
    return context.focus


#: the report's own words on whom its recommendations are for ("This policy brief provides
#: insights and recommendations for policymakers ..."), not "recommendations to improve ..."
_ANNOUNCED = re.compile(
    r"\b(?:this|the present)[ ]+(?:[\w-]+[ ]+){0,2}(?:provides|contains|makes|offers|presents|"
    r"sets out|includes)[^.;:]{0,60}?\brecommendations[ ]+(?:for|addressed[ ]+to)[ ]+"
    r"(?P<who>[^.;:()]{3,120})", re.IGNORECASE)
#: where a report says what it is: its first paragraphs
_ANNOUNCED_WITHIN = 12


def announced_addressee(context: ReportContext) -> str | None:
    """Whom the report says its recommendations are for, worked out the first time it is
    asked for: the addressee of those that name no one."""
    if context.announced == "":
        from .addressees import classify  # (addressees imports nothing of this module's)

        context.announced = None
        for text in context.texts[:_ANNOUNCED_WITHIN]:  # the word first: the pattern is
            # tried at every position
            match = _ANNOUNCED.search(text) if may_mention(text, ("recommendations",)) else None
            who = match.group("who") if match else ""
            categories = classify(who) if who and not is_base_verb(who.split()[0]) else []
            if categories:
                context.announced = categories[0]
                break
    return context.announced


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


def read_statuses(paragraphs: list[Paragraph], context: ReportContext) -> None:
    """Support status from UPR chapeaux ("will be examined by", "enjoy the support of")."""
    found = set()
    for paragraph in paragraphs:
        if paragraph.number and not ITEM_NUMBER.match(paragraph.number) and \
                in_recommendation_section(paragraph.section):
            status = status_from_text(paragraph.text)
            if status:
                context.statuses[paragraph.number] = status
                found.add(status)
    if len(found) == 1:
        context.default_status = found.pop()
