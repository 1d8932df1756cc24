"""Readers turn a file into pages of lines. The file's bytes decide its type, not its name."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import (
    CorruptFileError,
    EmptyFileError,
    FileTooLargeError,
    UnreadableFileError,
    UnsupportedTypeError,
)
from ..model import SourceDocument

#: extensions paraindex indexes when it walks a folder
SUPPORTED_EXTENSIONS = {".pdf", ".txt", ".text", ".docx", ".html", ".htm"}
#: files above this size are refused before any parsing
DEFAULT_MAX_BYTES = 256 * 1024 * 1024


def sniff(head: bytes) -> str | None:
    """The type of a file from its first bytes: 'pdf', 'zip', 'html' or None."""
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    lowered = head[:2048].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        return "html"
    return None


def read_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read any supported file into pages, or raise a named ``UnreadableFileError``."""
    path = Path(path)
    try:
        size = os.stat(path).st_size
        if not path.is_file():
            raise UnsupportedTypeError(path, "not a regular file")
        if size == 0:
            raise EmptyFileError(path)
        if size > max_bytes:
            mb = 1024 * 1024
            raise FileTooLargeError(path, f"{size // mb} MB, limit {max_bytes // mb} MB")
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except UnreadableFileError:
        raise
    except PermissionError:
        raise UnreadableFileError(path, "permission denied") from None
    except OSError as error:
        raise UnreadableFileError(path, error.strerror or str(error)) from None

    kind = sniff(head)
    suffix = path.suffix.lower()
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(path)
    if suffix == ".pdf":
        raise CorruptFileError(path, "no PDF header: not a PDF")
    if kind == "zip":
        if suffix not in {".docx", ".docm"}:
            raise UnsupportedTypeError(path, "a zip archive that is not a DOCX")
        from .docx import read_docx

        return read_docx(path)
    if suffix in {".docx", ".docm"}:
        raise CorruptFileError(path, "not a DOCX (zip) archive")
    if suffix == ".doc":
        raise UnsupportedTypeError(path, "legacy Word .doc: save it as .docx or PDF")
    if kind == "html" or suffix in {".html", ".htm"}:
        from .html import read_html

        return read_html(path, path.read_bytes())
    if suffix in {".txt", ".text", ""}:
        from .text import read_text

        return read_text(path, path.read_bytes())
    raise UnsupportedTypeError(path, f"{suffix or 'no extension'}")


__all__ = ["DEFAULT_MAX_BYTES", "SUPPORTED_EXTENSIONS", "read_file", "sniff"]
