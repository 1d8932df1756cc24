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

#: bump when the schema or an analyzer changes; older indexes must be rebuilt
#: 2: possessives, French elisions, "2,271" as one number, single digits kept,
#:    -isation spelt -ization, "may" and "us" no longer stop words
#: 3: French and Spanish accents folded before stemming ("educacion" meets "educación")
FORMAT_VERSION = 4

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


def make_schema() -> Schema:
    """The schema of every paraindex index."""
    english = english_analyzer()
    return Schema(
        **{
            KEY: ID(unique=True, stored=True),
            DOC: ID(stored=True),
            KIND: ID(stored=True),
            SYMBOL: STORED(),
            SYMBOL_KEY: ID(stored=True),
            SYMBOL_PARTS: KEYWORD(commas=True, lowercase=False, scorable=False),
            BODY: KEYWORD(commas=True, lowercase=True, scorable=False),
            TITLE: TEXT(analyzer=english, stored=True, phrase=False),
            LANGUAGE: ID(stored=True),
            YEAR: ID(stored=True),
            SECTION: TEXT(analyzer=english, phrase=False),
            SECTION_PATH: STORED(),
            NUMBER: ID(stored=True),
            ANNEX: ID(stored=True),
            ORDINAL: NUMERIC(stored=True, sortable=True),
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
            TEXT_EN: TEXT(analyzer=english, phrase=True, spelling=True),
            TEXT_FR: TEXT(analyzer=language_analyzer("fr"), phrase=True),
            TEXT_ES: TEXT(analyzer=language_analyzer("es"), phrase=True),
            STORED_TEXT: STORED(),
            DOC_META: STORED(),
        }
    )
