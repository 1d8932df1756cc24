"""Plain text: a form feed separates pages; a page may be one line whose breaks were lost."""

from __future__ import annotations

from pathlib import Path

from ..errors import CorruptFileError, EmptyFileError
from ..model import Line, Page, SourceDocument


def decode_text(data: bytes, path: str | Path) -> str:
    """UTF-8 (with or without BOM), else UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise CorruptFileError(path, "binary data, not text")
    return data.decode("cp1252", errors="replace")


#: the height a line of text stands for, so blank lines show as vertical gaps
LINE_HEIGHT = 12.0


def _page(number: int, chunk: str) -> Page:
    """Lines of one page; ``y`` counts down from the top so blank lines leave gaps."""
    lines = []
    for row, raw in enumerate(chunk.splitlines()):
        text = " ".join(raw.replace("\t", " ").split())
        if text:
            lines.append(Line(text, number, y=-row * LINE_HEIGHT))
    return Page(number, lines)


def read_text(path: str | Path, data: bytes | None = None) -> SourceDocument:
    """Read a text file; pages are separated by form feeds (as pdftotext writes them)."""
    if data is None:
        data = Path(path).read_bytes()
    text = decode_text(data, path)
    if not text.strip():
        raise EmptyFileError(path)
    pages = [_page(number, chunk) for number, chunk in enumerate(text.split("\f"), start=1)]
    while pages and not pages[-1].lines:
        pages.pop()
    return SourceDocument(str(path), "txt", pages)
