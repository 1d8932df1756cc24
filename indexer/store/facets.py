"""Facets: the best matches of a search counted by document, addressee, action, recommender.

Counting used to read the stored fields (text included) of each of the best
2,000 matches: 60–300 ms a search at 100k paragraphs, paid by every search of
the web page. Here the symbol of every paragraph comes from a table built once
per generation from the postings of the document-id field, and the stored
fields are read only for the matches that have a value in one of the keyword
fields asked for (recommendations, a minority), each remembered for the
generation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from whoosh import query as wq

from .. import schema as f
from .reading import Generation

#: how many of the best matches are counted
FACET_HITS = 2000
#: values shown per facet
FACET_VALUES = 30


def count(
    searcher: Any, generation: Generation | None, docnums: Iterable[int], names: list[str]
) -> dict[str, dict[str, int]]:
    """Counts of the values of the fields ``names`` among ``docnums``, commonest first."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in names}
    docnums = list(docnums)
    stored_names = [name for name in names if name != f.SYMBOL]
    if f.SYMBOL in counts:
        symbols = _cached(generation, "facets:symbols", lambda: symbol_table(searcher))
        counts[f.SYMBOL].update(symbols[d] for d in docnums if symbols[d] is not None)
    if stored_names:
        having = _cached(generation, "facets:having:" + ",".join(stored_names),
                         lambda: docs_with_values(searcher, stored_names))
        values = _cached(generation, "facets:values", dict)
        for docnum in docnums:
            if docnum not in having:
                continue
            stored = values.get(docnum)
            if stored is None:
                fields = searcher.stored_fields(docnum)
                stored = values[docnum] = {name: fields.get(name) for name in FACET_FIELDS}
            for name in stored_names:
                value = stored.get(name)
                if isinstance(value, str):
                    counts[name].update(v for v in value.split(",") if v)
                elif value is not None:
                    counts[name][str(value)] += 1
    return {name: dict(counter.most_common(FACET_VALUES)) for name, counter in counts.items()}


#: stored fields a facet may count (besides the symbol)
FACET_FIELDS = (f.ADDRESSEE, f.ACTION, f.RECOMMENDER)


def symbol_table(searcher: Any) -> list[str | None]:
    """The symbol of each document number (None for numbers of no paragraph)."""
    reader = searcher.reader()
    symbols: list[str | None] = [None] * reader.doc_count_all()
    of_doc = {
        stored[f.DOC]: stored.get(f.SYMBOL)
        for stored in (
            hit.fields()
            for hit in searcher.search(wq.Term(f.KIND, f.KIND_DOCUMENT), limit=None)
        )
    }
    for btext in reader.lexicon(f.DOC):
        doc = btext.decode("utf-8")
        symbol = of_doc.get(doc)
        for docnum in searcher.docs_for_query(wq.Term(f.DOC, doc)):
            symbols[docnum] = symbol
    return symbols


def docs_with_values(searcher: Any, names: list[str]) -> set[int]:
    """Document numbers with at least one indexed value in one of the fields ``names``
    (the others have no stored value to count either)."""
    reader = searcher.reader()
    found: set[int] = set()
    for name in names:
        if name not in reader.indexed_field_names():
            # a stored-only field: every document may have a value
            return set(range(reader.doc_count_all()))
        for btext in reader.lexicon(name):
            found.update(searcher.docs_for_query(wq.Term(name, btext.decode("utf-8"))))
    return found


def _cached(generation: Generation | None, name: str, make: Any) -> Any:
    return generation.shared(name, make) if generation is not None else make()
