"""Extraction in worker processes: each file in isolation, with limits on time and memory.

A hostile file (a decompression bomb, a PDF that loops, a crash inside pdfium)
must cost one failed file, never the batch. Each worker is a process of its
own with a cap on its address space (``RLIMIT_AS``); the parent kills and
replaces a worker that overruns the time limit or dies, and reports that file
with a one-line reason.

Workers are started from a fork server, never forked from the process that
writes the index: a forked child would inherit the descriptor of the index's
write lock (an ``flock``) and could keep the index locked after the writer
died. Workers die with their parent (``PR_SET_PDEATHSIG`` on Linux) and ignore
Ctrl-C, which the parent handles.

Workers run ahead of the writer: each is handed up to ``QUEUE_DEPTH`` files and
sends its results through the pipe from a thread of its own, so it goes on with
its next file while the parent is busy committing a batch (handed one file at a
time, workers waited for the writer about a third of a bulk run; a file ahead,
still for most of each commit). Because results may wait in a worker that then
dies, the worker records in shared memory which of its files it is working on,
since when, and how many it has finished: the parent blames the file in hand (none
between files) for a crash or a timeout, and hands every other file whose result it
did not receive to another worker. At most ``UNSENT`` results wait in a worker, so
its capped memory holds few documents at once.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from typing import Any, TypeVar

from whoosh.fields import Schema

from .errors import ParaindexError, UnreadableFileError
from .model import ExtractedDocument
from .pipeline import extract
from .readers import DEFAULT_MAX_BYTES
from .schema import make_schema
from .store import document_id
from .store.fields import Analysis, analyse_paragraphs

K = TypeVar("K")

#: seconds one file may take before its worker is killed
DEFAULT_TIME_LIMIT = 180.0
#: address space of one worker, in MiB (Python, pdfium and one document's pages)
DEFAULT_MEMORY_MB = 2048
#: seconds a new worker may take to report that it is ready
WORKER_START_SECONDS = 60.0
#: a worker is replaced after this many files, so a leak in a native library stays bounded
TASKS_PER_WORKER = 200
#: files handed to a worker at once (the one it works on, those waiting in its pipe and
#: the results it has not sent yet): enough to keep it busy through a batch's commit
QUEUE_DEPTH = 8
#: results a worker keeps waiting to be sent before it stops to wait for the parent
UNSENT = 3
#: stack of a worker's sending thread, in bytes (a worker's address space is capped)
SENDER_STACK = 256 * 1024

ExtractFunction = Callable[..., ExtractedDocument]
#: imported once by the fork server, so a new worker starts in milliseconds
_PRELOAD = ["indexer.workers", "indexer.readers.pdf", "indexer.readers.docx",
            "indexer.readers.html", "indexer.readers.text"]


class WorkerStartError(ParaindexError):
    """The worker processes could not start: nothing can be extracted."""


@dataclass(slots=True)
class Outcome:
    """What became of one file: a document with its id, or a one-line reason."""

    path: str
    document: ExtractedDocument | None = None
    doc: str | None = None
    reason: str | None = None
    seconds: float = 0.0
    #: processor time the extraction took in the worker
    cpu: float = 0.0
    #: the worker should not be trusted with another file (it ran out of memory)
    retire: bool = False
    #: the paragraphs' texts analysed for the index (``fields.analyse_paragraphs``), so
    #: the one process that writes does not have to
    analysis: Analysis | None = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_one(path: str, extract_fn: ExtractFunction = extract,
                max_bytes: int = DEFAULT_MAX_BYTES, memory_mb: int = 0) -> Outcome:
    """Extract one file and name its document, turning every failure into a reason."""
    started, cpu = time.monotonic(), time.process_time()
    outcome = Outcome(path)
    try:
        outcome.document = extract_fn(path, max_bytes=max_bytes)
    except UnreadableFileError as error:
        outcome.reason = error.reason + (f" ({error.detail})" if error.detail else "")
    except MemoryError:
        limit = f"the {memory_mb} MB memory limit" if memory_mb else "the memory available"
        outcome.reason = f"too large (extraction needs more than {limit})"
        outcome.retire = True
    except RecursionError:
        outcome.reason = "corrupt (structure nested too deeply)"
    except Exception as error:  # a bug or a file no reader anticipated: one file, one line
        outcome.reason = f"extraction failed ({type(error).__name__}: {one_line(str(error))})"
    if outcome.document is not None:
        document = outcome.document
        try:
            outcome.doc = document_id(document.symbol, document.language)
        except ValueError:
            outcome.document = None
            outcome.reason = "no UN document symbol (none in the masthead or the file name)"
    if outcome.document is not None:
        try:
            outcome.analysis = analyse_paragraphs(outcome.document, _schema())
        except Exception:  # the writer analyses the texts itself
            outcome.analysis = None
    outcome.seconds = time.monotonic() - started
    outcome.cpu = time.process_time() - cpu
    return outcome


@cache
def _schema() -> Schema:
    return make_schema()


def one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _serve(conn: Connection, extract_fn: ExtractFunction, max_bytes: int, memory_mb: int,
           place: Any) -> None:
    """A worker's life: read a path, extract it, queue its ``Outcome`` for sending, until
    told to stop. ``place`` is shared with the parent: (files started, when the last began,
    files finished).

    At most ``UNSENT`` results wait to be sent, so a slow parent does not make the worker's
    memory, which is capped, hold many documents at once.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _limit_memory(memory_mb)
    conn.send("ready")
    outbox: queue.Queue[memoryview | None] = queue.Queue(maxsize=UNSENT)
    threading.stack_size(SENDER_STACK)  # it only sends: the default 8 MB counts against the cap
    sender = threading.Thread(target=_send_all, args=(conn, outbox), daemon=True)
    sender.start()
    try:
        while sender.is_alive():
            try:
                path = conn.recv()
            except (EOFError, OSError):
                return  # the parent is gone
            if path is None:
                return
            place[1] = time.monotonic()
            place[0] += 1
            outcome = extract_one(path, extract_fn, max_bytes, memory_mb)
            try:
                data = ForkingPickler.dumps(outcome)
            except MemoryError:  # the document is too big to hand back
                outcome = Outcome(path, retire=True,
                                  reason=f"too large (over the {memory_mb} MB memory limit)")
                data = ForkingPickler.dumps(outcome)
            place[2] = place[0]  # finished: a death from now on is no file's fault
            outbox.put(data)
            if outcome.retire:
                return
    finally:
        outbox.put(None)
        sender.join()


def _send_all(conn: Connection, outbox: queue.Queue[memoryview | None]) -> None:
    """Send results in order; a send waits while the parent is busy, the worker does not."""
    while (data := outbox.get()) is not None:
        try:
            conn.send_bytes(data)
        except OSError:
            return  # the parent is gone


def _handshake(conn: Connection) -> object:
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None


def _limit_memory(memory_mb: int) -> None:
    if memory_mb <= 0:
        return
    try:
        import resource

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = memory_mb * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            wanted = min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ImportError, ValueError, OSError):  # not POSIX, or not allowed: no cap
        return
    try:  # glibc reserves 64 MB of address space for each thread's arena: one arena for all
        import ctypes

        m_arena_max = -8
        ctypes.CDLL(None).mallopt(m_arena_max, 1)
    except (OSError, AttributeError):  # not glibc
        pass


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies, even by ``kill -9``."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent died before the request was made
        os._exit(1)


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Connection
    #: shared with the worker: files it has started, when it started the last one, files
    #: it has finished
    place: Any
    #: the ``(key, path)`` handed to it whose results have not come back, in its order
    queue: deque[tuple[Any, str]] = field(default_factory=deque)
    #: files handed to it so far (it is replaced after ``tasks_per_worker``)
    given: int = 0
    #: results received from it so far
    received: int = 0

    @property
    def busy(self) -> bool:
        return bool(self.queue)

    def working_on(self) -> int | None:
        """The place in ``queue`` of the file it works on, or None between files (its results
        may still wait to be sent)."""
        started, finished = int(self.place[0]), int(self.place[2])
        at = started - self.received - 1
        return at if finished < started and 0 <= at < len(self.queue) else None

    def deadline(self, time_limit: float) -> float:
        """When the file it works on overruns the limit (a limit away while between files)."""
        if self.working_on() is None:
            return time.monotonic() + time_limit
        return float(self.place[1]) + time_limit


class WorkerPool:
    """``jobs`` extraction processes, each handed up to ``QUEUE_DEPTH`` files.

    ``map`` yields ``(key, Outcome)`` pairs in completion order. A worker that
    overruns ``time_limit`` on a file is killed and the file reported as timed
    out; a worker that dies (a segfault, the kernel's OOM killer) has the file it
    was working on reported as having crashed the extractor; either way a fresh
    worker takes its place, the other files it held go to another worker, and the
    batch goes on.
    """

    def __init__(
        self,
        jobs: int | None = None,
        time_limit: float = DEFAULT_TIME_LIMIT,
        memory_mb: int = DEFAULT_MEMORY_MB,
        max_bytes: int = DEFAULT_MAX_BYTES,
        extract_fn: ExtractFunction = extract,
        tasks_per_worker: int = TASKS_PER_WORKER,
    ) -> None:
        self.jobs = jobs or default_jobs()
        self.time_limit = time_limit
        self.memory_mb = memory_mb
        self.max_bytes = max_bytes
        self.extract_fn = extract_fn
        self.tasks_per_worker = tasks_per_worker
        self._context = _context()
        self._workers: list[_Worker] = []
        #: files taken back from a worker that died before starting them: handed out first
        self._returned: deque[tuple[Any, str]] = deque()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker at once: a file in flight is abandoned, not waited for."""
        for worker in self._workers:
            self._stop(worker, kill=worker.busy)
        self._workers = []

    def map(self, tasks: Iterable[tuple[K, str]]) -> Iterator[tuple[K, Outcome]]:
        """Extract every ``(key, path)``; ``tasks`` is read lazily, as workers have room."""
        todo = iter(tasks)
        exhausted = False
        while True:
            if not exhausted or self._returned:
                exhausted = self._dispatch(todo)
            busy = [w for w in self._workers if w.busy]
            if not busy:
                if exhausted and not self._returned:
                    return
                continue
            finished = self._collect(busy)
            if not exhausted or self._returned:  # keep the workers fed before the caller writes
                exhausted = self._dispatch(todo)
            yield from finished

    def _dispatch(self, todo: Iterator[tuple[K, str]]) -> bool:
        """Fill the workers' queues, the emptiest first; True when there are no more files."""
        while True:
            worker = self._roomiest()
            if worker is None:
                return False
            task = self._returned.popleft() if self._returned else next(todo, None)
            if task is None:
                return True
            key, path = task
            try:
                worker.conn.send(str(path))
            except (BrokenPipeError, OSError):  # it died: the file goes to another worker
                self._returned.appendleft(task)
                worker.given = self.tasks_per_worker  # no more files for it
                if not worker.queue:
                    self._retire(worker)
                # else the file it died on is reported by ``_collect``, which retires it
                continue
            worker.queue.append((key, str(path)))
            worker.given += 1

    def _roomiest(self) -> _Worker | None:
        """The worker with the fewest files queued (a new one while the pool is short of
        idle workers), or None when every queue is full."""
        live = [w for w in self._workers if w.given < self.tasks_per_worker]
        if len(self._workers) < self.jobs and all(w.queue for w in live):
            return self._start()
        room = [w for w in live if len(w.queue) < QUEUE_DEPTH]
        return min(room, key=lambda w: len(w.queue)) if room else None

    def _collect(self, busy: list[_Worker]) -> list[tuple[Any, Outcome]]:
        """Wait for at least one worker to send results, die or overrun; return what ended."""
        timeout = max(0.0, min(w.deadline(self.time_limit) for w in busy) - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        finished: list[tuple[Any, Outcome]] = []
        for worker in busy:
            if not self._receive(worker, ready, finished):
                finished.extend(self._check(worker, ready))
        return finished

    def _receive(self, worker: _Worker, ready: set[Any],
                 finished: list[tuple[Any, Outcome]]) -> bool:
        """Take every result a worker has sent; True when the worker ended (it died or must
        not be trusted with another file)."""
        while worker.queue and (worker.conn in ready or worker.conn.poll()):
            ready.discard(worker.conn)
            try:
                outcome = worker.conn.recv()
            except (EOFError, OSError):
                finished.extend(self._lost(worker, self._death(worker)))
                return True
            key, _ = worker.queue.popleft()
            worker.received += 1
            finished.append((key, outcome))
            if outcome.retire:
                self._retire(worker)
                return True
        return False

    def _check(self, worker: _Worker, ready: set[Any]) -> list[tuple[Any, Outcome]]:
        """What ends a worker that sent nothing more: death, an overrun, its last task."""
        if worker.process.sentinel in ready:
            return self._lost(worker, self._death(worker))
        if worker.queue and time.monotonic() >= worker.deadline(self.time_limit):
            return self._lost(worker, f"timed out (over {self.time_limit:g} s)",
                              self.time_limit)
        if worker.given >= self.tasks_per_worker and not worker.queue:
            self._retire(worker)
        return []

    def _lost(self, worker: _Worker, reason: str,
              seconds: float = 0.0) -> list[tuple[Any, Outcome]]:
        """A worker crashed or hung: its file in hand fails with ``reason``; the rest it held
        (waiting, or extracted but not sent) go to other workers. The worker is replaced."""
        at = worker.working_on()
        blamed = []
        if at is not None:
            key, path = worker.queue[at]
            del worker.queue[at]
            blamed.append((key, Outcome(path, reason=reason, seconds=seconds, retire=True)))
        self._retire(worker)
        return blamed

    def _retire(self, worker: _Worker) -> None:
        """Kill a worker and hand the files still queued to it to the others."""
        self._returned.extendleft(reversed(worker.queue))
        worker.queue.clear()
        self._stop(worker, kill=True)
        self._workers.remove(worker)

    def _death(self, worker: _Worker) -> str:
        worker.process.join(1.0)
        code = worker.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            if -code == signal.SIGKILL:
                return f"crashed the extractor (killed by {name}: out of memory?)"
            return f"crashed the extractor ({name})"
        return f"crashed the extractor (exit status {code})"

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe(duplex=True)
        place = self._context.RawArray("d", 3)
        process = self._context.Process(
            target=_serve,
            args=(theirs, self.extract_fn, self.max_bytes, self.memory_mb, place),
            daemon=True,
            name="paraindex-extract",
        )
        process.start()
        theirs.close()
        if not ours.poll(WORKER_START_SECONDS) or _handshake(ours) != "ready":
            process.kill()
            process.join()
            raise WorkerStartError(
                "cannot start the extraction worker processes (a script that runs "
                "paraindex must guard its entry point with `if __name__ == \"__main__\":`)"
            )
        worker = _Worker(process, ours, place)
        self._workers.append(worker)
        return worker

    def _stop(self, worker: _Worker, kill: bool) -> None:
        if kill:
            worker.process.kill()
        else:
            try:
                worker.conn.send(None)
            except OSError:
                worker.process.kill()
        worker.process.join(2.0)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
