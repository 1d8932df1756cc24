"""Helpers shared by the batch, durability and hostile-input tests (no tests here).

Synthetic reports are small text files with a UN masthead and numbered
paragraphs: they extract in milliseconds, so a test can index dozens of them
many times over.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

from indexer import schema as f
from indexer.pipeline import extract
from indexer.store import Store

WORDS = (
    "water sanitation climate heat migrant workers children rights development finance "
    "protection civilians conflict women equality education health housing food security "
    "governance data statistics oceans forests energy transport cities disaster resilience"
).split()

#: how to run the real command in a fresh process, as a user would
CLI = [sys.executable, "-c", "from search.cli import main; main()"]


def report_text(number: int, paragraphs: int = 12, language: str = "en", edition: int = 0,
                symbol: str | None = None) -> str:
    """A small report A/90/<number> with ``paragraphs`` numbered paragraphs."""
    symbol = symbol or f"A/90/{number}"
    lines = [
        f"United Nations                                   {symbol}",
        "",
        "General Assembly                                 Distr.: General",
        "                                                 3 March 2090",
        "",
        f"Report number {number} on the durability of indexes",
        "",
        "Report of the Secretary-General",
        "",
        "I. Introduction",
        "",
    ]
    french = "Le rapport examine les mesures prises par les États Membres pour protéger"
    for n in range(1, paragraphs + 1):
        words = " ".join(WORDS[(number * 7 + n * 3 + k) % len(WORDS)] for k in range(18))
        body = (f"{french} {words} édition {edition}." if language == "fr"
                else f"The report reviews {words} in edition {edition} and paragraph {n}.")
        lines += [f"{n}. {body}", ""]
    return "\n".join(lines) + "\n"


def write_reports(folder: Path, count: int, start: int = 1, paragraphs: int = 12) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"A_90_{number}.txt"
        path.write_text(report_text(number, paragraphs))
        paths.append(path)
    return paths


def small_segments_index(tmp_path: Path) -> tuple[Path, Path]:
    """(reports folder, index) of six reports committed one at a time: six small segments,
    so the next run's commit merges some of them away."""
    from indexer.batch import index_paths

    reports, index = tmp_path / "reports", tmp_path / "index"
    write_reports(reports, 6)
    index_paths(index, [reports], batch_size=1)
    return reports, index


def merging_run(reports: Path, index: Path) -> None:
    """Index four more reports one commit each: the commits merge the small segments."""
    from indexer.batch import index_paths

    write_reports(reports, 4, start=50)
    index_paths(index, [reports], batch_size=1)


def expected_records(paths: list[Path]) -> dict[str, int]:
    """Document id -> number of records (paragraphs and blocks) extraction gives it."""
    from indexer.store import document_id

    expected = {}
    for path in paths:
        document = extract(path)
        expected[document_id(document.symbol, document.language)] = len(document.paragraphs)
    return expected


def index_state(index_dir: Path) -> dict[str, int]:
    """Document id -> record count, read through ONE searcher (one committed generation).

    Asserts the index is whole: every key once, every paragraph's document has
    its document record, and every document has exactly the paragraphs its
    metadata counts.
    """
    store = Store(index_dir)
    keys: Counter[str] = Counter()
    records: Counter[str] = Counter()
    documents: dict[str, dict] = {}
    with store._ix.searcher() as searcher:
        for stored in searcher.all_stored_fields():
            keys[stored[f.KEY]] += 1
            if stored[f.KIND] == f.KIND_DOCUMENT:
                documents[stored[f.DOC]] = stored[f.DOC_META]
            else:
                records[stored[f.DOC]] += 1
    doubled = [key for key, n in keys.items() if n > 1]
    assert not doubled, f"duplicate records: {doubled[:5]}"
    orphans = set(records) - set(documents)
    assert not orphans, f"paragraphs without a document: {orphans}"
    for doc, meta in documents.items():
        assert records[doc] == meta["paragraphs"] + meta["blocks"], f"{doc} is not whole"
    return {doc: records[doc] for doc in documents}


def hostile_extract(path: str, max_bytes: int = 0):  # type: ignore[no-untyped-def]
    """An extraction function that misbehaves on cue, by file name (run in a worker)."""
    name = Path(path).name
    if "hang" in name:
        time.sleep(3600)
    if "segv" in name:
        os.kill(os.getpid(), signal.SIGSEGV)
    if "oom" in name:
        hog = bytearray(8 * 1024 * 1024 * 1024)  # over any worker's memory limit
        return hog
    if "bug" in name:
        raise RuntimeError("something no reader anticipated\nsecond line")
    return extract(path, max_bytes=max_bytes)
