"""Facets: the best matches of a search counted by document, addressee, action, recommender.

Counting used to read the stored fields (text included) of each of the best
2,000 matches: 60–300 ms a search at 100k paragraphs, paid by every search of
the web page. Here the symbol of every paragraph comes from a table built once
per generation from the postings of the document-id field, and the values of
the keyword fields (addressee, action, recommender) from theirs: counting reads
no stored fields.
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
    for name in names:
        if name == f.SYMBOL:
            symbols = _cached(generation, "facets:symbols", lambda: symbol_table(searcher))
            counts[name].update(symbols[d] for d in docnums if symbols[d] is not None)
        elif name in KEYWORD_FACETS:
            table, shown = _cached(generation, f"facets:values:{name}",
                                   lambda name=name: value_table(searcher, name))
            counter = counts[name]
            for docnum in docnums:
                for value in table.get(docnum, ()):
                    counter[shown[value]] += 1
        elif name in searcher.schema and searcher.schema[name].stored:
            for docnum in docnums:  # any other stored field: read from each match
                value = searcher.stored_fields(docnum).get(name)
                if isinstance(value, str):
                    counts[name].update(v for v in value.split(",") if v)
                elif value is not None:
                    counts[name][str(value)] += 1
    return {name: dict(counter.most_common(FACET_VALUES)) for name, counter in counts.items()}


#: comma-separated keyword fields counted from their postings (each value once a paragraph)
KEYWORD_FACETS = (f.ADDRESSEE, f.ACTION, f.RECOMMENDER)


def value_table(searcher: Any, name: str) -> tuple[dict[int, list[int]], list[str]]:
    """The values of a keyword field of each document number (as indexes into the list of
    values as written, which the second item gives), read from the field's postings.

    The field is indexed in lower case: a value is shown as the first paragraph that has
    it writes it.
    """
    reader = searcher.reader()
    table: dict[int, list[int]] = {}
    shown: list[str] = []
    if name not in reader.indexed_field_names():
        return table, shown
    for btext in reader.lexicon(name):
        term = btext.decode("utf-8")
        docnums = list(searcher.docs_for_query(wq.Term(name, term)))
        if not docnums:
            continue
        stored = searcher.stored_fields(docnums[0]).get(name) or ""
        written = [v.strip() for v in str(stored).split(",") if v.strip().lower() == term]
        shown.append(written[0] if written else term)
        index = len(shown) - 1
        for docnum in docnums:
            table.setdefault(docnum, []).append(index)
    return table, shown


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


def _cached(generation: Generation | None, name: str, make: Any) -> Any:
    return generation.shared(name, make) if generation is not None else make()
