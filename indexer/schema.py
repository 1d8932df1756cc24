"""The one Whoosh schema of a paraindex index, its analyzers and its field names.

One record per paragraph (numbered, recommendation item, or unnumbered block)
and one record per document (``kind`` = "document") that carries the document's
metadata and quality report; both are written in the same commit, so the index
never holds half a document.

Paragraph text goes to the field of its language (``text``, ``text_fr``,
``text_es``) so each is stemmed by the right rules, and queries search all of
them. The schema is pickled into the index, so the analyzer classes here are
part of the on-disk format: change them only with ``FORMAT_VERSION``.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

from whoosh import formats
from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.analysis.filters import STOP_WORDS
from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

from .wordplan import word_plan

#: bump when the schema or an analyzer changes; older indexes must be rebuilt
#: 2: possessives, French elisions, "2,271" as one number, single digits kept,
#:    -isation spelt -ization, "may" and "us" no longer stop words
#: 3: French and Spanish accents folded before stemming ("educacion" meets "educación")
#: 5: positions packed as small integer arrays (``PackedPositions``); the English words as
#:    written kept once per document (``SPELLING``), not once per paragraph; the ordinal
#:    a sort column only (``SortKey``); the English word rules one filter
#:    (``EnglishWordFilter``)
FORMAT_VERSION = 5

# field names, used everywhere instead of string literals
KEY = "key"
DOC = "doc"
KIND = "kind"
SYMBOL = "symbol"
SYMBOL_KEY = "symbol_key"
SYMBOL_PARTS = "symbol_parts"
BODY = "body"
TITLE = "title"
LANGUAGE = "lang"
YEAR = "year"
SECTION = "section"
SECTION_PATH = "section_path"
NUMBER = "number"
ANNEX = "annex"
ORDINAL = "ordinal"
PAGE = "page"
PAGE_END = "page_end"
PDF_PAGE = "pdf_page"
PDF_PAGE_END = "pdf_page_end"
SUBPARAGRAPHS = "subparagraphs"
LABEL = "label"
RECOMMENDATION = "recommendation"
ADDRESSEE = "addressee"
ACTION = "action"
RECOMMENDER = "by"
UPR_STATUS = "status"
INSTRUMENTS = "instruments"
SOURCE = "source"
CONTENT_HASH = "content_hash"
TEXT_EN = "text"
TEXT_FR = "text_fr"
TEXT_ES = "text_es"
STORED_TEXT = "content"
DOC_META = "doc_meta"
#: the English words as written (unstemmed), once per document: spelling suggestions and
#: wildcards match these, then analyse the matches
SPELLING = "spell_text"

TEXT_FIELDS = {"en": TEXT_EN, "fr": TEXT_FR, "es": TEXT_ES}

KIND_PARAGRAPH = "paragraph"
KIND_ITEM = "item"
KIND_BLOCK = "block"
KIND_DOCUMENT = "document"

#: plurals and forms a suffix stemmer cannot join to their singular
IRREGULAR_FORMS = {
    "women": "woman", "men": "man", "people": "person", "persons": "person",
    "peoples": "person", "children": "child", "mice": "mouse", "feet": "foot",
    "teeth": "tooth", "geese": "goose", "lives": "life", "wives": "wife",
    "indices": "index", "criteria": "criterion", "phenomena": "phenomenon",
    "analyses": "analysis", "crises": "crisis", "bases": "basis", "theses": "thesis",
    "data": "datum", "media": "medium", "fora": "forum",
}


class IrregularFormFilter(Filter):
    """Map irregular plurals to their singular before stemming (women -> woman)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IrregularFormFilter)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            replacement = IRREGULAR_FORMS.get(token.text)
            if replacement is not None:
                token.text = replacement
            yield token


class PossessiveFilter(Filter):
    """Drop the English possessive ("women's" -> "women", "States'" -> "states").

    Runs before the irregular forms, so "women's" joins "woman" like "women" does.
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PossessiveFilter)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            text = token.text
            if text.endswith(("'s", "’s")):
                token.text = text[:-2]
            elif text.endswith(("'", "’")):
                token.text = text[:-1]
            yield token


class SpellingFilter(Filter):
    """One spelling for word forms that UN texts and their readers spell two ways.

    UN editorial style writes -ization ("organization"); many readers type
    -isation. Only the noun ending is joined: -ise verbs ("rise", "promise")
    are too often not -ize words.
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SpellingFilter)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            text = token.text
            if text.endswith("isation"):
                token.text = text[:-7] + "ization"
            elif text.endswith("isations"):
                token.text = text[:-8] + "izations"
            yield token


_ELISION_RE = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)


class ElisionFilter(Filter):
    """French elided articles and pronouns: "l'éducation" -> "éducation", "d'une" -> "une"."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ElisionFilter)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            token.text = _ELISION_RE.sub("", token.text)
            if token.text:
                yield token


class NumberFilter(Filter):
    """Numbers with thousands separators are one word: "2,271" -> "2271"."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NumberFilter)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            if "," in token.text:
                token.text = token.text.replace(",", "")
            yield token


class ShortWordFilter(Filter):
    """Drop single letters (list labels, initials) but keep single digits ("Goal 5")."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ShortWordFilter)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        for token in tokens:
            if len(token.text) > 1 or token.text.isdigit():
                yield token


class EnglishWordFilter(Filter):
    """The English word rules in one pass: ``NumberFilter``, lower case, accents folded
    (``accent_map``), ``PossessiveFilter``, ``IrregularFormFilter``, ``SpellingFilter``
    and ``ShortWordFilter``, in that order, and with the same results (tested).

    One generator instead of seven: the chain of filters was most of the analysis time.
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EnglishWordFilter)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(self, tokens):  # type: ignore[no-untyped-def]
        # a report repeats its words: each distinct one is folded once (a dict lookup
        # after that), "" standing for a word the rules drop
        folded = _FOLDED
        for token in tokens:
            folding = folded.get(token.text)
            if folding is None:
                if len(folded) >= _FOLDED_MAX:
                    folded.clear()
                folding = folded[token.text] = _fold_english(token.text)
            written, text = folding
            token.written = written  # the word as a reader spells it (``analyse``)
            if text:
                token.text = text
                yield token


#: word as tokenized -> (as written, as indexed) by ``EnglishWordFilter``'s rules;
#: module level, so that it is never pickled with the schema
_FOLDED: dict[str, tuple[str, str]] = {}
_FOLDED_MAX = 200_000


def _fold_english(text: str) -> tuple[str, str]:
    """``EnglishWordFilter``'s rules on one word: (the word as written, the word indexed);
    the second is "" when the word is dropped."""
    if "," in text:
        text = text.replace(",", "")
    text = text.lower().translate(accent_map)
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    elif text.endswith(("'", "’")):
        text = text[:-1]
    written = text
    text = IRREGULAR_FORMS.get(text, text)
    if text.endswith("isation"):
        text = text[:-7] + "ization"
    elif text.endswith("isations"):
        text = text[:-8] + "izations"
    return written, text if len(text) > 1 or text.isdigit() else ""


#: a word, a number with thousands separators, or words joined by . or an apostrophe
_TOKENS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\w)|\w+(?:[.'’]\w+)*"
#: modal "may" is also the month, "us" also the country: both stay searchable
_ENGLISH_STOP_WORDS = STOP_WORDS - {"may", "us"}
#: articles the stock lists miss
_EXTRA_STOP_WORDS = {"fr": {"les", "des", "l", "d", "qu"}, "es": {"los", "las", "del"}}


def english_analyzer():  # type: ignore[no-untyped-def]
    """Words, lower case, accents folded, possessives dropped, irregular plurals joined,
    -isation spelt -ization, stop words out, stemmed."""
    return (
        RegexTokenizer(_TOKENS)
        | EnglishWordFilter()
        | StopFilter(stoplist=_ENGLISH_STOP_WORDS, minsize=1)
        | StemFilter(lang="en")
    )


def english_analyzer_by_steps():  # type: ignore[no-untyped-def]
    """``english_analyzer`` with one filter a rule, as it was written first: the reference
    ``EnglishWordFilter`` is tested against."""
    return (
        RegexTokenizer(_TOKENS)
        | NumberFilter()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | PossessiveFilter()
        | IrregularFormFilter()
        | SpellingFilter()
        | ShortWordFilter()
        | StopFilter(stoplist=_ENGLISH_STOP_WORDS, minsize=1)
        | StemFilter(lang="en")
    )


def language_analyzer(lang: str):  # type: ignore[no-untyped-def]
    """French or Spanish: elisions dropped, that language's stop words, accents folded,
    snowball stemming.

    Folding comes before stemming so that a word typed without its accents meets
    the printed one: stemmed first, "educación" became "educ" but "educacion"
    stayed "educacion". The stemmers then miss a few accented suffixes, on both
    sides alike.
    """
    from whoosh.lang import stopwords_for_language

    stoplist = stopwords_for_language(lang) | _EXTRA_STOP_WORDS.get(lang, set())
    chain = RegexTokenizer(_TOKENS) | NumberFilter() | LowercaseFilter()
    if lang == "fr":
        chain = chain | ElisionFilter()
    return (
        chain
        | ShortWordFilter()
        | StopFilter(stoplist=stoplist, minsize=1)
        | CharsetFilter(accent_map)
        | StemFilter(lang=lang)
    )


#: the value of a word seen once, at a position below 255: one byte
_ONE_BYTE = [bytes((gap,)) for gap in range(0x100)]


class PackedPositions(formats.Positions):
    """Positions as their gaps, one byte each, where Whoosh's own format spends a
    four-byte count and a pickle (about ten bytes for a word seen once).

    The first position is stored plus one, so that no gap is 0 and a value that opens
    with a 0 byte can announce wider gaps: 0, then the type code of the array that holds
    them (``H`` or ``I``). Decoding is one ``array`` and one ``accumulate``, in C.
    """

    def encode(self, poslist: Any) -> bytes:
        if len(poslist) == 1 and 0 <= poslist[0] < 0xFF:
            return _ONE_BYTE[poslist[0] + 1]  # most words of a paragraph: one position
        gaps = [b - a for a, b in zip([-1, *poslist], poslist, strict=False)]
        if max(gaps, default=0) < 0x100:
            return bytes(gaps)
        code = "H" if max(gaps) < 0x10000 else "I"
        return b"\0" + code.encode() + array(code, gaps).tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        if valuestring[0]:
            gaps: Any = valuestring
        else:
            gaps = array(chr(valuestring[1]), valuestring[2:])
        return list(accumulate(gaps, initial=-1))[1:]

    def decode_frequency(self, valuestring: bytes) -> int:
        if valuestring[0]:
            return len(valuestring)
        return (len(valuestring) - 2) // array(chr(valuestring[1])).itemsize

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost


class Posted(list):  # type: ignore[type-arg]
    """A field value already analysed: its postings ``(term bytes, frequency, weight,
    encoded value)``, so the writer does not analyse it again (see ``PostedText``)."""


class PostedText(TEXT):
    """A text field that also takes ``Posted`` values, and packs its positions.

    A title or a section heading, the same for many paragraphs, is analysed once;
    a paragraph's text is analysed once for both its stems and its words as written.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if isinstance(self.format, formats.Positions):
            self.format = PackedPositions(field_boost=self.format.field_boost)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, Posted):
            return iter(value)
        return super().index(value, **kwargs)


class PostedID(ID):
    """An ID field that also takes ``Posted`` values (a document's id, analysed once for
    all of its paragraphs)."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, Posted):
            return iter(value)
        return super().index(value, **kwargs)


class PostedKeyword(KEYWORD):
    """A keyword field that also takes ``Posted`` values."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, Posted):
            return iter(value)
        return super().index(value, **kwargs)


class Words(KEYWORD):
    """Words as a set: indexed for their vocabulary only (no frequencies, no positions)."""

    def __init__(self) -> None:
        super().__init__(lowercase=False, commas=False, scorable=False)
        self.format = formats.Existence()

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if isinstance(value, (set, frozenset)):
            return ((word.encode("utf-8"), 1, 1.0, b"") for word in sorted(value))
        return super().index(value, **kwargs)


class SortKey(NUMERIC):
    """A whole number that is stored and sorted on, never searched: a column, no terms
    (an indexed NUMERIC writes eight terms a value)."""

    def __init__(self) -> None:
        super().__init__(stored=True, sortable=True)
        self.indexed = False


def analyse(analyzer: Any, text: str, fieldformat: Any) -> tuple[Posted, set[str]]:
    """The postings of ``text`` in a text field whose analyzer ends with a stemmer, and
    its words as written: one pass where Whoosh would make two (``spelling=True``).

    Equal to what the field's own ``index()`` gives (tests/test_schema_postings.py).
    """
    plan = word_plan(analyzer, _PER_WORD_FILTERS)
    if plan is not None:  # each distinct word through the filters once (``wordplan``)
        positions, words = plan.positions(text)
    else:
        positions, words = _analyse_tokens(analyzer, text)
    encode, boost = fieldformat.encode, fieldformat.field_boost
    posted = Posted(
        (term.encode("utf-8"), len(found), len(found) * boost, encode(found))
        for term, found in positions.items()
    )
    return posted, words


def _analyse_tokens(analyzer: Any, text: str) -> tuple[dict[str, list[int]], set[str]]:
    """``analyse``'s stems and words by Whoosh's own pass, token by token."""
    stemmer = analyzer.items[-1]
    if not isinstance(stemmer, StemFilter):
        raise TypeError(f"{analyzer!r} does not end with a stemmer")
    stem = stemmer._stem  # with its cache
    positions: dict[str, list[int]] = {}
    words: set[str] = set()
    for token in analyzer(text, positions=True, no_morph=True, mode="index"):
        if token.stopped:
            continue
        word = token.text
        words.add(getattr(token, "written", word))  # "children", not its join "child"
        positions.setdefault(stem(word), []).append(token.pos)
    return positions, words


#: the filters that decide a token from its text alone (``wordplan``): may it drop one?
_PER_WORD_FILTERS: dict[type, bool] = {
    EnglishWordFilter: True, NumberFilter: False, LowercaseFilter: False,
    CharsetFilter: False, PossessiveFilter: False, IrregularFormFilter: False,
    SpellingFilter: False, ShortWordFilter: True, ElisionFilter: True,
}


def make_schema() -> Schema:
    """The schema of every paraindex index."""
    english = english_analyzer()
    return Schema(
        **{
            KEY: ID(unique=True, stored=True),
            DOC: PostedID(stored=True),
            KIND: PostedID(stored=True),
            SYMBOL: STORED(),
            SYMBOL_KEY: PostedID(stored=True),
            SYMBOL_PARTS: PostedKeyword(commas=True, lowercase=False, scorable=False),
            BODY: PostedKeyword(commas=True, lowercase=True, scorable=False),
            TITLE: PostedText(analyzer=english, stored=True, phrase=False),
            LANGUAGE: PostedID(stored=True),
            YEAR: PostedID(stored=True),
            SECTION: PostedText(analyzer=english, phrase=False),
            SECTION_PATH: STORED(),
            NUMBER: ID(stored=True),
            ANNEX: ID(stored=True),
            ORDINAL: SortKey(),
            PAGE: STORED(),
            PAGE_END: STORED(),
            PDF_PAGE: STORED(),
            PDF_PAGE_END: STORED(),
            SUBPARAGRAPHS: STORED(),
            LABEL: STORED(),
            RECOMMENDATION: BOOLEAN(stored=True),
            ADDRESSEE: KEYWORD(commas=True, lowercase=True, stored=True, scorable=False),
            ACTION: KEYWORD(commas=True, lowercase=True, stored=True, scorable=False),
            RECOMMENDER: KEYWORD(commas=True, lowercase=True, stored=True, scorable=False),
            UPR_STATUS: ID(stored=True),
            INSTRUMENTS: STORED(),
            SOURCE: STORED(),
            CONTENT_HASH: ID(stored=True),
            TEXT_EN: PostedText(analyzer=english, phrase=True),
            TEXT_FR: PostedText(analyzer=language_analyzer("fr"), phrase=True),
            TEXT_ES: PostedText(analyzer=language_analyzer("es"), phrase=True),
            SPELLING: Words(),
            STORED_TEXT: STORED(),
            DOC_META: STORED(),
        }
    )
