"""Batch indexing: many files into one index, incrementally, never losing what was committed.

Files are hashed; a file whose content is already indexed is skipped. The rest
are extracted (in worker processes, see ``workers``) and written by this
process alone, one commit per batch, so an interruption loses at most the
batch in flight and the index always holds whole documents.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .discover import discover
from .errors import ParaindexError, UnreadableFileError
from .model import ExtractedDocument
from .pipeline import extract, file_hash
from .readers import DEFAULT_MAX_BYTES
from .store import Store, document_id


@dataclass(slots=True)
class Failure:
    path: str
    reason: str


@dataclass(slots=True)
class BatchSummary:
    """What a run did, for the closing summary and ``--report``."""

    indexed: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    paragraphs: int = 0
    pages: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "indexed": self.indexed,
            "skipped": self.skipped,
            "failed": [{"path": f.path, "reason": f.reason} for f in self.failed],
            "replaced": self.replaced,
            "duplicates": self.duplicates,
            "pruned": self.pruned,
            "paragraphs": self.paragraphs,
            "pages": self.pages,
            "seconds": round(self.seconds, 2),
        }

    def write_report(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n")


@dataclass(slots=True)
class Progress:
    """Callbacks a front end implements to show progress; all optional."""

    start: Callable[[int], None] = lambda total: None
    advance: Callable[[str, ExtractedDocument | None, str | None], None] = (
        lambda path, document, problem: None
    )


def index_paths(
    index_dir: str | Path,
    paths: Iterable[str | Path],
    batch_size: int = 50,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    prune: bool = False,
    jobs: int | None = None,
    rebuild: bool = False,
) -> BatchSummary:
    """Index every supported file under ``paths`` into the index at ``index_dir``."""
    progress = progress or Progress()
    started = time.monotonic()
    summary = BatchSummary()
    store = Store.open_or_create(index_dir)
    known = store.content_hashes()
    sources = {source: doc for _, (doc, source) in known.items()}
    todo: list[tuple[Path, str]] = []
    for path, problem in discover(list(paths)):
        if problem:
            summary.failed.append(Failure(str(path), problem))
            continue
        try:
            digest = file_hash(path)
        except OSError as error:
            summary.failed.append(Failure(str(path), error.strerror or "cannot read"))
            continue
        if digest in known:
            summary.skipped += 1
            if known[digest][1] != str(path):
                summary.duplicates.append(f"{path}: same content as {known[digest][1]}")
            continue
        known[digest] = ("", str(path))
        todo.append((path, digest))
    progress.start(len(todo))
    written: dict[str, str] = {}
    pending: list[tuple[ExtractedDocument, str, str]] = []
    for path, digest in todo:
        try:
            document = extract(path, max_bytes=max_bytes)
        except UnreadableFileError as error:
            summary.failed.append(Failure(str(path), error.reason + (
                f" ({error.detail})" if error.detail else "")))
            progress.advance(str(path), None, str(error))
            continue
        except ParaindexError as error:
            summary.failed.append(Failure(str(path), str(error)))
            progress.advance(str(path), None, str(error))
            continue
        doc = document_id(document.symbol, document.language)
        if doc in written and written[doc] != str(path):
            summary.replaced.append(
                f"{document.symbol} ({document.language}): {path} replaces {written[doc]}"
            )
        elif doc in sources.values() and _source_of(sources, doc) != str(path):
            summary.replaced.append(
                f"{document.symbol} ({document.language}): {path} replaces "
                f"{_source_of(sources, doc)}"
            )
        written[doc] = str(path)
        pending.append((document, digest, str(path)))
        progress.advance(str(path), document, None)
        if len(pending) >= batch_size:
            _commit(store, pending, summary)
    _commit(store, pending, summary)
    if prune:
        summary.pruned = prune_missing(store)
    summary.seconds = time.monotonic() - started
    return summary


def _source_of(sources: dict[str, str], doc: str) -> str:
    return next((source for source, d in sources.items() if d == doc), "")


def _commit(store: Store, pending: list[tuple[ExtractedDocument, str, str]],
            summary: BatchSummary) -> None:
    if not pending:
        return
    with store.batch() as batch:
        for document, digest, source in pending:
            batch.replace(document, digest, source)
    for document, _, _ in pending:
        summary.indexed += 1
        summary.pages += document.pages
        summary.paragraphs += sum(1 for p in document.paragraphs if p.number is not None)
    pending.clear()


def prune_missing(store: Store) -> list[str]:
    """Delete documents whose source file no longer exists; return their symbols."""
    gone = [d for d in store.documents() if not Path(d.source).exists()]
    if gone:
        with store.batch() as batch:
            for document in gone:
                batch.delete(document.doc)
    return [f"{d.symbol} ({d.source})" for d in gone]
