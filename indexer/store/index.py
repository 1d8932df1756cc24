"""The ``Store``: one paraindex index directory, opened, created, written and read."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from whoosh import index
from whoosh import query as wq
from whoosh.index import TOC, LockError, clean_files
from whoosh.reading import TermNotFound

from .. import schema as f
from ..errors import IndexLockedError, IndexNotFoundError, IndexProblem, IndexVersionError
from ..ranking import DEFAULT_RANKING, Ranking
from ..records import DocumentInfo, Hit, ParagraphRecord, SearchResults
from ..symbols import symbol_key
from . import searching, spelling
from .codec import PackedCodec
from .docsets import docset
from .durable import DurableStorage, fsync_dir, fsync_directory, make_private, private_mkdir
from .fields import document_info, document_key, paragraph_key, record
from .query import Filters, QueryCompiler
from .reading import Generation, Readers
from .writing import WRITER_LIMIT_MB, Batch

T = TypeVar("T")

META_FILE = "paraindex.json"


def default_index_dir() -> Path:
    """The per-user data directory (``~/.local/share/paraindex/index`` on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("paraindex", appauthor=False)) / "index"


class Store:
    """An open paraindex index directory."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        meta_path = self.path / META_FILE
        if not meta_path.exists() or not index.exists_in(str(self.path)):
            raise IndexNotFoundError(
                f"no paraindex index at {self.path} (run `paraindex index PATH` first)"
            )
        try:
            meta = json.loads(meta_path.read_text())
        except (OSError, ValueError):
            raise IndexVersionError(f"{meta_path}: unreadable index metadata") from None
        if meta.get("format") != f.FORMAT_VERSION:
            raise IndexVersionError(
                f"the index at {self.path} has format {meta.get('format')!r}, this paraindex "
                f"reads format {f.FORMAT_VERSION}: rebuild it with `paraindex index --rebuild`"
            )
        try:
            self._ix = index.open_dir(str(self.path))
        except Exception as error:  # Whoosh raises many kinds for a damaged index
            raise IndexVersionError(f"{self.path}: cannot open the index ({error})") from None
        self._readers = Readers(self._ix)
        #: each segment's document records, described once (a segment never changes)
        self._segment_documents: dict[str, dict[int, DocumentInfo]] = {}

    def _generation(self) -> Generation:
        """The open reader of the latest commit (see ``reading``)."""
        return self._readers.current()

    def shared(self, name: str, make: Callable[[], T]) -> T:
        """``make()``, once per committed generation for every thread of this process: for
        callers that derive something from the index (the document list) and must see the
        next commit without reopening the store."""
        value: T = self._generation().shared(name, make)
        return value

    # -- creation ------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path) -> Store:
        """A new empty index at ``path``, which must not hold one already.

        Built in a temporary sibling directory and renamed into place, so a
        half-created index is never visible and no live index is overwritten.
        """
        target = Path(path)
        if (target / META_FILE).exists():
            raise IndexVersionError(f"an index already exists at {target}")
        try:
            private_mkdir(target.parent)
            # mkdtemp makes the folder 0700; the name lets a later run find it if we die
            staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        except OSError as error:
            raise IndexProblem(
                f"cannot create an index at {target}: {error.strerror or error}"
            ) from None
        try:
            index.create_in(str(staging), f.make_schema())
            (staging / META_FILE).write_text(
                json.dumps({"format": f.FORMAT_VERSION, "created": time.time()})
            )
            fsync_dir(staging)
            if target.is_dir() and not target.is_symlink() and not any(target.iterdir()):
                target.rmdir()
            os.rename(staging, target)
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            if (target / META_FILE).exists():  # another process created it meanwhile
                return cls(target)
            if target.exists():
                raise IndexVersionError(
                    f"{target} exists and is neither a paraindex index nor an empty folder"
                ) from None
            raise IndexProblem(
                f"cannot create an index at {target}: {error.strerror or error}"
            ) from None
        fsync_directory(target.parent)
        return cls(target)

    @classmethod
    def open_or_create(cls, path: str | Path) -> Store:
        """The index at ``path``, created empty when there is none."""
        target = Path(path)
        if (target / META_FILE).exists():
            return cls(target)
        return cls.create(target)

    # -- writing -------------------------------------------------------------------------
    def begin(self, lock_timeout: float = 0.0) -> Batch:
        """An open write batch (one writer, holding the write lock): commit or cancel it.

        Uncompound segments, so that a reader opens an index in milliseconds
        without copying postings into memory (see WHOOSH.md).
        """
        make_private(self.path)
        storage = DurableStorage(str(self.path))
        try:
            writer = storage.open_index().writer(
                timeout=lock_timeout, compound=False, limitmb=WRITER_LIMIT_MB,
                codec=PackedCodec(),
            )
        except LockError:
            raise IndexLockedError(
                f"another paraindex process is writing to {self.path}; try again when it ends"
            ) from None
        return Batch(self, writer, storage)

    @contextmanager
    def batch(self, lock_timeout: float = 0.0) -> Iterator[Batch]:
        """A write batch: one writer, committed on success, cancelled on any error."""
        batch = self.begin(lock_timeout)
        try:
            yield batch
        except BaseException:
            batch.cancel()
            raise
        batch.commit()

    def tidy(self) -> None:
        """Delete the files of merged-away segments that no search can need any more.

        A commit deletes them ``SUPERSEDED_GRACE_SECONDS`` after they were replaced;
        those replaced by a run's last commits wait for the next run, which calls
        this. Skipped while a writer holds the lock (its commit will do it).
        """
        storage = DurableStorage(str(self.path))
        name = self._ix.indexname
        lock = storage.lock(f"{name}_WRITELOCK")
        if not lock.acquire():
            return
        try:
            toc = TOC.read(storage, name)
            clean_files(storage, name, toc.generation, toc.segments)  # defers to reap
            storage.reap(name)
        finally:
            lock.release()

    # -- reading -------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        """Every indexed document, by symbol and language.

        A segment's records never change once written (only which are deleted), so
        each document record is read and described once per segment, not once per
        generation: after a commit only the new segments' records are read (all of
        them took 1.0 s CPU for 13k documents at 1M paragraphs).
        """
        known = self._segment_documents
        docs, current = [], set()
        for leaf, _ in self._generation().reader.leaf_readers():
            if leaf.segment() is None:  # an index with no segment yet
                continue
            segment = leaf.segment().segment_id()
            current.add(segment)
            described = known.setdefault(segment, {})
            try:  # (the postings leave out deleted records)
                numbers = leaf.postings(f.KIND, f.KIND_DOCUMENT).all_ids()
            except TermNotFound:
                continue
            for number in numbers:
                info = described.get(number)
                if info is None:
                    info = described[number] = document_info(leaf.stored_fields(number))
                docs.append(info)
        for gone in set(known) - current:  # merged away
            known.pop(gone, None)
        return sorted(docs, key=lambda d: (d.symbol, d.language))

    def document_ids(self) -> list[str]:
        """Every document's id ("SYMBOL@lang"), read from the index's terms, not from the
        document records (reading 13k of those takes a second at 1M paragraphs). A document
        deleted since the last merge of its segment may still be listed: a filter by its id
        then finds nothing."""
        reader = self._generation().reader
        return [text.decode("utf-8") if isinstance(text, bytes) else text
                for text in reader.lexicon(f.DOC)]

    def document(self, doc: str) -> DocumentInfo | None:
        """The document ``doc`` ("SYMBOL@lang"), or None."""
        with self._generation().searcher() as searcher:
            stored = searcher.document(**{f.KEY: document_key(doc)})
            return document_info(stored) if stored else None

    def doc_ids_for_symbol(self, symbol: str) -> list[str]:
        """Documents whose symbol, or either half of whose joint symbol, is ``symbol``."""
        key = symbol_key(symbol)
        with self._generation().searcher() as searcher:
            hits = searcher.search(
                wq.And([wq.Term(f.KIND, f.KIND_DOCUMENT), wq.Term(f.SYMBOL_PARTS, key)]),
                limit=None,
            )
            return [hit[f.DOC] for hit in hits]

    def documents_with_key(self, key: str) -> list[DocumentInfo]:
        """Documents whose symbol, or either half of whose joint symbol, has the key ``key``
        (``symbols.lookup_key``), by symbol and language.

        The key's postings (every paragraph of those documents carries it) are met
        with the set of document records, kept for the generation: Whoosh's AND of
        the two terms built a matcher in every segment (4 ms at 300k paragraphs).
        """
        generation = self._generation()
        with generation.searcher() as searcher:
            records = docset(generation, searcher, wq.Term(f.KIND, f.KIND_DOCUMENT))
            numbers = [n for n in searcher.docs_for_query(wq.Term(f.SYMBOL_PARTS, key))
                       if n in records]
            docs = [document_info(searcher.stored_fields(n)) for n in sorted(numbers)]
        return sorted(docs, key=lambda d: (d.symbol, d.language))

    def lookup(self, doc: str, number: str, annex: str | None = None) -> ParagraphRecord | None:
        """The paragraph ``number`` of ``doc`` (in the body, or in ``annex``)."""
        with self._generation().searcher() as searcher:
            stored = searcher.document(**{f.KEY: paragraph_key(doc, annex, number, 0)})
            return record(stored) if stored else None

    def paragraphs(self, doc: str, numbered_only: bool = False) -> list[ParagraphRecord]:
        """Every record of a document in reading order."""
        kinds = [wq.Term(f.KIND, f.KIND_PARAGRAPH), wq.Term(f.KIND, f.KIND_ITEM)]
        if not numbered_only:
            kinds.append(wq.Term(f.KIND, f.KIND_BLOCK))
        with self._generation().searcher() as searcher:
            hits = searcher.search(
                wq.And([wq.Term(f.DOC, doc), wq.Or(kinds)]), limit=None, sortedby=f.ORDINAL
            )
            return [record(hit.fields()) for hit in hits]

    def iter_records(self, doc_ids: Iterable[str] | None = None) -> Iterator[ParagraphRecord]:
        """Every paragraph record, document by document (for export)."""
        for doc in doc_ids if doc_ids is not None else [d.doc for d in self.documents()]:
            yield from self.paragraphs(doc)

    def content_hashes(self) -> dict[str, tuple[str, str]]:
        """content hash -> (document id, source path) of every indexed document."""
        return {d.content_hash: (d.doc, d.source) for d in self.documents()}

    def vocabulary_size(self) -> int:
        with self._generation().searcher() as searcher:
            return searcher.reader().doc_count()

    # -- searching -----------------------------------------------------------------------
    @staticmethod
    def _compiler(generation: Generation) -> QueryCompiler:
        """The query compiler of a generation (its vocabularies are read once, for every
        thread: at a million paragraphs each is tens of MB)."""
        return generation.cached(
            "compiler",
            lambda: QueryCompiler(
                generation.schema, generation.reader, generation.shared("vocabularies", dict)
            ),
        )

    def parse(self, text: str, ranking: Ranking | None = None) -> wq.Query:
        """The Whoosh query for ``text`` in the query language (for display and tests)."""
        return self._compiler(self._generation()).parse(text, ranking or DEFAULT_RANKING)

    def search(
        self,
        text: str,
        filters: Filters | None = None,
        limit: int = 10,
        offset: int = 0,
        facet_fields: Iterable[str] = (),
        ranking: Ranking | None = None,
        snippets: bool = True,
    ) -> SearchResults:
        """Ranked paragraphs for a query in the paraindex query language.

        The best ``ranking.window`` hits (or more, for a deep page) are
        re-ordered by the share of query words they contain and by kind; the
        page asked for is cut from that order.
        """
        ranking = ranking or DEFAULT_RANKING
        generation = self._generation()
        compiled = self._compiler(generation).compile(text, ranking)
        with generation.searcher(searching.weighting(ranking)) as searcher:
            return searching.search(
                searcher, compiled, filters or Filters(), limit, offset, facet_fields, ranking,
                snippets, generation,
            )

    def unknown_words(self, words: Iterable[str]) -> list[str]:
        """Those of ``words`` that no paragraph of the index contains, in any language."""
        generation = self._generation()
        return spelling.unknown_words(generation.reader, generation.schema, words)

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Close spellings of ``word`` from the indexed English vocabulary, nearest first
        and, at the same distance, commonest first (see ``spelling.suggest``)."""
        generation = self._generation()
        reader, schema = generation.reader, generation.schema
        corrector = generation.shared("corrector", lambda: spelling.corrector(reader, schema))
        return spelling.suggest(reader, schema, corrector, word, limit)

    def similar(
        self, record: ParagraphRecord, limit: int = 10, other_documents: bool = True
    ) -> list[Hit]:
        """Paragraphs that say much the same, best first, never ``record`` itself.

        The paragraph's most distinctive terms (Bo1 expansion model) become an
        OR query; ``other_documents`` leaves out the paragraph's own document.
        """
        generation = self._generation()
        with generation.searcher() as searcher:
            return searching.similar(searcher, record, limit, other_documents, generation)
