"""Word files: body paragraphs in order; Word's automatic numbering is written out.

DOCX has no physical pages, so the whole document is one page and paragraphs
carry no page numbers. Paragraph numbers that Word generates (``w:numPr``) are
not in the text, so they are rebuilt from the numbering levels: level 0 as
"1.", level 1 as "(a)", level 2 as "(i)", which is how UN documents use them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import CorruptFileError, EmptyFileError, FileTooLargeError
from ..model import Line, Page, SourceDocument

#: uncompressed bytes a DOCX may expand to before it is treated as a bomb
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200


def _check_archive(path: str | Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if "word/document.xml" not in {i.filename for i in infos}:
                raise CorruptFileError(path, "no word/document.xml: not a Word document")
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
    except zipfile.BadZipFile:
        raise CorruptFileError(path, "not a valid DOCX (zip) archive") from None
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise FileTooLargeError(path, f"expands to {total // 1024 // 1024} MB: decompression bomb")


def _roman(n: int) -> str:
    values = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, numeral in values:
        while n >= value:
            out += numeral
            n -= value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def read_docx(path: str | Path) -> SourceDocument:
    """Read the body paragraphs of a DOCX file as lines of one page."""
    import docx  # imported here: only DOCX users pay for it

    _check_archive(path)
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds for damaged files
        raise CorruptFileError(path, type(error).__name__) from None
    counters: dict[tuple[str, int], int] = {}
    lines: list[Line] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        prefix = _auto_number(paragraph, counters)
        runs = [r for r in paragraph.runs if r.text.strip()]
        bold = bool(runs) and all(_bold(r, paragraph) for r in runs)
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        if style.startswith(("heading", "title")):
            bold = True
        for piece in text.split("\n"):
            piece = " ".join(piece.replace("\t", " ").split())
            if piece:
                lines.append(Line(f"{prefix}{piece}", 1, bold=bold))
                prefix = ""
    if not lines:
        raise EmptyFileError(path)
    return SourceDocument(str(path), "docx", [Page(1, lines)], paged=False)


def _bold(run: object, paragraph: object) -> bool:
    """A run's effective weight: its own setting, else its character style's, else the
    paragraph style chain's (Word headings are bold by style, not by run)."""
    if run.bold is not None:  # type: ignore[attr-defined]
        return bool(run.bold)  # type: ignore[attr-defined]
    style = run.style  # type: ignore[attr-defined]
    if style is not None and style.font.bold is not None:
        return bool(style.font.bold)
    style = paragraph.style  # type: ignore[attr-defined]
    while style is not None:
        if style.font.bold is not None:
            return bool(style.font.bold)
        style = style.base_style
    return False


def _auto_number(paragraph: object, counters: dict[tuple[str, int], int]) -> str:
    ppr = paragraph._p.pPr  # type: ignore[attr-defined]
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return ""
    num_id = str(ppr.numPr.numId.val)
    level = int(ppr.numPr.ilvl.val) if ppr.numPr.ilvl is not None else 0
    for key in [k for k in counters if k[0] == num_id and k[1] > level]:
        del counters[key]
    counters[(num_id, level)] = counters.get((num_id, level), 0) + 1
    n = counters[(num_id, level)]
    if level == 0:
        return f"{n}. "
    if level == 1:
        return f"({_letters(n)}) "
    return f"({_roman(n)}) "
