"""One open reader per thread, kept while it is the index's latest generation.

Opening a reader reads the table of contents and opens every segment: about
10 ms at 100k paragraphs, while a lookup inside an open reader takes 0.3 ms. So
a ``Store`` keeps its reader, and checks before each use that no commit (here or
in another process) has made a newer table of contents; if one has, the reader
is replaced. A reader kept across a merging commit would otherwise read
merged-away files, which are deleted once their grace is over (``durable``).

Never ``Searcher.refresh()`` or ``Index.reader(reuse=...)``: whoosh3 3.54 keeps
the merged-away segments in the refreshed reader, so every document of a merge
is then found twice (tests/test_store_reading.py keeps that in view).

What is read once per generation lives in the ``Generation`` with its reader.
Readers are per thread, because a Whoosh reader's files are not safe to share
between threads; what holds no reader (sets of document numbers, field lengths,
the symbol of each paragraph, vocabularies, the spelling corrector) is shared by
the threads reading the same generation (``Generation.shared``), so a web
server's thread pool holds it once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from whoosh.index import TOC
from whoosh.scoring import BM25F

from .fields import FilledSearcher, SharedFields


@dataclass(slots=True, eq=False)
class Generation:
    """An open reader of one committed generation, and what was read from it once."""

    stamp: tuple[int, int, int]
    reader: Any
    cache: dict[str, Any] = field(default_factory=dict)
    common: dict[str, Any] = field(default_factory=dict)  # shared with the other threads

    @property
    def schema(self) -> Any:
        return self.reader.schema

    def cached(self, name: str, make: Callable[[], Any]) -> Any:
        """``make()``, called once per generation under ``name``."""
        if name not in self.cache:
            self.cache[name] = make()
        return self.cache[name]

    def shared(self, name: str, make: Callable[[], Any]) -> Any:
        """``make()``, once per generation for all threads (values that hold no reader and
        are safe to use from several threads). Two threads may both make it at first;
        one result is kept."""
        value = self.common.get(name, _MISSING)
        if value is _MISSING:
            value = self.common.setdefault(name, make())
        return value

    def searcher(self, weighting: Any = None) -> FilledSearcher:
        """A searcher over the open reader; closing it leaves the reader open.

        Its records are whole: a paragraph's come with the fields stored once on its
        document's record (``fields.SharedFields``, read once per generation).
        """
        shared = self.cached("shared fields", lambda: SharedFields(self.reader))
        return FilledSearcher(self.reader, shared, weighting=weighting or BM25F(),
                              closereader=False)


_MISSING = object()
#: times a reader is reopened when commits land while it opens
OPEN_ATTEMPTS = 3


class Readers:
    """The latest generation of one index, opened once per thread and kept while current."""

    def __init__(self, ix: Any) -> None:
        self._ix = ix
        self._local = threading.local()
        self._lock = threading.Lock()
        self._common: tuple[tuple[int, int, int], dict[str, Any]] | None = None

    def current(self) -> Generation:
        """The generation to read now: the one held, or a new one if a commit came since."""
        stamp = self._stamp()
        held: Generation | None = getattr(self._local, "generation", None)
        if held is not None and held.stamp == stamp:
            return held
        # a commit landing between the stamp and the opening gives a reader of a newer
        # generation than the stamp says: it must not share the older one's caches
        reader = self._ix.reader()
        settled = False
        for _ in range(OPEN_ATTEMPTS):
            opened = self._stamp()
            settled = opened == stamp
            if settled:
                break
            reader.close()
            stamp, reader = opened, self._ix.reader()
        with self._lock:
            if not settled:  # commits kept landing: share nothing, reopen next time
                common: dict[str, Any] = {}
                stamp = (-1, 0, 0)
            else:
                if self._common is None or self._common[0] != stamp:
                    self._common = (stamp, {})
                common = self._common[1]
        generation = Generation(stamp, reader, common=common)
        self._local.generation = generation
        if held is not None:
            held.reader.close()
        return generation

    def _stamp(self) -> tuple[int, int, int]:
        """The latest table of contents: its generation, and the identity of its file
        (an index rebuilt and swapped into place may reach the same generation)."""
        storage = self._ix.storage
        number = TOC._latest_generation(storage, self._ix.indexname)
        try:
            stat = os.stat(os.path.join(storage.folder, TOC._filename(self._ix.indexname, number)))
        except OSError:  # replaced as we looked: the next call sees the new one
            return (number, 0, 0)
        return (number, stat.st_ino, stat.st_mtime_ns)
