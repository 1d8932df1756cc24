"""PDF pages through pdfium: text lines with their position, size and weight.

pdfium's text page already orders text in reading order and marks line ends
with CR LF; per-character calls (font size, origin) are cheap but not free, so
they are made only for the first glyph of each line and for digit runs, which
is all that is needed to place a line and to recognise superscript footnote
markers ("minerals5", "costs. 1").
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from ..model import Line, Page, SourceDocument

_FPDF_ERR_PASSWORD = 4
_FONT_ITALIC = 1 << 6  # PDF font descriptor flag
_FONT_NAME_BYTES = 128
_DIGITS = re.compile(r"\d+")
_LETTER = re.compile(r"[^\W\d_]")
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
#: characters after which a small digit run is a note marker ("rights.1", "Act”,2")
_MARKER_FOLLOWS = ".,;:)]”’\"'*"
#: a superscript glyph is at most this fraction of the text size around it
_SUPERSCRIPT_RATIO = 0.82
#: pdfium writes U+FFFE for a hyphen it kept at the end of a line
_PDFIUM_LINE_HYPHEN = "\ufffe"
#: fewer characters than this per page on average means a scan without OCR
_MIN_CHARS_PER_PAGE = 20


def read_pdf(path: str | Path) -> SourceDocument:
    """Read every page of a PDF into lines. Raises an ``UnreadableFileError``."""
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == _FPDF_ERR_PASSWORD:
            raise EncryptedFileError(path) from None
        raise CorruptFileError(path, "pdfium could not open it") from None
    try:
        pages = []
        total_chars = 0
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError:
                raise CorruptFileError(path, f"page {index + 1} is damaged") from None
            lines, chars = _page_lines(page, index + 1)
            total_chars += chars
            pages.append(Page(index + 1, lines, height=page.get_height(), width=page.get_width()))
            page.close()
    finally:
        document.close()
    if not pages:
        raise CorruptFileError(path, "the PDF has no pages")
    if total_chars < _MIN_CHARS_PER_PAGE * len(pages):
        raise NoTextLayerError(path)
    return SourceDocument(str(path), "pdf", pages)


def _page_lines(page: pdfium.PdfPage, number: int) -> tuple[list[Line], int]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return [], 0
        buffer = ctypes.create_string_buffer((count + 1) * 2)
        pdfium_c.FPDFText_GetText(
            textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
        )
        text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
        return _split_lines(textpage, text, number), count
    finally:
        textpage.close()


class _Glyphs:
    """Cached per-character queries on one text page."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self._x = ctypes.c_double()
        self._y = ctypes.c_double()
        # out-parameters made once per page rather than once per call (a line costs four calls)
        self._box = [ctypes.c_double() for _ in range(4)]
        self._name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
        self._flags = ctypes.c_int()

    def size(self, i: int) -> float:
        return pdfium_c.FPDFText_GetFontSize(self.raw, i)

    def origin(self, i: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharOrigin(self.raw, i, self._x, self._y)
        return self._x.value, self._y.value

    def right(self, i: int) -> float:
        left, right, bottom, top = self._box
        right.value = 0.0  # what a fresh double holds when pdfium writes nothing
        pdfium_c.FPDFText_GetCharBox(self.raw, i, left, right, bottom, top)
        return right.value

    def style(self, i: int) -> tuple[bool, bool]:
        """(bold, italic) of character ``i``, from its weight, flags and font name."""
        flags = self._flags
        flags.value = 0
        length = pdfium_c.FPDFText_GetFontInfo(self.raw, i, self._name, _FONT_NAME_BYTES, flags)
        # pdfium copies nothing into a buffer too short for the name: read it only when copied
        lowered = self._name.value.lower() if 0 < length <= _FONT_NAME_BYTES else b""
        weight = pdfium_c.FPDFText_GetFontWeight(self.raw, i)
        bold = weight >= 600 if weight > 0 else b"bold" in lowered
        italic = bool(flags.value & _FONT_ITALIC) or b"italic" in lowered or b"oblique" in lowered
        return bold, italic


def _split_lines(textpage: pdfium.PdfTextPage, text: str, number: int) -> list[Line]:
    """Cut the page text at CR LF, then rejoin pieces pdfium split on one baseline.

    pdfium breaks a printed line around a superscript note marker, so
    "emissions, 82 as does" arrives as two lines on the same baseline; the
    second piece starts with the marker. Rejoining them keeps the text and
    lets the marker be recognised by its size.
    """
    glyphs = _Glyphs(textpage)
    # most pages have no symbol-font glyphs: one search of the page spares a pass a line
    private = _PRIVATE_USE.search(text) is not None
    lines: list[Line] = []
    start = 0
    # the last glyph of the previous piece: its right edge is asked for only when a piece
    # starts on the same baseline (a superscript split), not for every line
    previous_last: int | None = None
    for raw_line in text.split("\r\n"):
        offset = start
        start += len(raw_line) + 2
        stripped = raw_line.lstrip()
        if not stripped.strip():
            continue
        first = offset + len(raw_line) - len(stripped)
        x, y = glyphs.origin(first)
        continues = False
        if lines and previous_last is not None:
            previous = lines[-1]
            size = previous.size or 10.0
            continues = (
                abs(y - (previous.y or 0.0)) < 0.6 * size
                and 0 <= x - glyphs.right(previous_last) < 4 * size
            )
        line = _make_line(glyphs, raw_line, offset, first, x, y, number, continues, private)
        if line is None:
            continue
        previous_last = offset + len(raw_line.rstrip()) - 1
        if continues:
            merged = lines[-1]
            merged.text = f"{merged.text} {line.text}"
        else:
            lines.append(line)
    return lines


def _make_line(
    glyphs: _Glyphs,
    raw_line: str,
    offset: int,
    first: int,
    x: float,
    y: float,
    number: int,
    continues: bool = False,
    private: bool = True,
) -> Line | None:
    found = _LETTER.search(raw_line)
    letter = offset + found.start() if found else first
    size = glyphs.size(letter)
    if _DIGITS.search(raw_line):
        letter_y = glyphs.origin(letter)[1] if letter != first else y
        text = _drop_superscripts(glyphs, raw_line, offset, size, letter_y, continues)
    else:
        text = raw_line
    text = text.replace(_PDFIUM_LINE_HYPHEN, "-").replace("\x02", "-")
    if private:
        text = _PRIVATE_USE.sub("", text)  # symbol-font glyphs (barcodes), never words
    text = text.strip()
    if not text:
        return None
    bold, italic = glyphs.style(letter)
    return Line(text, number, x=x, y=y, size=size, bold=bold, italic=italic)


def _drop_superscripts(
    glyphs: _Glyphs,
    raw_line: str,
    offset: int,
    line_size: float,
    line_y: float,
    continues: bool = False,
) -> str:
    """Remove digit runs set smaller or higher than the word they follow (note markers).

    Only a run that follows a letter or closing punctuation can be a marker; a
    run that opens the line is a paragraph or footnote number, and digits after
    digits ("4/25 25-11710") are page furniture, never markers. When the piece
    continues a line on the same baseline, an opening run is a marker if it is
    smaller than the text after it.
    """
    keep_until = 0
    pieces: list[str] = []
    for match in _DIGITS.finditer(raw_line):
        begin = match.start()
        head = raw_line[:begin].rstrip()
        # "27,28,29": the comma after a marker is set small too, so the next run is
        # measured against the line, and goes with its comma
        run_on = bool(pieces) and keep_until > 0 and raw_line[keep_until:begin] in (",", "-", "–")
        if run_on:
            reference = line_size
        elif not head and continues:
            reference = line_size
        elif not head or not (head[-1].isalpha() or head[-1] in _MARKER_FOLLOWS):
            continue
        else:
            reference = glyphs.size(offset + len(head) - 1) or line_size
        size = glyphs.size(offset + begin)
        if reference <= 1 or size <= 1:
            continue
        _, y = glyphs.origin(offset + begin)
        raised = y - line_y > 0.25 * reference
        if size < _SUPERSCRIPT_RATIO * reference or (raised and size < reference):
            pieces.append("" if run_on else raw_line[keep_until:begin])
            keep_until = match.end()
    if not pieces:
        return raw_line
    pieces.append(raw_line[keep_until:])
    return "".join(pieces)
