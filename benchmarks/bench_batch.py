"""Batch indexing end to end against bare text extraction of the same files, side by side.

    python benchmarks/bench_batch.py [FOLDER] [--rounds N] [--jobs N] [--batch-size N]
    python benchmarks/bench_batch.py --profile      # where the writing process spends its time

FOLDER defaults to ../shared/bulk ($PARAINDEX_SHARED/bulk). Each round runs, one
after the other so that both meet the same machine load:
  1. bare: pypdfium2 text of every page of every PDF, one process (the floor);
  2. extract: paraindex's extraction of every file in its worker pool, nothing written;
  3. index: `index_paths` into a fresh index (workers, one writer, batch commits, fsync).
It prints each round and the median: wall seconds, pages/s, paragraphs/s, processor
seconds (this process and, for index, the workers), and index / bare (target: within 2x).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_extraction import bare  # noqa: E402

from indexer.batch import index_paths  # noqa: E402
from indexer.errors import UnreadableFileError  # noqa: E402
from indexer.workers import WorkerPool, default_jobs  # noqa: E402


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_bare(files: list[Path]) -> dict[str, float]:
    started, cpu = time.perf_counter(), cpu_self()
    pages = 0
    for path in files:
        try:
            pages += bare(path)
        except Exception:  # pdfium refuses it: the indexer reports it too
            continue
    return {"wall": time.perf_counter() - started, "cpu": cpu_self() - cpu, "pages": pages}


def run_extract(files: list[Path], jobs: int) -> dict[str, float]:
    started = time.perf_counter()
    pages = paragraphs = 0
    worker_cpu = 0.0
    with WorkerPool(jobs) as pool:
        for _, outcome in pool.map((str(p), str(p)) for p in files):
            worker_cpu += outcome.cpu
            if outcome.document is not None:
                pages += outcome.document.pages
                paragraphs += sum(1 for p in outcome.document.paragraphs if p.number)
    return {"wall": time.perf_counter() - started, "cpu": worker_cpu, "pages": pages,
            "paragraphs": paragraphs}


def run_index(folder: Path, jobs: int, batch_size: int,
              profile: cProfile.Profile | None = None) -> dict[str, float]:
    target = Path(tempfile.mkdtemp(prefix="bench-batch-")) / "index"
    started, cpu = time.perf_counter(), cpu_self()
    if profile:
        profile.enable()
    summary = index_paths(target, [folder], jobs=jobs, batch_size=batch_size)
    if profile:
        profile.disable()
    wall = time.perf_counter() - started
    parent = cpu_self() - cpu
    size = sum(p.stat().st_size for p in target.iterdir() if p.is_file())
    shutil.rmtree(target.parent)
    return {"wall": wall, "cpu": parent + summary.extract_cpu, "parent_cpu": parent,
            "worker_cpu": summary.extract_cpu, "write": summary.write_seconds,
            "pages": summary.pages, "paragraphs": summary.paragraphs,
            "documents": summary.indexed, "failed": len(summary.failed),
            "commits": summary.commits, "size_mb": size / 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("PARAINDEX_SHARED", ROOT.parent / "shared"))
    parser.add_argument("folder", nargs="?", default=str(shared / "bulk"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--profile", action="store_true",
                        help="profile one indexing run of the writing process")
    args = parser.parse_args()
    folder = Path(args.folder)
    files = sorted(folder.glob("*.pdf"))
    if not files:
        sys.exit(f"no PDF in {folder}")
    print(f"{len(files)} PDFs in {folder}; {args.jobs} worker(s), batches of "
          f"{args.batch_size} documents")
    if args.profile:
        profile = cProfile.Profile()
        result = run_index(folder, args.jobs, args.batch_size, profile)
        print(f"index: {result['wall']:.1f} s wall, writing {result['write']:.1f} s, "
              f"workers {result['worker_cpu']:.1f} s CPU")
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        return
    rows: dict[str, list[dict[str, float]]] = {"bare": [], "extract": [], "index": []}
    for round_ in range(1, args.rounds + 1):
        rows["bare"].append(run_bare(files))
        rows["extract"].append(run_extract(files, args.jobs))
        rows["index"].append(run_index(folder, args.jobs, args.batch_size))
        b, e, i = rows["bare"][-1], rows["extract"][-1], rows["index"][-1]
        print(f"round {round_}: bare {b['wall']:.2f} s, extract {e['wall']:.2f} s, "
              f"index {i['wall']:.2f} s (writing {i['write']:.2f} s, {i['commits']:.0f} "
              f"commits), index/bare {i['wall'] / b['wall']:.2f}x")

    def median(name: str, key: str) -> float:
        return statistics.median(row[key] for row in rows[name])

    index = rows["index"][-1]
    print(f"\n{index['documents']:.0f} documents indexed, {index['failed']:.0f} failed; "
          f"{index['pages']:.0f} pages, {index['paragraphs']:.0f} numbered paragraphs; "
          f"index {index['size_mb']:.1f} MB")
    print(f"{'':8} {'wall s':>7} {'pages/s':>8} {'paras/s':>8} {'CPU s':>7}")
    for name in ("bare", "extract", "index"):
        wall = median(name, "wall")
        pages = rows[name][-1]["pages"]
        paragraphs = rows[name][-1].get("paragraphs", 0)
        para_rate = f"{paragraphs / wall:8.0f}" if paragraphs else f"{'':>8}"
        print(f"{name:8} {wall:7.2f} {pages / wall:8.0f} {para_rate} {median(name, 'cpu'):7.2f}")
    ratio = median("index", "wall") / median("bare", "wall")
    print(f"index / bare (wall, median of {args.rounds}): {ratio:.2f}x (target <= 2x); "
          f"writing took {median('index', 'write'):.2f} s of the index run in this process, "
          f"the workers {median('index', 'worker_cpu'):.2f} s CPU")


if __name__ == "__main__":
    try:
        main()
    except UnreadableFileError as error:
        sys.exit(str(error))
