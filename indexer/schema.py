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

from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

#: bump when the schema or an analyzer changes; older indexes must be rebuilt
FORMAT_VERSION = 1

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


_TOKENS = r"\w+(?:[.'’]\w+)*"
#: articles the stock lists miss
_EXTRA_STOP_WORDS = {"fr": {"les", "des", "l", "d", "qu"}, "es": {"los", "las", "del"}}


def english_analyzer():  # type: ignore[no-untyped-def]
    """Words, lower case, accents folded, irregular plurals joined, stop words out, stemmed."""
    return (
        RegexTokenizer(_TOKENS)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | IrregularFormFilter()
        | StopFilter()
        | StemFilter(lang="en")
    )


def language_analyzer(lang: str):  # type: ignore[no-untyped-def]
    """French or Spanish: snowball stemming and that language's stop words, accents folded."""
    from whoosh.lang import stopwords_for_language

    return (
        RegexTokenizer(_TOKENS)
        | LowercaseFilter()
        | StopFilter(stoplist=stopwords_for_language(lang) | _EXTRA_STOP_WORDS.get(lang, set()))
        | StemFilter(lang=lang)
        | CharsetFilter(accent_map)
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
