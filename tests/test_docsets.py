"""Filters as bitmaps (indexer/store/docsets.py): the same documents as Whoosh's own
reading of the filter query, the same hits and scores as Whoosh's matchers, deleted
documents never in a set, and a commit between two searches read afresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import query as wq

import indexer.store.accumulate as accumulate
import indexer.store.docsets as docsets
from indexer import schema as f
from indexer.batch import index_paths
from indexer.store import Filters, Store
from indexer.store.docsets import Builder, DocSet, docset
from indexer.store.query import filter_query
from search.service import Paraindex

from .test_batch_helpers import report_text, write_reports

QUERY = "water rights children"


def test_a_docset_combines_counts_and_tests_as_a_set() -> None:
    a, b = DocSet(bytearray([0, 1, 1, 0, 1, 0])), DocSet(bytearray([1, 1, 0, 0, 0, 0]))
    assert list(a) == [1, 2, 4] and len(a) == 3 and 2 in a and 3 not in a and 9 not in a
    assert list(a & b) == [1] and list(a | b) == [0, 1, 2, 4] and list(a - b) == [2, 4]
    assert list(a & {0, 4}) == [4]  # a plain set is read as one
    assert a.among({0, 1, 4, 5}) == [1, 4] and a.among([1, 2, 3, 4, 5, 0, 1, 2]) == [1, 2, 4]
    assert a.any_between(3, 5) and not a.any_between(5, 6) and not a.any_between(3, 4)
    assert not DocSet.empty(6) and len(DocSet.empty(6)) == 0 and bool(a)


def test_best_reads_a_docset_as_the_set_it_stands_for() -> None:
    totals = {0: 1.0, 1: 3.0, 2: 2.0, 4: 2.0, 5: 0.5}
    masked = DocSet(bytearray([0, 1, 0, 0, 0, 0]))
    assert accumulate.best(totals, masked, 10) == accumulate.best(totals, {1}, 10) == (
        [(2.0, 2), (2.0, 4), (1.0, 0), (0.5, 5)], 4)


@pytest.fixture(scope="module")
def library(sample_index: Path) -> Paraindex:
    return Paraindex(sample_index)


FILTERS = {
    "prefix": Filters(doc_ids=None),  # replaced by the documents of a pattern below
    "language": Filters(languages=["en"]),  # (most of the paragraphs)
    "recommendations": Filters(recommendations_only=True),
    "section": Filters(sections=["recommendations"]),
    "combined": Filters(recommendations_only=True, sections=["conclusions recommendations"]),
    "empty": Filters(doc_ids=set()),
    "no blocks": Filters(include_blocks=False),
}


def _filters(library: Paraindex, name: str) -> Filters:
    if name == "prefix":
        return Filters(doc_ids={d.doc for d in library.documents("E/C.12/*")})
    if name == "combined":
        return Filters(doc_ids={d.doc for d in library.documents("A/*")},
                       recommendations_only=True, sections=["recommendations"])
    return FILTERS[name]


@pytest.mark.parametrize("name", list(FILTERS))
def test_a_filter_holds_the_documents_whoosh_finds(
    library: Paraindex, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    query = filter_query(_filters(library, name))
    assert query is not None
    generation = library.store._generation()
    with generation.searcher() as searcher:
        theirs = sorted(searcher.docs_for_query(query))
        assert list(docset(generation, searcher, query)) == theirs
        assert list(Builder(searcher, None).docs(query)) == theirs  # (no cache)
        monkeypatch.setattr(docsets, "DIRECT_DOCUMENTS", 0)  # documents from the map
        assert list(Builder(searcher, None).docs(query)) == theirs
    if name != "empty":
        assert theirs


@pytest.mark.parametrize("name", [n for n in FILTERS if n != "empty"])
@pytest.mark.parametrize("text", [QUERY, "States", "fisher* OR women"])
def test_filtered_words_score_as_whooshs_matchers(
    library: Paraindex, monkeypatch: pytest.MonkeyPatch, name: str, text: str
) -> None:
    store, filters = library.store, _filters(library, name)
    mine = store.search(text, filters, limit=300)
    monkeypatch.setattr(accumulate, "terms_only", lambda parsed: None)  # Whoosh's matchers
    theirs = store.search(text, filters, limit=300)
    assert mine.total == theirs.total and not mine.total_estimated
    assert [h.record.key for h in mine.hits] == [h.record.key for h in theirs.hits]
    assert [h.score for h in mine.hits] == pytest.approx([h.score for h in theirs.hits])
    query, allowed = store.parse(text), filter_query(filters)
    with store._generation().searcher() as searcher:  # every match counted, none other
        whoosh = searcher.search(query, filter=allowed, mask=wq.Term(f.KIND, f.KIND_DOCUMENT),
                                 limit=None)
        assert mine.total == len(whoosh)


def test_an_empty_filter_finds_nothing(library: Paraindex) -> None:
    assert library.search("States", symbol="E/C.12/*", recommendations=True,
                          section="zzyzzx").total == 0
    assert library.store.search("States", Filters(doc_ids=set())).hits == []
    assert library.store.search("States", Filters(sections=["zzyzzx"])).total == 0


def _french(folder: Path, number: int) -> Path:
    path = folder / f"A_90_{number}_fr.txt"
    path.write_text(report_text(number, language="fr", symbol=f"A/90/{number}"))
    return path


def test_deleted_documents_and_a_commit_between_searches(tmp_path: Path) -> None:
    reports, index = tmp_path / "reports", tmp_path / "index"
    paths = write_reports(reports, 4)
    _french(reports, 2)
    index_paths(index, [reports], batch_size=2)
    reading = Store(index)
    library = Paraindex(index)
    library.store = reading
    before = library.search("water", symbol="A/90/*", limit=500)
    french = library.search("eau OR protéger", language="fr", limit=500)
    assert before.total > 0 and french.hits

    # a new edition of two reports: their old paragraphs are deleted in the old segments
    for number in (1, 3):
        paths[number - 1].write_text(report_text(number, edition=1).replace(
            "water", "water water"))
    index_paths(index, [reports], batch_size=1)
    generation = reading._generation()
    with generation.searcher() as searcher:
        deleted = {offset + d for leaf, offset in searcher.reader().leaf_readers()
                   for d in getattr(leaf, "deleted_docs_set", ())}
        assert deleted  # the old editions are still in their segments, deleted
        for name in ("prefix", "language"):
            filters = (Filters(doc_ids={d.doc for d in library.documents("A/90/*")})
                       if name == "prefix" else Filters(languages=["fr"]))
            query = filter_query(filters)
            assert query is not None
            found = docset(generation, searcher, query)
            assert list(found) == sorted(searcher.docs_for_query(query))
            assert not deleted & set(found)
            mapped = Builder(searcher, generation)  # a document in two segments, from the map
            assert len(mapped._documents()[b"A/90/1@en"]) == 2
            docsets.DIRECT_DOCUMENTS, direct = 0, docsets.DIRECT_DOCUMENTS
            try:
                assert list(mapped.docs(query)) == list(found)
            finally:
                docsets.DIRECT_DOCUMENTS = direct
    after = library.search("water", symbol="A/90/*", limit=500)
    fresh = Paraindex(index).search("water", symbol="A/90/*", limit=500)
    assert [(h.record.key, h.score) for h in after.hits] == [
        (h.record.key, h.score) for h in fresh.hits]
    assert after.total == fresh.total == len(after.hits)
    assert [(h.record.key, h.score) for h in after.hits] != [
        (h.record.key, h.score) for h in before.hits]  # "water water": scored afresh
    assert all("edition 1" in h.record.text for h in after.hits
               if h.record.symbol in ("A/90/1", "A/90/3"))
