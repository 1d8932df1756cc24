"""A Store keeps one reader open and replaces it when a commit makes a new generation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from whoosh import query as wq

from indexer import schema as f
from indexer.batch import index_paths
from indexer.records import DocumentInfo
from indexer.store import Store
from indexer.store import durable as durable_module

from .test_batch_helpers import merging_run, report_text, small_segments_index, write_reports


def _whole(store: Store, info: DocumentInfo) -> bool:
    return len(store.paragraphs(info.doc)) == info.paragraphs + info.blocks


def test_a_store_sees_later_commits_and_each_record_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, index = small_segments_index(tmp_path)
    reading = Store(index)
    before = reading.documents()
    assert len(before) == 6 and _whole(reading, before[0])
    assert reading.lookup(before[0].doc, "3") is not None
    held = reading._generation()

    monkeypatch.setattr(durable_module, "SUPERSEDED_GRACE_SECONDS", 0.0)
    merging_run(reports, index)  # in this process, through another Store
    assert len(Store(index)._ix._segments()) < 6  # segments were merged away
    held_ids = {segment.segment_id() for segment in held.reader.segments()}
    assert held_ids - {segment.segment_id() for segment in Store(index)._ix._segments()}

    assert reading._generation() is not held  # the commit was noticed
    after = reading.documents()
    assert len(after) == 10
    for info in after:  # never twice: a refreshed Whoosh reader would keep the old segments
        assert _whole(reading, info)
    assert reading.search("water sanitation").total <= 10 * 14
    assert reading.lookup(after[-1].doc, "12") is not None
    assert reading._generation() is reading._generation()  # kept while nothing changes


def test_a_store_kept_open_lists_documents_as_a_fresh_store_does(tmp_path: Path) -> None:
    """Document records are described once per segment: a changed report's new record, a
    pruned report and merged segments must still show as they are now."""
    reports, index = small_segments_index(tmp_path)
    reading = Store(index)
    assert len(reading.documents()) == 6
    (reports / "A_90_2.txt").write_text(report_text(2, paragraphs=15, edition=1))
    (reports / "A_90_3.txt").unlink()
    write_reports(reports, 4, start=50)
    index_paths(index, [reports], batch_size=1, prune=True)
    listed = reading.documents()
    assert listed == Store(index).documents()
    assert [d.symbol for d in listed].count("A/90/2") == 1 and len(listed) == 9
    assert "A/90/3" not in {d.symbol for d in listed}
    assert next(d for d in listed if d.symbol == "A/90/2").paragraphs == 15


def test_an_index_swapped_in_place_is_read_afresh(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    write_reports(first, 2)
    write_reports(second, 2, start=20)
    index, other = tmp_path / "index", tmp_path / "other"
    index_paths(index, [first], batch_size=10)
    index_paths(other, [second], batch_size=10)  # the same generation numbers
    reading = Store(index)
    assert [d.symbol for d in reading.documents()] == ["A/90/1", "A/90/2"]
    aside = tmp_path / "aside"
    os.rename(index, aside)
    os.rename(other, index)
    assert [d.symbol for d in reading.documents()] == ["A/90/20", "A/90/21"]


def test_searchers_leave_the_kept_reader_open(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    write_reports(reports, 2)
    index = tmp_path / "index"
    index_paths(index, [reports])
    store = Store(index)
    for _ in range(3):
        store.search("water")
        store.lookup(store.documents()[0].doc, "1")
    generation = store._generation()
    with generation.searcher() as searcher:
        searcher.search(wq.Term(f.KIND, f.KIND_DOCUMENT))
    assert store._generation() is generation
    with generation.searcher() as searcher:  # the reader outlives each searcher
        assert searcher.search(wq.Term(f.KIND, f.KIND_DOCUMENT)).scored_length() == 2


def test_threads_share_what_holds_no_reader(sample_index: Path) -> None:
    import threading

    store = Store(sample_index)
    seen: dict[str, object] = {}

    def search(name: str) -> None:
        found = store.search("States", facet_fields=[f.SYMBOL])
        generation = store._generation()
        seen[name] = (generation.reader, generation.common, [h.record.key for h in found.hits],
                      found.facets)

    threads = [threading.Thread(target=search, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    search("main")
    readers = {id(value[0]) for value in seen.values()}  # type: ignore[index]
    commons = {id(value[1]) for value in seen.values()}  # type: ignore[index]
    assert len(readers) == 3 and len(commons) == 1
    assert len({repr(value[2:]) for value in seen.values()}) == 1  # type: ignore[index]


def test_a_library_kept_open_sees_documents_of_later_runs(tmp_path: Path) -> None:
    from search.service import Paraindex

    reports, index = tmp_path / "reports", tmp_path / "index"
    write_reports(reports, 2)
    index_paths(index, [reports])
    library = Paraindex(index)
    assert len(library.documents()) == 2
    assert len(library.documents("A/90/*")) == 2

    write_reports(reports, 2, start=5)
    index_paths(index, [reports])
    assert len(library.documents()) == 4
    assert {d.symbol for d in library.documents("A/90/*")} >= {"A/90/5", "A/90/6"}
    assert library.get("A/90/6 2")[0].record.number == "2"


def test_a_commit_landing_as_a_reader_opens_shares_nothing_with_the_older_generation(
    tmp_path: Path,
) -> None:
    """A thread reads the latest generation's stamp, a commit lands, then it opens its
    reader (of the newer generation): what the older generation's threads cached
    (the symbol of each paragraph, filter sets) must not be used with that reader."""
    import threading

    reports, index = tmp_path / "reports", tmp_path / "index"
    write_reports(reports, 2)
    index_paths(index, [reports])
    store = Store(index)
    store.search("water", facet_fields=[f.SYMBOL])  # the first generation's caches

    readers = store._readers
    real = readers._ix

    class CommitAsTheReaderOpens:
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def reader(self) -> object:
            readers._ix = real
            write_reports(reports, 4, start=3)
            index_paths(index, [reports])
            return real.reader()

    readers._ix = CommitAsTheReaderOpens()
    outcome: dict[str, object] = {}

    def search() -> None:  # a thread of a server's pool that has not searched yet
        try:
            outcome["found"] = store.search("water", facet_fields=[f.SYMBOL], limit=100)
        except Exception as error:  # reported below
            outcome["error"] = error

    thread = threading.Thread(target=search)
    thread.start()
    thread.join()
    assert "error" not in outcome, outcome.get("error")
    expected = store.search("water", facet_fields=[f.SYMBOL], limit=100)
    found = outcome["found"]
    assert [h.record.key for h in found.hits] == [h.record.key for h in expected.hits]  # type: ignore[attr-defined]
    assert found.facets == expected.facets  # type: ignore[attr-defined]
    assert len(expected.facets[f.SYMBOL]) == 6


def test_threads_share_the_vocabularies_and_the_spelling_corrector(sample_index: Path) -> None:
    """Each is a list of every word of a field (tens of MB at a million paragraphs): a web
    server's pool must not hold one per thread."""
    import threading

    store = Store(sample_index)
    seen: dict[str, tuple[object, object]] = {}

    def work(name: str) -> None:
        store.search("fishe*")
        assert store.suggest("fishrs")
        generation = store._generation()
        compiler = store._compiler(generation)
        seen[name] = (compiler.vocabulary(f.TEXT_EN), generation.common.get("corrector"))

    threads = [threading.Thread(target=work, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    (words_a, corrector_a), (words_b, corrector_b) = seen["a"], seen["b"]
    assert words_a is words_b and corrector_a is not None and corrector_a is corrector_b
