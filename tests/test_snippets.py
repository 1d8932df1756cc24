"""Snippets cut with the cached analyzer are Whoosh's own, word for word."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh.highlight import ContextFragmenter

from indexer import schema as f
from indexer.store import Store
from indexer.store.highlighting import CachedAnalyzer, MarkerFormatter
from search.service import Paraindex

QUERIES = ["States", "women's rights", "fisher* OR workers", "\"human rights\"", "enfant",
           "recommendations organisation", "2,271 children"]


def _tokens(stream) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(t.text, t.pos, t.startchar, t.endchar, bool(getattr(t, "stopped", False)))
            for t in stream]


@pytest.mark.parametrize("field_name", sorted(set(f.TEXT_FIELDS.values())))
def test_the_cached_analyzer_gives_the_analyzers_tokens(sample_index: Path,
                                                         field_name: str) -> None:
    store = Store(sample_index)
    analyzer = store._generation().schema[field_name].analyzer
    assert CachedAnalyzer.cacheable(analyzer)
    cached = CachedAnalyzer(analyzer)
    texts = [r.text for d in store.documents() for r in store.paragraphs(d.doc)][:400]
    texts += ["L'éducation des enfants d'une école", "the women's and States' 2,271 works",
              "a b c I x 5 organisation organisations"]
    for _ in range(2):  # the second time from the cache
        for text in texts:
            kwargs = {"positions": True, "chars": True, "mode": "index", "removestops": False}
            assert _tokens(cached(text, **kwargs)) == _tokens(analyzer(text, **kwargs))


@pytest.mark.parametrize("query", QUERIES)
def test_snippets_are_whooshs_highlights(sample_index: Path, query: str) -> None:
    store = Paraindex(sample_index).store
    mine = store.search(query, limit=20)  # (no typo alternatives: the query as compiled here)
    generation = store._generation()
    compiled = store._compiler(generation).compile(query, store_ranking())
    with generation.searcher() as searcher:
        results = searcher.search(compiled.scoring, limit=None)
        results.fragmenter = ContextFragmenter(maxchars=240, surround=70)
        results.formatter = MarkerFormatter()
        by_key = {hit[f.KEY]: hit for hit in results}
        for hit in mine.hits:
            field_name = f.TEXT_FIELDS.get(hit.record.language, f.TEXT_EN)
            theirs = by_key[hit.record.key].highlights(field_name, text=hit.record.text, top=2)
            mine_marked = hit.snippet.removeprefix("… ").removesuffix(" …")
            assert theirs and mine_marked == " ".join(theirs.split())


def test_a_snippet_says_with_an_ellipsis_where_the_paragraph_goes_on(sample_index: Path) -> None:
    hits = Paraindex(sample_index).search("States", limit=60).hits
    for hit in hits:
        plain = hit.snippet.replace("[[", "").replace("]]", "")
        passages = plain.removeprefix("… ").removesuffix(" …").split(" … ")
        text = " ".join(hit.record.text.split())
        assert plain.startswith("… ") == (not text.startswith(passages[0])), hit.snippet
        assert plain.endswith(" …") == (not text.endswith(passages[-1])), hit.snippet
    assert any(h.snippet.startswith("… ") for h in hits)
    assert any(h.snippet.endswith(" …") for h in hits)
    assert any(not h.snippet.startswith("… ") for h in hits)


def store_ranking():  # type: ignore[no-untyped-def]
    from indexer.ranking import DEFAULT_RANKING

    return DEFAULT_RANKING
