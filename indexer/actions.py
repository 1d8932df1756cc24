"""What a directive asks, and of whom: the addressee phrase and the action's verb.

"recommends that the General Assembly request the Secretary-General to ..."
-> ("the General Assembly", "request"); "urges the State party, in
consultation with civil society, to ratify ..." -> ("the State party",
"ratify"); "recommends the establishment of" -> ("", "establish").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .addressees import classify, is_pronoun
from .clauses import comma_parts, starts_with_opener
from .verbs import ADVERBS, BASE_VERBS, IRREGULAR, NOMINALISATIONS, lemma, phrasal

MODALS = {"to", "should", "would", "could", "may", "might", "will", "shall", "must", "not",
           "can", "cannot", "the", "a", "an", "its", "his", "her", "their", "our", "these",
           "those", "this", "that", "which", "who", "whose", "any", "no", "such", "of", "for",
           "with", "by", "in", "on", "and/or", "whether", "being", "been", "be"}
# -- the action asked for ------------------------------------------------------------------

#: words that may follow "should" without being its verb ("should the Council decide")
NOT_VERBS = {"the", "a", "an", "this", "that", "these", "those", "it", "they", "there", "he",
              "she", "we", "you", "i", "be", "so", "as", "and", "or", "but", "in", "on", "at"}
_LIGHT_VERBS = {"move", "proceed", "endeavour", "endeavor", "strive", "wish"}


def first_action(text: str) -> tuple[str, str]:
    """(lemma, rest) of the first verb in ``text``, skipping adverbs and "to"."""
    text = skip_parenthetical(text)
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
            return first_action(" ".join(following[1:]))
        return lemma(participle), " ".join(following[1:])
    return phrasal(base, rest), rest


def skip_parenthetical(text: str) -> str:
    text = text.lstrip(" ,")
    text = re.sub(r"^(?:(?:first and foremost|above all|first of all|also|further|not|"
                  r"therefore|thus|still|now|instead|equally|likewise|"
                  r"urgently|immediately|in particular|inter alia|as a matter of (?:priority|"
                  r"urgency)|at a minimum|at least|always|only|primarily|first|ideally|"
                  r"accordingly|consequently|hence|again|once again|strongly|respectfully|,)"
                  r"\s*)+", "", text)
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


def _actor(phrase: str) -> bool:
    """A phrase naming someone who can act: in the vocabulary, or an acronym ("that CSW bring
    ...": the Commission on the Status of Women)."""
    return bool(classify(phrase)) or bool(re.fullmatch(r"(?:the\s+)?[A-Z]{2,}[A-Za-z-]*",
                                                       phrase.strip()))


def split_subjunctive(clause: str) -> tuple[str, str, str]:
    """'the General Assembly request the Secretary-General to ...' ->
    ('the General Assembly', 'request', 'the Secretary-General to ...').

    The verb is the first bare verb after a phrase that names an actor; failing
    that, the first bare verb not preceded by a determiner ("the review process").
    """
    clause = skip_parenthetical(clause)
    words = clause.split()
    fallback: tuple[str, str, str] | None = None
    depth = 0
    for i, word in enumerate(words):
        bare = word.strip(",;:()“”\"").lower()
        inside = depth > 0 or word.startswith("(")
        depth = max(0, depth + word.count("(") - word.count(")"))
        if i == 0 or inside or word.strip("“\"")[:1].isupper():
            if i and word.endswith(":") and not inside:
                return " ".join(words[: i + 1]).rstrip(":"), "", ""
            continue  # the verb is lower case and outside brackets ("(Commission nationale")
        previous = words[i - 1].lower().strip(",")
        if bare in ("should", "shall", "must", "will", "would", "could", "may"):
            action, rest = first_action(" ".join(words[i + 1 :]))
            return " ".join(words[:i]), action, rest
        if bare == "be" and previous not in MODALS:
            action, rest = first_action(" ".join(words[i:]))
            return " ".join(words[:i]).rstrip(","), action, rest
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        unknown = bare not in BASE_VERBS and bool(re.fullmatch(r"[a-z]{3,}", bare)) and \
            bare not in _NOT_AFTER_TO and bare not in _FUNCTION_WORDS and \
            not bare.endswith(("s", "ed", "ing", "ly") + _NOUN_ENDINGS) and \
            (following in _OBJECT_START or following.endswith("ly"))
        if unknown and previous not in _DETERMINERS and previous not in MODALS:
            # "that the Committee write to Member States": a bare form the lexicon lacks, right
            # after an actor, is the subjunctive
            subject = " ".join(words[:i]).rstrip(",")
            if _actor(comma_parts(subject)[-1]) and not subject.endswith(","):
                rest = " ".join(words[i + 1 :])
                return subject, phrasal(bare, rest), rest
        if bare.endswith("s") and bare not in BASE_VERBS and lemma(bare) in BASE_VERBS and \
                previous not in _DETERMINERS and previous not in MODALS:
            # "Requests that the Secretary-General reports to the Council": an indicative
            subject = " ".join(words[:i]).rstrip(",")
            if _actor(comma_parts(subject)[-1]) and not subject.endswith(","):
                rest = " ".join(words[i + 1 :])
                return subject, phrasal(lemma(bare), rest), rest
        if bare in BASE_VERBS and previous not in _DETERMINERS and previous not in MODALS:
            rest = " ".join(words[i + 1 :])
            subject = " ".join(words[:i]).rstrip(",")
            candidate = (subject, phrasal(bare, rest), rest)
            head = re.sub(r"(?:[ ]+(?:either|also|further|fully|[a-z]+ly))+$", "", subject)
            if _actor(comma_parts(head)[-1]) or is_pronoun(head) or head.lower() in ("you", "we"):
                return candidate
            if fallback is None and bare not in NOUNLIKE:
                fallback = candidate
        if word.endswith(":"):
            return " ".join(words[: i + 1]).rstrip(":"), "", ""
    if fallback:
        return fallback
    if clause.rstrip().endswith(":"):
        return clause.rstrip().rstrip(":"), "", ""
    return "", "", clause


#: bare verbs that are more often nouns inside a noun phrase ("the review process")
NOUNLIKE = {"review", "use", "support", "report", "access", "plan", "work", "study", "record",
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


_TO = re.compile(r"\bto[ ]+")
#: words after "to" that begin a noun phrase, not a verb ("to the", "to all")
_NOT_AFTER_TO = frozenset(
    "the a an its their his her our this that these those all any each every such no both "
    "other some more most further date be which whom what whose".split())
_NOUN_ENDINGS = ("tion", "sion", "ment", "ity", "ship", "ism")
_FUNCTION_WORDS = frozenset("and but nor for from with without within into onto upon over under "
                            "about above below between among against during through until "
                            "while who which whose whom where when than then either neither "
                            "one two three four five six seven eight nine ten".split())


_OBJECT_START = frozenset("the a an this that these those its their his her our all any such "
                          "more further to from with on in for into at by upon as and".split())


def _unknown_verb(word: str, rest: str, addressee: str) -> bool:
    """'the Chadian authorities to harness this momentum': after an actor, "to" + a word the
    lexicon lacks + the start of its object or a preposition is the action ("to transmit to
    the Council"; "to underage marriage" is not)."""
    if word in _NOT_AFTER_TO or word.endswith(_NOUN_ENDINGS) or len(word) < 3:
        return False
    following = rest.split(" ", 1)[0].lower()
    if following not in _OBJECT_START and not following.endswith("ly"):
        return False
    head = comma_parts(addressee)[-1] if addressee else ""
    return bool(head) and (bool(classify(head)) or is_pronoun(head))


def _verb_after_to(tail: str) -> Iterator[tuple[int, str, str]]:
    """Each (start, verb, rest) of "to" + adverbs + a lower-case word in ``tail``."""
    for match in _TO.finditer(tail):
        words = tail[match.end():].split(" ")
        i = 0
        while i < len(words) - 1 and (words[i] in ("also", "further", "better", "not") or (
                words[i].endswith("ly") and lemma(words[i]) not in BASE_VERBS) or (
                i and words[i] == "and" and words[i - 1].endswith("ly"))):
            # "to unequivocally reaffirm", "to strategically and regularly engage", but "to
            # apply", "to comply"
            i += 1
        word = re.match(r"[a-z][\w-]*", words[i]) if words else None
        if word:
            yield match.start(), word.group(0), " ".join(words[i + 1:])


def object_to(tail: str) -> tuple[str, str]:
    """'the State party to ratify ...' -> ('the State party', 'ratify'): addressee and action."""
    for start, verb, rest in _verb_after_to(tail):
        addressee = tail[:start].strip(" ,")
        if verb not in BASE_VERBS and verb not in IRREGULAR and verb != "do" and \
                not _unknown_verb(verb, rest, addressee):
            continue
        action = phrasal(lemma(verb), rest)
        if action == "do" and re.match(r"[ ]*so\b", rest):
            done = re.search(r"\bha(?:ve|s)(?: not)?(?: yet)? (\w+ed)\b", addressee)
            action = lemma(done.group(1)) if done else "do"
        return addressee, action
    return "", ""


_FOR_ADOPTION = re.compile(
    r"^(?:it|them|this|these|the[ ]+[^,;]{2,80}?)[ ]+to[ ]+(?P<who>(?:the[ ]+)?[A-Z][^,;()]{2,80}?)"
    r"[ ]+for[ ]+(?:its[ ]+|their[ ]+)?(?P<noun>adoption|approval|consideration|endorsement)\b")


def _actor_before_to(tail: str) -> bool:
    head = re.split(r"[,;:]| to ", tail, maxsplit=1)
    return len(head) > 1 and " to " in tail[: len(head[0]) + 4] and bool(classify(head[0]))


def object_phrase(text: str) -> str:
    """The addressee at the start of a verb's object, without a parenthetical that follows
    ("the Secretary-General, in consultation with Member States," -> "the Secretary-General")."""
    kept: list[str] = []
    skipping = False
    consulted = 0  # parts of a list of those consulted skipped so far
    for part in comma_parts(text):
        if kept and consulted < 2 and re.match(r"(?:and|or|as well as)\b", part):
            # "..., including UNSMIL, and other interested parties", "Member States, with the
            # support of UNODC, and the private sector": the list of actors goes on
            skipping, consulted = False, 0
        elif kept and (skipping or starts_with_opener(part)):
            # those consulted are listed to the end ("in consultation with States, UNEP and
            # other stakeholders, to prepare"): none of them is asked
            if consulted or _CONSULTED.match(part):
                consulted += 1
            skipping = True
            continue
        kept.append(part)
    return ", ".join(kept)


_CONSULTED = re.compile(r"(?:in[ ]+(?:close[ ]+)?(?:consultation|cooperation|coordination|"
                        r"collaboration)|taking[ ]+into[ ]+account|with[ ]+the[ ]+"
                        r"(?:support|assistance|participation))\b", re.IGNORECASE)


def performative_target(verb: str, tail: str) -> tuple[str, str, bool]:
    """Addressee phrase, action lemma and whether the action follows in sub-paragraphs."""
    base = verb.lower().split()[0]
    base = {"reiterates": "recommend", "reaffirms": "recommend", "renews": "recommend",
            "reiterate": "recommend", "reaffirm": "recommend", "renew": "recommend"}.get(
        base, lemma(base))
    if re.search(r"(?:calls?|requests?|appeals?)$", verb.lower()) and verb.lower().split()[0] \
            in ("reiterates", "reaffirms", "renews", "reiterate", "reaffirm", "renew"):
        base = verb.lower().split()[-1].rstrip("s")
    if re.match(r"calls?[ ]+for", verb.lower()):
        # "calls for the cessation of such support", "calls for renewed efforts to restrict":
        # the act called for; otherwise the call itself
        asked = re.match(r"^[ ,]*(?:the[ ]+)?(?:(?P<noun>\w+)[ ]+of\b|(?:renewed|further|"
                         r"increased|greater|concerted|urgent)[ ]+efforts[ ]+to[ ]+(?P<rest>.+))",
                         tail)
        if asked and asked.group("noun") and asked.group("noun").lower() in NOMINALISATIONS:
            return "", NOMINALISATIONS[asked.group("noun").lower()], False
        if asked and asked.group("rest"):
            return "", first_action(asked.group("rest"))[0] or "call for", False
        return "", "call for", False
    tail = tail.lstrip(" ,")
    if base == "call" and tail.startswith("for "):  # "reiterate my call for Israel to use ..."
        addressee, action = object_to(tail[4:])
        return (addressee, action, False) if addressee else ("", "call for", False)
    if tail.startswith("continued "):  # "encourages continued reforms"
        return "", "continue", False
    handed = _FOR_ADOPTION.match(tail)
    if handed:  # "recommended it to the Economic and Social Council for adoption"
        return handed.group("who"), NOMINALISATIONS[handed.group("noun")], False
    tail = re.sub(r"^\([^()]*\)[ ,]*", "", tail)  # "(see S/2024/556, para. 119) that ..."
    tail = re.sub(r"^(?:(?:once again|again|also|further|strongly|therefore|respectfully|"
                  r"(?:as|where|when|if) (?:appropriate|necessary|possible|applicable))"
                  r"[ ,]+)+", "", tail)  # "encourages, as appropriate, the use of"
    if tail.startswith(":"):
        return "", "", True
    to_that = re.match(r"^to[ ]+(?P<who>[^,]{2,120}?)[ ]+that[ ]+", tail)
    if to_that:
        _, action, _ = split_subjunctive(tail[to_that.end():])
        return to_that.group("who"), action, not action
    that = re.match(r"^that\b[ ,]*", tail)
    if that:
        subject, action, _ = split_subjunctive(tail[that.end():])
        return subject, action, not action
    first = tail.split(" ", 1)[0].strip(",.;:")
    if first.endswith("ing") and lemma(first) in BASE_VERBS and not _actor_before_to(tail):
        # "recommends establishing ..."; not "urge funding partners to align ..."
        return "", phrasal(lemma(first), tail[len(first):]), False
    nominal = re.match(r"^(?:to[ ]+(?P<who>[^,]{2,80}?)[ ]+)?(?:the|a|an)[ ]+(?:[\w-]+[ ]+)?"
                       r"(?P<noun>\w+)[ ]+(?:of|to)\b", tail)
    if nominal and nominal.group("noun").lower() in NOMINALISATIONS:
        # "recommends (to the General Assembly) the adoption of"
        return nominal.group("who") or "", NOMINALISATIONS[nominal.group("noun").lower()], False
    addressee, action = object_to(tail)
    if addressee:
        return object_phrase(addressee), action, False
    if base in ("urge", "call", "encourage", "invite", "exhort", "appeal", "advise", "entreat"):
        obj = re.split(r"[,;:.]| to ", tail, maxsplit=1)[0]
        if obj.rstrip().endswith(":") or tail.rstrip().endswith(":"):
            # "calls upon Haitian governmental authorities, as well as international
            # stakeholders:": the whole list before the colon
            listed = object_phrase(re.split(r"[;:.]| to ", tail, maxsplit=1)[0])
            return (listed or obj).strip(": "), "", True
        return obj.strip(), "", False
    return "", base, False
