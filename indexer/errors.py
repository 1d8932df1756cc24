"""Named exceptions of paraindex, raised by the library and never printed by it.

The tree::

    ParaindexError
    ├── UnreadableFileError        a file cannot be turned into pages
    │   ├── EmptyFileError         zero bytes, or no text at all
    │   ├── CorruptFileError       damaged, truncated, or not what its extension says
    │   ├── EncryptedFileError     needs a password
    │   ├── NoTextLayerError       scanned pages without a text layer
    │   ├── UnsupportedTypeError   a kind of file paraindex does not read
    │   ├── FileTooLargeError      over the size limit (or a decompression bomb)
    │   └── ExtractionTimeoutError took longer than the time limit
    ├── IndexProblem               the index is missing, locked, or of another version
    │   ├── IndexNotFoundError
    │   ├── IndexVersionError
    │   └── IndexLockedError
    ├── QueryError                 a query or citation the parser rejects
    └── NotFoundError              a symbol or paragraph that is not in the index

The CLI maps ``QueryError`` to a usage error (exit 2) and every other
``ParaindexError`` to a one-line runtime error (exit 1).
"""

from __future__ import annotations

from pathlib import Path


class ParaindexError(Exception):
    """Base class of every error paraindex raises on purpose."""


class UnreadableFileError(ParaindexError):
    """A file could not be read into pages; ``reason`` is one short phrase."""

    reason = "unreadable"

    def __init__(self, path: str | Path, detail: str | None = None) -> None:
        self.path = str(path)
        self.detail = detail
        message = f"{self.path}: {self.reason}"
        if detail:
            message += f" ({detail})"
        super().__init__(message)


class EmptyFileError(UnreadableFileError):
    reason = "empty file"


class CorruptFileError(UnreadableFileError):
    reason = "corrupt or not a valid file of its type"


class EncryptedFileError(UnreadableFileError):
    reason = "encrypted (password protected)"


class NoTextLayerError(UnreadableFileError):
    reason = "no text layer (scanned image without OCR)"


class UnsupportedTypeError(UnreadableFileError):
    reason = "unsupported file type"


class FileTooLargeError(UnreadableFileError):
    reason = "too large"


class ExtractionTimeoutError(UnreadableFileError):
    reason = "timed out"


class IndexProblem(ParaindexError):
    """The index cannot be used as asked."""


class IndexNotFoundError(IndexProblem):
    """No index exists at the given location."""


class IndexVersionError(IndexProblem):
    """The index was written by an incompatible version of paraindex."""


class IndexLockedError(IndexProblem):
    """Another process holds the index's write lock."""


class QueryError(ParaindexError):
    """A query or citation that cannot be parsed."""


class NotFoundError(ParaindexError):
    """A document or paragraph that the index does not hold."""
