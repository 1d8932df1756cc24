"""Operative sentences: who asks whom to do what, and in whose voice.

A paragraph recommends when one of its clauses is a *directive*:

- a performative verb: "The Committee recommends that the State party ...",
  "Demands that all parties allow ..." (a resolution's demand is its strongest call),
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
the directives against the paragraph's context. The performatives and
passives are found here; "should" clauses in ``shoulds``, hedges and lead-ins
in ``hedges``, bare imperatives in ``imperatives``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .actions import MODALS, first_action, performative_target, split_subjunctive
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
from .hedges import MAY_WISH, hedged_clause, lead_in_clause
from .imperatives import imperative_clause
from .operative import Directive
from .shoulds import SHOULD, should_clause
from .verbs import ADVERBS, BASE_VERBS, lemma

_PERFORMATIVE = re.compile(
    r"(?<![\w-])(?P<verb>[Rr]ecommends?|[Uu]rges?|[Cc]alls?[ ]*(?:up)?on|[Cc]alls?[ ]*for|"
    r"[Ee]ncourages?|[Rr]equests?|[Ii]nvites?|[Ss]uggests?|[Aa]dvises?|[Ee]xhorts?|[Ee]ntreats?|"
    r"[Aa]ppeals?[ ]+to|[Dd]emands?(?=[ ]+(?:that|the|an?|all|immediate)\b)|"
    r"(?:[Rr]eiterates?|[Rr]eaffirms?|[Rr]enews?)[ ]+(?:(?:its|their|my|our|his|her)"
    r"[ ]+(?:[a-z]+[ ]+){0,2}(?:recommendations?|calls?|requests?|appeals?)|"
    # "Reiterates the call for the full implementation of ...": its own call, no owner named
    r"the[ ]+(?:[a-z]+[ ]+)?calls?(?=[ ]+(?:for|upon|on)\b)))(?![\w-])"
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
#: the people a meeting's organisers invite to act ("Ministers are invited to indicate",
#: "Participants are encouraged to focus on"): invitations, unlike a practical instruction
#: ("Delegations are requested to register", "should register") that names no one to advise
_INVITED = re.compile(r"^(?:the[ ]+)?(?:ministers|participants|heads of (?:State|delegation))\b",
                      re.IGNORECASE)
#: a present passive advising against something, in the report's own voice
_DISCOURAGED = re.compile(r"^(?!.*\b(?:was|were|has been|have been)\b)[A-Z][^;:]{2,120}?"
                          r"\b(?:is|are)[ ]+(?:strongly[ ]+|therefore[ ]+|also[ ]+)*"
                          r"discouraged\b(?![ ]+by)")
#: the request that closes a letter: procedure, not a recommendation
_CIRCULATION = re.compile(r"\b(?:be|being|have)[ ]+(?:\w+[ ]+)?(?:circulated|issued|"
                          r"distributed)[ ]+as[ ]+(?:an?[ ]+)?(?:official[ ]+)?documents?[ ]+of\b")
#: every performative, passive and "should" above contains one of these
_VERB_CUES = ("recommend", "urge", "call", "encourag", "request", "invit", "suggest", "advis",
              "exhort", "entreat", "appeal", "reiterat", "reaffirm", "renew", "should", "wish",
              "demand", "discouraged",
              "may consider", "might consider", "may also consider")
#: the cues one of which each pattern needs: a pattern is searched for only where one is found
_PERFORMATIVE_CUES = frozenset(("recommend", "urge", "call", "encourag", "request", "invit",
                                "suggest", "advis", "exhort", "entreat", "appeal", "demand",
                                "reiterat", "reaffirm", "renew"))
_PAST_CUES = frozenset(("recommend", "urge", "call", "encourag", "request", "invit", "suggest",
                        "advis", "exhort", "appeal"))
_PASSIVE_CUES = frozenset(("encourag", "request", "urge", "invit", "call", "advis", "recommend",
                           "exhort"))
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
            if directives and "draft" in sentence and _DRAFT.search(sentence):
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
        lead_in = lead_in_clause(sentence, is_self, segment)
        if lead_in:
            return [lead_in]
    # the cues found decide which patterns are searched for: substring tests are far cheaper
    cues = {cue for cue in _VERB_CUES if cue in lowered}
    if not cues:  # no performative, passive or should
        imperative = imperative_clause(sentence, segment)
        return [imperative] if imperative else []
    # performative verbs, present tense
    for match in _PERFORMATIVE.finditer(sentence) if cues & _PERFORMATIVE_CUES else ():
        directive = _performative(sentence, match, is_self, segment, chapeau_speaker)
        if directive:
            found.append(directive)
            covered.append(match.span())
    # reported past-tense performatives (count in compilations only)
    for match in _PAST_PERFORMATIVE.finditer(sentence) if cues & _PAST_CUES else ():
        directive = _past_performative(sentence, match, is_self, segment)
        if directive:
            found.append(directive)
    if "document" in sentence and _CIRCULATION.search(sentence):
        return found  # "It is requested that the present letter be circulated as a document"
    # "it is recommended that"
    for match in _IT_IS.finditer(sentence) if "it is" in lowered else ():
        frame = frame_of(sentence[: match.start()], is_self)
        subject, action, _ = split_subjunctive(sentence[match.end():])
        found.append(Directive("passive", frame.voice or OWN, frame.speaker, subject, action,
                               True, segment=segment))
    # present passives: "are encouraged to"
    for match in _PASSIVE.finditer(sentence) if cues & _PASSIVE_CUES else ():
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
        actor = bool(classify(subject)) or is_pronoun(subject) or bool(
            match.group("verb") in ("encouraged", "invited") and _INVITED.match(subject))
        found.append(Directive("passive", voice, frame.speaker, subject if actor else "", action,
                               actor, chapeau=chapeau, segment=segment))
        covered.append(match.span())
    # "Written statements are strongly discouraged": advice to refrain from them
    if "discouraged" in sentence and _DISCOURAGED.search(sentence):
        found.append(Directive("passive", OWN, "", "", "refrain", True, segment=segment))
    # should
    for match in SHOULD.finditer(sentence) if "should" in sentence else ():
        directive = should_clause(sentence, match, is_self, segment, covered)
        if directive:
            found.append(directive)
    # may wish to
    for match in MAY_WISH.finditer(sentence) if "may" in sentence or "might" in sentence else ():
        directive = hedged_clause(sentence, match, is_self, segment)
        if directive:
            found.append(directive)
    # a clause opening with a bare verb
    imperative = imperative_clause(sentence, segment)
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
    bare_form = re.match(r"^(?:recommend|request|suggest|invite|encourage|urge|advise|demand)$",
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


