"""To whom and by whom: the finding for a paragraph judged a recommendation.

Once ``recommendations`` has decided that a paragraph recommends and which of
its directives count, this module names the recommenders (the report's
author, the recommending States of a UPR item, the body a compilation
restates, resolved through "The same Committee"), the addressees in the
vocabulary of ``addressees`` (printed, implicit from the report's habits, or
the default of its author or series) and the actions asked for.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

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
    is_pronoun,
)
from .bodies import Author, anaphora_head, body_of_subject
from .clauses import OWN, REPORTED, main_subject, sentences
from .instruments import find_instruments
from .model import Paragraph
from .operative import Directive
from .reportcontext import ReportContext, announced_addressee, focus_of
from .states import STATE_NAME_RE
from .upr import item_prefix

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


def reviews_reports(author: Author) -> bool:
    """The Advisory Committee comments on the Secretary-General's reports: its remarks that
    name no one ("the format of the report should ...") are for him, even where most of its
    printed recommendations go to the General Assembly that decides."""
    return "advisory committee on administrative" in author.name.lower()


def fill_implicit_addressees(findings: list[Finding]) -> None:
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


def build_finding(
    kind: str, counted: list[Directive], directives: list[Directive], head: Paragraph,
    text: str, states: list[str], is_item: bool, context: ReportContext,
) -> Finding:
    """The finding for a paragraph that recommends: its kind, the directives that count, the
    recommenders, addressees, actions and instruments, and a UPR item's support status."""
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
    kind: str, counted: list[Directive], states: list[str], is_item: bool, context: ReportContext
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


def _resolve_anaphora(speaker: str, context: ReportContext) -> str | None:
    head = anaphora_head(speaker)
    if head is None:
        return None
    for body in reversed(context.bodies):
        if not head or head.split()[-1] in body.lower():
            return body
    return None


def note_bodies(text: str, context: ReportContext) -> None:
    """Remember the bodies named as subjects, for "The same Committee" later on."""
    for sentence in sentences(text):
        subject = main_subject(sentence)
        body = body_of_subject(subject) if subject else None
        if body:
            context.bodies.append(body)


def _addressees(
    kind: str, counted: list[Directive], recommenders: list[str], is_item: bool, text: str,
    context: ReportContext,
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
            before = text.split(phrase)[0] if phrase in text else ""
            categories = previous or (classify(before, context.council, context.commissioner)[-1:]
                                      if before else [])
        elif _BARE_PARTIES.fullmatch(phrase.strip()) and _TREATY_PARTIES.search(text):
            # "urges parties to the Paris Agreement to ..., encourages parties to ...": the
            # same parties, States
            categories = [STATES]
        else:
            categories = classify(phrase, context.council, context.commissioner)
            if not categories and directive.form in ("performative", "passive") and \
                    _NAMED.fullmatch(phrase.strip()):
                # "We request CSW to bring ...": a body the vocabulary does not know
                categories = [OTHER]
            if _NATIONAL.search(phrase) and focus_of(context):
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
    if found and OTHER not in found and kind == OWN and any(
            d.form == "performative" and not d.addressee and not d.chapeau and not d.speaker
            for d in counted):
        # "calls for renewed efforts to restrict ... and urges all companies to ...": the call
        # that names no one is addressed to anyone concerned, beside the companies
        found.append(OTHER)
    if found:
        return found, "printed"
    theirs = _THEIR_EFFORTS.search(text) if kind == OWN and counted and all(
        d.form == "performative" and not d.addressee for d in counted) else None
    if theirs:
        # "commends the efforts of all MONUSCO contingents ... and encourages the continuation
        # of their efforts": those named last before "their"
        named = classify(text[: theirs.start()], context.council, context.commissioner)[-1:]
        if named:
            return named, "printed"
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
    return [announced_addressee(context) or _default_addressee(context.author)], how


#: the object of an actorless call is what "they" do ("the continuation of their efforts")
_THEIR_EFFORTS = re.compile(r"\b(?:continuation|pursuit|intensification|strengthening) of their "
                            r"(?:\w+ )?(?:efforts|work|activities|engagement)\b")
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
