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
  list of recommendations.

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

from .addressees import OTHER as OTHER_CATEGORY
from .addressees import classify, is_pronoun
from .verbs import ADVERBS, BASE_VERBS, IRREGULAR, NOMINALISATIONS, is_base_verb, lemma, phrasal

OWN = "own"
REPORTED = "reported"


@dataclass(slots=True)
class Directive:
    """One operative clause."""

    form: str  # "performative", "passive", "should", "imperative"
    voice: str  # OWN or REPORTED
    speaker: str  # the subject of a performative; "" when left out or for should/imperatives
    addressee: str  # the addressee phrase as printed; "" when implicit
    action: str  # lemma of the first verb asked for; "" when it follows in sub-paragraphs
    strong: bool  # False: an impersonal or passive "should", a recommendation only in context
    framed: bool = False  # a "should" under the report's own "considers that", "is of the view"
    chapeau: bool = False  # ends with ":" and its action is in the sub-paragraphs
    segment: int = 0  # index of the sub-paragraph segment (0: before any "(a)")


# -- splitting ------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "para", "paras", "no", "nos", "art", "arts", "e.g", "i.e", "mr", "ms", "mrs", "dr", "st",
    "vol", "sect", "chap", "p", "pp", "corr", "add", "rev", "ibid", "cf", "approx", "inc",
    "ltd", "co", "u.s", "u.n", "al", "fig", "op", "cit", "annex", "v", "vs", "resp", "jr",
    "sr", "gen", "gov", "dept", "rep", "subpara", "subparas", "ch",
}
_SENTENCE_END = re.compile(r"[.!?][”\"’)]?(?=\s+[“\"(‘]?[A-Z0-9(])")
_SUBPARAGRAPH = re.compile(
    r"(?:(?<=^)|(?<=[:;.])\s+|\s*\n)(?:and\s+|or\s+)?(\((?:[a-z]{1,2}|[ivxl]+)\)|•|\u2022|▪|–)\s+"
    r"|(?<=[.:;)])\s+\d{1,3}\.\s+(?=(?:To|That)\s)"
)


def sentences(text: str) -> list[str]:
    """Split running text into sentences, not at "para. 4", "No. 34", "e.g." or "A/79/345."."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].split()
        last = before[-1].lower().lstrip("(“\"") if before else ""
        if last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last) or re.fullmatch(
            r"[A-Z]", before[-1] if before else ""
        ):
            continue
        out.append(text[start : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def segments(text: str) -> list[str]:
    """The text before any "(a)", then each sub-paragraph or bullet, markers removed."""
    parts: list[str] = []
    last = 0
    for match in _SUBPARAGRAPH.finditer(text):
        if match.start() == 0 and last == 0:
            last = match.end()
            parts.append("")
            continue
        parts.append(text[last : match.start()])
        last = match.end()
    parts.append(text[last:])
    return [part.strip() for part in parts]


# -- verbs and subjects ---------------------------------------------------------------------

_PERFORMATIVE = re.compile(
    r"(?<![\w-])(?P<verb>[Rr]ecommends?|[Uu]rges?|[Cc]alls?[ ]+(?:up)?on|[Cc]alls?[ ]+for|"
    r"[Ee]ncourages?|[Rr]equests?|[Ii]nvites?|[Ss]uggests?|[Aa]dvises?|[Ee]xhorts?|"
    r"[Aa]ppeals?[ ]+to|(?:[Rr]eiterates?|[Rr]eaffirms?|[Rr]enews?)[ ]+(?:its|their|my|our|his|her)"
    r"[ ]+(?:earlier[ ]+|previous[ ]+|prior[ ]+|above[ ]+)?(?:recommendations?|calls?|requests?|"
    r"appeals?))(?![\w-])"
)
_PAST_PERFORMATIVE = re.compile(
    r"(?<![\w-])(?P<verb>recommended|urged|called[ ]+(?:up)?on|called[ ]+for|encouraged|"
    r"requested|invited|suggested|advised|exhorted|appealed[ ]+to)(?![\w-])"
)
_PASSIVE = re.compile(
    r"(?<![\w-])(?P<aux>is|are|was|were|be|been)[ ]+(?:(?:also|further|strongly|hereby|therefore|"
    r"again|thus|once again|accordingly|furthermore|particularly|especially|invariably)[ ]+)*"
    r"(?P<verb>encouraged|requested|urged|invited|called[ ]+(?:up)?on|advised|recommended|"
    r"exhorted)[ ]+to[ ]+(?P<rest>.*)",
    re.DOTALL,
)
_IT_IS = re.compile(r"(?<![\w-])[Ii]t is (?:(?:also|further|therefore|strongly|thus)[ ]+)*"
                    r"(?P<verb>recommended|suggested|requested|advised)[ ]+that[ ]+")
_DRAFT = re.compile(r"\b(?:adopt|adoption of|approve|approval of|consider and adopt)[ ]+(?:the|a)"
                    r"[ ]+(?:following[ ]+)?draft[ ]+(?:resolution|decision)s?\b[^.]*:")
_SHOULD = re.compile(r"(?<![\w-])should(?![\w-])")
_MODALS = {"to", "should", "would", "could", "may", "might", "will", "shall", "must", "not",
           "can", "cannot", "the", "a", "an", "its", "his", "her", "their", "our", "these",
           "those", "this", "that", "which", "who", "whose", "any", "no", "such", "of", "for",
           "with", "by", "in", "on", "and/or", "whether", "being", "been", "be"}
_RELATIVE = {"which", "who", "whom", "that", "where", "whereby", "what"}
_OPENERS = {
    "in", "by", "at", "on", "for", "with", "within", "under", "where", "when", "if", "as",
    "while", "whilst", "although", "though", "given", "including", "inter", "notably",
    "particularly", "especially", "therefore", "also", "however", "moreover", "furthermore",
    "thus", "hence", "accordingly", "specifically", "to", "from", "through", "after", "before",
    "during", "following", "upon", "once", "until", "whenever", "wherever", "since", "because",
    "irrespective", "regardless", "subject", "pending", "among", "between", "over", "via",
    "without", "based", "consistent", "recalling", "noting", "bearing", "taking", "having",
    "further", "finally", "lastly", "first", "second", "third", "similarly", "likewise",
    "additionally", "importantly", "crucially", "ideally", "preferably", "where appropriate",
    "besides", "instead", "rather", "beyond", "alongside", "like", "unlike", "against",
    "despite", "notwithstanding", "in particular", "above", "below", "whether", "all in all",
    "overall", "meanwhile", "then", "still", "yet", "nonetheless", "nevertheless", "indeed",
    "again", "once again", "equally", "more", "most", "not",
}
_INTERPRETIVE = re.compile(
    r"^(?:not[ ]+)?be[ ]+(?:(?:so|thus|therefore|necessarily|automatically)[ ]+)?(?:construed|"
    r"considered|regarded|interpreted|understood|seen|viewed|read|taken|deemed|treated|"
    r"counted|characterized|characterised|classified|described|confused|mistaken|equated)"
    r"[ ]+(?:as|to|with)\b"
)
_FRAME_ENDINGS = [
    re.compile(r"\b(?P<fverb>[A-Za-z-]+)[ ]+(?:its|his|her|their|the|our|my)[ ]+(?:\w+[ ]+)?"
               r"(?:view|opinion|position|understanding|belief|recommendation|call|request|"
               r"conviction)s?$"),
    re.compile(r"\b(?P<fverb>[A-Za-z-]+)[ ]+(?:of[ ]+the[ ]+(?:view|opinion)|the[ ]+view|"
               r"convinced|aware|concerned)$"),
    re.compile(r"\b(?P<fverb>[A-Za-z-]+)$"),
]


@dataclass(slots=True)
class _FrameVerb:
    fverb: str  # "reiterated", "considers", "is"
    frame: str  # "reiterated his view", "is of the view"
    start: int


def _last_frame(left: str) -> _FrameVerb | None:
    """The "<verb> that" nearest the end of ``left`` ("reiterated his view that")."""
    for that in reversed(list(re.finditer(r"[ ]+that\b", left))):
        if re.search(r"[;:]", left[that.end():]):
            return None
        before = left[: that.start()]
        for ending in _FRAME_ENDINGS:
            match = ending.search(before)
            if match:
                return _FrameVerb(match.group("fverb"), match.group(0), match.start())
    return None


_PAST_IRREGULAR = {"said", "held", "found", "felt", "thought", "made", "took", "was", "were",
                   "had", "saw", "knew", "gave", "set", "put", "told"}
_REPORT_OPENER = re.compile(
    r"^(?:In|Under|Through|By)[ ]+(?:its|their|his|her|a|an|that|the(?![ ]+present))[ ]+"
    r"(?:[\w-]+[ ]+){0,4}(?:resolutions?|reports?|decisions?|general comment|concluding "
    r"observations|opinions?|statements?|declarations?)\b|^According to\b|"
    r"^As (?:stated|noted|set out|recalled|recommended|requested|emphasized|underlined|"
    r"highlighted)\b"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|must|shall|should|"
    r"(?!(?:us|as|is|was|this|thus|its|has|his|does|less|across|unless|process|access|"
    r"progress|business|address|success|status|basis|analysis|crisis|focus|bias|various|"
    r"serious|numerous|previous|continuous|indigenous|States|Governments)\b)[a-z]+(?:s|ed))\b"
)


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+|[,;:()]", text)


def _strip_adverbs_right(text: str) -> str:
    """'The Committee therefore' -> 'The Committee'."""
    while True:
        stripped = re.sub(r"(?:[ ,]+(?:also|further|therefore|thus|again|strongly|"
                          r"respectfully|accordingly|hereby|furthermore|moreover|once again|"
                          r"however|now|consequently|equally|likewise|similarly|in turn|"
                          r"in this regard|in that regard|in addition|finally|lastly))+[ ,]*$",
                          "", text, flags=re.IGNORECASE)
        stripped = stripped.rstrip(" ,")
        if stripped == text:
            return text
        text = stripped


def _without_brackets(text: str) -> str:
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\([^()]*\)", "", text)
    return text


def _comma_parts(text: str) -> list[str]:
    """Split at commas outside brackets, keeping the brackets ("... Refugees (UNHCR)")."""
    parts, depth, current = [], 0, []
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == "," and depth <= 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return parts


_COMPLEMENTIZER = re.compile(
    r"^.*\b(?:that|whether)[ ]+(?!(?:have|has|had|are|is|was|were|do|does|did|can|could|will|"
    r"would|may|might|must|should|shall|wish|remain|continue)\b)", re.DOTALL)


def _starts_with_opener(part: str) -> bool:
    words = part.lower().split()
    if not words:
        return True
    return words[0] in _OPENERS or " ".join(words[:2]) in _OPENERS or bool(
        re.match(r"^(?:\d|by the end|at the|at its|in the|within)", part.lower())
    )


def clause_subject(left: str) -> str:
    """The subject noun phrase at the end of ``left`` (the text before a verb or "should").

    Openers ("Where frameworks exist,", "To that end,") and parentheticals
    ("States, in consultation with ..., should") are skipped; a list of actors
    ("States, corporations and civil society") is kept whole.
    """
    left = _COMPLEMENTIZER.sub("", left)
    if re.search(r"\b(?:is|are|was|were|has|have|had|will|would)\b", left):
        # "the practice was to refine the text and the Commission": the last conjunct
        left = re.split(r"\b(?:and|but|while|whereas)[ ]+", left)[-1]
    parts = _comma_parts(left)
    kept: list[str] = []
    for part in reversed(parts):
        if not part:
            continue
        if _starts_with_opener(part):
            if kept:
                break
            continue
        kept.insert(0, part)
        if not re.match(r"^(?:and|or)\b", part) and len(kept) > 1 and not classify(part):
            kept.pop(0)
            break
    subject = ", ".join(kept)
    return re.sub(r"^(?:and|or|but|so)\s+", "", subject).strip()


def _resolution_opening(text: str) -> bool:
    """'Urges States ...', 'Also encourages ...', 'Takes note ...': a verb with its subject
    left out, as in the operative paragraphs of resolutions and decisions."""
    words = text.split()
    while words and words[0].lower().strip(",") in ADVERBS:
        words = words[1:]
    if not words:
        return False
    first = words[0].strip("(“\",")
    return first[:1].isupper() and first.lower().endswith("s") and \
        first.lower() not in BASE_VERBS and lemma(first) in BASE_VERBS


def main_subject(sentence: str) -> str:
    """The subject of a sentence's first finite verb; "" when left out ("Urges States to ...")."""
    if _resolution_opening(sentence):
        return ""
    match = _FINITE.search(sentence)
    if not match:
        return ""
    return clause_subject(_strip_adverbs_right(sentence[: match.start()].rstrip()))


@dataclass(slots=True)
class Frame:
    """The verb a clause depends on ("the Committee considers that ..."), if any."""

    voice: str | None = None  # REPORTED when someone else's view is narrated
    own: bool = False  # the report's own "considers that", "is of the view that"
    speaker: str = ""  # whose view it is


def _frame(left: str, is_self: Callable[[str], bool]) -> Frame:
    """How the clause after ``left`` is framed."""
    if _REPORT_OPENER.search(left.strip()):
        return Frame(REPORTED, False, main_subject(left))
    match = _last_frame(left)
    if not match:
        return Frame()
    verb = match.fverb.lower()
    frame = match.frame.lower()
    before = left[: match.start]
    before = re.sub(r"[ ]+(?:has|have|had|is|are|was|were)(?:[ ]+(?:also|further|"
                    r"repeatedly|previously|already))?[ ]*$", "", before)
    subject = clause_subject(_strip_adverbs_right(before.rstrip()))
    if verb in ("recalls", "recalled", "recalling") or verb in _PAST_IRREGULAR or \
            verb.endswith("ed") or verb.endswith("ing"):
        return Frame(REPORTED, False, subject)
    if frame.startswith(("is of the", "are of the", "is convinced", "am of the", "are convinced")) \
            or verb.endswith("s") or verb in ("believe", "consider", "recommend", "suggest"):
        if not subject or is_self(subject) or _elided(before):
            return Frame(None, True, subject)
        return Frame(REPORTED, False, subject)
    return Frame()


def _elided(left: str) -> bool:
    """Resolution style: the clause starts with its verb ("Considers that States should")."""
    words = left.strip().split()
    return len(words) <= 2 and bool(words) and words[0][:1].isupper() and \
        lemma(words[-1]) in BASE_VERBS and words[-1].lower().endswith("s")


# -- the action asked for ------------------------------------------------------------------

#: words that may follow "should" without being its verb ("should the Council decide")
_NOT_VERBS = {"the", "a", "an", "this", "that", "these", "those", "it", "they", "there", "he",
              "she", "we", "you", "i", "be", "so", "as", "and", "or", "but", "in", "on", "at"}
_LIGHT_VERBS = {"move", "proceed", "endeavour", "endeavor", "strive", "wish"}


def _first_action(text: str) -> tuple[str, str]:
    """(lemma, rest) of the first verb in ``text``, skipping adverbs and "to"."""
    text = _skip_parenthetical(text)
    words = text.split()
    i = 0
    while i < len(words):
        word = words[i].lower().strip(",")
        if word in ADVERBS or word in ("to", "not", "and", "also", "inter", "alia", "either",
                                       "both") or (word.endswith("ly") and
                                                   lemma(word) not in BASE_VERBS):
            i += 1
        elif word in _LIGHT_VERBS and i + 1 < len(words) and words[i + 1].lower() == "to":
            i += 2  # "should move to implement": the action is "implement"
        else:
            break
    if i >= len(words):
        return "", ""
    word = words[i].strip(",;:.“”\"()")
    rest = " ".join(words[i + 1 :])
    base = lemma(word)
    if base == "be":
        following = rest.split()
        while following and (following[0].lower() in ADVERBS or (
                following[0].lower().endswith("ly") and lemma(following[0]) not in BASE_VERBS)):
            following.pop(0)
        participle = following[0].strip(",;:.") if following else ""
        if participle.lower() == "able":
            return _first_action(" ".join(following[1:]))
        return lemma(participle), " ".join(following[1:])
    return phrasal(base, rest), rest


def _skip_parenthetical(text: str) -> str:
    text = text.lstrip(" ,")
    text = re.sub(r"^(?:(?:also|further|not|therefore|thus|still|now|instead|equally|likewise|"
                  r"urgently|immediately|in particular|inter alia|as a matter of (?:priority|"
                  r"urgency)|at a minimum|at least|always|only|primarily|first|ideally|"
                  r"accordingly|again|once again|strongly|respectfully|,)\s*)+", "", text)
    match = re.match(r"^,?\s*(?:by|at|in|within|before|no later than|as soon as|where|when|"
                     r"if|as|inter alia|in consultation|through|with|among|from)\b[^,]{0,160},"
                     r"\s*", text)
    if match and text.startswith((",", "by", "at", "in", "within", "before", "no later",
                                  "as soon", "where", "when", "if", "as", "inter", "through",
                                  "with", "among", "from")):
        text = text[match.end():]
    return text.lstrip(" ,")


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these",
                "those", "of", "for", "in", "on", "with", "by", "to", "from", "any", "each",
                "such", "no", "every", "whose", "at", "as"}


def _split_subjunctive(clause: str) -> tuple[str, str, str]:
    """'the General Assembly request the Secretary-General to ...' ->
    ('the General Assembly', 'request', 'the Secretary-General to ...').

    The verb is the first bare verb after a phrase that names an actor; failing
    that, the first bare verb not preceded by a determiner ("the review process").
    """
    clause = _skip_parenthetical(clause)
    words = clause.split()
    fallback: tuple[str, str, str] | None = None
    for i, word in enumerate(words):
        bare = word.strip(",;:()“”\"").lower()
        if i == 0:
            continue
        previous = words[i - 1].lower().strip(",")
        if bare in ("should", "shall", "must", "will", "would", "could", "may"):
            action, rest = _first_action(" ".join(words[i + 1 :]))
            return " ".join(words[:i]), action, rest
        if bare == "be" and previous not in _MODALS:
            action, rest = _first_action(" ".join(words[i:]))
            return " ".join(words[:i]).rstrip(","), action, rest
        if bare in BASE_VERBS and previous not in _DETERMINERS and previous not in _MODALS:
            rest = " ".join(words[i + 1 :])
            subject = " ".join(words[:i]).rstrip(",")
            candidate = (subject, phrasal(bare, rest), rest)
            head = re.sub(r"(?:[ ]+(?:either|also|further|fully|[a-z]+ly))+$", "", subject)
            if classify(_comma_parts(head)[-1]) or is_pronoun(head) or head.lower() in ("you",
                                                                                          "we"):
                return candidate
            if fallback is None and bare not in _NOUNLIKE:
                fallback = candidate
        if word.endswith(":"):
            return " ".join(words[: i + 1]).rstrip(":"), "", ""
    if fallback:
        return fallback
    if clause.rstrip().endswith(":"):
        return clause.rstrip().rstrip(":"), "", ""
    return "", "", clause


#: bare verbs that are more often nouns inside a noun phrase ("the review process")
_NOUNLIKE = {"review", "use", "support", "report", "access", "plan", "work", "study", "record",
             "progress", "control", "change", "design", "process", "return", "model", "test",
             "target", "balance", "benefit", "cost", "focus", "respect", "request", "demand",
             "issue", "place", "list", "map", "mark", "name", "label", "frame", "guide", "store",
             "stand", "view", "fund", "forum", "link", "match", "measure", "pilot", "post",
             "reference", "resource", "screen", "share", "shift", "state", "step", "stop",
             "lead", "act", "cover", "deal", "end", "free", "house", "note", "order",
             "service", "set", "show", "start", "stay", "track", "train", "treat", "welcome",
             "address", "audit", "award", "campaign", "charge", "check", "document", "draft",
             "pool", "release", "reform", "remedy", "reserve", "rethink", "engage", "help",
             "outline", "permit", "transfer", "update", "upgrade", "waive", "base",
             "budget", "exercise", "experience", "further", "respond", "display"}


_TO_VERB = re.compile(r"\bto[ ]+(?:(?:also|further|urgently|immediately|fully)[ ]+)?"
                      r"(?P<verb>[a-z][\w-]*)")


def _object_to(tail: str) -> tuple[str, str]:
    """'the State party to ratify ...' -> ('the State party', 'ratify'): addressee and action."""
    for match in _TO_VERB.finditer(tail):
        verb = match.group("verb")
        if verb not in BASE_VERBS and verb not in IRREGULAR and verb != "do":
            continue
        addressee = tail[: match.start()].strip(" ,")
        rest = tail[match.end():]
        action = phrasal(lemma(verb), rest)
        if action == "do" and re.match(r"[ ]+so\b", rest):
            done = re.search(r"\bha(?:ve|s)(?: not)?(?: yet)? (\w+ed)\b", addressee)
            action = lemma(done.group(1)) if done else "do"
        return addressee, action
    return "", ""


def _object_phrase(text: str) -> str:
    """The addressee at the start of a verb's object, without a parenthetical that follows
    ("the Secretary-General, in consultation with Member States," -> "the Secretary-General")."""
    kept = []
    for part in _comma_parts(text):
        if kept and _starts_with_opener(part):
            break
        kept.append(part)
    return ", ".join(kept)


def _performative_target(verb: str, tail: str) -> tuple[str, str, bool]:
    """Addressee phrase, action lemma and whether the action follows in sub-paragraphs."""
    base = verb.lower().split()[0]
    base = {"reiterates": "recommend", "reaffirms": "recommend", "renews": "recommend",
            "reiterate": "recommend", "reaffirm": "recommend", "renew": "recommend"}.get(
        base, lemma(base))
    if re.search(r"(?:calls?|requests?|appeals?)$", verb.lower()) and verb.lower().split()[0] \
            in ("reiterates", "reaffirms", "renews", "reiterate", "reaffirm", "renew"):
        base = verb.lower().split()[-1].rstrip("s")
    if re.match(r"calls?[ ]+for", verb.lower()):
        return "", "call for", False
    tail = tail.lstrip(" ,")
    tail = re.sub(r"^\([^()]*\)[ ,]*", "", tail)  # "(see S/2024/556, para. 119) that ..."
    tail = re.sub(r"^(?:(?:once again|again|also|further|strongly|therefore|respectfully)"
                  r"[ ,]+)+", "", tail)
    if tail.startswith(":"):
        return "", "", True
    to_that = re.match(r"^to[ ]+(?P<who>[^,]{2,120}?)[ ]+that[ ]+", tail)
    if to_that:
        _, action, _ = _split_subjunctive(tail[to_that.end():])
        return to_that.group("who"), action, not action
    that = re.match(r"^that\b[ ,]*", tail)
    if that:
        subject, action, _ = _split_subjunctive(tail[that.end():])
        return subject, action, not action
    first = tail.split(" ", 1)[0].strip(",.;:")
    if first.endswith("ing") and lemma(first) in BASE_VERBS:
        return "", phrasal(lemma(first), tail[len(first):]), False
    nominal = re.match(r"^(?:to[ ]+(?P<who>[^,]{2,80}?)[ ]+)?(?:the|a|an)[ ]+(?:[\w-]+[ ]+)?"
                       r"(?P<noun>\w+)[ ]+(?:of|to)\b", tail)
    if nominal and nominal.group("noun").lower() in NOMINALISATIONS:
        # "recommends (to the General Assembly) the adoption of"
        return nominal.group("who") or "", NOMINALISATIONS[nominal.group("noun").lower()], False
    addressee, action = _object_to(tail)
    if addressee:
        return _object_phrase(addressee), action, False
    if base in ("urge", "call", "encourage", "invite", "exhort", "appeal", "advise"):
        object_phrase = re.split(r"[,;:.]| to ", tail, maxsplit=1)[0]
        if object_phrase.rstrip().endswith(":") or tail.rstrip().endswith(":"):
            return object_phrase.strip(": "), "", True
        return object_phrase.strip(), "", False
    return "", base, False


# -- the finder -----------------------------------------------------------------------------

def find_directives(text: str, is_self: Callable[[str], bool]) -> list[Directive]:
    """Every directive clause in a paragraph, in reading order."""
    found: list[Directive] = []
    chapeau_speaker = ""
    for index, segment in enumerate(segments(text)):
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
    # "it is recommended that"
    for match in _IT_IS.finditer(sentence):
        frame = _frame(sentence[: match.start()], is_self)
        subject, action, _ = _split_subjunctive(sentence[match.end():])
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
        frame = _frame(left[: max(0, left.rfind(subject))] if subject else left, is_self)
        voice = REPORTED if aux in ("was", "were") else (frame.voice or OWN)
        action, _ = _first_action(match.group("rest"))
        actor = bool(classify(subject)) or is_pronoun(subject)
        found.append(Directive("passive", voice, frame.speaker, subject if actor else "", action,
                               actor, segment=segment))
        covered.append(match.span())
    # should
    for match in _SHOULD.finditer(sentence):
        directive = _should(sentence, match, is_self, segment, covered)
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
    verb = match.group("verb")
    left = sentence[: match.start()]
    stripped = _strip_adverbs_right(left.rstrip())
    words = stripped.split()
    previous = words[-1].lower().strip("(“\"") if words else ""
    if previous in _MODALS and previous not in ("and",):
        return None
    after = sentence[match.end():]
    if re.match(r"^(?:requests?|calls?)$", verb, re.IGNORECASE) and re.match(
        r"^[ ]+(?:for|from|received|made|were|was|have|had|by|of|and)\b", after
    ):
        return None
    bare_form = re.match(r"^(?:recommend|request|suggest|invite|encourage|urge|advise)$",
                         verb, re.IGNORECASE)
    if bare_form and previous and not re.match(r"^(?:i|we|they|inspectors?|experts?|members?|"
                                               r"rapporteurs|[a-z]+s)$", previous):
        return None  # a bare form after a singular noun: a subjunctive, not a performative
    if not stripped.strip() or all(w.lower().strip(",") in ADVERBS for w in stripped.split()):
        speaker = chapeau_speaker  # resolution style, or a sub-paragraph of "X:"
        elided = True
    elif re.search(r"(?:,|\band)$", stripped):
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
    if not elided and voice == OWN and _last_frame(left) and \
            _frame(left, is_self).voice == REPORTED:
        voice = REPORTED  # "The Committee notes that the Board recommends ..."
    addressee, action, chapeau = _performative_target(verb, after)
    if not action and not chapeau:
        action = lemma(verb.split()[0]) if not verb.lower().startswith(("reiter", "reaff",
                                                                        "renew")) else ""
    return Directive("performative", voice, speaker, addressee, action, True, chapeau=chapeau,
                     segment=segment)


def _past_performative(
    sentence: str, match: re.Match[str], is_self: Callable[[str], bool], segment: int
) -> Directive | None:
    left = sentence[: match.start()]
    stripped = _strip_adverbs_right(left.rstrip())
    words = stripped.split()
    previous = words[-1].lower() if words else ""
    if previous in _MODALS or previous in ("is", "are", "was", "were", "be", "been", "being",
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
    first = verb.split()[0]
    addressee, action, chapeau = _performative_target(present.get(first, first), tail)
    if not addressee and not action and not chapeau:
        return None
    return Directive("performative", REPORTED, speaker, addressee, action, True,
                     chapeau=chapeau, segment=segment)


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
    previous = left.split()[-1].lower().strip(",") if left.split() else ""
    if previous in _RELATIVE:
        return None
    after = sentence[match.end():]
    body = _skip_parenthetical(after)
    negated = bool(re.match(r"^not\b", body))
    if negated:
        body = body[3:].lstrip()
    if _INTERPRETIVE.match(body if not negated else "be " + body.split(" ", 1)[-1]) or \
            _INTERPRETIVE.match(("not " if negated else "") + body):
        return None
    if re.match(r"^be[ ]+(?:also[ ]+|further[ ]+)?(?:encouraged|requested|urged|invited|called|"
                r"advised|exhorted)[ ]+(?:up)?(?:on[ ]+)?to\b", body):
        return None  # handled as a passive performative
    subject = clause_subject(left)
    if subject and re.search(r"\b(?:Should|If|Unless|Where|When)\b", left.split(",")[0]) and \
            subject == clause_subject(left.split(",")[0]):
        subject = ""
    passive = bool(re.match(r"^be[ ]+(?!able\b)", body))
    action, _ = _first_action(body)
    verb = action.split(" ")[0]
    if not action or (not passive and verb not in BASE_VERBS and (
            not re.fullmatch(r"[a-z]+", verb) or verb in _NOT_VERBS)):
        if not passive:
            return None
    if passive and action in ("be", "a", "an", "the", "") or re.match(
            r"^be[ ]+(?:a|an|the|of|in|at|on|more|less|as|no|so|very|sustainable|consistent|"
            r"free|available|possible|clear|able|aware|based)\b", body):
        passive_weak_state = True
    else:
        passive_weak_state = False
    subject_start = left.rfind(subject) if subject else len(left)
    frame = _frame(left[:subject_start], is_self)
    actor = classify(subject) if subject and not passive else []
    if subject and is_pronoun(subject) and not passive:
        actor = ["pronoun"]
    if actor == [OTHER_CATEGORY] and re.match(r"^(?:have|enjoy|receive|benefit|be able|"
                                              r"participate|access)\b", body):
        actor = []  # "Indigenous Peoples should have adequate education": an entitlement
    strong = bool(actor) and not passive
    if passive_weak_state:
        return None if not frame.own else Directive(
            "should", frame.voice or OWN, frame.speaker, "", "", False, framed=True,
            segment=segment)
    addressee = subject if strong else ""
    return Directive("should", frame.voice or OWN, frame.speaker, addressee, action, strong,
                     framed=frame.own, segment=segment)


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
    if starts_with_to and verb[:1].isupper():
        return None
    if not starts_with_to and not (verb[:1].isupper() or match.group("adverbs")):
        return None
    known = is_base_verb(verb)
    if not known and (verb.lower() in _NOT_IMPERATIVE or verb.lower().endswith(("s", "ed"))
                      or lemma(verb) in BASE_VERBS and lemma(verb) != verb.lower()):
        return None
    if verb.lower() in _NOUNLIKE and not continues:
        if re.match(r"^[ ]+(?:of|for|is|are|was|were|has|have|had|and|or|to|from|in|on|at|by|"
                    r"as|with|process|mechanism|plans?|programmes?|reports?)\b", rest):
            return None
        head = re.split(r"[,;:.]", rest, maxsplit=1)[0]
        if re.search(r"\b(?:is|are|was|were|has|have|had|remains|remain|will|would)\b",
                     " ".join(head.split()[:6])):
            return None  # "Access to energy is essential": a noun
    if starts_with_to and re.search(r",[ ]+(?:the|a|an|it|this|these|States|we|I)\b[^,]*\b"
                                    r"(?:is|are|should|will|must|can|has|have|recognizes|"
                                    r"recommends|[a-z]+s)\b", rest):
        return None  # "To help situate ..., the present study recognizes": a purpose clause
    action = "continue" if continues else phrasal(lemma(verb), rest)
    return Directive("imperative", OWN, "", "", action, known or continues, segment=segment)
