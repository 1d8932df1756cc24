"""Extraction speed: bare pdfium text against paraindex's reader and full pipeline.

    python benchmarks/bench_extraction.py [FOLDER] [--repeat N]

FOLDER defaults to ../shared/bulk. Prints pages per second for
  1. bare text extraction (pypdfium2 ``get_text_range`` on every page),
  2. paraindex's PDF reader (lines with positions, sizes, note markers removed),
  3. the full pipeline (reader + furniture + numbering + headings + quality),
and the ratio of the full pipeline to bare extraction (target: within 2x).
Each figure is the best of N runs, one process, files read from the page cache.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.errors import UnreadableFileError  # noqa: E402
from indexer.pipeline import extract  # noqa: E402
from indexer.readers.pdf import read_pdf  # noqa: E402


def bare(path: Path) -> int:
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(document)
    finally:
        document.close()


def reader(path: Path) -> int:
    return len(read_pdf(path).pages)


def pipeline(path: Path) -> int:
    return extract(path).pages


def timed(files: list[Path], job: Callable[[Path], int], repeat: int) -> tuple[float, int]:
    best = float("inf")
    pages = 0
    for _ in range(repeat):
        pages = 0
        started = time.perf_counter()
        for path in files:
            try:
                pages += job(path)
            except UnreadableFileError:
                continue
        best = min(best, time.perf_counter() - started)
    return best, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "bulk"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(Path(args.folder).glob("*.pdf"))
    readable = []
    for path in files:
        try:
            read_pdf(path)
            readable.append(path)
        except UnreadableFileError:
            pass
    print(f"{len(readable)} readable PDFs of {len(files)} in {args.folder}")
    results = {}
    for name, job in (("bare pdfium text", bare), ("paraindex reader", reader),
                      ("full pipeline", pipeline)):
        seconds, pages = timed(readable, job, args.repeat)
        results[name] = seconds
        print(f"{name:18} {pages:6d} pages {seconds:7.2f} s {pages / seconds:8.0f} pages/s")
    ratio = results["full pipeline"] / results["bare pdfium text"]
    print(f"full pipeline / bare extraction: {ratio:.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
