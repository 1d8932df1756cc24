"""Workers run ahead of the writer (``workers.QUEUE_DEPTH`` files each): what happens to
the files queued before and behind one that hangs, crashes or ends a worker's life."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from indexer.workers import QUEUE_DEPTH, WorkerPool

from .test_batch_helpers import hostile_extract, report_text, write_reports


def _outcomes(tasks: list[tuple[int, str]], **options: object) -> dict[int, str | None]:
    with WorkerPool(extract_fn=hostile_extract, **options) as pool:  # type: ignore[arg-type]
        found = {key: outcome.reason for key, outcome in pool.map(tasks)}
        assert not any(w.busy for w in pool._workers)
    return found


def test_each_worker_is_handed_files_ahead_the_emptiest_first(tmp_path: Path) -> None:
    paths = write_reports(tmp_path, 2 * QUEUE_DEPTH + 1)
    tasks = iter([(i, str(p)) for i, p in enumerate(paths)])
    with WorkerPool(jobs=2) as pool:
        assert pool._dispatch(tasks) is False  # the queues are full, one file is left
        assert [len(w.queue) for w in pool._workers] == [QUEUE_DEPTH, QUEUE_DEPTH]
        assert [[key for key, _ in w.queue] for w in pool._workers] == [
            list(range(0, 2 * QUEUE_DEPTH, 2)), list(range(1, 2 * QUEUE_DEPTH, 2))]
        outcomes = dict(pool.map(tasks))
    assert sorted(outcomes) == list(range(len(paths)))
    assert all(o.reason is None and o.document for o in outcomes.values())


def test_the_file_queued_behind_a_crash_or_a_hang_is_extracted(tmp_path: Path) -> None:
    good = write_reports(tmp_path, 3)
    for name in ("A_90_segv.txt", "A_90_hang.txt"):
        (tmp_path / name).write_text(report_text(9))
    order = [tmp_path / "A_90_segv.txt", good[0], tmp_path / "A_90_hang.txt", good[1], good[2]]
    reasons = _outcomes([(i, str(p)) for i, p in enumerate(order)], jobs=1, time_limit=2.0)
    assert reasons == {0: "crashed the extractor (SIGSEGV)", 1: None,
                       2: "timed out (over 2 s)", 3: None, 4: None}


def test_a_worker_past_its_tasks_finishes_its_queue_and_is_replaced(tmp_path: Path) -> None:
    paths = write_reports(tmp_path, 7)
    reasons = _outcomes([(i, str(p)) for i, p in enumerate(paths)], jobs=2,
                        tasks_per_worker=2)
    assert reasons == dict.fromkeys(range(7))


def test_a_worker_that_runs_out_of_memory_hands_back_the_file_queued_behind(
    tmp_path: Path,
) -> None:
    good = write_reports(tmp_path, 2)
    (tmp_path / "A_90_oom.txt").write_text(report_text(9))
    order = [tmp_path / "A_90_oom.txt", *good]
    reasons = _outcomes([(i, str(p)) for i, p in enumerate(order)], jobs=1, memory_mb=1024)
    assert reasons[0] is not None and reasons[0].startswith("too large")
    assert reasons[1] is None and reasons[2] is None


def test_results_still_in_a_worker_that_crashes_or_hangs_are_not_lost(tmp_path: Path) -> None:
    """The parent reads slowly (as while it commits a batch), so the worker is files
    ahead, with results bigger than a pipe's buffer still unsent, when it dies or hangs:
    the file it was working on is blamed, the others are all extracted."""
    good = write_reports(tmp_path, 6, paragraphs=1500)
    for name in ("A_90_segv.txt", "A_90_hang.txt"):
        (tmp_path / name).write_text(report_text(9))
    order = [good[0], good[1], good[2], tmp_path / "A_90_segv.txt", good[3],
             good[4], tmp_path / "A_90_hang.txt", good[5]]
    reasons: dict[int, str | None] = {}
    with WorkerPool(jobs=1, time_limit=4.0, extract_fn=hostile_extract) as pool:
        for key, outcome in pool.map([(i, str(p)) for i, p in enumerate(order)]):
            if not reasons:
                time.sleep(3.0)  # the worker goes on meanwhile, and crashes on the segv
            reasons[key] = outcome.reason
            assert outcome.reason is not None or outcome.document is not None
    assert reasons == {0: None, 1: None, 2: None, 3: "crashed the extractor (SIGSEGV)",
                       4: None, 5: None, 6: "timed out (over 4 s)", 7: None}


def test_a_worker_killed_between_files_blames_no_file(tmp_path: Path) -> None:
    """A worker that finished its files and is killed (the kernel's OOM killer picks the one
    holding the most) while its results wait to be sent: no file is to blame, each one is
    extracted again by a fresh worker."""
    paths = write_reports(tmp_path, QUEUE_DEPTH, paragraphs=1500)  # results > a pipe's buffer
    reasons: dict[int, str | None] = {}
    with WorkerPool(jobs=1, time_limit=60.0) as pool:
        for key, outcome in pool.map([(i, str(p)) for i, p in enumerate(paths)]):
            if not reasons:
                time.sleep(3.0)  # the worker finishes the other files meanwhile
                os.kill(pool._workers[0].process.pid, signal.SIGKILL)
            reasons[key] = outcome.reason
    assert reasons == dict.fromkeys(range(QUEUE_DEPTH))
