"""Batch indexing: many files into one index, incrementally, never losing what was committed.

Files are hashed; a file whose content is already indexed is skipped. The rest
are extracted in worker processes (``workers``) and written by this process
alone, a batch of documents per commit, so an interruption loses at most the
batch in flight and the index always holds whole documents.

One run at a time: a run holds a lock file beside the index for its whole
length (``--rebuild`` swaps the index folder, so the lock cannot live inside it).

A document is a symbol in a language (``A/79/729@en``). When two files yield
the same document, the file that already holds it in the index keeps it (unless
that file is gone), and within one run the file found first keeps it; the other
is reported as a conflict and not indexed. Nothing is overwritten or doubled
silently.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .discover import discover
from .errors import EmptyFileError, IndexProblem
from .model import ExtractedDocument
from .pipeline import extract, file_hash
from .readers import DEFAULT_MAX_BYTES
from .records import DocumentInfo
from .runlock import RunLock
from .sources import exists, is_relative, prune_missing, same_source, source_path
from .store import META_FILE, Batch, Store
from .store.fields import Analysis
from .swap import recover, swap
from .symbols import symbol_key
from .workers import DEFAULT_MEMORY_MB, DEFAULT_TIME_LIMIT, ExtractFunction, Outcome, WorkerPool

#: a batch is committed after this many seconds even when it is not full
COMMIT_SECONDS = 60.0
_MB = 1024 * 1024
#: files up to this size are read to tell an empty one (blank) before hashing
_BLANK_BYTES = 4096


@dataclass(slots=True)
class Failure:
    """A file and one line about it (why it failed, or what was decided)."""

    path: str
    reason: str


@dataclass(slots=True)
class BatchSummary:
    """What a run did, for the closing summary and ``--report``."""

    files: int = 0
    indexed: int = 0
    updated: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    #: same bytes as another file: skipped
    duplicates: list[Failure] = field(default_factory=list)
    #: same symbol and language as another file: not indexed
    conflicts: list[Failure] = field(default_factory=list)
    #: indexed, with something the user should know (no numbered paragraphs, moved)
    warnings: list[Failure] = field(default_factory=list)
    #: symbols now indexed in more than one language
    languages: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    #: not pruned: stored with a path relative to an unknown folder, so not checkable
    unsure: list[str] = field(default_factory=list)
    paragraphs: int = 0
    pages: int = 0
    commits: int = 0
    seconds: float = 0.0
    #: processor seconds the workers spent extracting, and seconds this process spent writing
    extract_cpu: float = 0.0
    write_seconds: float = 0.0
    rebuilt: bool = False

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("seconds", "extract_cpu", "write_seconds"):
            data[key] = round(data[key], 2)
        return data

    def write_report(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n")


@dataclass(slots=True)
class FileEvent:
    """One file done, for progress: ``status`` is indexed, updated, skipped, duplicate,
    conflict or failed."""

    path: str
    status: str
    pages: int = 0
    paragraphs: int = 0
    detail: str = ""


@dataclass(slots=True)
class Progress:
    """Callbacks a front end implements to show progress; all optional."""

    start: Callable[[int], None] = lambda total: None
    advance: Callable[[FileEvent], None] = lambda event: None
    note: Callable[[str], None] = lambda message: None


@dataclass(slots=True)
class Options:
    batch_size: int = 50
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int | None = None
    time_limit: float = DEFAULT_TIME_LIMIT
    memory_mb: int = DEFAULT_MEMORY_MB
    extract_fn: ExtractFunction = extract


def index_paths(
    index_dir: str | Path,
    paths: Iterable[str | Path],
    batch_size: int = 50,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    prune: bool = False,
    jobs: int | None = None,
    rebuild: bool = False,
    time_limit: float = DEFAULT_TIME_LIMIT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    lock_wait: float = 0.0,
    extract_fn: ExtractFunction = extract,
) -> BatchSummary:
    """Index every supported file under ``paths`` into the index at ``index_dir``.

    ``rebuild`` builds a fresh index beside the old one and swaps it in when
    complete. ``lock_wait`` is how long to wait for another run on the same
    index before ``IndexLockedError``.
    """
    progress = progress or Progress()
    options = Options(batch_size, max_bytes, jobs, time_limit, memory_mb, extract_fn)
    target = Path(index_dir).expanduser()
    started = time.monotonic()
    with RunLock(target, lock_wait, progress.note):
        recover(target)
        if rebuild:
            summary = _rebuild(target, list(paths), options, progress)
        else:
            store = Store.open_or_create(target)
            store.tidy()
            summary = _Run(store, options, progress).run(list(paths))
            if prune:
                summary.pruned, summary.unsure = prune_missing(store)
                summary.commits += bool(summary.pruned)
    summary.seconds = time.monotonic() - started
    return summary


class _Run:
    """One pass over the files into one open store."""

    def __init__(self, store: Store, options: Options, progress: Progress) -> None:
        self.store = store
        self.options = options
        self.progress = progress
        self.summary = BatchSummary()
        indexed = store.documents()
        self.by_hash = {d.content_hash: d for d in indexed}
        self.by_doc = {d.doc: d for d in indexed}
        self.by_source: dict[str, list[str]] = {}
        for d in indexed:
            self.by_source.setdefault(d.source, []).append(d.doc)
        #: sources stored relative to some earlier working directory (before they were made
        #: absolute), matched to a file of this run by their trailing path
        self.relative: dict[str, list[str]] = {}  # by file name: a file is matched in one step
        for d in indexed:
            if is_relative(d.source):
                self.relative.setdefault(Path(d.source).name, []).append(d.source)
        self.run_hashes: dict[str, str] = {}
        #: document id -> (discovery order, path) of the file that holds it in this run
        self.claims: dict[str, tuple[int, str]] = {}
        self.writer = _Writer(store, options.batch_size, self.summary)

    def run(self, paths: list[str | Path]) -> BatchSummary:
        files = list(discover(paths))
        self.summary.files = len(files)
        self.progress.start(len(files))
        pool = WorkerPool(self.options.jobs, self.options.time_limit, self.options.memory_mb,
                          self.options.max_bytes, self.options.extract_fn)
        try:
            with pool:
                for (order, digest), outcome in pool.map(self._plan(files)):
                    self._settle(order, digest, outcome)
                    self.writer.commit_if_due()
            self.writer.commit()
        except BaseException:
            self.writer.cancel()
            raise
        self.summary.languages = _languages(self.store.documents(), set(self.claims))
        return self.summary

    # -- before extraction ---------------------------------------------------------------
    def _plan(self, files: list[tuple[Path, str | None]]) -> Iterator[tuple[tuple[int, str], str]]:
        """Hash each file and yield those that need extracting; report the rest."""
        for order, (path, problem) in enumerate(files):
            if problem is None:
                problem = self._too_large(path)
            source = source_path(path)  # reported as every other file is: absolute
            if problem is not None:
                self._fail(source, problem)
                continue
            try:
                digest = file_hash(path)
            except OSError as error:
                self._fail(source, _os_reason(error))
                continue
            held = self.by_hash.get(digest)
            if held is not None and (same_source(held.source, source) or exists(held.source)):
                if same_source(held.source, source):
                    self.summary.skipped += 1
                    self._event(source, "skipped")
                else:
                    self._duplicate(source, held.source)
                continue
            if digest in self.run_hashes:
                self._duplicate(source, self.run_hashes[digest])
                continue
            self.run_hashes[digest] = source
            yield (order, digest), source

    def _too_large(self, path: Path) -> str | None:
        """Why a file is refused before it is hashed: too large, or empty (two empty files
        have the same hash, and the second is no 'duplicate' of the first)."""
        try:
            size = path.stat().st_size
            if size <= _BLANK_BYTES and not path.read_bytes().strip():
                return EmptyFileError.reason
        except OSError as error:
            return _os_reason(error)
        if size > self.options.max_bytes:
            return f"too large ({size // _MB} MB, limit {self.options.max_bytes // _MB} MB)"
        return None

    # -- after extraction ----------------------------------------------------------------
    def _settle(self, order: int, digest: str, outcome: Outcome) -> None:
        """Decide what an extracted file becomes: a new or updated document, or a report."""
        source, document, doc = outcome.path, outcome.document, outcome.doc
        self.summary.extract_cpu += outcome.cpu
        if outcome.reason is not None or document is None or doc is None:
            self._fail(source, outcome.reason or "unreadable")
            return
        label = f"{document.symbol} ({document.language})"
        holder = self.by_doc.get(doc)
        moved = holder is not None and not same_source(holder.source, source)
        if moved and exists(holder.source):
            self._conflict(source, f"{label} is already indexed from {holder.source}")
            return
        claim = self.claims.get(doc)
        if claim is not None:
            if claim[0] < order:
                self._conflict(source, f"{label} comes first from {claim[1]}")
                return
            # this file comes first: it takes the document back from the other one
            self._conflict(claim[1], f"{label} comes first from {source}")
            self.writer.retract(doc)
        self.claims[doc] = (order, source)
        candidates = (source, *self.relative.get(Path(source).name, ()))
        held_here = [d for old in candidates if same_source(old, source)
                     for d in self.by_source.get(old, [])]
        stale = [d for d in held_here if d != doc
                 and self.claims.get(d, (0, source))[1] == source]
        for old in stale:
            self.by_doc.pop(old, None)
        status = "updated" if doc in self.by_doc else "indexed"
        if moved:
            self._warn(source, f"{label} moved here from {holder.source}")
        for old in stale:
            self._warn(source, f"now holds {label}; {old} that it held before is removed")
        numbered = sum(1 for p in document.paragraphs if p.number is not None)
        if not document.paragraphs:
            self._warn(source, "no paragraphs found (only the document's title and quality "
                               "report are indexed)")
        elif not numbered:
            self._warn(source, f"no numbered paragraphs (indexed as {len(document.paragraphs)} "
                               "unnumbered blocks)")
        self.writer.write(doc, document, digest, source, status, stale, outcome.analysis)
        self._event(source, status, document.pages, numbered, label)

    # -- reporting -----------------------------------------------------------------------
    def _event(self, path: str, status: str, pages: int = 0, paragraphs: int = 0,
               detail: str = "") -> None:
        self.progress.advance(FileEvent(path, status, pages, paragraphs, detail))

    def _fail(self, path: str, reason: str) -> None:
        self.summary.failed.append(Failure(path, reason))
        self._event(path, "failed", detail=reason)

    def _duplicate(self, path: str, other: str) -> None:
        self.summary.duplicates.append(Failure(path, f"same content as {other}"))
        self._event(path, "duplicate", detail=f"same content as {other}")

    def _conflict(self, path: str, why: str) -> None:
        reason = f"not indexed: {why} (remove one of the two files)"
        self.summary.conflicts.append(Failure(path, reason))
        self._event(path, "conflict", detail=reason)

    def _warn(self, path: str, reason: str) -> None:
        self.summary.warnings.append(Failure(path, reason))


@dataclass(slots=True)
class _Written:
    """What a run wrote for one document: counted once its batch is committed."""

    status: str
    pages: int
    paragraphs: int


class _Writer:
    """The one writer of a run: documents go in as they arrive, a commit per batch."""

    def __init__(self, store: Store, batch_size: int, summary: BatchSummary) -> None:
        self.store = store
        self.batch_size = batch_size
        self.summary = summary
        self.batch: Batch | None = None
        self.opened = 0.0
        self.pending: dict[str, _Written] = {}
        self.committed: dict[str, _Written] = {}
        self.depth = 0

    def write(self, doc: str, document: ExtractedDocument, digest: str, source: str,
              status: str, stale: list[str], analysis: Analysis | None = None) -> None:
        with self._timed():
            self._write(doc, document, digest, source, status, stale, analysis)

    @contextmanager
    def _timed(self) -> Iterator[None]:
        """Count the time spent writing (once, however nested)."""
        self.depth += 1
        started = time.monotonic()
        try:
            yield
        finally:
            self.depth -= 1
            if not self.depth:
                self.summary.write_seconds += time.monotonic() - started

    def _write(self, doc: str, document: ExtractedDocument, digest: str, source: str,
               status: str, stale: list[str], analysis: Analysis | None) -> None:
        if self.batch is not None and (doc in self.batch or any(d in self.batch for d in stale)):
            self.commit()  # a document goes into one batch once (see store.Batch)
        if self.batch is None:
            self.batch = self.store.begin()
            self.opened = time.monotonic()
        for old in stale:
            self.batch.delete(old)
        self.batch.replace(document, digest, source, analysis)
        numbered = sum(1 for p in document.paragraphs if p.number is not None)
        self.pending[doc] = _Written(status, document.pages, numbered)
        if len(self.pending) >= self.batch_size:
            self.commit()

    def retract(self, doc: str) -> None:
        """Forget a document that another file takes over (it is replaced, not deleted)."""
        self.pending.pop(doc, None)
        self.committed.pop(doc, None)

    def commit_if_due(self) -> None:
        if self.batch is not None and time.monotonic() - self.opened > COMMIT_SECONDS:
            self.commit()

    def commit(self) -> None:
        if self.batch is None:
            return
        batch, self.batch = self.batch, None
        with self._timed():
            batch.commit()
        self.summary.commits += 1
        self.committed.update(self.pending)
        self.pending.clear()
        self._count()

    def cancel(self) -> None:
        if self.batch is not None:
            batch, self.batch = self.batch, None
            batch.cancel()
        self.pending.clear()

    def _count(self) -> None:
        summary = self.summary
        summary.indexed = sum(1 for p in self.committed.values() if p.status == "indexed")
        summary.updated = sum(1 for p in self.committed.values() if p.status == "updated")
        summary.pages = sum(w.pages for w in self.committed.values())
        summary.paragraphs = sum(w.paragraphs for w in self.committed.values())


def _languages(documents: list[DocumentInfo], touched: set[str]) -> list[str]:
    by_symbol: dict[str, list[DocumentInfo]] = {}
    for d in documents:
        by_symbol.setdefault(symbol_key(d.symbol), []).append(d)
    lines = []
    for group in by_symbol.values():
        if len(group) > 1 and any(d.doc in touched for d in group):
            versions = ", ".join(f"{d.language} from {d.source}" for d in group)
            lines.append(f"{group[0].symbol}: {versions}")
    return sorted(lines)


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "cannot read (permission denied)"
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read ({error.strerror or error})"


# -- rebuild --------------------------------------------------------------------------------
def _rebuild(target: Path, paths: list[str | Path], options: Options,
             progress: Progress) -> BatchSummary:
    """A fresh index in a sibling folder, swapped in only once complete."""
    staging = target.parent / f".{target.name}.rebuild-{os.getpid()}"
    store = Store.create(staging)
    try:
        summary = _Run(store, options, progress).run(paths)
        if not summary.indexed and _has_documents(target):
            raise IndexProblem(
                f"the rebuild indexed no document, so the index at {target} is left as it was"
            )
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap(staging, target)
    shutil.rmtree(staging, ignore_errors=True)  # now the old index, if there was one
    summary.rebuilt = True
    progress.note(f"rebuilt index swapped in at {target}")
    return summary


def _has_documents(target: Path) -> bool:
    if not (target / META_FILE).exists():
        return False
    try:
        return bool(Store(target).documents())
    except Exception:  # an index this version cannot read: the rebuild replaces it anyway
        return False


