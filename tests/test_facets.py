"""Facets count the best matches as reading every one's stored fields would."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from indexer import schema as f
from indexer.ranking import DEFAULT_RANKING
from indexer.store import Store
from indexer.store.query import Filters

NAMES = [f.SYMBOL, f.ADDRESSEE, f.ACTION, f.RECOMMENDER]


def by_stored_fields(store: Store, query: str, filters: Filters) -> dict[str, dict[str, int]]:
    """The plain way: read the stored fields of each of the best 2,000 matches."""
    generation = store._generation()
    compiled = store._compiler(generation).compile(query, DEFAULT_RANKING)
    from whoosh import query as wq

    from indexer.store.query import and_all, filter_query, or_all

    with generation.searcher() as searcher:
        hits = searcher.search(
            compiled.scoring, limit=2000,
            filter=and_all([filter_query(filters), compiled.restriction]),
            mask=or_all([wq.Term(f.KIND, f.KIND_DOCUMENT), compiled.excluded]))
        counts: dict[str, Counter[str]] = {name: Counter() for name in NAMES}
        for hit in hits:
            stored = hit.fields()
            for name in NAMES:
                value = stored.get(name)
                if name == f.SYMBOL:
                    counts[name][value] += 1
                elif isinstance(value, str):
                    counts[name].update(v for v in value.split(",") if v)
        return {name: dict(counter) for name, counter in counts.items()}


@pytest.mark.parametrize("query, filters", [
    ("States", Filters()),
    ("rights", Filters(recommendations_only=True)),
    ("States AND rights", Filters()),
    ('"States parties"', Filters()),
])
def test_facets_count_what_the_stored_fields_say(sample_index: Path, query: str,
                                                 filters: Filters) -> None:
    store = Store(sample_index)
    found = store.search(query, filters, facet_fields=NAMES)
    expected = by_stored_fields(store, query, filters)
    assert found.facets[f.SYMBOL]
    for name in NAMES:
        assert found.facets[name] == dict(Counter(expected[name]).most_common(30))
    again = store.search(query, filters, facet_fields=NAMES)  # from the generation's tables
    assert again.facets == found.facets


def test_a_field_that_is_not_stored_counts_nothing(sample_index: Path) -> None:
    # the service counts bodies from the documents' symbols instead
    found = Store(sample_index).search("States", facet_fields=[f.BODY, f.SYMBOL])
    assert found.facets[f.BODY] == {} and found.facets[f.SYMBOL]
