"""A clause that opens with a bare verb: "Ratify ...", "To set up ...", "(a) Take note of".

Without a part-of-speech tagger, a first word is a verb when the lexicon knows
it (``verbs``) and the words after it do not make it a noun ("Review process
is ..."). Such a clause counts only where the caller knows it is in a list of
recommendations; this module only says whether the clause opens with a verb.
"""

from __future__ import annotations

import re

from .actions import NOUNLIKE
from .clauses import OWN
from .operative import Directive
from .verbs import BASE_VERBS, is_base_verb, lemma, phrasal

#: verbs the lexicon knows that end like an adverb ("Apply", "Comply with")
_LY_VERBS = "|".join(sorted(v for v in BASE_VERBS if v.endswith("ly")))
_IMPERATIVE_LEAD = re.compile(
    r"^(?:\d{1,3}\.[ ]+)?(?:(?:[Tt]o|[Tt]hat)[ ]+)?(?P<adverbs>(?:"
    # an adverb ("Urgently ratify"), not one of those verbs
    rf"(?!(?i:{_LY_VERBS})\b)[A-Za-z]+ly[ ]+|"
    r"[Ff]urther[ ]+|[Aa]lso[ ]+|[Cc]ontinue[ ]+to[ ]+)*)(?P<verb>[A-Za-z][a-z-]+)\b(?P<rest>.*)",
    re.DOTALL,
)

_TO = re.compile(r"^(?:\d{1,3}\.[ ]+)?[Tt]o[ ]")

_NOT_IMPERATIVE = {
    "the", "a", "an", "all", "in", "on", "at", "by", "for", "with", "from", "its", "their", "this",
    "that", "these", "those", "it", "they", "we", "i", "he", "she", "there", "as", "if", "when",
    "where", "while", "although", "since", "because", "after", "before", "during", "under",
    "over", "of", "and", "or", "but", "not", "no", "some", "many", "most", "each", "every",
    "both", "such", "other", "another", "any", "more", "less", "one", "two", "three", "recent",
    "new", "further", "also", "however", "moreover", "regarding", "concerning", "following",
}


def imperative_clause(sentence: str, segment: int) -> Directive | None:
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
    starts_with_to = bool(_TO.match(lead))
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
    if not known and re.match(r"[ ]+\d", rest):
        return None  # "(a) Goal 3:", "Article 5": a label before the items, not a verb
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
