"""Operative sentences: who asks whom to do what, and in whose voice.

A paragraph recommends when one of its clauses is a *directive*:

- a performative verb: "The Committee recommends that the State party ...",
  "The Inspectors encourage executive heads to ...", "I urge States to ...",
  resolution style with the subject left out ("Urges Governments to ...",
  "(b) Requests States ..." under "the High Commissioner:");
- a present passive of one: "States are encouraged to ...", "It is recommended that ...";
- "should" with an actor as subject: "States should ...", "the Committee
  considers that the Secretary-General should ..."; with no actor ("Mining
  should be limited", "Data should be protected") the directive is *weak*;
- a bare imperative opening a clause ("Ratify ...", "To set up ...",
  "(a) Take note of ..."), which counts only where the caller knows it is in a
  list of recommendations;
- a hedged proposal to an actor that can act: "The General Assembly may wish to
  take note of the present report", "Governments may wish to give consideration
  to becoming parties" (the labelled set's "may wish to" convention).

Each directive says whether it is the report's own ("own") or someone else's
that the report narrates ("reported": a past tense, "the World Bank
recommends", a "should" under "the Assembly emphasized that"). Nothing here
decides whether a paragraph is a recommendation: ``recommendations`` weighs
the directives against the paragraph's context.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .actions import (
    MODALS,
    NOT_VERBS,
    NOUNLIKE,
    first_action,
    performative_target,
    skip_parenthetical,
    split_subjunctive,
)
from .addressees import OTHER as OTHER_CATEGORY
from .addressees import classify, is_pronoun
from .clauses import (
    OWN,
    REPORTED,
    clause_subject,
    collective,
    frame_of,
    last_frame,
    main_subject,
    segments,
    sentences,
    strip_adverbs_right,
)
from .verbs import ADVERBS, BASE_VERBS, is_base_verb, lemma, phrasal


@dataclass(slots=True)
class Directive:
    """One operative clause."""

    form: str  # "performative", "passive", "should", "hedged", "imperative"
    voice: str  # OWN or REPORTED
    speaker: str  # the subject of a performative; "" when left out or for should/imperatives
    addressee: str  # the addressee phrase as printed; "" when implicit
    action: str  # lemma of the first verb asked for; "" when it follows in sub-paragraphs
    strong: bool  # False: an impersonal or passive "should", a recommendation only in context
    framed: bool = False  # a "should" under the report's own "considers that", "is of the view"
    chapeau: bool = False  # ends with ":" and its action is in the sub-paragraphs
    segment: int = 0  # index of the sub-paragraph segment (0: before any "(a)")


_PERFORMATIVE = re.compile(
    r"(?<![\w-])(?P<verb>[Rr]ecommends?|[Uu]rges?|[Cc]alls?[ ]*(?:up)?on|[Cc]alls?[ ]*for|"
    r"[Ee]ncourages?|[Rr]equests?|[Ii]nvites?|[Ss]uggests?|[Aa]dvises?|[Ee]xhorts?|[Ee]ntreats?|"
    r"[Aa]ppeals?[ ]+to|(?:[Rr]eiterates?|[Rr]eaffirms?|[Rr]enews?)[ ]+(?:its|their|my|our|his|her)"
    r"[ ]+(?:[a-z]+[ ]+){0,2}(?:recommendations?|calls?|requests?|appeals?))(?![\w-])"
)
_PAST_PERFORMATIVE = re.compile(
    r"(?<![\w-])(?P<verb>recommended|decided[ ]+to[ ]+recommend|urged|called[ ]+(?:up)?on|"
    r"called[ ]+for|encouraged|requested|invited|suggested|advised|exhorted|appealed[ ]+to)"
    r"(?![\w-])"
)
_PASSIVE = re.compile(
    r"(?<![\w-])(?P<aux>is|are|was|were|be|been)[ ]+(?:(?:also|further|strongly|hereby|therefore|"
    r"again|thus|once again|accordingly|furthermore|particularly|especially|invariably)[ ]+)*"
    r"(?P<verb>encouraged|requested|urged|invited|called[ ]+(?:up)?on|advised|recommended|"
    r"exhorted)(?:[ ]+to[ ]+(?P<rest>.*)|(?:[ ]+to)?[ ]*(?P<colon>:)[ ]*$)",
    re.DOTALL,
)
_IT_IS = re.compile(r"(?<![\w-])[Ii]t is (?:(?:also|further|therefore|strongly|thus)[ ]+)*"
                    r"(?P<verb>recommended|suggested|requested|advised|(?:our|my)[ ]+(?:suggestion|"
                    r"recommendation|proposal|request))[ ]+that[ ]+")
_DRAFT = re.compile(r"\b(?:adopt|adoption of|approve|approval of|consider and adopt)[ ]+(?:the|a)"
                    r"[ ]+(?:following[ ]+)?draft[ ]+(?:resolution|decision)s?\b[^.]*:")
_SHOULD = re.compile(r"(?<![\w-])should(?![\w-])")
#: the request that closes a letter: procedure, not a recommendation
_CIRCULATION = re.compile(r"\b(?:be|being|have)[ ]+(?:\w+[ ]+)?(?:circulated|issued|"
                          r"distributed)[ ]+as[ ]+(?:an?[ ]+)?(?:official[ ]+)?documents?[ ]+of\b")
_URL = re.compile(r"\bhttps?://|\bwww\.")
#: "It should be noted that": a discourse formula, asking nothing of anyone
_DISCOURSE = re.compile(r"^(?:(?:nevertheless|nonetheless|however|also|further|again)[ ,]+)*"
                        r"be[ ]+(?:noted|recalled|borne in mind|emphasi[sz]ed|stressed|"
                        r"recogni[sz]ed|mentioned|pointed out|observed|underlined|highlighted|"
                        r"remembered|understood|clarified|added|said)\b")
#: every performative, passive and "should" above contains one of these
_VERB_CUES = ("recommend", "urge", "call", "encourag", "request", "invit", "suggest", "advis",
              "exhort", "entreat", "appeal", "reiterat", "reaffirm", "renew", "should", "wish",
              "may consider", "might consider", "may also consider")
_RELATIVE = {"which", "who", "whom", "that", "where", "whereby", "what"}
_INTERPRETIVE = re.compile(
    r"^(?:not[ ]+)?be[ ]+(?:(?:so|thus|therefore|consequently|necessarily|automatically)[ ]+)?"
    r"(?:construed|"
    r"considered|regarded|interpreted|understood|seen|viewed|read|taken|deemed|treated|"
    r"counted|characterized|characterised|classified|described|confused|mistaken|equated)"
    r"[ ]+(?:as|to|with)\b"
)
# -- the finder -----------------------------------------------------------------------------

def find_directives(
    text: str, is_self: Callable[[str], bool], parts: list[str] | None = None
) -> list[Directive]:
    """Every directive clause in a paragraph, in reading order (``parts``: its ``segments``,
    when the caller has them already)."""
    found: list[Directive] = []
    chapeau_speaker = ""
    for index, segment in enumerate(segments(text) if parts is None else parts):
        if not segment:
            continue
        for sentence in sentences(segment):
            directives = _sentence_directives(sentence, is_self, index, chapeau_speaker)
            found.extend(directives)
            if directives and _DRAFT.search(sentence):
                return found  # what follows is the draft's own text, in the adopting body's voice
        if index == 0 and segment.rstrip().endswith(":"):
            chapeau_speaker = clause_subject(segment.rstrip().rstrip(":"))
    return found


def _sentence_directives(
    sentence: str, is_self: Callable[[str], bool], segment: int, chapeau_speaker: str
) -> list[Directive]:
    found: list[Directive] = []
    covered: list[tuple[int, int]] = []
    lowered = sentence.lower()
    if sentence.rstrip().endswith(":"):
        lead_in = _lead_in(sentence, is_self, segment)
        if lead_in:
            return [lead_in]
    if not any(cue in lowered for cue in _VERB_CUES):  # no performative, passive or should
        imperative = _imperative(sentence, segment)
        return [imperative] if imperative else []
    # performative verbs, present tense
    for match in _PERFORMATIVE.finditer(sentence):
        directive = _performative(sentence, match, is_self, segment, chapeau_speaker)
        if directive:
            found.append(directive)
            covered.append(match.span())
    # reported past-tense performatives (count in compilations only)
    for match in _PAST_PERFORMATIVE.finditer(sentence):
        directive = _past_performative(sentence, match, is_self, segment)
        if directive:
            found.append(directive)
    if _CIRCULATION.search(sentence):
        return found  # "It is requested that the present letter be circulated as a document"
    # "it is recommended that"
    for match in _IT_IS.finditer(sentence):
        frame = frame_of(sentence[: match.start()], is_self)
        subject, action, _ = split_subjunctive(sentence[match.end():])
        found.append(Directive("passive", frame.voice or OWN, frame.speaker, subject, action,
                               True, segment=segment))
    # present passives: "are encouraged to"
    for match in _PASSIVE.finditer(sentence):
        aux = match.group("aux")
        left = sentence[: match.start()]
        if aux == "be" and not re.search(r"\bshould[ ]+(?:also[ ]+|further[ ]+)?$", left):
            continue
        if aux == "been":
            continue
        left = re.sub(r"\bshould[ ]+(?:also[ ]+|further[ ]+)?$", "", left)
        subject = clause_subject(left)
        frame = frame_of(left[: max(0, left.rfind(subject))] if subject else left, is_self)
        voice = REPORTED if aux in ("was", "were") else (frame.voice or OWN)
        # "The Commission is invited: (a) To take note ...": the actions follow as items
        chapeau = match.group("colon") is not None
        action = "" if chapeau else first_action(match.group("rest"))[0]
        actor = bool(classify(subject)) or is_pronoun(subject)
        found.append(Directive("passive", voice, frame.speaker, subject if actor else "", action,
                               actor, chapeau=chapeau, segment=segment))
        covered.append(match.span())
    # should
    for match in _SHOULD.finditer(sentence):
        directive = _should(sentence, match, is_self, segment, covered)
        if directive:
            found.append(directive)
    # may wish to
    for match in _MAY_WISH.finditer(sentence):
        directive = _hedged(sentence, match, is_self, segment)
        if directive:
            found.append(directive)
    # a clause opening with a bare verb
    imperative = _imperative(sentence, segment)
    if imperative:
        found.append(imperative)
    return found


def _performative(
    sentence: str, match: re.Match[str], is_self: Callable[[str], bool], segment: int,
    chapeau_speaker: str,
) -> Directive | None:
    verb = re.sub(r"^([Cc]alls?)(?=for|upon|on)", r"\1 ", match.group("verb"))  # "Callsfor"
    left = sentence[: match.start()]
    # "I continue to encourage": the present of "continue" keeps the call the speaker's own
    left = _CONTINUE_TO.sub("", left)
    stripped = strip_adverbs_right(left.rstrip())
    words = stripped.split()
    previous = words[-1].lower().strip("(“\"") if words else ""
    if previous in MODALS and previous not in ("and",):
        return None
    after = sentence[match.end():]
    if re.match(r"^(?:requests?|calls?)$", verb, re.IGNORECASE) and re.match(
        r"^[ ]+(?:for|from|received|made|were|was|have|had|by|of|and)\b", after
    ):
        return None
    if re.match(r"^(?:requests?|recommends?)$", verb, re.IGNORECASE) and re.match(
            r"^[ ]+(?:the[ ]+)?inclusion\b[^.]{0,120}\bagenda\b", after):
        return None  # "request the inclusion, in the provisional agenda, of an item": procedure
    bare_form = re.match(r"^(?:recommend|request|suggest|invite|encourage|urge|advise)$",
                         verb, re.IGNORECASE)
    coordinated = bool(re.search(r"(?:,|\band)$", stripped))
    if bare_form and previous and not re.match(r"^(?:i|we|they|inspectors?|experts?|members?|"
                                               r"rapporteurs|[a-z]+s)$", previous) and not (
            coordinated and _plural_subject(main_subject(sentence))):
        # a bare form after a singular noun: a subjunctive, not a performative; but "I remain
        # concerned ... and urge all parties to" coordinates it with the speaker's first verb
        return None
    if stripped.strip() and (coordinated or left.rstrip().endswith(",")) and \
            _operative_opening(sentence):
        # "Expresses grave concern ..., demands ..., calls on all Member States not to
        # intervene": every verb of a resolution's operative paragraph has its left-out subject
        speaker, elided = chapeau_speaker, True
    elif not stripped.strip() or all(w.lower().strip(",") in ADVERBS for w in stripped.split()):
        if not verb.split()[0].lower().endswith("s") and not chapeau_speaker:
            # "Encourage active civic participation;": a bare imperative (resolution style says
            # "Encourages"), which counts only where an item is expected
            return None
        speaker = chapeau_speaker  # resolution style, or a sub-paragraph of "X:"
        elided = True
    elif coordinated:
        speaker = main_subject(sentence)
        elided = not speaker
    else:
        speaker = clause_subject(stripped)
        elided = False
        if not speaker:
            return None
        before_subject = stripped[: stripped.rfind(speaker)] if speaker in stripped else ""
        if re.search(r"\bthat[ ]*$", before_subject) and verb[:1].islower() and \
                not verb.endswith("s"):
            return None  # "recommends that States request ..." is the inner clause
    if elided and not speaker:
        voice = OWN
    else:
        voice = OWN if is_self(speaker) else REPORTED
    if not elided and voice == OWN and last_frame(left) and \
            frame_of(left, is_self).voice == REPORTED:
        voice = REPORTED  # "The Committee notes that the Board recommends ..."
    addressee, action, chapeau = performative_target(verb, after)
    if not action and not chapeau:
        action = lemma(verb.split()[0]) if not verb.lower().startswith(("reiter", "reaff",
                                                                        "renew")) else ""
    return Directive("performative", voice, speaker, addressee, action, True, chapeau=chapeau,
                     segment=segment)


_OPERATIVE_OPENING = re.compile(r"^(?:(?:Also|Further|Strongly|Again|Once again|Firmly|Deeply)"
                                r"[ ]+)?(?P<verb>[A-Z][a-z]+s)\b")


def _operative_opening(sentence: str) -> bool:
    """'Expresses ...', 'Also requests ...': a resolution's operative paragraph, its subject
    (the adopting body) left out."""
    match = _OPERATIVE_OPENING.match(sentence.lstrip("“\"‘ "))
    if not match:
        return False
    verb = match.group("verb").lower()
    american = re.sub(r"ises$", "izes", verb)  # "Emphasises"
    return verb not in BASE_VERBS and (lemma(verb) in BASE_VERBS or lemma(american) in BASE_VERBS)


_CONTINUE_TO = re.compile(r"[ ]+(?:also[ ]+)?continues?[ ]+to[ ]*$")


def _plural_subject(subject: str) -> bool:
    """'I', 'we', 'the Inspectors': a subject a bare verb agrees with."""
    words = subject.split()
    return bool(words) and (words[-1].lower() in ("i", "we", "they") or (
        words[-1].lower().endswith("s") and not words[-1].lower().endswith("ss")))


def _past_performative(
    sentence: str, match: re.Match[str], is_self: Callable[[str], bool], segment: int
) -> Directive | None:
    left = sentence[: match.start()]
    stripped = strip_adverbs_right(left.rstrip())
    words = stripped.split()
    previous = words[-1].lower() if words else ""
    if previous in MODALS or previous in ("is", "are", "was", "were", "be", "been", "being",
                                           "has", "have", "had"):
        return None
    if re.search(r"\b(?:has|have|had)[ ]+(?:also[ ]+|previously[ ]+|already[ ]+)?$", left):
        return None
    after = sentence[match.end():]
    verb = match.group("verb")
    if verb.startswith("requested") and re.match(r"^[ ]+(?:by|in|for)\b", after):
        return None
    if re.search(r"(?:,|\band)$", stripped):
        speaker = main_subject(sentence)
    else:
        speaker = clause_subject(stripped)
    if not speaker or not (_names_body(speaker) or re.fullmatch(r"It|They", speaker)):
        return None  # "Governments encouraged ...", "the reform called for": no body speaking
    tail = after.lstrip(" ,")
    present = {"recommended": "recommends", "urged": "urges", "encouraged": "encourages",
               "requested": "requests", "invited": "invites", "suggested": "suggests",
               "advised": "advises", "exhorted": "exhorts"}
    first = "recommended" if verb.startswith("decided") else verb.split()[0]
    addressee, action, chapeau = performative_target(present.get(first, first), tail)
    handed = _TO_ORGAN.match(tail)
    if handed and not addressee:  # "decided to recommend to the Council the following dates"
        addressee = handed.group("who")
    if not addressee and not action and not chapeau:
        return None
    # a session report records its body's recommendations to the organ it reports to in the
    # past tense ("The Committee recommended that the General Assembly take note ..."); other
    # past recommendations are narrated ones
    voice = OWN if is_self(speaker) and collective(speaker) and _PARENT_ORGAN.search(addressee) \
        else REPORTED
    return Directive("performative", voice, speaker, addressee, action, True,
                     chapeau=chapeau, segment=segment)


_PARENT_ORGAN = re.compile(r"\b(?:General Assembly|Economic and Social Council|Security Council|"
                           r"Human Rights Council|Trade and Development Board|Executive Board|"
                           r"Conference of the Parties)\b|"
                           # "The Committee recommended that the Council grant ...": in its
                           # own report, the council it reports to
                           r"^(?:the[ ]+)?Council$")
_TO_ORGAN = re.compile(r"^to[ ]+(?P<who>(?:the[ ]+)?[A-Z][\w ]{2,60}?)[ ]+(?:the|that|a|an)\b")


def _names_body(phrase: str) -> bool:
    return bool(re.search(r"\b(?:Committee|Rapporteur|Office|Organization|Programme|Fund|"
                          r"Board|Commission|Council|Assembly|Group|Subcommittee|Mechanism|"
                          r"Expert|Agency|Bank|Union|Secretary-General|UN[A-Z]+|[A-Z]{3,})\b",
                          phrase))


def _should(
    sentence: str, match: re.Match[str], is_self: Callable[[str], bool], segment: int,
    covered: list[tuple[int, int]],
) -> Directive | None:
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
    earlier = list(_SHOULD.finditer(left))
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


#: "may wish to <act>", and its twin "may consider <doing>" ("Member States may consider further
#: formalizing annual resolutions"), not "may consider that" or "may consider the matter"
_MAY_WISH = re.compile(r"(?<![\w-])(?:may|might)[ ]+(?:also[ ]+|therefore[ ]+|further[ ]+)?"
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


def _hedged(
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
#: "In addition, the members of the Security Council could:": a hedged lead-in to items
_HEDGED_LEAD_IN = re.compile(r"(?<![\w-])(?:could|might|may(?:[ ]+wish[ ]+to)?)(?:[ ]+(?:also|"
                             r"further|therefore))?[ ]*:[ ]*$")


def _lead_in(sentence: str, is_self: Callable[[str], bool], segment: int) -> Directive | None:
    """A lead-in whose actions are the items that follow: the report's proposals, or a hedged
    "X could:" (a chapeau only: it recommends nothing by itself)."""
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


_PARTICIPLE_AGENT = re.compile(r"[ ,]+(?:[a-z]+(?:ed|en|wn|ne|lt|pt|nt|id|ut|et|un|de)|led)"
                               r"[ ]+(?:\w+[ ]+)?by[ ]+.*$")
#: "be <participle> [...] by <agent>" up to the end of the clause
#: (a few words between, none "and" or another participle: "given to statements delivered by
#: States" is not given by States)
_BY_AGENT = re.compile(r"^be[ ]+(?:[a-z]+ly[ ]+)?[a-z]+(?:ed|en|de|ne|ld|pt|nt|id|ut|et|un)"
                       r"(?:[ ]+(?!and\b|or\b)[^ ,;:.()]+(?<!ed)){0,3}?[ ]+by[ ]+"
                       r"(?P<agent>(?:the|all|its|their|relevant|[A-Z])[^,;:.()]{1,100})")


_IMPERATIVE_LEAD = re.compile(
    r"^(?:\d{1,3}\.[ ]+)?(?:(?:[Tt]o|[Tt]hat)[ ]+)?(?P<adverbs>(?:[A-Za-z]+ly[ ]+|[Ff]urther[ ]+|"
    r"[Aa]lso[ ]+|[Cc]ontinue[ ]+to[ ]+)*)(?P<verb>[A-Za-z][a-z-]+)\b(?P<rest>.*)",
    re.DOTALL,
)


_NOT_IMPERATIVE = {
    "the", "a", "an", "all", "in", "on", "at", "by", "for", "with", "from", "its", "their", "this",
    "that", "these", "those", "it", "they", "we", "i", "he", "she", "there", "as", "if", "when",
    "where", "while", "although", "since", "because", "after", "before", "during", "under",
    "over", "of", "and", "or", "but", "not", "no", "some", "many", "most", "each", "every",
    "both", "such", "other", "another", "any", "more", "less", "one", "two", "three", "recent",
    "new", "further", "also", "however", "moreover", "regarding", "concerning", "following",
}


def _imperative(sentence: str, segment: int) -> Directive | None:
    """A clause that opens with a bare verb: "Ratify ...", "To set up ...", "(a) Take note".

    A verb the lexicon knows makes a strong directive; an unknown first word
    ("Cater ...") a weak one, which counts only where an item is expected.
    """
    match = _IMPERATIVE_LEAD.match(sentence.lstrip("“\"‘ "))
    if not match:
        return None
    verb = match.group("verb")
    rest = match.group("rest")
    lead = sentence.lstrip("“\"‘ ")
    starts_with_to = bool(re.match(r"^(?:\d{1,3}\.[ ]+)?[Tt]o[ ]", lead))
    continues = match.group("adverbs").lower().startswith("continue")
    # "Further review ...": after such an adverb a word that could be a noun is the verb
    adverb_led = bool(match.group("adverbs")) and not starts_with_to
    if starts_with_to and verb[:1].isupper():
        return None
    if not starts_with_to and not (verb[:1].isupper() or match.group("adverbs")):
        return None
    known = is_base_verb(verb)
    if not known and (verb.lower() in _NOT_IMPERATIVE or verb.lower().endswith(("s", "ed"))
                      or lemma(verb) in BASE_VERBS and lemma(verb) != verb.lower()):
        return None
    if verb.lower() in NOUNLIKE and not continues:
        if re.match(r"^[ ]+(?:of|for|is|are|was|were|has|have|had|and|or|to|from|in|on|at|by|"
                    r"as|with|process|mechanism|plans?|programmes?|reports?)\b", rest) and not (
                re.match(r"^[ ]+(?:and|or)[ ]+[a-z]+", rest) and is_base_verb(rest.split()[1])):
            # "Review and strengthen ...": a second verb makes the first one a verb too
            return None
        head = re.split(r"[,;:.]", rest, maxsplit=1)[0]
        if re.search(r"\b(?:is|are|was|were|has|have|had|remains|remain|will|would)\b",
                     " ".join(head.split()[:6])):
            return None  # "Access to energy is essential": a noun
    if starts_with_to and re.search(r",[ ]+(?:the|a|an|it|this|these|we|[A-Z][\w-]*)\b[^,]*\b"
                                    r"(?:is|are|should|will|must|can|has|have|recognizes|"
                                    r"recommends|[a-z]+s)\b", rest):
        # "To help situate ..., the present study recognizes", "To further improve ..., UNDP
        # welcomes": a purpose clause before the subject
        return None
    action = "continue" if continues else phrasal(lemma(verb), rest)
    return Directive("imperative", OWN, "", "", action, known or continues or (
        adverb_led and verb.lower() in NOUNLIKE), segment=segment)
