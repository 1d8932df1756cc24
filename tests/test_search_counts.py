"""Totals: exact for queries of words (scored a term at a time), estimated and marked so
when another query (AND, phrases) matches too many paragraphs to score them all; filters
read as sets of document numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import indexer.store.accumulate as accumulate
import indexer.store.estimate as estimate
import indexer.store.searching as searching
from search.cli import cli
from search.service import Paraindex

COMMON = "States"  # in well over a re-ranking window (50) of the sample paragraphs
BOTH = "States AND rights"  # not only words: scored by Whoosh's matchers (58 matches)


@pytest.fixture(scope="module")
def library(sample_index: Path) -> Paraindex:
    return Paraindex(sample_index)


def test_few_matches_are_counted_exactly(library: Paraindex) -> None:
    everything = library.search("fishers", limit=1000)
    assert not everything.total_estimated
    assert everything.total == len(everything.hits) > 0


def test_many_matches_skip_blocks_and_estimate_the_total(
    library: Paraindex, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = library.search(BOTH)
    assert not exact.total_estimated and exact.total > 50
    monkeypatch.setattr(searching, "EXACT_COUNT_LIMIT", 0)
    monkeypatch.setattr(estimate, "SAMPLE_DOCS", 64)  # the sample index is ~190 documents
    estimated = library.search(BOTH)
    assert estimated.total_estimated
    assert [h.record.key for h in estimated.hits] == [h.record.key for h in exact.hits]
    assert exact.total / 2 <= estimated.total <= exact.total * 2
    deep = library.search(BOTH, limit=1000)  # a window past the last match: all collected
    assert not deep.total_estimated and deep.total == len(deep.hits) == exact.total


def test_an_index_no_larger_than_the_sample_is_counted_exactly_even_when_blocks_are_skipped(
    library: Paraindex, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = library.search(BOTH)
    monkeypatch.setattr(searching, "EXACT_COUNT_LIMIT", 0)
    counted = library.search(BOTH)
    assert not counted.total_estimated and counted.total == exact.total


@pytest.mark.parametrize(
    "phrase", ['"human rights"', '"climate change"', '"sexual exploitation and abuse"']
)
def test_a_phrase_total_is_estimated_from_its_real_matches_in_a_sample(
    real_index: Path, monkeypatch: pytest.MonkeyPatch, phrase: str
) -> None:
    """Words of a phrase occur together far more often than chance: the estimate counts
    the phrase's matches in windows spread over the index rather than multiplying the
    words' shares."""
    library = Paraindex(real_index)
    exact = library.search(phrase)
    assert not exact.total_estimated and exact.total > 100
    monkeypatch.setattr(searching, "EXACT_COUNT_LIMIT", 0)
    monkeypatch.setattr(estimate, "SAMPLE_DOCS", 1000)  # a fraction of the 25 reports
    estimated = library.search(phrase)
    assert estimated.total_estimated
    assert exact.total / 1.6 <= estimated.total <= exact.total * 1.6
    only_un = library.search(phrase, symbol="A/*")  # a filter: the sample counts its documents
    monkeypatch.setattr(searching, "EXACT_COUNT_LIMIT", 10**9)
    exact_un = library.search(phrase, symbol="A/*")
    assert exact_un.total < exact.total  # the filter leaves some matches out
    if exact_un.total <= 50:  # within the re-ordered window every match is collected: exact
        assert (only_un.total, only_un.total_estimated) == (exact_un.total, False)
    else:  # fewer sampled candidates: a wider margin (the documents' order varies by run)
        assert only_un.total_estimated
        assert exact_un.total / 2.5 <= only_un.total <= exact_un.total * 2.5


def test_sample_windows_are_spread_evenly_and_cover_small_indexes_whole() -> None:
    assert estimate.sample_windows(0, 100, 4) == []
    assert estimate.sample_windows(80, 100, 4) == [(0, 80)]
    windows = estimate.sample_windows(10_000, 400, 4)
    assert windows == [(0, 100), (2500, 2600), (5000, 5100), (7500, 7600)]


@pytest.mark.parametrize("query", ["States rights women", "fishers OR workers OR tenure"])
def test_pages_are_cut_from_one_order_and_never_overlap(library: Paraindex, query: str) -> None:
    whole = library.search(query, limit=150)
    assert whole.total > 60  # past the re-ordered window (50)
    paged = []
    for offset in range(0, 150, 7):
        paged += library.search(query, limit=7, offset=offset).hits
    assert [h.record.key for h in paged][:150] == [h.record.key for h in whole.hits]
    first = library.search(query, limit=10)
    assert [h.record.key for h in first.hits] == [h.record.key for h in whole.hits[:10]]


@pytest.mark.parametrize("query", [COMMON, "States rights", "fisher* OR women", "rihgts"])
def test_words_are_scored_a_term_at_a_time_as_whoosh_scores_them(
    library: Paraindex, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    mine = library.search(query, limit=200)
    assert not mine.total_estimated
    monkeypatch.setattr(accumulate, "terms_only", lambda parsed: None)  # Whoosh's matchers
    theirs = library.search(query, limit=200)
    assert mine.total == theirs.total == len(mine.hits) > 0
    assert [h.record.key for h in mine.hits] == [h.record.key for h in theirs.hits]
    assert [h.score for h in mine.hits] == pytest.approx([h.score for h in theirs.hits])
    assert [h.snippet for h in mine.hits[:10]] == [h.snippet for h in theirs.hits[:10]]


def test_filters_give_the_same_hits_when_cached(library: Paraindex) -> None:
    first = library.search(COMMON, symbol="E/C.12/*", limit=1000)
    again = library.search(COMMON, symbol="E/C.12/*", limit=1000)
    assert first.total == again.total == len(first.hits) > 0
    assert all(h.record.symbol.startswith("E/C.12/") for h in first.hits)
    only = library.search(COMMON, recommendations=True, limit=1000)
    assert only.total == len(only.hits) > 0
    assert all(h.record.is_recommendation for h in only.hits)
    unwanted = library.search(f"{COMMON} -fishers", limit=1000)
    assert unwanted.hits and "fishers" not in " ".join(h.record.text for h in unwanted.hits)


def test_the_cli_says_about_when_the_total_is_estimated(
    sample_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--index", str(sample_index), "search", BOTH, *args])
        assert result.exit_code == 0, result.output
        return result.output

    assert json.loads(run("--format", "json"))["total_estimated"] is False
    assert "… about" not in run()
    monkeypatch.setattr(searching, "EXACT_COUNT_LIMIT", 0)
    monkeypatch.setattr(estimate, "SAMPLE_DOCS", 64)
    assert json.loads(run("--format", "json"))["total_estimated"] is True
    assert "… about " in run()


def test_a_filter_nothing_matches_finds_nothing(library: Paraindex) -> None:
    # Whoosh takes an empty set of allowed documents for "no filter"
    found = library.search(COMMON, section="zzyzx quixotic", facets=("documents",))
    assert found.total == 0 and found.hits == [] and found.facets == {"documents": {}}


def test_the_best_are_cut_as_whoosh_cuts_them() -> None:
    totals = {5: 1.0, 3: 2.0, 9: 2.0, 1: 0.5, 7: 2.0, 2: 3.0}
    assert accumulate.best(totals, set(), 3) == ([(3.0, 2), (2.0, 3), (2.0, 7)], 6)
    assert accumulate.best(totals, {2, 3}, 2) == ([(2.0, 7), (2.0, 9)], 4)
    assert accumulate.best({}, {1}, 3) == ([], 0)


def test_an_empty_index_finds_nothing(tmp_path: Path) -> None:
    from indexer.store import Store

    store = Store.create(tmp_path / "index")
    found = store.search("water sanitation")
    assert found.total == 0 and found.hits == [] and not found.total_estimated


def test_filters_without_words_list_every_paragraph_left_in_order(library: Paraindex) -> None:
    from whoosh import query as wq

    from indexer import schema as f

    listed = library.recommendations("", limit=1000)
    assert not listed.total_estimated and listed.total == len(listed.hits) > 0
    store = library.store
    with store._generation().searcher() as searcher:
        theirs = searcher.search(wq.Every(), limit=None, filter=wq.Term(f.RECOMMENDATION, True),
                                 mask=wq.Term(f.KIND, f.KIND_DOCUMENT))
        expected = [(hit[f.KEY], hit.score) for hit in theirs]
    assert [(h.record.key, h.score) for h in listed.hits] == expected
    first = library.recommendations("", limit=3, facets=True)
    assert [h.record.key for h in first.hits] == [key for key, _ in expected[:3]]
    assert first.total == listed.total and first.facets["documents"]


def test_similar_paragraphs_are_whooshs_best_for_the_key_terms(library: Paraindex) -> None:
    from whoosh import query as wq

    from indexer import schema as f

    store = library.store
    record = library.search("fishers").hits[0].record
    mine = store.similar(record, limit=8)
    assert mine
    with store._generation().searcher() as searcher:
        field_name = f.TEXT_FIELDS.get(record.language, f.TEXT_EN)
        terms = searcher.key_terms_from_text(field_name, record.text, numterms=25)
        likeness = wq.Or([wq.Term(field_name, word, boost=weight) for word, weight in terms])
        mask = wq.Or([wq.Term(f.DOC, record.doc), wq.Term(f.KIND, f.KIND_DOCUMENT),
                      wq.Term(f.KIND, f.KIND_BLOCK)])
        theirs = [(hit[f.KEY], hit.score) for hit in searcher.search(likeness, limit=8, mask=mask)]
    assert [h.record.key for h in mine] == [key for key, _ in theirs]
    assert [h.score for h in mine] == pytest.approx([score for _, score in theirs])


def test_a_symbol_pattern_is_matched_once_and_its_list_kept_safe(library: Paraindex) -> None:
    first = library.documents("E/C.12/*")
    first.clear()  # a caller changing its list changes nothing for the next
    again = library.documents("E/C.12/*")
    assert again and all(d.symbol.startswith("E/C.12/") for d in again)


def test_a_pattern_list_cleared_by_another_thread_is_still_returned(library: Paraindex) -> None:
    """Past 256 patterns a thread clears the shared lists: one just made must not be lost."""

    class ClearedByAnotherThread(dict):  # type: ignore[type-arg]
        def __setitem__(self, key: object, value: object) -> None:
            super().__setitem__(key, value)
            self.clear()  # another thread, past the bound, between our store and our read

    library.store._generation().common["service.patterns"] = ClearedByAnotherThread()
    found = library.documents("E/C.12/*")
    assert found and all(d.symbol.startswith("E/C.12/") for d in found)
