#!/usr/bin/env python3
"""Build the bundled sample corpus: four invented UN reports and their expected parse.

Dev tool, not part of the installed package. It needs ``reportlab`` (not a project
dependency: ``pip install reportlab``) and ``python-docx``; ``--check`` also needs
``pypdfium2``. Run it from anywhere::

    python corpus/make_corpus.py           # rebuild the files in corpus/
    python corpus/make_corpus.py --check   # rebuild, then re-read them and verify expected.json

It reads the texts in ``corpus/src/*.src`` (markup described in ``parse_source``) and
writes, byte for byte the same on every run:

* ``A_99_215-EN.pdf``: Special Rapporteur report, New York layout (US Letter);
* ``A_HRC_98_41-EN.pdf``: Universal Periodic Review report, Geneva layout (A4);
* ``E_C.12_99_3-EN.docx``: treaty-body concluding observations;
* ``A_99_330-EN.txt``: Secretary-General report as layout text, form feed between pages;
* ``expected.json``: what a parser should recover from each of them.

The PDFs are laid out here, line by line, rather than by a flowable engine, so that
page breaks, footnote placement and therefore the truth in expected.json are known
exactly.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph
    from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

# --------------------------------------------------------------------------- source

KINDS = {
    "h1",
    "h2",
    "h3",
    "annex",
    "annextitle",
    "title",
    "subtitle",
    "boxstart",
    "boxend",
    "pagebreak",
    "text",
    "bullet",
    "para",
    "item",
    "sub",
    "sub2",
}
HEADING_LABEL = re.compile(r"^((?:[IVXL]+|[A-Z])\.)\s+(.+)$")
SUB_LABEL = re.compile(r"^(>?)(\((?:[a-z]{1,2}|[ivx]+)\))\s+(.+)$", re.S)
STATES_TAIL = re.compile(r"((?:\s*\([^()]+\))+)\s*[;.]$")


@dataclass(frozen=True)
class Seg:
    """A run of text in one style; ``note`` > 0 marks a footnote reference marker."""

    text: str
    style: str  # "R", "B", "I" or "BI"
    note: int = 0


@dataclass
class Block:
    """One unit of the source: a heading, a numbered paragraph, a sub-paragraph, ..."""

    kind: str
    text: str = ""
    label: str = ""
    key: str = ""  # paragraph key ("12", "annex:3", "38.4"); sub-paragraphs carry their owner's
    attrs: dict[str, str] = field(default_factory=dict)
    segs: list[Seg] = field(default_factory=list)

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.segs if not s.note)


@dataclass
class Source:
    name: str
    meta: dict[str, str]
    blocks: list[Block]
    notes: list[list[Seg]]  # footnote n is notes[n - 1]


def parse_inline(text: str, base: str, notes: list[list[Seg]] | None) -> list[Seg]:
    """Split ``text`` into styled runs: ``**bold**``, ``*italic*``, ``[^footnote]``, ``\\*``."""
    segs: list[Seg] = []
    bold, italic = base == "B", False
    buf: list[str] = []

    def style() -> str:
        return ("B" if bold else "") + ("I" if italic else "") or "R"

    def flush() -> None:
        if buf:
            segs.append(Seg("".join(buf), style()))
            buf.clear()

    i = 0
    while i < len(text):
        if text[i] == "\\":
            buf.append(text[i + 1])
            i += 2
        elif text.startswith("[^", i):
            if notes is None:
                raise ValueError(f"footnote inside footnote: {text[:40]!r}")
            end = text.index("]", i)
            flush()
            notes.append(parse_inline(text[i + 2 : end].strip(), "R", None))
            segs.append(Seg(str(len(notes)), "R", len(notes)))
            i = end + 1
        elif text.startswith("**", i):
            flush()
            bold = not bold
            i += 2
        elif text[i] == "*":
            flush()
            italic = not italic
            i += 1
        else:
            buf.append(text[i])
            i += 1
    flush()
    return segs


def parse_source(path: Path) -> Source:
    """Read one ``.src`` file.

    Lines starting with ``%%`` are comments. ``key: value`` lines up to ``---`` are metadata.
    The rest is blocks separated by blank lines; a block may wrap over several lines:

    * ``::h1 I. Introduction``, ``::h2 A. Background``, ``::h3 Right to water``: headings;
    * ``::annex Annex`` then ``::annextitle ...``: annex (paragraph numbering restarts);
    * ``::title``, ``::subtitle``: title lines; ``::boxstart Summary`` ... ``::boxend``;
    * ``::text ...`` or a block without prefix: unnumbered paragraph; ``::bullet ...``;
    * ``::pagebreak``;
    * ``+ ...``: numbered paragraph (numbers are assigned here); ``++ ...``: item N.k of the
      last paragraph (UPR); ``(a) ...``: sub-paragraph; ``>(i) ...``: nested sub-paragraph.

    ``@name value`` lines at the top of a block set attributes: ``@rec ADDRESSEE`` (the
    paragraph recommends), ``@not REASON`` (looks like one but is not), ``@bold``.
    """
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("%%")]
    sep = lines.index("---")
    meta: dict[str, str] = {}
    for ln in lines[:sep]:
        if ln.strip():
            key, _, value = ln.partition(":")
            meta[key.strip()] = value.strip()
    src = Source(path.stem, meta, [], [])
    number = item = 0
    owner = ""
    in_annex = False
    for chunk in re.split(r"\n\s*\n", "\n".join(lines[sep + 1 :])):
        rows = [r.strip() for r in chunk.strip().splitlines() if r.strip()]
        attrs: dict[str, str] = {}
        while rows and rows[0].startswith("@"):
            name, _, value = rows.pop(0)[1:].partition(" ")
            attrs[name] = value.strip()
        if not rows:
            continue
        text = " ".join(rows)
        label = ""
        if text.startswith("::"):
            kind, _, text = text[2:].partition(" ")
        elif text.startswith("++ "):
            kind, text = "item", text[3:]
        elif text.startswith("+ "):
            kind, text = "para", text[2:]
        elif m := SUB_LABEL.match(text):
            kind, label, text = ("sub2" if m[1] else "sub"), m[2], m[3]
        else:
            kind = "text"
        if kind not in KINDS:
            raise ValueError(f"{path.name}: unknown block kind {kind!r}")
        block = Block(kind, text.strip(), label, "", attrs)
        if kind in ("h1", "h2") and (m := HEADING_LABEL.match(block.text)):
            block.label, block.text = m[1], m[2]
        if kind == "annex":
            in_annex, number, owner = True, 0, ""
        elif kind == "para":
            number += 1
            item = 0
            owner = f"annex:{number}" if in_annex else str(number)
            block.key, block.label = owner, f"{number}."
        elif kind == "item":
            item += 1
            block.key = block.label = f"{owner}.{item}"
        elif kind in ("sub", "sub2"):
            if not owner:
                raise ValueError(f"{path.name}: sub-paragraph outside a paragraph: {text[:40]}")
            block.key = owner
        elif kind not in ("boxend", "pagebreak"):
            owner = ""
        base = "B" if "bold" in attrs else "R"
        block.segs = parse_inline(block.text, base, src.notes)
        src.blocks.append(block)
    return src


def check_typography(src: Source) -> None:
    """Refuse straight quotes and hyphenated ranges: the UN prints curly quotes, en dashes."""
    texts = [b.plain for b in src.blocks] + ["".join(s.text for s in n) for n in src.notes]
    for text in texts + list(src.meta.values()):
        if "'" in text or '"' in text:
            raise ValueError(f"{src.name}: straight quote in {text[:60]!r}")
    for text in texts:
        if m := re.search(r"(?<![\w.])\d{1,4}-\d{1,4}(?!\w)", text):
            raise ValueError(f"{src.name}: hyphen in the range {m[0]!r}; use an en dash")


# --------------------------------------------------------------------------- paragraphs


@dataclass
class Para:
    """A numbered paragraph with its sub-paragraphs, as the truth file describes it."""

    key: str
    blocks: list[Block]
    section: str | None
    subsection: str | None
    path: list[str]

    @property
    def words(self) -> list[str]:
        out: list[str] = []
        for b in self.blocks:
            if b.kind in ("sub", "sub2"):
                out.append(b.label)
            out.extend(b.plain.split())
        return out

    @property
    def sub_labels(self) -> list[str]:
        labels: list[str] = []
        top = ""
        for b in self.blocks:
            if b.kind == "sub":
                top = b.label
                labels.append(top)
            elif b.kind == "sub2":
                labels.append(f"{top}{b.label}")
        return labels


def heading_text(b: Block) -> str:
    return f"{b.label} {b.plain}" if b.label else b.plain


def paragraphs(src: Source) -> list[Para]:
    """Group blocks into numbered paragraphs (items N.k are kept apart, in ``items``)."""
    out: list[Para] = []
    section: str | None = None
    subsection: str | None = None
    subsub: str | None = None
    current: Para | None = None
    for b in src.blocks:
        if b.kind == "h1":
            section, subsection, subsub = heading_text(b), None, None
        elif b.kind == "h2":
            subsection, subsub = heading_text(b), None
        elif b.kind == "h3":
            subsub = b.plain
        elif b.kind == "annex":
            section, subsection, subsub = None, None, None
        elif b.kind == "annextitle":
            section = f"Annex. {b.plain}"
        if b.kind == "para":
            path = [h for h in (section, subsection, subsub) if h]
            current = Para(b.key, [b], section, subsub or subsection, path)
            out.append(current)
        elif b.kind in ("sub", "sub2") and current is not None:
            current.blocks.append(b)
        elif b.kind not in ("item", "boxend"):
            current = None
    return out


# --------------------------------------------------------------------------- PDF layout

FONTS = {"R": "Times-Roman", "B": "Times-Bold", "I": "Times-Italic", "BI": "Times-BoldItalic"}


@dataclass
class Piece:
    text: str
    font: str
    size: float
    rise: float = 0.0
    note: int = 0


Word = list[Piece]


def width(pieces: list[Piece]) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(p.text, p.font, p.size) for p in pieces)


def to_words(
    segs: list[Seg], size: float, sup: float, rise: float, bold: bool = False
) -> list[Word]:
    """Break runs into words; a footnote marker sticks to the word before it."""
    words: list[Word] = []
    cur: Word = []
    for s in segs:
        style = {"R": "B", "I": "BI"}.get(s.style, s.style) if bold else s.style
        if s.note:
            target = cur if cur else (words[-1] if words else cur)
            target.append(Piece(s.text, FONTS["R"], sup, rise, s.note))
            continue
        for k, part in enumerate(s.text.split(" ")):
            if k and cur:
                words.append(cur)
                cur = []
            if part:
                cur.append(Piece(part, FONTS[style], size))
    if cur:
        words.append(cur)
    return words


def wrap(words: list[Word], first: float, rest: float, space: float) -> list[list[Word]]:
    """Greedy line filling: ``first`` and ``rest`` are the widths of the first and later lines."""
    lines: list[list[Word]] = []
    cur: list[Word] = []
    used, limit = 0.0, first
    for w in words:
        ww = width(w)
        if cur and used + space + ww > limit + 0.01:
            lines.append(cur)
            cur, used, limit = [w], ww, rest
        else:
            used += (space if cur else 0.0) + ww
            cur.append(w)
    if cur:
        lines.append(cur)
    return lines


@dataclass
class Line:
    x: float
    words: list[Word]
    size: float
    leading: float
    justify: float | None = None  # target width when justified
    label: Word | None = None
    label_x: float = 0.0
    label_right: bool = False  # label right-aligned at label_x (headings)
    key: str = ""
    kind: str = ""
    box: bool = False
    y: float = 0.0

    @property
    def notes(self) -> list[int]:
        return [p.note for w in self.words for p in w if p.note]


@dataclass
class LBlock:
    lines: list[Line]
    before: float
    after: float
    keep_next: bool = False
    kind: str = ""
    block: Block | None = None


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)
    cursor: float = 0.0  # baseline of the last line placed
    first: bool = True  # nothing placed yet


@dataclass(frozen=True)
class PdfStyle:
    """Geometry of one of the two PDF layouts (points; origin bottom left)."""

    name: str
    size: tuple[float, float]
    left: float
    right: float
    tab: float
    item_x: float
    top: float  # baseline of the first line on pages 2..N
    cover_top: float  # baseline of the first flowed line on page 1
    fn_bottom: float  # baseline of the last footnote line
    fn_text_dx: float
    rule_text: bool
    header_y: float
    footer_y: float
    margin: float  # outer edge of running header and footer
    outer: float


NEW_YORK = PdfStyle(
    "new-york",
    (612.0, 792.0),
    left=123.7,
    right=488.0,
    tab=23.5,
    item_x=0.0,
    top=707.5,
    cover_top=477.0,
    fn_bottom=59.5,
    fn_text_dx=0.0,
    rule_text=True,
    header_y=733.0,
    footer_y=37.0,
    margin=60.1,
    outer=551.8,
)
GENEVA = PdfStyle(
    "geneva",
    (595.28, 841.89),
    left=113.4,
    right=481.9,
    tab=28.35,
    item_x=184.3,
    top=761.4,
    cover_top=543.8,
    fn_bottom=58.7,
    fn_text_dx=6.3,
    rule_text=False,
    header_y=791.2,
    footer_y=30.2,
    margin=56.7,
    outer=538.4,
)
BODY, LEAD, SUP, RISE = 10.0, 12.0, 6.5, 3.5
FN_SIZE, FN_LEAD = 8.0, 9.5
SPACE = 2.5  # width of a space in 10-point Times


def lay_block(b: Block, st: PdfStyle, in_box: bool = False) -> LBlock:
    """Turn one source block into lines placed horizontally (vertical placement comes later)."""
    L, R, T = st.left, st.right, st.tab

    def body(
        first_x: float,
        rest_x: float,
        label: str = "",
        label_x: float = 0.0,
        justify: bool = True,
        box: bool = False,
    ) -> list[Line]:
        words = to_words(b.segs, BODY, SUP, RISE, bold=b.kind == "item")
        rows = wrap(words, R - first_x, R - rest_x, SPACE)
        out = []
        for n, row in enumerate(rows):
            x = first_x if n == 0 else rest_x
            last = n == len(rows) - 1
            out.append(
                Line(
                    x,
                    row,
                    BODY,
                    LEAD,
                    None if last or not justify else R - x,
                    key=b.key,
                    kind=b.kind,
                    box=box,
                )
            )
        if label:  # numbers and labels stay in roman type even in bold paragraphs
            out[0].label, out[0].label_x = [Piece(label, FONTS["R"], BODY)], label_x
        return out

    def heading(size: float, leading: float, x: float, bold: bool = True) -> list[Line]:
        words = to_words(b.segs, size, size * 0.65, size * 0.35, bold=bold)
        rows = wrap(words, R - x, R - x, size * 0.25)
        out = [Line(x, row, size, leading, key=b.key, kind=b.kind) for row in rows]
        if b.label:
            out[0].label = [Piece(b.label, FONTS["B"], size)]
            out[0].label_x, out[0].label_right = L - (10 if size > 12 else 8), True
        return out

    k = b.kind
    if k == "h1":
        return LBlock(heading(14, 16, L), 22, 10, True, k, b)
    if k == "h2":
        return LBlock(heading(12, 14, L), 12, 8, True, k, b)
    if k == "h3":
        return LBlock(heading(10, 12, L), 6, 6, True, k, b)
    if k == "title":
        return LBlock(heading(14, 17, L), 0, 10, True, k, b)
    if k == "subtitle":
        return LBlock(heading(12, 14, L), 6, 12, True, k, b)
    if k == "annex":
        return LBlock(heading(14, 16, L - 21.3 if st is NEW_YORK else st.margin), 0, 6, True, k, b)
    if k == "annextitle":
        return LBlock(heading(14, 16, L), 0, 14, True, k, b)
    if k == "boxstart":
        return LBlock(heading(12, 14, 72.4 if st is NEW_YORK else L), 8, 6, True, k, b)
    if k == "para":
        return LBlock(body(L + T, L, b.label, L), 6, 6, False, k, b)
    if k == "item":  # UPR recommendations are printed in bold, their numbers are not
        return LBlock(body(st.item_x, L + T, b.label, L + T), 6, 6, False, k, b)
    if k == "sub":
        return LBlock(body(L + 2 * T, L, b.label, L + T), 6, 6, False, k, b)
    if k == "sub2":
        return LBlock(body(L + 3 * T, L, b.label, L + 2 * T), 6, 6, False, k, b)
    if k == "bullet":
        return LBlock(body(L + T, L + T, "\u2022", L + 20.4, justify=False), 3, 3, False, k, b)
    if k == "text":
        return LBlock(body(L + T, L, box=in_box), 6, 6, False, k, b)
    if k in ("boxend", "pagebreak"):
        return LBlock([], 0, 0, False, k, b)
    raise ValueError(k)


def wrap_note(segs: list[Seg], n: int, st: PdfStyle) -> list[Line]:
    x = st.left + st.fn_text_dx
    words = to_words(segs, FN_SIZE, FN_SIZE * 0.7, 3.0)
    rows = wrap(words, st.right - x, st.right - x, 2.0)
    lines = [Line(x, row, FN_SIZE, FN_LEAD, kind="note") for row in rows]
    first = lines[0]
    first.label = [Piece(str(n), FONTS["R"], 5.5 if st.rule_text else 6.0, 3.0)]
    first.label_x = st.left - 1.5 if st.rule_text else st.left + 3.0
    first.label_right = True
    return lines


class Paginator:
    """Fill pages with laid-out blocks: footnotes at the foot, headings kept with what follows,
    no single first or last line of a paragraph left alone on a page."""

    def __init__(self, st: PdfStyle, notes: dict[int, list[Line]]) -> None:
        self.st, self.notes = st, notes
        self.pages = [Page(cursor=st.cover_top)]

    @property
    def page(self) -> Page:
        return self.pages[-1]

    def new_page(self) -> None:
        self.pages.append(Page(cursor=self.st.top))

    def floor(self, notes: list[int]) -> float:
        n = sum(len(self.notes[k]) for k in notes)
        return self.st.fn_bottom if n == 0 else self.st.fn_bottom + (n - 1) * FN_LEAD + 25.0

    def fit(self, lines: list[Line], gaps: list[float]) -> int:
        """How many of ``lines`` fit on the current page, given their footnotes;
        ``gaps[n]`` is the extra space above line n (dropped at the top of a page)."""
        page = self.page
        y, first, notes = page.cursor, page.first, list(page.notes)
        for count, line in enumerate(lines):
            y = y if first else y - line.leading - gaps[count]
            first = False
            notes += line.notes
            if y < self.floor(notes):
                return count
        return len(lines)

    def place(self, lines: list[Line], before: float) -> None:
        page = self.page
        for count, line in enumerate(lines):
            if not page.first:
                page.cursor -= line.leading + (before if count == 0 else 0.0)
            page.first = False
            line.y = page.cursor
            page.lines.append(line)
            page.notes += line.notes

    @staticmethod
    def gaps(lb: LBlock, before: float, prev: LBlock | None = None) -> list[float]:
        extra = prev.after - 6.0 if prev is not None and prev.keep_next else 0.0
        return [before + extra] + [0.0] * (len(lb.lines) - 1)

    def run(self, blocks: list[LBlock]) -> list[Page]:
        for i, lb in enumerate(blocks):
            if lb.kind == "pagebreak":
                self.new_page()
                continue
            if not lb.lines:
                continue
            if lb.keep_next:
                # the heading, any headings right after it, and two lines of what follows
                probe, gaps, prev = list(lb.lines), self.gaps(lb, lb.before), lb
                for nxt in blocks[i + 1 :]:
                    take = len(nxt.lines) if nxt.keep_next else min(2, len(nxt.lines))
                    probe += nxt.lines[:take]
                    gaps += self.gaps(nxt, nxt.before, prev)[:take]
                    prev = nxt
                    if not nxt.keep_next:
                        break
                if self.fit(probe, gaps) < len(probe) and not self.page.first:
                    self.new_page()
                self.place(lb.lines, lb.before)
                self.page.cursor -= lb.after - 6.0  # next block adds its own 6 points
                continue
            rest, before = lb.lines, lb.before
            while rest:
                k = self.fit(rest, [before] + [0.0] * (len(rest) - 1))
                if k >= len(rest):
                    self.place(rest, before)
                    break
                if (k < 2 and len(rest) > 1) or k == 0:
                    if self.page.first:
                        raise ValueError("block taller than a page")
                    self.new_page()
                    continue
                if len(rest) - k == 1 and k >= 3:
                    k -= 1
                self.place(rest[:k], before)
                rest, before = rest[k:], 0.0
                self.new_page()
        return self.pages


def draw_words(c: Canvas, x: float, y: float, words: list[Word], target: float | None) -> None:
    """Draw one line; justified lines stretch their spaces with the PDF word-spacing operator."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces: list[Piece] = []
    for n, w in enumerate(words):
        if n:
            base = next((p for p in reversed(words[n - 1]) if not p.note), w[0])
            pieces.append(Piece(" ", base.font, base.size))
        pieces.extend(w)
    spaces = len(words) - 1
    ws = 0.0
    if target is not None and spaces:
        natural = sum(stringWidth(p.text, p.font, p.size) for p in pieces)
        ws = max(0.0, (target - natural) / spaces)
    t = c.beginText(x, y)
    t.setWordSpace(ws)
    for p in pieces:
        t.setFont(p.font, p.size)
        t.setRise(p.rise)
        t.textOut(p.text)
    t.setRise(0)
    t.setWordSpace(0)  # text state outlives the text object
    c.drawText(t)


def draw_line(c: Canvas, line: Line) -> None:
    if line.label:
        lx = line.label_x - width(line.label) if line.label_right else line.label_x
        draw_words(c, lx, line.y, [line.label], None)
    draw_words(c, line.x, line.y, line.words, line.justify)


def text_at(
    c: Canvas, x: float, y: float, text: str, font: str, size: float, right: bool = False
) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if right:
        x -= stringWidth(text, font, size)
    c.setFont(font, size)
    c.drawString(x, y, text)


def wrapped(
    c: Canvas, x: float, y: float, text: str, font: str, size: float, lead: float, w: float
) -> float:
    """Draw ragged-right text; return the baseline of its last line."""
    rows = wrap([[Piece(t, font, size)] for t in text.split()], w, w, size * 0.25)
    for n, row in enumerate(rows):
        text_at(c, x, y - n * lead, " ".join(p.text for wd in row for p in wd), font, size)
    return y - (len(rows) - 1) * lead


def barcode(c: Canvas, x: float, y: float, digits: str) -> None:
    """Code 39 bars plus the invisible text a barcode font would put in the text layer."""
    from reportlab.graphics.barcode.code39 import Standard39

    Standard39(digits, barHeight=12, barWidth=0.62, checksum=0, quiet=0).drawOn(c, x, y - 4)
    t = c.beginText(x, y)
    t.setTextRenderMode(3)
    t.setFont("Times-Roman", 12)
    t.textOut(f"*{digits}*")
    t.setTextRenderMode(0)  # text state outlives the text object
    c.drawText(t)


def cover_new_york(c: Canvas, m: dict[str, str], st: PdfStyle) -> None:
    c.setLineWidth(0.6)
    text_at(c, 123.4, 734.0, "United Nations", "Times-Roman", 14)
    text_at(c, st.outer, 734.0, m["symbol"], "Times-Roman", 14, right=True)
    c.line(st.margin, 727.0, st.outer, 727.0)
    text_at(c, 124.2, 705.3, m["organ"], "Times-Bold", 20)
    text_at(c, 397.4, 705.3, f"Distr.: {m['distr']}", "Times-Roman", 10)
    text_at(c, 397.4, 693.6, m["date"], "Times-Roman", 10)
    text_at(c, 397.4, 669.4, f"Original: {m['original']}", "Times-Roman", 10)
    c.setLineWidth(2.0)
    c.line(st.margin, 658.0, st.outer, 658.0)
    text_at(c, 65.6, 44.4, m["job"], "Times-Roman", 10)
    barcode(c, 65.4, 29.8, m["barcode"])
    text_at(c, 60.2, 569.7, m["session"], "Times-Bold", 10)
    text_at(c, 60.2, 557.7, m["agenda"], "Times-Roman", 10)
    wrapped(c, 60.2, 545.7, m["agenda_title"], "Times-Bold", 10, 12, 252)


def cover_geneva(c: Canvas, m: dict[str, str], st: PdfStyle) -> None:
    text_at(c, 57.0, 30.4, m["job"], "Times-Roman", 10)
    text_at(c, 56.9, 624.5, m["council"], "Times-Bold", 12)
    text_at(c, 56.8, 612.0, m["session"], "Times-Bold", 10)
    text_at(c, 57.0, 600.0, m["session_dates"], "Times-Roman", 10)
    text_at(c, 56.8, 588.0, m["agenda"], "Times-Roman", 10)
    text_at(c, 56.8, 575.8, m["agenda_title"], "Times-Bold", 10)


def masthead_geneva(c: Canvas, m: dict[str, str], st: PdfStyle) -> None:
    c.setLineWidth(0.6)
    text_at(c, 119.9, 792.2, "United Nations", "Times-Roman", 14)
    text_at(c, st.outer, 792.2, m["symbol"], "Times-Roman", 14, right=True)
    c.line(st.margin, 784.0, st.outer, 784.0)
    text_at(c, 120.4, 761.6, m["organ"], "Times-Bold", 20)
    text_at(c, 392.4, 761.6, f"Distr.: {m['distr']}", "Times-Roman", 10)
    text_at(c, 392.4, 750.9, m["date"], "Times-Roman", 10)
    text_at(c, 392.4, 726.8, f"Original: {m['original']}", "Times-Roman", 10)
    c.setLineWidth(2.0)
    c.line(st.margin, 716.0, st.outer, 716.0)


def cover_note(c: Canvas, m: dict[str, str], st: PdfStyle) -> None:
    """The asterisk footnote of page 1, below a short drawn rule (no underscores there)."""
    mark, _, text = m["cover_note"].partition(" ")
    c.setLineWidth(0.5)
    y = 72.6 if st is NEW_YORK else 61.5
    c.line(st.margin, y + 12, st.margin + 72, y + 12)
    text_at(c, st.left - 7.5, y, mark, "Times-Roman", 8)
    wrapped(c, st.left, y, text, "Times-Roman", FN_SIZE, FN_LEAD, st.right - st.left)


def running(c: Canvas, m: dict[str, str], st: PdfStyle, n: int, total: int) -> None:
    """Header and footer of pages 2..N: outer edge alternates between even and odd pages."""
    even = n % 2 == 0
    if st is NEW_YORK:
        text_at(
            c,
            st.margin if even else st.outer,
            st.header_y,
            m["symbol"],
            "Times-Bold",
            8.5,
            right=not even,
        )
        job = m["job"].split()[0]
        if even:
            text_at(c, st.margin, st.footer_y - 0.3, f"{n}/{total}", "Times-Bold", 8.5)
            text_at(c, st.outer, st.footer_y + 1.2, job, "Times-Roman", 7.5, right=True)
        else:
            text_at(c, st.margin, st.footer_y + 1.2, job, "Times-Roman", 7.5)
            text_at(c, st.outer, st.footer_y - 0.4, f"{n}/{total}", "Times-Bold", 8.5, right=True)
    else:
        text_at(
            c,
            st.margin if even else st.outer,
            st.header_y,
            m["symbol"],
            "Times-Bold",
            9,
            right=not even,
        )
        job = m["job"].split()[0]
        if even:
            text_at(c, st.margin, st.footer_y, str(n), "Times-Bold", 9)
            text_at(c, st.outer, st.footer_y, job, "Times-Roman", 8, right=True)
        else:
            text_at(c, st.margin, st.footer_y, job, "Times-Roman", 8)
            text_at(c, st.outer, st.footer_y, str(n), "Times-Bold", 9, right=True)


def draw_notes(c: Canvas, page: Page, notes: dict[int, list[Line]], st: PdfStyle) -> None:
    if not page.notes:
        return
    lines = [ln for k in page.notes for ln in notes[k]]
    y = st.fn_bottom + (len(lines) - 1) * FN_LEAD
    rule_y = y + 12.5
    if st.rule_text:
        text_at(c, st.left - 24.1, rule_y, "_" * 18, "Times-Roman", 8)
    else:
        c.setLineWidth(0.5)
        c.line(st.margin, rule_y + 3, st.margin + 144, rule_y + 3)
    for n, line in enumerate(lines):
        line.y = y - n * FN_LEAD
        draw_line(c, line)


@dataclass
class PdfResult:
    pages: list[Page]
    note_pages: dict[int, int]


def build_pdf(src: Source, st: PdfStyle, out: Path) -> PdfResult:
    from reportlab.pdfgen import canvas

    blocks: list[LBlock] = []
    in_box = False  # between ::boxstart and ::boxend (the summary frame)
    for b in src.blocks:
        in_box = (in_box or b.kind == "boxstart") and b.kind != "boxend"
        blocks.append(lay_block(b, st, in_box))
    notes = {n + 1: wrap_note(segs, n + 1, st) for n, segs in enumerate(src.notes)}
    pages = Paginator(st, notes).run(blocks)
    total = len(pages)
    c = canvas.Canvas(str(out), pagesize=st.size, invariant=1, pageCompression=1)
    m = src.meta
    c.setTitle(m["symbol"])
    c.setSubject(m["title"])
    c.setAuthor("paraindex sample corpus (fictional document)")
    c.setCreator("corpus/make_corpus.py")
    note_pages: dict[int, int] = {}
    for n, page in enumerate(pages, start=1):
        if n == 1:
            if st is NEW_YORK:
                cover_new_york(c, m, st)
            else:
                cover_geneva(c, m, st)
        else:
            running(c, m, st, n, total)
        for line in page.lines:
            draw_line(c, line)
        boxed = [ln for ln in page.lines if ln.box or ln.kind == "boxstart"]
        if boxed:
            c.setLineWidth(0.5)
            top, bottom = boxed[0].y + 16, boxed[-1].y - 10
            c.rect(66.0, bottom, st.outer - 66.0, top - bottom)
        draw_notes(c, page, notes, st)
        for k in page.notes:
            note_pages[k] = n
        if n == 1:
            cover_note(c, m, st)
            if st is GENEVA:
                masthead_geneva(c, m, st)
        c.showPage()
    c.save()
    return PdfResult(pages, note_pages)


# --------------------------------------------------------------------------- layout text

TXT_WIDTH = 88  # right edge of the page, in characters
TXT_LEFT, TXT_TAB, TXT_RIGHT_COL = 12, 5, 62
TXT_BODY_LINES = 54  # body and footnote lines on each page after the contents


@dataclass
class TLine:
    text: str
    key: str = ""
    kind: str = ""
    ref: int = -1  # index of the source block
    notes: list[int] = field(default_factory=list)


def txt_wrap(text: str, first: int, rest: int) -> list[str]:
    rows: list[str] = []
    cur, limit = "", first
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > limit:
            rows.append(cur)
            cur, limit = w, rest
        else:
            cur = f"{cur} {w}" if cur else w
    if cur:
        rows.append(cur)
    return rows


def justify(row: str, w: int) -> str:
    """Spread spaces the way ``pdftotext -layout`` renders a justified line."""
    words = row.split(" ")
    gaps, extra = len(words) - 1, w - len(row)
    if gaps <= 0 or extra <= 0 or extra > gaps * 2:
        return row
    out = words[0]
    for n, word in enumerate(words[1:]):
        out += " " * (1 + extra // gaps + (1 if gaps - n <= extra % gaps else 0)) + word
    return out


def lr(left: str, right: str, w: int = TXT_WIDTH) -> str:
    return left + " " * max(2, w - len(left) - len(right)) + right


def txt_block(b: Block, ref: int) -> tuple[list[TLine], int]:
    """Lines of one block and the number of blank lines wanted before it."""
    L, T, W = TXT_LEFT, TXT_TAB, TXT_WIDTH
    # footnote markers come out as plain digits glued to the word, as in extracted PDF text
    text = "".join(s.text for s in b.segs)
    notes = [s.note for s in b.segs if s.note]

    def para(label: str, label_col: int, first: int, rest: int) -> list[TLine]:
        rows = txt_wrap(text, W - first, W - rest)
        out = []
        for n, row in enumerate(rows):
            col = first if n == 0 else rest
            body = row if n == len(rows) - 1 else justify(row, W - col)
            lead = " " * label_col + label if n == 0 and label else ""
            out.append(TLine(lead.ljust(col) + body, b.key, b.kind, ref))
        out[0].notes = notes
        return out

    k = b.kind
    if k in ("h1", "h2"):
        rows = txt_wrap(b.plain, W - L, W - L)
        lead = (" " * (L - 2 - len(b.label)) + b.label + "  ") if b.label else " " * L
        return [TLine(lead + rows[0], kind=k, ref=ref)] + [
            TLine(" " * L + r, kind=k, ref=ref) for r in rows[1:]
        ], 2
    if k in ("h3", "title", "subtitle", "annex", "annextitle"):
        return [TLine(" " * L + r, kind=k, ref=ref) for r in txt_wrap(b.plain, W - L, W - L)], 1
    if k == "boxstart":
        return [TLine(" " * 5 + b.plain, kind=k, ref=ref)], 1
    if k == "para":
        return para(b.label, L, L + T, L), 1
    if k == "sub":
        return para(b.label, L + T, L + 2 * T, L), 1
    if k == "sub2":
        return para(b.label, L + 2 * T, L + 3 * T, L), 1
    if k == "text":
        return para("", 0, L + T, L), 1
    return [], 0


def txt_notes(src: Source, nums: list[int]) -> list[str]:
    out = []
    for n in nums:
        text = "".join(s.text for s in src.notes[n - 1])
        rows = txt_wrap(text, TXT_WIDTH - TXT_LEFT, TXT_WIDTH - TXT_LEFT)
        out.append(f"{n}".rjust(TXT_LEFT - 2) + "  " + rows[0])
        out += [" " * TXT_LEFT + r for r in rows[1:]]
    return out


def txt_paginate(src: Source, first: int) -> list[list[TLine]]:
    """Fill pages with the lines of ``src.blocks[first:]``, footnotes counted in."""

    def cost(lines: list[TLine]) -> int:
        nums = [n for ln in lines for n in ln.notes]
        return len(lines) + (len(txt_notes(src, nums)) + 2 if nums else 0)

    units = [txt_block(b, i) for i, b in enumerate(src.blocks) if i >= first]
    kinds = [b.kind for i, b in enumerate(src.blocks) if i >= first]
    pages: list[list[TLine]] = [[]]
    for idx, (lines, blank) in enumerate(units):
        if not lines:
            continue
        page = pages[-1]
        gap = [TLine("")] * (blank if page else 0)
        keep = kinds[idx] in ("h1", "h2", "h3")
        probe = lines + (units[idx + 1][0][:2] if keep and idx + 1 < len(units) else [])
        if cost(page + gap + probe) <= TXT_BODY_LINES:
            page += gap + lines
            continue
        k = 0
        while k < len(lines) and cost(page + gap + lines[: k + 1]) <= TXT_BODY_LINES:
            k += 1
        if len(lines) - k == 1:
            k -= 1
        if keep or k < 2:
            pages.append(list(lines))
        else:
            page += gap + lines[:k]
            pages.append(list(lines[k:]))
    return pages


@dataclass
class TxtResult:
    pages: list[list[TLine]]  # index 0 = page 1
    contents: list[dict]


def contents(src: Source) -> list[dict]:
    """Sections and subsections with their paragraph ranges, for the contents list."""
    out: list[dict] = []
    for i, b in enumerate(src.blocks):
        if b.kind in ("h1", "h2"):
            out.append(
                {
                    "level": 1 if b.kind == "h1" else 2,
                    "label": b.label,
                    "title": b.plain,
                    "ref": i,
                    "first": 0,
                    "last": 0,
                }
            )
        elif b.kind == "para" and out:
            top = next(e for e in reversed(out) if e["level"] == 1)
            for e in {id(top): top, id(out[-1]): out[-1]}.values():
                e["first"] = e["first"] or int(b.key)
                e["last"] = int(b.key)
    return out


def build_txt(src: Source, out: Path) -> TxtResult:
    m, W, L = src.meta, TXT_WIDTH, TXT_LEFT
    cut = next(n for n, b in enumerate(src.blocks) if b.kind == "pagebreak")
    body = txt_paginate(src, cut + 1)
    total = 2 + len(body)
    job = m["job"].split()[0]
    chunks: list[str] = []

    rows = [
        lr("               United Nations", m["symbol"]),
        "",
        "            " + m["organ"].ljust(TXT_RIGHT_COL - 12) + f"Distr.: {m['distr']}",
        " " * TXT_RIGHT_COL + m["date"],
        "",
        " " * TXT_RIGHT_COL + f"Original: {m['original']}",
        "",
        "",
        m["session"],
        m["agenda"],
    ]
    rows += txt_wrap(m["agenda_title"], 44, 44) + [""]
    for i, b in enumerate(src.blocks[:cut]):
        lines, blank = txt_block(b, i)
        rows += [""] * blank + [ln.text.rstrip() for ln in lines]
    rows += ["", "", "", " " * (L - 3) + m["cover_note"], "", f" {m['job']}", f" *{m['barcode']}*"]
    chunks.append("\n".join(rows) + "\n")

    page_of = {ln.ref: n for n, page in enumerate(body, start=3) for ln in page if ln.ref >= 0}
    entries = contents(src)
    rows = [m["symbol"], "", "", " " * L + "Contents", " " * 68 + "Paragraphs  Page"]
    for e in entries:
        e["paragraphs"] = f"{e['first']}\u2013{e['last']}"
        e["page"] = page_of[e["ref"]]
        lead = " " * (5 if e["level"] == 1 else 11) + e["label"].ljust(6)
        parts = txt_wrap(e["title"], 62 - len(lead), 62 - len(lead))
        for n, part in enumerate(parts):
            row = (lead if n == 0 else " " * len(lead)) + part
            if n < len(parts) - 1:
                rows.append(row)
            else:
                rows.append(
                    (row + " ").ljust(66, ".") + "  " + e["paragraphs"].ljust(11) + str(e["page"])
                )
    rows += ["", "", lr(f"2/{total}", job)]
    chunks.append("\n".join(rows) + "\n")

    for n, page in enumerate(body, start=3):
        even = n % 2 == 0
        rows = [m["symbol"] if even else m["symbol"].rjust(W), ""]
        rows += [ln.text.rstrip() for ln in page]
        nums = [k for ln in page for k in ln.notes]
        if nums:
            rows += ["", " " * (L - 3) + "_" * 18] + txt_notes(src, nums)
        rows += ["", lr(f"{n}/{total}", job) if even else lr(job, f"{n}/{total}")]
        chunks.append("\n".join(rows) + "\n")
    out.write_text("\f".join(chunks), encoding="utf-8", newline="\n")
    for e in entries:
        del e["ref"], e["first"], e["last"]
    return TxtResult([[], []] + body, entries)


# --------------------------------------------------------------------------- DOCX

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_docx(src: Source, out: Path) -> None:
    """Concluding observations in the Geneva Word template's style names (HChG, H1G,
    H23G, SingleTxtG), with typed paragraph numbers and real Word footnotes."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    m = src.meta
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(1.7), Cm(2.0)
    sec.left_margin, sec.right_margin = Cm(2.0), Cm(2.0)
    sec.header_distance, sec.footer_distance = Cm(1.0), Cm(1.0)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(10)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Times New Roman")

    def add_style(
        name: str, size: float, bold: bool, before: float, after: float, hanging: float = 0.0
    ) -> None:
        s = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = normal
        s.font.size, s.font.bold = Pt(size), bold
        pf = s.paragraph_format
        pf.space_before, pf.space_after = Pt(before), Pt(after)
        pf.left_indent, pf.right_indent = Cm(2.0), Cm(2.0)
        pf.first_line_indent = Cm(-hanging) if hanging else None
        pf.line_spacing_rule, pf.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(size + 2)
        pf.keep_with_next = bold
        pf.alignment = None if bold else WD_ALIGN_PARAGRAPH.JUSTIFY

    add_style("HChG", 14, True, 12, 12, 1.0)
    add_style("H1G", 12, True, 12, 6, 1.0)
    add_style("H23G", 10, True, 6, 6)
    add_style("SingleTxtG", 10, False, 0, 6)

    notes: list[tuple[str, bool]] = []  # (text, custom "*" mark)

    def note_ref(p: Paragraph, text: str, custom: bool = False) -> None:
        notes.append((text, custom))
        mark = ' w:customMarkFollows="1"' if custom else ""
        tail = "<w:t>*</w:t>" if custom else ""
        p._p.append(
            parse_xml(
                f'<w:r {W_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference{mark} w:id="{len(notes)}"/>{tail}</w:r>'
            )
        )

    def para(style: str, label: str, segs: list[Seg], indent: float | None = None) -> Paragraph:
        p = doc.add_paragraph(style=style)
        if indent is not None:
            p.paragraph_format.first_line_indent = Cm(indent)
        if label:
            p.add_run(label + "\t")
        for s in segs:
            if s.note:
                note_ref(p, "".join(x.text for x in src.notes[s.note - 1]))
            else:
                run = p.add_run(s.text)
                run.bold = True if "B" in s.style else None
                run.italic = True if "I" in s.style else None
        return p

    # masthead
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT)
    p.add_run("United Nations").font.size = Pt(14)
    p.add_run("\t" + m["symbol"]).font.size = Pt(20)
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(12.5))
    r = p.add_run(m["organ"])
    r.bold, r.font.size = True, Pt(20)
    p.add_run(f"\tDistr.: {m['distr']}")
    for text in (m["date"], "", f"Original: {m['original']}"):
        p = doc.add_paragraph(text)
        p.paragraph_format.left_indent = Cm(12.5)
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(24)
    r = p.add_run(m["committee"])
    r.bold, r.font.size = True, Pt(12)
    title = doc.add_paragraph(m["title"], style="HChG")
    title.paragraph_format.first_line_indent = Cm(0)
    note_ref(title, m["cover_note"].partition(" ")[2], custom=True)

    for b in src.blocks:
        if b.kind in ("h1", "h2"):
            para("H1G", b.label, b.segs)
        elif b.kind == "h3":
            para("H23G", "", b.segs)
        elif b.kind == "para":
            para("SingleTxtG", b.label, b.segs)
        elif b.kind in ("sub", "sub2"):
            para("SingleTxtG", b.label, b.segs, 1.0 if b.kind == "sub" else 2.0)
        elif b.kind == "text":
            para("SingleTxtG", "", b.segs, 1.0)
        elif b.kind not in ("pagebreak", "boxend"):
            raise ValueError(f"{src.name}: {b.kind} is not used in the DOCX")
    end = doc.add_paragraph()
    end.paragraph_format.space_before = Pt(24)
    end.alignment = WD_ALIGN_PARAGRAPH.CENTER
    end.add_run("\t" * 3).underline = True

    # first page: job number only; then symbol in the header, job number and page in the footer
    sec.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True
    sec.first_page_footer.paragraphs[0].add_run(m["job"]).font.size = Pt(9)
    job = m["job"].split()[0]

    def page_number(p: Paragraph) -> None:
        r = p.add_run()
        r.bold, r.font.size = True, Pt(9)
        for xml in (
            '<w:fldChar {ns} w:fldCharType="begin"/>',
            '<w:instrText {ns} xml:space="preserve"> PAGE </w:instrText>',
            '<w:fldChar {ns} w:fldCharType="separate"/>',
            "<w:t {ns}>2</w:t>",
            '<w:fldChar {ns} w:fldCharType="end"/>',
        ):
            r._r.append(parse_xml(xml.format(ns=W_NS)))

    for header, footer, even in (
        (sec.header, sec.footer, False),
        (sec.even_page_header, sec.even_page_footer, True),
    ):
        hp = header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.LEFT if even else WD_ALIGN_PARAGRAPH.RIGHT
        r = hp.add_run(m["symbol"])
        r.bold, r.font.size = True, Pt(9)
        fp = footer.paragraphs[0]
        fp.paragraph_format.tab_stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT)
        if even:
            page_number(fp)
            fp.add_run("\t" + job).font.size = Pt(8)
        else:
            fp.add_run(job + "\t").font.size = Pt(8)
            page_number(fp)

    # python-docx has no footnote API: write word/footnotes.xml and relate it
    parts = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    ]
    for n, (text, custom) in enumerate(notes, start=1):
        mark = (
            "<w:r><w:t>*</w:t></w:r>"
            if custom
            else '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        )
        parts.append(
            f'<w:footnote w:id="{n}"><w:p><w:pPr><w:ind w:left="1134" w:right="1134" '
            f'w:hanging="198"/></w:pPr>{mark}<w:r><w:rPr><w:sz w:val="18"/></w:rPr>'
            f'<w:t xml:space="preserve"> {_esc(text)}</w:t></w:r></w:p></w:footnote>'
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {W_NS}>{''.join(parts)}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        xml.encode("utf-8"),
        doc.part.package,
    )
    doc.part.relate_to(part, RT.FOOTNOTES)

    cp = doc.core_properties
    cp.title, cp.subject, cp.keywords = m["symbol"], m["title"], "fictional"
    cp.author = cp.last_modified_by = "paraindex sample corpus (fictional document)"
    cp.comments = "Invented text, generated by corpus/make_corpus.py"
    cp.created = cp.modified = datetime(2099, 10, 30, 12, 0, 0)
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    out.write_bytes(stable_zip(buf.getvalue()))


def stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps, so that the DOCX is the same on every run."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2099, 10, 30, 12, 0, 0))
            zi.compress_type, zi.external_attr = zipfile.ZIP_DEFLATED, 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


# --------------------------------------------------------------------------- truth

Spans = dict[str, tuple[int, int]]


def spans_of(pages: list[list[tuple[str, str]]]) -> Spans:
    """First and last page (1-based) of every paragraph key, from (key, kind) per line."""
    out: dict[str, tuple[int, int]] = {}
    for n, page in enumerate(pages, start=1):
        for key, _kind in page:
            if key:
                out[key] = (out[key][0], n) if key in out else (n, n)
    return out


def first_words(words: list[str], n: int = 12) -> str:
    return " ".join(words[:n])


def recommending_states(text: str) -> list[str]:
    m = STATES_TAIL.search(text)
    if not m:
        raise ValueError(f"no recommending State in {text[-60:]!r}")
    return re.findall(r"\(([^()]+)\)", m[1])


def truth(
    src: Source,
    file: str,
    fmt: str,
    spans: Spans | None,
    total: int | None,
    note_pages: dict[int, int] | None,
    annex_page: int | None = None,
) -> dict:
    """What a parser should recover from one generated file."""
    m = src.meta

    def printed(n: int | None) -> int | None:
        return None if n is None or n == 1 else n  # the cover page carries no number

    def where(key: str) -> dict:
        if spans is None:
            return {"pdf_page_index": None, "printed_page": None}
        return {"pdf_page_index": spans[key][0], "printed_page": printed(spans[key][0])}

    paras = paragraphs(src)
    main = [p for p in paras if not p.key.startswith("annex:")]
    annex = [p for p in paras if p.key.startswith("annex:")]
    sections: list[dict] = []
    headings: list[dict] = []
    open_heads: dict[int, str] = {}  # level -> heading currently open at that level
    for i, b in enumerate(src.blocks):
        if b.kind not in ("h1", "h2", "h3"):
            continue
        level = int(b.kind[1])
        open_heads = {k: v for k, v in open_heads.items() if k < level} | {level: heading_text(b)}
        nxt = next((x for x in src.blocks[i + 1 :] if x.kind == "para"), None)
        entry = {
            "path": [open_heads[k] for k in sorted(open_heads)],
            "first_paragraph": nxt.key if nxt else None,
        }
        headings.append(entry)
        if level == 1:
            sections.append(
                {
                    "heading": heading_text(b),
                    "numbered": bool(b.label),
                    "first_paragraph": entry["first_paragraph"],
                }
            )
    rows = []
    for p in paras:
        row = {"paragraph": p.key, **where(p.key)}
        if spans is not None:
            row["end_pdf_page_index"] = spans[p.key][1]
        row |= {
            "section": p.section,
            "subsection": p.subsection,
            "first_12_words": first_words(p.words),
            "words": len(p.words),
        }
        rows.append(row)
    crossings = []
    if spans is not None:
        keys = [p.key for p in paras] + [b.key for b in src.blocks if b.kind == "item"]
        for key in keys:
            a, z = spans[key]
            if a != z:
                crossings.append(
                    {
                        "paragraph": key,
                        "start_pdf_page": a,
                        "end_pdf_page": z,
                        "start_printed_page": printed(a),
                        "end_printed_page": printed(z),
                        "last_words": " ".join(_para_words(src, key)[-6:]),
                    }
                )
    by_key = {p.key: p for p in paras}
    rec_sections: dict[str, list[str]] = {}
    for b in src.blocks:
        if b.kind == "para" and "rec" in b.attrs or b.kind == "item":
            rec_sections.setdefault(by_key[b.key.split(".")[0]].section or "", [])
    for p in main:
        if p.section in rec_sections:
            rec_sections[p.section].append(p.key)
    recs = [
        {
            "paragraph": b.key,
            "addressee": b.attrs["rec"],
            "first_12_words": first_words(by_key[b.key].words),
        }
        for b in src.blocks
        if b.kind == "para" and "rec" in b.attrs
    ]
    nots = [
        {
            "paragraph": b.key,
            "reason": b.attrs["not"],
            "first_12_words": first_words(by_key[b.key].words),
        }
        for b in src.blocks
        if b.kind == "para" and "not" in b.attrs
    ]
    notes = []
    for b in src.blocks:
        for s in b.segs:
            if s.note:
                notes.append(
                    {
                        "number": s.note,
                        "paragraph": b.key or None,
                        "pdf_page_index": note_pages[s.note] if note_pages else None,
                        "text": "".join(x.text for x in src.notes[s.note - 1]),
                    }
                )
    out: dict = {
        "file": file,
        "format": fmt,
        "layout": m["layout"],
        "symbol": m["symbol"],
        "language": "en",
        "title": m["title"],
        "full_title": m["full_title"],
        "doc_type": m["doc_type"],
        "date": m["date"],
        "job_number": m["job"].split()[0],
        "pages": total,
        "sections": sections,
        "headings": headings,
        "paragraph_count": len(main),
        "first_paragraph": main[0].key,
        "last_paragraph": {
            "paragraph": main[-1].key,
            **where(main[-1].key),
            "first_12_words": first_words(main[-1].words),
        },
        "annex": None,
        "page_crossings": crossings,
        "subparagraphs": [
            {"paragraph": p.key, "labels": p.sub_labels} for p in paras if p.sub_labels
        ],
        "recommendation_sections": [
            {"heading": h, "first_paragraph": keys[0], "last_paragraph": keys[-1]}
            for h, keys in rec_sections.items()
        ],
        "recommendations": recs,
        "not_recommendations": nots,
        "cover_footnote": m["cover_note"],
        "footnotes": notes,
        "paragraphs": rows,
    }
    ann = [b for b in src.blocks if b.kind in ("annex", "annextitle")]
    if ann:
        head = ". ".join(b.plain for b in ann)
        out["annex"] = {
            "heading": head,
            "paragraph_count": len(annex),
            "paragraphs": [p.key for p in annex],
            "pdf_page_index": annex_page,
            "printed_page": printed(annex_page),
        }
    items = [b for b in src.blocks if b.kind == "item"]
    if items:
        out["upr_items"] = [
            {
                "item": b.key,
                "addressee": m["state"],
                "states": recommending_states(b.plain),
                **where(b.key),
                "first_12_words": first_words(b.plain.split()),
            }
            for b in items
        ]
    return out


def _para_words(src: Source, key: str) -> list[str]:
    words: list[str] = []
    for b in src.blocks:
        if b.key == key and b.kind in ("para", "sub", "sub2", "item"):
            words += ([b.label] if b.kind in ("sub", "sub2") else []) + b.plain.split()
    return words


# --------------------------------------------------------------------------- check


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def check_pages(name: str, pages: list[str], t: dict) -> list[str]:
    """Compare page texts (PDF text layer or form-feed pages) with the truth; return problems."""
    errors: list[str] = []
    if t["pages"] is not None and len(pages) != t["pages"]:
        errors.append(f"{name}: {len(pages)} pages, expected {t['pages']}")
    total = len(pages)
    for n, text in enumerate(pages, start=1):
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        if n > 1 and t["symbol"] not in lines[:2]:
            errors.append(f"{name} p.{n}: running header {t['symbol']} missing")
        if n > 1:
            want = f"{n}/{total}" if t["layout"] != "geneva" else str(n)
            if not any(want in ln.split() and t["job_number"] in ln for ln in lines):
                errors.append(f"{name} p.{n}: footer with {want} and {t['job_number']} missing")
    for row in t["paragraphs"]:
        num = row["paragraph"].removeprefix("annex:")
        first = row["first_12_words"].split()[0]
        page = pages[row["pdf_page_index"] - 1]
        if not re.search(rf"^\s*{re.escape(num)}\.\s+{re.escape(first)}", page, re.M):
            errors.append(
                f"{name}: paragraph {row['paragraph']} does not start a line on page "
                f"{row['pdf_page_index']}"
            )
    for c in t["page_crossings"]:
        end = norm(pages[c["end_pdf_page"] - 1])
        tail = " ".join(c["last_words"].split()[-3:])
        if tail not in end:
            errors.append(f"{name}: end of {c['paragraph']} not on page {c['end_pdf_page']}")
    for item in t.get("upr_items", []):
        page = pages[item["pdf_page_index"] - 1]
        if not re.search(rf"^\s*{re.escape(item['item'])}\s", page, re.M):
            errors.append(f"{name}: item {item['item']} not at a line start")
    for fn in t["footnotes"]:
        page = norm(pages[fn["pdf_page_index"] - 1])
        head = " ".join(fn["text"].split()[:4])
        if head not in page:
            errors.append(f"{name}: footnote {fn['number']} not on page {fn['pdf_page_index']}")
        elif t["layout"] in ("new-york", "text") and "_" * 18 not in page:
            errors.append(f"{name}: no footnote rule on page {fn['pdf_page_index']}")
    return errors


def check_docx(path: Path, t: dict) -> list[str]:
    from docx import Document

    errors = []
    texts = [p.text for p in Document(str(path)).paragraphs]
    for row in t["paragraphs"]:
        first = row["first_12_words"].split()[0]
        if not any(x.startswith(f"{row['paragraph']}.\t{first}") for x in texts):
            errors.append(f"{path.name}: paragraph {row['paragraph']} not found")
    names = zipfile.ZipFile(path).namelist()
    if "word/footnotes.xml" not in names:
        errors.append(f"{path.name}: no footnotes part")
    return errors


def run_checks(out_dir: Path, expected: dict) -> list[str]:
    import pypdfium2 as pdfium

    errors: list[str] = []
    for t in expected["documents"]:
        path = out_dir / t["file"]
        if t["format"] == "pdf":
            pdf = pdfium.PdfDocument(str(path))
            pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
            errors += check_pages(t["file"], pages, t)
        elif t["format"] == "txt":
            errors += check_pages(t["file"], path.read_text(encoding="utf-8").split("\f"), t)
        else:
            errors += check_docx(path, t)
    return errors


# --------------------------------------------------------------------------- main

CONVENTIONS = {
    "paragraph": "main-body numbered paragraph as a string ('23'); annex paragraphs, whose "
    "numbering restarts, are 'annex:N'; UPR recommendation items are 'N.k'",
    "pdf_page_index": "1-based page of the file where the paragraph starts (where its number is "
    "printed); for the text file, form feeds + 1; null for the DOCX",
    "printed_page": "page number printed in the footer; null on the cover page and in the DOCX",
    "sections": "top-level headings as printed ('I. Introduction'; unnumbered ones with "
    "numbered=false) and the first numbered paragraph after each",
    "headings": "every heading with its path of ancestors as printed",
    "first_12_words": "first 12 whitespace-separated words after the paragraph number; footnote "
    "markers dropped; sub-paragraph labels such as '(a)' count as words",
    "words": "word count of the paragraph including its sub-paragraphs",
    "page_crossings": "paragraphs (and UPR items) whose text runs onto a later page",
    "subparagraphs": "labels of sub-paragraphs; nested ones are written '(b)(i)'",
    "recommendations": "paragraphs that recommend, urge or request action, with the addressee",
    "not_recommendations": "paragraphs in or near recommendation sections that only conclude, "
    "or only report an earlier recommendation",
    "footnotes": "numbered footnotes: paragraph holding the marker and page where printed",
}

DOCS = [  # source, output file, format, PDF style
    ("A_99_215", "A_99_215-EN.pdf", "pdf", NEW_YORK),
    ("A_HRC_98_41", "A_HRC_98_41-EN.pdf", "pdf", GENEVA),
    ("E_C.12_99_3", "E_C.12_99_3-EN.docx", "docx", None),
    ("A_99_330", "A_99_330-EN.txt", "txt", None),
]


def build(out_dir: Path) -> dict:
    docs = []
    for stem, file, fmt, style in DOCS:
        src = parse_source(SRC / f"{stem}.src")
        check_typography(src)
        out = out_dir / file
        if fmt == "pdf":
            assert style is not None
            res = build_pdf(src, style, out)
            spans = spans_of([[(ln.key, ln.kind) for ln in p.lines] for p in res.pages])
            annex = next(
                (
                    n
                    for n, p in enumerate(res.pages, start=1)
                    if any(ln.kind == "annex" for ln in p.lines)
                ),
                None,
            )
            t = truth(src, file, fmt, spans, len(res.pages), res.note_pages, annex)
        elif fmt == "txt":
            tres = build_txt(src, out)
            spans = spans_of([[(ln.key, ln.kind) for ln in p] for p in tres.pages])
            note_pages = {
                k: n for n, p in enumerate(tres.pages, start=1) for ln in p for k in ln.notes
            }
            t = truth(src, file, fmt, spans, len(tres.pages), note_pages)
            t["contents"] = tres.contents
        else:
            build_docx(src, out)
            t = truth(src, file, fmt, None, None, None)
        docs.append(t)
        short = [r["paragraph"] for r in t["paragraphs"] if not 40 <= r["words"] <= 180]
        print(
            f"{file}: {t['pages'] or '-'} pages, {t['paragraph_count']} paragraphs, "
            f"{len(t['page_crossings'])} page crossings"
            + (f"; outside 40-180 words: {', '.join(short)}" if short else "")
        )
    expected = {
        "meta": {
            "description": "Ground truth for the four invented sample reports in corpus/, "
            "written by corpus/make_corpus.py together with the files.",
            "conventions": CONVENTIONS,
        },
        "documents": docs,
    }
    (out_dir / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return expected


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: corpus/)")
    ap.add_argument("--check", action="store_true", help="re-read the files and verify them")
    args = ap.parse_args(argv)
    expected = build(args.out)
    if args.check:
        errors = run_checks(args.out, expected)
        for e in errors:
            print("FAIL", e)
        print("check:", "ok" if not errors else f"{len(errors)} problems")
        return 1 if errors else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
