"""Cut the body text of a document into numbered paragraphs and unnumbered blocks.

The line stream of all pages is first divided into parts: the body, each annex
(whose numbering restarts) and any endnotes. In each numbered part the
numbering chain (``numbering``) fixes where paragraphs start; the walk below
then assigns every other line to a heading, the open paragraph, a
recommendation item ("140.12"), or an unnumbered block.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from . import headings as hd
from .breaks import restore_breaks
from .clauses import ends_sentence
from .contents import contents_levels, find_contents, heading_key
from .layout import Layout
from .model import CleanPage, ContentsEntry, Footnote, Line, Paragraph, Section
from .numbering import ITEM_RE, PARA_RE, Candidate, number_paragraphs
from .subparagraphs import find_subparagraphs
from .textjoin import join_lines

#: a lettered sub-heading such as "(a) Intergovernmental work"
_LETTERED_TITLE_RE = re.compile(r"^\([a-z]\)\s+[A-Z][^.;:]{0,60}$")
#: a line that opens something: any of these, tried in one pass (``_opens_something``)
_OPENS_RE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in (
    hd.ROMAN_RE, hd.LETTER_RE, ITEM_RE, hd.ANNEX_RE, _LETTERED_TITLE_RE)))


@dataclass(slots=True)
class Segmented:
    paragraphs: list[Paragraph]
    sections: list[Section]
    endnotes: list[Footnote]
    contents: list[ContentsEntry]


@dataclass(slots=True)
class _Part:
    kind: str  # "body", "annex", "notes"
    start: int
    end: int
    annex: str | None = None
    heading: str | None = None
    title_end: int = 0  # index of the first line after the annex heading and its title


@dataclass(slots=True)
class _Open:
    number: str | None
    annex: str | None
    section: list[str]
    lines: list[Line] = field(default_factory=list)
    label: str | None = None


def segment(pages: list[CleanPage], layout: Layout) -> Segmented:
    """Paragraphs, sections, endnotes and contents entries of a document's body lines."""
    stream = restore_breaks([line for page in pages for line in page.body])
    stream = reorder_scrambled_pages(stream, layout)
    contents_lines, contents = find_contents(stream)
    parts = _parts(stream, contents_lines, layout)
    starts: dict[int, Candidate] = {}
    for part in parts:
        if part.kind == "notes":
            continue
        lines = [
            line if i not in contents_lines else Line("", line.page)
            for i, line in enumerate(stream[part.title_end : part.end], part.title_end)
        ]
        chain = number_paragraphs(lines, layout)
        if part.kind == "annex" and _is_list(chain):
            continue  # a numbered list or table (signatories, ...), not paragraphs
        for candidate in chain:
            candidate.line += part.title_end
            starts[candidate.line] = candidate
    walker = _Walker(stream, layout, starts, contents_lines, contents_levels(contents))
    for part in parts:
        walker.walk(part)
    walker.close()
    return Segmented(walker.paragraphs, walker.sections, walker.endnotes, contents)


def _is_list(chain: list[Candidate]) -> bool:
    """Numbered one-line entries without sentences (signatories, a table of names): a list
    or a table, not paragraphs. A paragraph's text goes on below its number's line."""
    if len(chain) < 5:
        return False
    one_liners = 0
    for candidate, following in zip(chain, [*chain[1:], None], strict=False):
        alone = following is not None and following.line == candidate.line + 1
        if alone and len(candidate.rest) < 60 and not re.search(r"\w\.\s", candidate.rest):
            one_liners += 1
    return one_liners >= 0.7 * len(chain)


def reorder_scrambled_pages(stream: list[Line], layout: Layout) -> list[Line]:
    """Put back in order the paragraphs of a page whose text layer scrambled them.

    OCR layers sometimes list a page's blocks bottom-up ("3. ... 2. ... 1.").
    When the strong paragraph starts of a page are exactly a run of
    consecutive numbers in the wrong order, the blocks they open are sorted.
    """
    out: list[Line] = []
    position = 0
    while position < len(stream):
        page = stream[position].page
        end = position
        while end < len(stream) and stream[end].page == page:
            end += 1
        out.extend(_reorder_page(stream[position:end], layout))
        position = end
    return out


def _reorder_page(lines: list[Line], layout: Layout) -> list[Line]:
    starts = [(i, int(m.group(1))) for i, line in enumerate(lines)
              if (m := PARA_RE.match(line.text)) and m.group(2)[:1].isupper()]
    numbers = [n for _, n in starts]
    if len(numbers) < 2 or numbers == sorted(numbers):
        return lines
    if sorted(numbers) != list(range(min(numbers), min(numbers) + len(numbers))):
        return lines
    head = lines[: starts[0][0]]
    blocks = []
    for k, (index, number) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        blocks.append((number, lines[index:stop]))
    return head + [line for _, block in sorted(blocks, key=lambda b: b[0]) for line in block]


def _parts(stream: list[Line], skip: set[int], layout: Layout) -> list[_Part]:
    parts = [_Part("body", 0, len(stream))]
    annexes_seen = 0
    for index, line in enumerate(stream):
        if index in skip:
            continue
        text = line.text
        annex = hd.ANNEX_RE.match(text)
        if annex and _is_annex_heading(line, annex, layout):
            annexes_seen += 1
            label = annex.group(1) or _roman(annexes_seen)
            parts[-1].end = index
            heading, title_end = _annex_title(stream, index, layout)
            parts.append(_Part("annex", index, len(stream), label, heading, title_end))
        elif (
            hd.NOTES_RE.match(text) and (line.bold is not False or line.italic)
            and index > len(stream) // 2
        ):
            parts[-1].end = index
            parts.append(_Part("notes", index, len(stream), parts[-1].annex, text, index + 1))
    return parts


def _roman(n: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][min(n, 10) - 1]


def _is_annex_heading(line: Line, match: re.Match[str], layout: Layout) -> bool:
    rest = (match.group(2) or "").strip()
    if len(line.text) > 140 or (rest and rest[:1].islower()):
        return False
    if rest and re.search(r"[.;,]$", rest):
        return False
    typed = hd.looks_like_heading_type(line, layout)
    if typed is False:
        return False
    # "Annex" alone, "ANNEX", "Annex II", "Annex I. Title": all headings by form
    return typed is True or not rest or hd._is_upper(line.text) or len(rest) < 90


def _annex_title(stream: list[Line], index: int, layout: Layout) -> tuple[str, int]:
    """The annex heading with the title lines under it ("Annex. Composition of ...")."""
    heading = " ".join(stream[index].text.split())
    title: list[str] = []
    position = index + 1
    while position < len(stream) and len(title) < 4:
        line = stream[position]
        if PARA_RE.match(line.text) or ITEM_RE.match(line.text) or len(line.text) > 100:
            break
        if sum(len(t) for t in title) + len(line.text) > 200:
            break
        if re.match(r"^\[.*\]$", line.text):  # "[Original: French]"
            position += 1
            continue
        typed = hd.looks_like_heading_type(line, layout)
        if typed is False or re.search(r"[.;,]$", line.text):
            break
        if typed is None and title and not hd._CONNECTORS.search(title[-1]):
            break
        if title and hd.KNOWN_HEADING_RE.match(line.text.strip()):
            break  # "Introduction" under the annex title is the annex's first heading
        title.append(line.text)
        position += 1
    if title:
        separator = "" if heading.endswith((".", ":")) else "."
        heading = f"{heading}{separator} {' '.join(title)}"
    return heading, position



class _Walker:
    def __init__(
        self,
        stream: list[Line],
        layout: Layout,
        starts: dict[int, Candidate],
        skip: set[int],
        listed: dict[str, tuple[int, str]] | None = None,
    ) -> None:
        self.stream = stream
        #: unnumbered headings the contents page lists, with their level
        self.listed = listed or {}
        self._listed_lengths: list[int] | None = None
        self._listed_letters: list[tuple[int, Counter[str]]] | None = None
        self.layout = layout
        self.starts = starts
        self.skip = skip
        self._opens: dict[int, bool] = {}
        self.state = hd.HeadingState()
        self.paragraphs: list[Paragraph] = []
        self.sections: list[Section] = []
        self.endnotes: list[Footnote] = []
        self.current: _Open | None = None
        self.annex: str | None = None
        self.item_parent: int | None = None
        self.item_last = 0

    # -- parts -------------------------------------------------------------------------
    def walk(self, part: _Part) -> None:
        if part.kind == "notes":
            self.close()
            self._collect_endnotes(part)
            return
        if part.kind == "annex":
            self.close()
            self.annex = part.annex
            self.state.reset(part.heading)
            self.sections.append(Section([part.heading or "Annex"], part.annex,
                                         page=self.stream[part.start].page))
        index = part.title_end if part.kind == "annex" else part.start
        while index < part.end:
            index = self._step(index, part.end)

    def _collect_endnotes(self, part: _Part) -> None:
        for line in self.stream[part.title_end : part.end]:
            match = re.match(r"^(\d{1,3})\s+(.*)$", line.text)
            if match:
                self.endnotes.append(Footnote(match.group(1), match.group(2), line.page))
            elif self.endnotes:
                self.endnotes[-1].text += " " + line.text

    # -- lines -------------------------------------------------------------------------
    def _step(self, index: int, end: int) -> int:
        line = self.stream[index]
        if index in self.skip:
            return index + 1
        candidate = self.starts.get(index)
        if candidate is not None:
            self._open(str(candidate.number), Line(candidate.rest, line.page, line.x, line.y,
                                                   line.size, line.bold))
            self.item_parent, self.item_last = candidate.number, 0
            return index + 1
        item = ITEM_RE.match(line.text)
        if item and self._is_next_item(int(item.group(1)), int(item.group(2))):
            self.item_last = int(item.group(2))
            self._open(f"{item.group(1)}.{item.group(2)}", Line(item.group(3), line.page))
            return index + 1
        box = hd.JIU_BOX_RE.match(line.text)
        if box and hd.looks_like_heading_type(line, self.layout) is not False:
            self.close()
            self.current = _Open(None, self.annex, self.state.headings, [], label=line.text)
            return index + 1
        following = self.stream[index + 1] if index + 1 < end else None
        after = index + 1
        while (
            after < end
            and after not in self.starts
            and after - index <= 3
            and hd.continues_heading(line, self.stream[after - 1].text, self.stream[after],
                                     self.layout, self._opens_something(after + 1, end))
        ):
            after += 1  # look past the wrapped rest of a possible heading
        heading = hd.classify(line, following, self.layout, self.state,
                              self._opens_something(after, end)) or self._listed(line)
        if heading is not None and not self._inside_sentence(heading):
            return self._enter_heading(heading, index, end)
        self._append(line)
        return index + 1

    def _listed(self, line: Line) -> hd.Heading | None:
        """A line that the contents page lists as a heading is one, whatever its type.

        OCR garbles the two copies differently, so a near match counts, and the
        contents page's spelling is kept when it is the cleaner one.
        """
        text = line.text
        if not self.listed or len(text) > 160 or PARA_RE.match(text) or hd.ROMAN_RE.match(
            text
        ) or hd.LETTER_RE.match(text):
            return None  # numbered headings are recognised by their own numbering
        key = heading_key(line.text)
        if len(key) < 4:
            return None
        if key not in self.listed:
            if text[-1:] in ".;," or not self._listed_length(len(key)):
                return None  # fuzzy matching is for heading-like lines of about the right length
            if not self._may_be_close(key):
                return None
            close = difflib.get_close_matches(key, self.listed, n=1, cutoff=0.8)
            if not close:
                return None
            key = close[0]
        level, printed = self.listed[key]
        if self.state.headings and self.state.headings[-1] == printed:
            return None
        return hd.Heading(level, printed, "listed", line.size)

    def _listed_length(self, length: int) -> bool:
        """Is a heading of about this length listed? (cheap filter before fuzzy matching)"""
        if self._listed_lengths is None:
            self._listed_lengths = sorted({len(key) for key in self.listed})
        return any(abs(length - known) <= known // 4 for known in self._listed_lengths)

    def _may_be_close(self, key: str) -> bool:
        """Could ``get_close_matches(key, listed, cutoff=0.8)`` find anything?

        Its own first two tests (length, then letters in common: ``real_quick_ratio``
        and ``quick_ratio``), with the same arithmetic, without building a
        ``SequenceMatcher``: most lines fail them.
        """
        if self._listed_letters is None:
            self._listed_letters = [(len(known), Counter(known)) for known in self.listed]
        letters = Counter(key)
        for size, known in self._listed_letters:
            length = size + len(key)
            if 2.0 * min(size, len(key)) / length < 0.8:
                continue
            if 2.0 * sum((letters & known).values()) / length >= 0.8:
                return True
        return False

    def _is_next_item(self, parent: int, number: int) -> bool:
        if self.item_parent != parent:
            return False
        return self.item_last < number <= self.item_last + 2

    def _opens_something(self, index: int, end: int) -> bool:
        """Does line ``index`` open a paragraph, item, heading or annex? Asked about most
        lines twice (as the line after a heading's wrap and after the line itself), so
        each answer is kept."""
        if index >= end:
            return False
        opens = self._opens.get(index)
        if opens is None:
            opens = self._opens[index] = index in self.starts or bool(
                _OPENS_RE.match(self.stream[index].text)
            )
        return opens

    def _inside_sentence(self, heading: hd.Heading) -> bool:
        """A heading cannot interrupt a sentence of the open paragraph."""
        if self.current is None or not self.current.lines:
            return False
        last = self.current.lines[-1].text.rstrip()
        if not last:
            return False
        if heading.kind in ("plain", "numbered") and self.current.number is not None:
            return last[-1] not in ".:;!?)”’\"]"
        return last[-1] in ",;-–(" and self.layout.body_size is None

    def _enter_heading(self, heading: hd.Heading, index: int, end: int) -> int:
        first = self.stream[index]
        text = heading.text
        position = index + 1
        while (
            position < end
            and position not in self.starts
            and hd.continues_heading(first, text, self.stream[position], self.layout,
                                     self._opens_something(position + 1, end))
        ):
            text = f"{text} {self.stream[position].text.strip()}"
            position += 1
        heading.text = " ".join(text.split())
        if not hd.complete_heading_ok(heading):
            # a bold lead sentence or a list item, not a title: keep it as text
            for line in self.stream[index:position]:
                self._append(line)
            return position
        self.close()
        self.state.enter(heading)
        self.sections.append(Section(self.state.headings, self.annex, page=first.page))
        return position

    def _append(self, line: Line) -> None:
        if self.current is None or self._starts_new_block(line):
            self.close()
            self.current = _Open(None, self.annex, self.state.headings)
        self.current.lines.append(line)

    def _starts_new_block(self, line: Line) -> bool:
        current = self.current
        if current is None or current.number is not None or current.label or not current.lines:
            return False
        previous = current.lines[-1]
        if previous.x is None or line.x is None:
            return len(previous.text) > 200 or previous.page != line.page
        ended = previous.text.rstrip()[-1:] in ".:!?”\""
        if previous.page != line.page and line.text[:1].islower() and \
                ends_sentence(previous.text):
            # the next page opens mid-sentence after a finished one: the sentence it ends
            # was left elsewhere (a side box read last), so it does not go on this block
            return True
        indented = line.x > previous.x + 5
        gap = previous.y is not None and line.y is not None and previous.page == line.page and (
            previous.y - line.y > 1.7 * (line.size or 10)
        )
        return ended and (indented or gap)

    def _open(self, number: str, first: Line) -> None:
        self.close()
        self.current = _Open(number, self.annex, self.state.headings, [first])

    def close(self) -> None:
        current, self.current = self.current, None
        if current is None:
            return
        lines = [line for line in current.lines if line.text.strip()]
        if not lines and current.number is None and not current.label:
            return
        text = join_lines([line.text for line in lines])
        if current.label:
            text = f"{current.label}\n{text}" if text else current.label
        page = current.lines[0].page if current.lines else 0
        paragraph = Paragraph(
            number=current.number,
            annex=current.annex,
            section=list(current.section),
            text=text,
            page=page,
            page_end=lines[-1].page if lines else page,
            subparagraphs=find_subparagraphs(text),
            ordinal=len(self.paragraphs),
            label=current.label,
        )
        self.paragraphs.append(paragraph)
        if current.number is not None:
            for section in self.sections:
                if section.annex == current.annex and section.path == current.section[
                    : len(section.path)
                ]:
                    section.first = section.first or current.number
                    section.last = current.number
