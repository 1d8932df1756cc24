"""Never losing what was committed: kill -9 at random moments, failed commits, readers
in other processes while batches commit, a second run on the same index.

The kill test runs the real command (`paraindex index`) in fresh processes and
kills them with SIGKILL after a random delay, in several lanes at once to keep
the suite fast. After every kill the index must open and hold only whole
documents, each exactly as extraction made it, and never one twice; the next
run must finish the rest. Set PARAINDEX_KILL_SEED to replay a sequence of delays.
"""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from indexer.batch import index_paths
from indexer.errors import IndexProblem
from indexer.store import META_FILE, Store
from indexer.store import durable as durable_module

from .test_batch_helpers import (
    CLI,
    expected_records,
    index_state,
    merging_run,
    report_text,
    small_segments_index,
    write_reports,
)

SEED = int(os.environ.get("PARAINDEX_KILL_SEED", "20261127"))
#: three lanes of incremental runs and one of rebuilds, killed this many times each
KILLS_PER_LANE = 14
ROOT = Path(__file__).resolve().parent.parent


def _index_command(index: Path, reports: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*CLI, "--index", str(index), "index", str(reports), "--batch-size", "2", "--jobs", "1",
         "--quiet", *extra],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT,
    )


def _run_until(process: subprocess.Popen[bytes], delay: float) -> bool:
    """Let the process run ``delay`` seconds, then kill -9 it. True if it was killed."""
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return True
    stderr = process.stderr.read().decode() if process.stderr else ""
    assert process.returncode == 0, stderr
    return False


def _check(index: Path, expected: dict[str, int], where: str) -> dict[str, int]:
    if not (index / META_FILE).exists():
        return {}
    state = index_state(index)  # opens, one key once, every document whole
    assert set(state) <= set(expected), f"{where}: unknown documents {set(state) - set(expected)}"
    wrong = {doc: n for doc, n in state.items() if n != expected[doc]}
    assert not wrong, f"{where}: documents with the wrong number of records {wrong}"
    return state


def _incremental_lane(lane: int, root: Path, rng: random.Random) -> tuple[int, int]:
    reports = root / "reports"
    expected = expected_records(write_reports(reports, 24, start=100 * lane, paragraphs=8))
    kills = completed = 0
    scenario = 0
    index = root / f"index{scenario}"
    state: dict[str, int] = {}
    while kills < KILLS_PER_LANE:
        # the less is left to do, the sooner the kill, so that most kills land in a batch
        left = 1 - len(state) / len(expected)
        killed = _run_until(_index_command(index, reports), rng.uniform(0.3, 1.3 + 2.0 * left))
        kills += killed
        state = _check(index, expected, f"lane {lane}, kill {kills}")
        if not killed:  # it finished: everything is there; start again from nothing
            assert state == expected
            completed += 1
            scenario += 1
            index = root / f"index{scenario}"
            state = {}
    assert not _run_until(_index_command(index, reports), 120)
    assert _check(index, expected, f"lane {lane}, last run") == expected
    leftovers = [p.name for p in root.iterdir() if any(
        part in p.name for part in (".new-", ".rebuild-", ".old-"))]
    assert not leftovers
    return kills, completed


def _rebuild_lane(root: Path, rng: random.Random) -> tuple[int, int]:
    """Kill rebuilds: the live index is always the old one or the new one, whole."""
    reports = root / "reports"
    paths = write_reports(reports, 16, start=900, paragraphs=8)
    old = expected_records(paths)
    index = root / "index"
    assert not _run_until(_index_command(index, reports), 120)
    kills = swaps = 0
    edition = 0
    while kills < KILLS_PER_LANE:
        edition += 1
        paths[0].write_text(report_text(900, paragraphs=8 - edition % 4, edition=edition))
        new = expected_records(paths)
        killed = _run_until(_index_command(index, reports, "--rebuild"), rng.uniform(0.4, 3.0))
        kills += killed
        state = index_state(index)  # never missing, never half
        assert state in (old, new), f"rebuild kill {kills}: neither the old nor the new index"
        swaps += state == new and state != old
        old = state
    return kills, swaps


def test_kill_9_at_random_moments_never_loses_or_doubles_a_document(tmp_path: Path) -> None:
    def lane(number: int) -> tuple[int, int]:
        rng = random.Random(SEED + number)
        folder = tmp_path / f"lane{number}"
        folder.mkdir()
        if number == 3:
            return _rebuild_lane(folder, rng)
        return _incremental_lane(number, folder, rng)

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lane, range(4)))
    kills = sum(k for k, _ in results)
    assert kills >= 50, f"only {kills} kills (seed {SEED})"


@pytest.mark.parametrize("moment", ["adding", "committing"])
def test_a_full_disk_leaves_the_previous_state_and_a_free_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    reports = tmp_path / "reports"
    paths = write_reports(reports, 4)
    index = tmp_path / "index"
    index_paths(index, [reports])
    before = index_state(index)
    write_reports(reports, 3, start=50)

    from whoosh.filedb.structfile import StructFile
    from whoosh.writing import SegmentWriter

    real_write, real_commit = StructFile.write, SegmentWriter.commit
    full = {"disk": moment == "adding", "writes": 0}

    def write(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        full["writes"] += 1
        if full["disk"] and full["writes"] > 20:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, *args, **kwargs)

    def commit(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        full["disk"] = True
        return real_commit(self, *args, **kwargs)

    monkeypatch.setattr(StructFile, "write", write)
    monkeypatch.setattr(SegmentWriter, "commit", commit)
    with pytest.raises(IndexProblem, match="No space left on device.*still holds what it held"):
        index_paths(index, [reports])
    monkeypatch.undo()
    assert index_state(index) == before == expected_records(paths)
    Store(index).begin().cancel()  # the write lock is free
    summary = index_paths(index, [reports])  # and the next run completes the rest
    assert summary.indexed == 3 and len(index_state(index)) == 7


def test_a_failed_sync_before_the_toc_leaves_the_previous_state(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = tmp_path / "reports"
    write_reports(reports, 3)
    index = tmp_path / "index"
    index_paths(index, [reports])
    before = index_state(index)
    write_reports(reports, 2, start=50)

    def failing_fsync(descriptor: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(durable_module.os, "fsync", failing_fsync)
    with pytest.raises(IndexProblem, match="Input/output error"):
        index_paths(index, [reports])
    monkeypatch.undo()
    assert index_state(index) == before
    assert index_paths(index, [reports]).indexed == 2


def test_new_files_are_synced_before_the_toc_names_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports = tmp_path / "reports"
    write_reports(reports, 2)
    index = tmp_path / "index"
    index_paths(index, [reports])
    write_reports(reports, 1, start=50)
    existing = set(os.listdir(index))
    events: list[tuple[str, str]] = []
    real_fsync, real_rename, real_open = os.fsync, os.rename, os.open
    names: dict[int, str] = {}

    def opening(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        descriptor = real_open(path, flags, *args, **kwargs)
        names[descriptor] = os.path.basename(path)
        return descriptor

    def syncing(descriptor: int) -> None:
        events.append(("sync", names.get(descriptor, "?")))
        real_fsync(descriptor)

    def renaming(old, new):  # type: ignore[no-untyped-def]
        events.append(("rename", os.path.basename(new)))
        real_rename(old, new)

    monkeypatch.setattr(durable_module.os, "open", opening)
    monkeypatch.setattr(durable_module.os, "fsync", syncing)
    monkeypatch.setattr("whoosh.filedb.filestore.os.rename", renaming)
    index_paths(index, [reports])
    monkeypatch.undo()
    toc = next(i for i, (kind, name) in enumerate(events)
               if kind == "rename" and name.endswith(".toc"))
    synced_before = {name for kind, name in events[:toc] if kind == "sync"}
    made = {name for name in os.listdir(index) if name not in existing}
    segment_files = {name for name in made if not name.endswith(".toc")}
    assert segment_files, "the commit wrote no segment file"
    assert segment_files <= synced_before, segment_files - synced_before
    assert any(".toc." in name for name in synced_before), "the new TOC was not synced"
    assert ("sync", index.name) in events[toc:], "the folder was not synced after the rename"


def test_readers_in_another_process_never_fail_or_see_half_a_document(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    expected = expected_records(write_reports(reports, 30, paragraphs=10))
    index = tmp_path / "index"
    writer = _index_command(index, reports)
    generations: set[int] = set()
    checks = 0
    lock_refused = ""
    while writer.poll() is None:
        if not (index / META_FILE).exists():
            time.sleep(0.02)
            continue
        state = _check(index, expected, "while committing")
        generations.add(len(state))
        store = Store(index)
        for info in store.documents():  # documents are only added: seen once, whole forever
            assert len(store.paragraphs(info.doc)) == info.paragraphs + info.blocks
        store.search("water sanitation")
        checks += 1
        if not lock_refused and 0 < len(state) < len(expected):
            second = subprocess.run(
                [*CLI, "--index", str(index), "index", str(reports), "--quiet"],
                capture_output=True, text=True, cwd=ROOT,
            )
            lock_refused = second.stderr if second.returncode == 1 else "ran: " + second.stdout
    assert writer.returncode == 0, writer.stderr.read().decode() if writer.stderr else ""
    assert index_state(index) == expected
    assert checks >= 3 and len(generations) >= 2, (checks, generations)
    if lock_refused.startswith("ran: "):  # the writer had committed all and freed the lock
        assert "0 new, 0 updated): 0 paragraphs" in lock_refused
        assert f"skipped {len(expected)} unchanged" in lock_refused
    elif lock_refused:  # the writer may finish before a second run could be tried
        assert f"another paraindex run (pid {writer.pid}) is indexing into {index}" in lock_refused


def test_a_search_opened_before_a_merge_can_still_read_what_it_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reports, index = small_segments_index(tmp_path)
    searcher = Store(index)._ix.searcher()
    merging_run(reports, index)
    assert len(Store(index)._ix._segments()) < 6  # segments were merged away
    records = list(searcher.all_stored_fields())  # their files are read only now
    searcher.close()
    assert len(records) == 6 * 14

    def on_disk() -> set[str]:
        return {name.split(".")[0] for name in os.listdir(index)
                if name.startswith("MAIN_") and name != "MAIN_WRITELOCK"}

    def live() -> set[str]:
        return {segment.segment_id() for segment in Store(index)._ix._segments()}

    assert on_disk() > live()  # the merged-away files wait out their grace
    monkeypatch.setattr(durable_module, "SUPERSEDED_GRACE_SECONDS", 0.0)
    writer = Store(index).begin()
    Store(index).tidy()  # a writer holds the lock: tidy leaves the files to its commit
    assert on_disk() > live()
    writer.cancel()
    Store(index).tidy()  # what the next run does first
    assert on_disk() == live()
    assert len([n for n in os.listdir(index) if n.endswith(".toc")]) == 1


def test_ctrl_c_stops_cleanly_and_the_next_run_finishes(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    expected = expected_records(write_reports(reports, 30, paragraphs=8))
    index = tmp_path / "index"
    process = _index_command(index, reports)
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        if _check(index, expected, "before Ctrl-C"):
            break  # a batch is committed: interrupt the run in the middle
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if process.returncode != 0:  # unless it had finished already
        assert process.returncode == 130, stderr
        assert b"interrupted: the index holds every batch committed so far" in stderr
        assert b"Traceback" not in stderr
    _check(index, expected, "after Ctrl-C")
    assert not _run_until(_index_command(index, reports), 120)
    assert index_state(index) == expected
