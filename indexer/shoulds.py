"""'X should ...': whose "should" it is, and whether it asks an actor to act.

"States should ratify" asks an actor; "Mining should be limited" or "Data
should be protected" asks no one (a *weak* directive, a recommendation only
where its context frames it); "It should be noted that", "should be construed
as", "Should States decide ...", "which should" and "can and should" ask
nothing; "should be supported by the international community" names its agent.
Kept apart from ``directives`` because these tests are about one word.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .actions import NOT_VERBS, first_action, skip_parenthetical
from .addressees import OTHER as OTHER_CATEGORY
from .addressees import classify, is_pronoun
from .clauses import OWN, clause_subject, frame_of, last_frame
from .operative import Directive
from .verbs import BASE_VERBS

SHOULD = re.compile(r"(?<![\w-])should(?![\w-])")
_URL = re.compile(r"\bhttps?://|\bwww\.")
#: "It should be noted that": a discourse formula, asking nothing of anyone
_DISCOURSE = re.compile(r"^(?:(?:nevertheless|nonetheless|however|also|further|again)[ ,]+)*"
                        r"be[ ]+(?:noted|recalled|borne in mind|emphasi[sz]ed|stressed|"
                        r"recogni[sz]ed|mentioned|pointed out|observed|underlined|highlighted|"
                        r"remembered|understood|clarified|added|said)\b")
_RELATIVE = {"which", "who", "whom", "that", "where", "whereby", "what"}
#: a decision's own verb; not the subjunctive "decide" of one recommended ("recommends that
#: the General Assembly decide that Member States should report")
_DECIDING = {"decides", "decided"}
_INTERPRETIVE = re.compile(
    r"^(?:not[ ]+)?be[ ]+(?:(?:so|thus|therefore|consequently|necessarily|automatically)[ ]+)?"
    r"(?:construed|"
    r"considered|regarded|interpreted|understood|seen|viewed|read|taken|deemed|treated|"
    r"counted|characterized|characterised|classified|described|confused|mistaken|equated)"
    r"[ ]+(?:as|to|with)\b"
)


def should_clause(
    sentence: str, match: re.Match[str], is_self: Callable[[str], bool], segment: int,
    covered: list[tuple[int, int]],
) -> Directive | None:
    """The directive of the "should" at ``match``, or None when it asks nothing of anyone."""
    left = sentence[: match.start()]
    if not left.strip():
        return None  # "Should States decide to ..., they should ...": a condition
    if any(start <= match.start() <= end for start, end in covered):
        return None
    if left.count("(") > left.count(")"):
        return None  # "(the Office of the Ombudsman should commence functioning in 1997)": an aside
    previous = left.split()[-1].lower().strip(",") if left.split() else ""
    if previous in _RELATIVE:
        return None
    if re.search(r"\b(?:can|could)[ ]+and[ ]*$", left):
        return None  # "Negative impacts can and should be prevented": a general claim
    framing = last_frame(left)
    if framing and framing.fverb.lower() in _DECIDING:
        return None  # "Decides that documentation should continue to be prepared": a decision
    after = sentence[match.end():]
    body = skip_parenthetical(after)
    negated = bool(re.match(r"^not\b", body))
    if negated:
        body = body[3:].lstrip()
    if _INTERPRETIVE.match(body if not negated else "be " + body.split(" ", 1)[-1]) or \
            _INTERPRETIVE.match(("not " if negated else "") + body):
        return None
    if re.match(r"^be[ ]+(?:also[ ]+|further[ ]+)?(?:encouraged|requested|urged|invited|called|"
                r"advised|exhorted)[ ]+(?:up)?(?:on[ ]+)?to\b", body):
        return None  # handled as a passive performative
    earlier = list(SHOULD.finditer(left))
    if earlier and re.search(r"(?:\band|\bor)[ ]*$", left):
        # "States should ensure ... and should also protect ...": the first one's subject
        subject = clause_subject(left[: earlier[-1].start()])
    else:
        subject = clause_subject(left)
    if subject.lower() in ("it", "this") and _DISCOURSE.match(body):
        return None
    if subject and re.search(r"\b(?:Should|If|Unless|Where|When)\b", left.split(",")[0]) and \
            subject == clause_subject(left.split(",")[0]):
        subject = ""
    passive = bool(re.match(r"^be[ ]+(?!able\b)", body))
    able = re.match(r"^be[ ]+able[ ]+to[ ]+", body)
    if able and subject and classify(subject):
        # "the Human Rights Council should be able to respond": the Council should respond
        body = body[able.end():]
    if body.startswith(":"):
        # "Development banks ... should: (a) Prioritize ...": the actions are the items
        frame = frame_of(left[: left.rfind(subject)] if subject else left, is_self)
        actor = bool(classify(subject)) or is_pronoun(subject) if subject else False
        return Directive("should", frame.voice or OWN, frame.speaker, subject if actor else "",
                         "", actor, framed=frame.own, chapeau=True, segment=segment)
    action, _ = first_action(body)
    verb = action.split(" ")[0]
    if not action or (not passive and verb not in BASE_VERBS and (
            not re.fullmatch(r"[a-z]+", verb) or verb in NOT_VERBS)):
        if not passive:
            return None
    if passive and action in ("be", "a", "an", "the", "") or re.match(
            r"^be[ ]+(?:a|an|the|of|in|at|on|more|less|as|no|so|very|sustainable|consistent|"
            r"free|available|possible|clear|able|aware|based)\b", body):
        passive_weak_state = True
    else:
        passive_weak_state = False
    if verb in ("register", "submit", "send", "visit", "contact") and _URL.search(sentence):
        return None  # "should register at https://...": instructions to participants
    subject_start = left.rfind(subject) if subject else len(left)
    frame = frame_of(left[:subject_start], is_self)
    # "New types of registers provided by UNDP should improve ...": the agent of a participle
    # qualifies the subject, it is not the subject
    head = _PARTICIPLE_AGENT.sub("", subject) if subject else ""
    actor = classify(head) if head and not passive else []
    if subject and is_pronoun(subject) and not passive:
        actor = ["pronoun"]
    if actor == [OTHER_CATEGORY] and re.match(r"^(?:have|enjoy|receive|benefit|be able|"
                                              r"participate|access)\b", body):
        actor = []  # "Indigenous Peoples should have adequate education": an entitlement
    strong = bool(actor) and not passive
    addressee = subject if strong else ""
    agent = _BY_AGENT.match(body) if passive and not passive_weak_state else None
    if agent and classify(agent.group("agent")):
        # "Such efforts should be supported by the international community": the agent is named
        strong, addressee = True, agent.group("agent").strip()
    if passive_weak_state:
        return None if not frame.own else Directive(
            "should", frame.voice or OWN, frame.speaker, "", "", False, framed=True,
            segment=segment)
    return Directive("should", frame.voice or OWN, frame.speaker, addressee, action, strong,
                     framed=frame.own, segment=segment)


_PARTICIPLE_AGENT = re.compile(r"[ ,]+(?:[a-z]+(?:ed|en|wn|ne|lt|pt|nt|id|ut|et|un|de)|led)"
                               r"[ ]+(?:\w+[ ]+)?by[ ]+.*$")
#: "be <participle> [...] by <agent>" up to the end of the clause
#: (a few words between, none "and" or another participle: "given to statements delivered by
#: States" is not given by States)
_BY_AGENT = re.compile(r"^be[ ]+(?:[a-z]+ly[ ]+)?[a-z]+(?:ed|en|de|ne|ld|pt|nt|id|ut|et|un)"
                       r"(?:[ ]+(?!and\b|or\b)[^ ,;:.()]+(?<!ed)){0,3}?[ ]+by[ ]+"
                       r"(?P<agent>(?:the|all|its|their|relevant|[A-Z])[^,;:.()]{1,100})")
