"""The structure of a clause: sentences, sub-paragraphs, subjects, and the verb it hangs on.

Directives are found clause by clause. This module cuts a paragraph into
sentences (not at "para. 4", "No. 34") and sub-paragraphs ("(a)", bullets,
an inline "1. To ..."), finds the subject before a verb (skipping openers such
as "Where frameworks exist," and parentheticals), and finds the frame a clause
depends on ("the Committee considers that", "the Assembly emphasized that"),
which decides whose voice it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .addressees import classify
from .verbs import ADVERBS, BASE_VERBS, lemma

OWN = "own"
REPORTED = "reported"

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

#: a character or word every match of the pattern above holds: substring tests rule most
#: paragraphs out before any search
_MARKER_WORDS = ("(", "•", "▪", "–", "To", "That")
#: what every match of the pattern above contains (a bracket in "(A/79/345)" is not enough)
_MARKER_HINT = re.compile(r"\((?:[a-z]{1,2}|[ivxl]+)\)|[•\u2022▪–]|\d\.\s+(?:To|That)\s")


_LOWER_LETTER = re.compile(r"[a-z]")
_UPPER_LETTER = re.compile(r"[A-Z]")


def ends_sentence(text: str) -> bool:
    """The text ends a sentence: ".", "!" or "?", perhaps inside a closing quote, but not the
    full stop of an abbreviation ("para.", "No.") nor a colon that leads in a list."""
    text = text.rstrip().rstrip("”\"’)")
    if not text or text[-1] not in ".!?":
        return False
    words = text[:-1].rsplit(maxsplit=1)
    last = words[-1].lower().lstrip("(“\"") if words else ""
    return text[-1] != "." or not (last in _ABBREVIATIONS or _LOWER_LETTER.fullmatch(last) or
                                   _UPPER_LETTER.fullmatch(words[-1] if words else ""))


def sentences(text: str) -> list[str]:
    """Split running text into sentences, not at "para. 4", "No. 34", "e.g." or "A/79/345."."""
    out: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rsplit(maxsplit=1)  # only its last word matters
        last = before[-1].lower().lstrip("(“\"") if before else ""
        if last in _ABBREVIATIONS or _LOWER_LETTER.fullmatch(last) or _UPPER_LETTER.fullmatch(
            before[-1] if before else ""
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
    if not any(word in text for word in _MARKER_WORDS) or not _MARKER_HINT.search(text):
        return [text.strip()]
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
_FRAME_ENDINGS = [
    # not "of": "is of the view" is the next pattern's, whose verb is "is"
    re.compile(r"\b(?P<fverb>(?!of\b)[A-Za-z-]+)[ ]+(?:its|his|her|their|the|our|my)[ ]+"
               r"(?:\w+[ ]+)?"
               r"(?:view|opinion|position|understanding|belief|recommendation|call|request|"
               r"conviction)s?$"),
    re.compile(r"\b(?P<fverb>[A-Za-z-]+)[ ]+(?:of[ ]+the[ ]+(?:view|opinion)|the[ ]+view|"
               r"convinced|aware|concerned)$"),
    re.compile(r"\b(?P<fverb>[A-Za-z-]+)[ ]+(?:out|up|forward)$"),  # "it was pointed out that"
    re.compile(r"\b(?P<fverb>[A-Za-z-]+)$"),
]


@dataclass(slots=True)
class _FrameVerb:
    fverb: str  # "reiterated", "considers", "is"
    frame: str  # "reiterated his view", "is of the view"
    start: int


def last_frame(left: str) -> _FrameVerb | None:
    """The "<verb> that" nearest the end of ``left`` ("reiterated his view that")."""
    for that in reversed(list(re.finditer(r"[ ]+that\b", left))):
        if re.search(r"[;:]", left[that.end():]):
            return None
        before = left[: that.start()]
        if re.search(r"\b(?:and|or|but)[ ,]*$", before):
            continue  # "decided that X ... and that Y": the earlier "that" has the verb
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
    r"observations|opinions?|statements?|declarations?|reviews?|pacts?|compacts?|frameworks?|"
    r"agendas?|strateg(?:y|ies)|(?:programmes?|plans?) of action|conventions?|agreements?)\b|"
    r"^According to\b|"
    r"^As (?:stated|noted|set out|recalled|recommended|requested|emphasized|underlined|"
    r"highlighted)\b"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|must|shall|should|"
    r"(?!(?:us|as|is|was|this|thus|its|has|his|does|less|across|unless|process|access|"
    r"progress|business|address|success|status|basis|analysis|crisis|focus|bias|various|"
    r"serious|numerous|previous|continuous|indigenous|States|Governments)\b)[a-z]+(?:s|ed))\b"
)


def strip_adverbs_right(text: str) -> str:
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


def comma_parts(text: str) -> list[str]:
    """Split at commas outside brackets, keeping the brackets ("... Refugees (UNHCR)")."""
    if "(" not in text and ")" not in text:  # every comma splits: no need to go char by char
        return [part.strip() for part in text.split(",")]
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


def starts_with_opener(part: str) -> bool:
    words = part.lower().split()
    if not words:
        return True
    if re.match(r"[A-Z][a-z]+ing[ ]+(?:up[ ]+)?(?:to|on|from|with|in|beyond|towards)\b", part):
        return True  # "Leading up to the forum,", "Building on ...,": a participle's phrase
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
    first_person = re.search(r"(?:^|,|\band|\bbut)[ ]+(?P<subject>I|we|We)[ ]*$", left)
    if first_person:  # "This commitment supports my call and I encourage ...": a new clause
        return first_person.group("subject")
    if re.search(r"\b(?:is|are|was|were|has|have|had|will|would)\b", left):
        # "the practice was to refine the text and the Commission": the last conjunct
        left = re.split(r"\b(?:and|but|while|whereas)[ ]+", left)[-1]
    parts = comma_parts(left)
    kept: list[str] = []
    for part in reversed(parts):
        if not part:
            continue
        if re.match(r"^(?:which|who|whose|whom)\b", part) and kept == []:
            continue  # "Development banks, which play a major role ..., should": a relative
        if starts_with_opener(part):
            if kept:
                break
            continue
        kept.insert(0, part)
        listed = re.search(r"(?:^|[ ])(?:and|or|and/or)[ ]", kept[-1])  # "..., B and C"
        if not re.match(r"^(?:and|or)\b", part) and len(kept) > 1 and (
                not classify(part) or not listed):
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


_FIRST_PERSON = re.compile(r"^(?:[^,]{0,80},[ ]*)?(?P<subject>I|We)[ ]+(?![.,;:])")


def main_subject(sentence: str) -> str:
    """The subject of a sentence's first finite verb; "" when left out ("Urges States to ...")."""
    if _resolution_opening(sentence):
        return ""
    first_person = _FIRST_PERSON.match(sentence)
    if first_person:  # "Lastly, I welcome ... and call upon ...": no finite form to find
        return first_person.group("subject")
    match = _FINITE.search(sentence)
    if not match:
        return ""
    return clause_subject(strip_adverbs_right(sentence[: match.start()].rstrip()))


@dataclass(slots=True)
class Frame:
    """The verb a clause depends on ("the Committee considers that ..."), if any."""

    voice: str | None = None  # REPORTED when someone else's view is narrated
    own: bool = False  # the report's own "considers that", "is of the view that"
    speaker: str = ""  # whose view it is


#: present-tense verbs of saying and thinking after a plural subject ("The Russian Federation
#: and Belarus state that ..."): the view of whoever the subject names
_SAYING = {"state", "note", "stress",
           "emphasize", "emphasise", "underline", "recall", "affirm", "reaffirm", "agree", "hold",
           "maintain", "argue", "insist", "reiterate", "underscore", "highlight", "observe"}


#: past tenses in which a session report records what its body concluded, not what it recalled
_SESSION_CONCLUSIONS = {"agreed", "concluded", "emphasized", "emphasised", "stressed",
                        "underscored", "underlined", "considered"}


_COLLECTIVE = re.compile(r"\b(?:Committee|Commission|Forum|Board|Council|Assembly|Conference|"
                         r"Group|Meeting|Mechanism|Subcommittee|Panel|Bureau|Team|Parties)\b",
                         re.IGNORECASE)


def collective(subject: str) -> bool:
    """A body that meets and concludes ("the Forum", "the Committee"), not a person whose
    statement a summary narrates ("the Secretary-General emphasized")."""
    return bool(_COLLECTIVE.search(subject))


def frame_of(left: str, is_self: Callable[[str], bool]) -> Frame:
    """How the clause after ``left`` is framed."""
    if _REPORT_OPENER.search(left.strip()):
        return Frame(REPORTED, False, main_subject(left))
    match = last_frame(left)
    if not match:
        return Frame()
    verb = match.fverb.lower()
    frame = match.frame.lower()
    before = left[: match.start]
    pluperfect = bool(re.search(r"\bhad[ ]+(?:\w+[ ]+)?$", before))
    before = re.sub(r"[ ]+(?:has|have|had|is|are|was|were)(?:[ ]+(?:also|further|"
                    r"repeatedly|previously|already))?[ ]*$", "", before)
    subject = clause_subject(strip_adverbs_right(before.rstrip()))
    if verb in _SESSION_CONCLUSIONS and subject and is_self(subject) and not pluperfect and \
            collective(subject):
        # a session report records its own body's conclusions in the past tense ("In the light
        # of the discussion, the Forum agreed that members of ECA should: ...")
        return Frame(None, True, subject)
    if verb in ("recalls", "recalled", "recalling") or verb in _PAST_IRREGULAR or \
            verb.endswith("ed") or verb.endswith("ing"):
        return Frame(REPORTED, False, subject)
    if frame.startswith(("is of the", "are of the", "is convinced", "am of the", "are convinced")) \
            or verb.endswith("s") or verb in ("believe", "consider", "recommend", "suggest"):
        if not subject or is_self(subject) or _elided(before):
            return Frame(None, True, subject)
        return Frame(REPORTED, False, subject)
    if verb in _SAYING and subject and not is_self(subject):
        return Frame(REPORTED, False, subject)
    return Frame()


def _elided(left: str) -> bool:
    """Resolution style: the clause starts with its verb ("Considers that States should")."""
    words = left.strip().split()
    return len(words) <= 2 and bool(words) and words[0][:1].isupper() and \
        lemma(words[-1]) in BASE_VERBS and words[-1].lower().endswith("s")
