"""Writing: whole documents replaced or deleted inside one commit, durable, lock freed
on every failure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import schema as f
from ..errors import IndexProblem
from ..model import ExtractedDocument
from .durable import DurableStorage, fsync_directory
from .fields import Analysis, document_fields, document_id

if TYPE_CHECKING:
    from .index import Store

#: memory for one writer's postings before it spills them to disk (one batch fits)
WRITER_LIMIT_MB = 256


def _release_lock(writer: Any) -> None:
    lock = getattr(writer, "writelock", None)
    if lock is not None:
        try:
            lock.release()
        except Exception:  # already released: nothing to do
            pass


class Batch:
    """Replace or delete whole documents inside one commit.

    A Whoosh writer's deletions see only committed documents, so a document
    written twice in one batch would be there twice: ``replace`` refuses a
    document this batch already holds (commit first, then replace it).
    """

    def __init__(self, store: Store, writer: Any, storage: DurableStorage) -> None:
        self._store = store
        self._writer = writer
        self._storage = storage
        self.replaced: list[str] = []
        self.deleted: list[str] = []

    def __contains__(self, doc: str) -> bool:
        return doc in self.replaced or doc in self.deleted

    def delete(self, doc: str) -> None:
        """Remove every record of a document."""
        self._refuse_twice(doc)
        try:
            self._writer.delete_by_term(f.DOC, doc)
        except OSError as error:
            raise self._write_error(error) from error
        self.deleted.append(doc)

    def replace(self, document: ExtractedDocument, content_hash: str, source: str,
                analysis: Analysis | None = None) -> str:
        """Remove every record of the document, then add the new ones. Returns its id.

        ``analysis``: the paragraphs' texts analysed already (``fields.analyse_paragraphs``,
        in a worker), or None to analyse them here.

        Whoosh writes stored fields as documents arrive, so a full disk can
        show here as well as in ``commit``; either way the batch must be cancelled.
        """
        doc = document_id(document.symbol, document.language)
        self._refuse_twice(doc)
        try:
            self._writer.delete_by_term(f.DOC, doc)
            schema = self._writer.schema
            for fields in document_fields(document, doc, content_hash, source, schema,
                                          analysis):
                self._writer.add_document(**fields)
        except OSError as error:
            raise self._write_error(error) from error
        self.replaced.append(doc)
        return doc

    def _write_error(self, error: OSError) -> IndexProblem:
        return IndexProblem(
            f"cannot write to the index at {self._store.path} ({error.strerror or error}); "
            "it still holds what it held before this batch"
        )

    def _refuse_twice(self, doc: str) -> None:
        if doc in self:
            raise ValueError(f"{doc} is already written in this batch: commit it first")

    def commit(self) -> None:
        """Make the whole batch durable and visible at once.

        When the commit fails (a full disk), the index keeps its previous state
        and the write lock is freed; the error names the index.
        """
        try:
            self._writer.commit()
        except BaseException as error:
            _abandon(self._writer)
            if isinstance(error, OSError):
                raise self._write_error(error) from error
            raise
        self._storage.reap(self._writer.indexname)
        fsync_directory(self._store.path)  # the deletions

    def cancel(self) -> None:
        """Drop everything written since the last commit and free the lock."""
        _abandon(self._writer)


def _abandon(writer: Any) -> None:
    """Cancel a writer, whose own cancel may fail after a failed commit, and free the lock."""
    try:
        if not writer.is_closed:
            writer.cancel()
    except Exception:  # the writer is past saving; the lock below is what matters
        pass
    finally:
        _release_lock(writer)
