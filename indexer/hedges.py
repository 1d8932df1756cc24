"""Hedged proposals and lead-ins: "may wish to", "could:", "the following points are suggested".

"The General Assembly may wish to take note of the present report" proposes
to an actor that can act (the labelled set's "may wish to" convention); "In
addition, the members of the Security Council could:" and "The following
proposals are submitted for consideration:" lead in to items that carry the
actions. These are the softer forms of a directive, apart from the
performatives of ``directives``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .actions import first_action
from .addressees import classify, is_pronoun
from .clauses import OWN, REPORTED, clause_subject, frame_of
from .operative import Directive

#: "may wish to <act>", and its twin "may consider <doing>" ("Member States may consider further
#: formalizing annual resolutions"), not "may consider that" or "may consider the matter"
MAY_WISH = re.compile(r"(?<![\w-])(?:may|might)[ ]+(?:also[ ]+|therefore[ ]+|further[ ]+)?"
                       r"(?:wish[ ]+to[ ]+|(?=consider[ ]+(?:(?:further|also|[a-z]+ly)[ ]+)?"
                       r"[a-z]{3,}ing\b))")
#: "may wish to bear in mind that ...", "may wish to recall the latest developments": a fact to
#: keep in mind (about the report itself, as a rule), not an act
_MIND_THAT = re.compile(r"^(?:(?:(?:take|bear|keep)[ ]+(?:into[ ]+account|in[ ]+mind)|note|"
                        r"be[ ]+aware)[ ]+that\b|recall\b|(?:bear|keep)[ ]+in[ ]+mind\b)")
_TRAILING_NAME = re.compile(r"(?:\b[Tt]he[ ]+[A-Z][\w-]*(?:[ ]+(?:[A-Z][\w-]*|of|on|for|and|"
                            r"the))*)?[ ]*$")
_GIVE_CONSIDERATION = re.compile(r"^give[ ]+(?:(?:due|serious|favourable|favorable|further)[ ]+)?"
                                 r"consideration[ ]+to\b")


def hedged_clause(
    sentence: str, match: re.Match[str], is_self: Callable[[str], bool], segment: int
) -> Directive | None:
    """'The Committee may wish to request the secretariat to ...': the report proposes, in a
    hedge, what the body it goes to (or another actor that can act) might decide."""
    left = sentence[: match.start()]
    after = sentence[match.end():]
    if _MIND_THAT.match(after):
        return None
    # "In view of the above the Committee may wish to": an opener printed without its comma
    subject = clause_subject(left) or _TRAILING_NAME.search(left).group(0).strip()
    if not subject or re.search(r"\b(?:If|Should|Unless|Where|When|as)\b", left.split(",")[0]) \
            and subject == clause_subject(left.split(",")[0]):
        return None  # "as the Committee may wish to ...": a condition or a comparison
    if not (classify(subject) or is_pronoun(subject)):
        return None  # "Readers may wish to consult the annex": no actor that decides
    if is_self(subject):
        return None  # "the Commission may wish to examine" in its own report: its work plan
    frame = frame_of(left[: left.rfind(subject)], is_self)
    action = "consider" if _GIVE_CONSIDERATION.match(after) else first_action(after)[0]
    if not action:
        return None
    return Directive("hedged", frame.voice or OWN, frame.speaker, subject, action, True,
                     framed=frame.own, segment=segment)


#: "The following points are suggested for discussion ... and for inclusion in the Chair's
#: proposals:", "the following Chair's proposals will be submitted for further consideration":
#: the report's proposals, whose actions are the items that follow
_PROPOSALS = re.compile(
    r"\b[Tt]he[ ]+following[ ]+(?:[\w’'-]+[ ]+){0,3}?(?:points|messages|proposals|elements|actions|"
    r"suggestions|options|measures|steps)\b[^.:]{0,250}?\b(?P<aux>are|is|will[ ]+be|were|was|"
    r"have[ ]+been)[ ]+(?:[a-z]+[ ]+)?(?:suggested|proposed|submitted|put[ ]+forward|offered)[ ]+"
    r"for\b[^.:]{0,250}:[ ]*$")
#: "Demands relating to the Goals under review are as follows:": the speaker's own list of
#: demands or recommendations, whose actions are the items that follow
_AS_FOLLOWS = re.compile(
    r"^(?:(?:The|Our|Its|Their)[ ]+)?(?:[\w’'-]+[ ]+){0,2}?(?i:demands|recommendations|proposals|"
    r"requests|asks)\b[^.:]{0,200}?\b(?:are|is)[ ]+as[ ]+follows[ ]*:[ ]*$")
#: "In addition, the members of the Security Council could:": a hedged lead-in to items
_HEDGED_LEAD_IN = re.compile(r"(?<![\w-])(?:could|might|may(?:[ ]+wish[ ]+to)?)(?:[ ]+(?:also|"
                             r"further|therefore))?[ ]*:[ ]*$")


def lead_in_clause(sentence: str, is_self: Callable[[str], bool], segment: int) -> Directive | None:
    """A lead-in whose actions are the items that follow: the report's proposals, or a hedged
    "X could:" (a chapeau only: it recommends nothing by itself)."""
    if _AS_FOLLOWS.match(sentence):
        return Directive("passive", OWN, "", "", "", True, chapeau=True, segment=segment)
    proposals = _PROPOSALS.search(sentence)
    if proposals:
        voice = REPORTED if proposals.group("aux") in ("were", "was") else OWN
        return Directive("passive", voice, "", "", "", True, chapeau=True, segment=segment)
    hedged = _HEDGED_LEAD_IN.search(sentence)
    if not hedged:
        return None
    left = sentence[: hedged.start()]
    subject = clause_subject(left)
    if not subject or not classify(subject) or is_self(subject):
        return None
    frame = frame_of(left[: left.rfind(subject)], is_self)
    return Directive("hedged", frame.voice or OWN, frame.speaker, subject, "", False,
                     chapeau=True, segment=segment)
