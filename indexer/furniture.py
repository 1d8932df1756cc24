"""Page furniture out of the text: running headers and footers, page numbers, notes.

A line is furniture when it sits at the top or bottom of its page and consists
only of furniture tokens (the running symbol, a job number such as
"25-11710 (E) 180825", a page mark "4/25", "Page 3" or a bare "17", a barcode,
"Please recycle", ...). The printed page number is read from those tokens.
Footnotes are the lines after the note rule ("______"), or, where the rule is
missing from the text layer, the trailing run of small-type lines that opens
with a note number. They are kept apart as the page's notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .breaks import LONG_LINE
from .layout import Layout
from .model import CleanPage, Footnote, Line, Page
from .symbols import SYMBOL_RE

#: the imprint of an official record ("United Nations • New York, 2025"; "New York and
#: Geneva, 2025"): printed on a cover or title page, never part of the text
IMPRINT = (r"(?:United\s+Nations|Nations\s+Unies|Naciones\s+Unidas)\s*[•·]\s*"
           r"[^\d•·]{2,40}?,?\s\d{4}")

_TOKENS = [
    ("job", r"(?:GE\.)?\d{2}-\d{5}[A-Z]?\*?(?:\s?\([A-Z]\))?(?:\s\d{6}){0,2}"),
    ("pagemark", r"\d{1,4}\s?/\s?\d{1,4}"),
    # the "/6" of a page mark "4/6" whose page number the text layer put on a line apart
    ("pagetail", r"/\s?\d{1,4}"),
    ("pageword", r"(?:Page|PAGE|page|Página|Pagina|Seite)\s\d{1,4}"),
    ("number", r"\d{1,4}"),
    ("roman", r"[ivxlc]{1,7}"),
    ("barcode", r"\*\s?\d{6,9}\s?\*"),
    ("symbol", SYMBOL_RE.pattern),
    ("symbol", r"[A-Z]{1,8}\.?/[A-Za-z0-9./()\-]+"),  # an OCR'd header "A./47/466"
    ("language", r"(?:English|ENGLISH|French|FRENCH|Français|FRANÇAIS|Spanish|SPANISH|Español"
                 r"|ESPAÑOL|Russian|RUSSIAN|Arabic|ARABIC|Chinese|CHINESE)"),
    ("recycle", r"Please\srecycle|Merci\sde\srecycler|Se\sruega\sreciclar"),
    ("continued", r"/\s?\.\s?\.\s?\.|\.\s?\.\s?\./|…/…|/…"),
    ("digitized", r"Digitized\sby\sDag\sHammarskj[öo]ld\sLibrary"),
    ("imprint", IMPRINT),
    ("dashes", r"-{3,}"),
    # the chapter a running header names beside the symbol ("DP/OPS/2025/12 I."): furniture
    # only next to a symbol, see furniture_tokens
    ("chapter", r"(?:[IVXL]{1,6}\.|(?:Chapter|Annex|Part)\s[IVXL]{1,6})"),
]
_TOKEN_RE = re.compile(
    "|".join(f"(?P<{name}{i}>{pattern})" for i, (name, pattern) in enumerate(_TOKENS))
)
_RULE_RE = re.compile(r"^[_\u2014\u2013\-]{6,}$")
_NOTE_START_RE = re.compile(r"^(\d{1,3}|\*{1,3}|[a-z]/)\s+\S")
#: share of the page height at its top and bottom where furniture may sit
_ZONE = 0.13
#: without geometry, this many lines at each end of a page are "top" and "bottom"
_ZONE_LINES = 3


def furniture_tokens(text: str) -> list[tuple[str, str]] | None:
    """Split ``text`` into furniture tokens, or None if anything else is in it."""
    text = " ".join(text.split())
    tokens = []
    position = 0
    while position < len(text):
        if text[position] == " ":
            position += 1
            continue
        match = _TOKEN_RE.match(text, position)
        if not match or (match.end() < len(text) and text[match.end()] != " "):
            return None
        tokens.append((re.sub(r"\d+$", "", match.lastgroup or ""), match.group(0)))
        position = match.end()
    kinds = {kind for kind, _ in tokens}
    if "chapter" in kinds and "symbol" not in kinds:
        return None  # "II." alone at the top of a page is a heading
    return tokens or None


def printed_page_number(tokens: list[tuple[str, str]]) -> str | None:
    """'4/25' -> '4', 'Page 3' -> '3', a bare '17' -> '17', 'iii' -> 'iii'."""
    for kind in ("pagemark", "pageword", "number", "roman"):
        for token_kind, value in tokens:
            if token_kind == kind:
                if kind == "pagemark":
                    return value.split("/")[0].strip()
                if kind == "pageword":
                    return value.split()[-1]
                return value
    return None


def _in_zone(line: Line, page: Page, position: int, count: int) -> bool:
    if line.y is not None and page.height:
        return line.y > page.height * (1 - _ZONE) or line.y < page.height * _ZONE
    return position < _ZONE_LINES or position >= count - _ZONE_LINES


def clean_page(page: Page, layout: Layout) -> CleanPage:
    """Separate one page into body lines, notes and its printed page number."""
    body: list[Line] = []
    printed: str | None = None
    count = len(page.lines)
    for position, line in enumerate(page.lines):
        if _in_zone(line, page, position, count):
            tokens = furniture_tokens(line.text)
            if tokens:
                printed = printed or printed_page_number(tokens)
                continue
        if _is_floating_marker(line, layout):
            continue
        if line.size is None:
            line.text = drop_glued_markers(line.text)  # no type sizes: go by form
        body.append(line)
    body, printed = _flattened_furniture(body, printed)
    body, notes = _split_notes(body, page.index, layout)
    return CleanPage(page.index, printed, body, notes)


_GLUED_AFTER_WORD_RE = re.compile(r"(?<=[a-z]{3})(\d{1,3})(?=[\s,;:.)]|$)")
_GLUED_AFTER_STOP_RE = re.compile(r"(?<=[a-z)”’\"])([.,;:])(\d{1,3})(?=\s+[A-Z“\"(]|\s*$)")
#: words after which ".1" is part of a reference, not a note marker
_REFERENCE_WORDS = {"rev", "add", "corr", "no", "nos", "para", "paras", "art", "arts", "vol", "p",
                    "pp", "sect", "chap", "amend", "misc", "inf", "l", "suppl", "annex", "fig"}


def drop_glued_markers(text: str) -> str:
    """Note markers that lost their superscript: 'minerals5' -> 'minerals', 'rights.3 The'.

    Used only where the reader cannot see type sizes (text files, DOCX, HTML).
    """
    text = _GLUED_AFTER_WORD_RE.sub("", text)

    def after_stop(match: re.Match[str]) -> str:
        word = re.findall(r"(\w+)$", text[: match.start()])
        if word and word[0].lower() in _REFERENCE_WORDS:
            return match.group(0)
        return match.group(1)

    return _GLUED_AFTER_STOP_RE.sub(after_stop, text)


_MARKER_ALONE_RE = re.compile(r"\d{1,3}")


def _is_floating_marker(line: Line, layout: Layout) -> bool:
    """A note marker that pdfium put on a line of its own ("84")."""
    return bool(_MARKER_ALONE_RE.fullmatch(line.text)) and layout.smaller(line.size, 0.82)


def _flattened_furniture(body: list[Line], printed: str | None) -> tuple[list[Line], str | None]:
    """A page that arrived as one long line carries its header and page number inside it."""
    if len(body) != 1 or len(body[0].text) < LONG_LINE:
        return body, printed
    line = body[0]
    text = line.text
    head = SYMBOL_RE.match(text)
    if head and text[head.end():head.end() + 1] == " ":
        text = text[head.end():].lstrip()
    tail = re.search(r"(?<=[.;:”’\")])\s+(\d{1,4})$", text)
    if tail:
        printed = printed or tail.group(1)
        text = text[: tail.start()]
    return [Line(text, line.page, line.x, line.y, line.size, line.bold, line.split)], printed


def _split_notes(body: list[Line], page: int, layout: Layout) -> tuple[list[Line], list[Footnote]]:
    rule = next((i for i, line in enumerate(body) if _RULE_RE.match(line.text)
                 or _short_rule(body, i, layout)), None)
    if rule is not None:
        return body[:rule], _parse_notes(body[rule + 1 :], page)
    if layout.body_size is None:
        return body, []
    start = len(body)
    while start > 0 and layout.smaller(body[start - 1].size):
        start -= 1
    if start < len(body) and _NOTE_START_RE.match(body[start].text):
        return body[:start], _parse_notes(body[start:], page)
    # a note carried over from the page before opens the run without a number: the run
    # is notes when it goes on to a numbered note whose wrapped lines start where the
    # carried-over lines do (a small-type table has columns, not one left edge). A note's
    # number hangs out of that edge; a wrapped line that opens with a date ("27 January
    # 1994, ...") starts on it and opens no note
    carried_x = body[start].x if start < len(body) else None
    first_note = next((i for i in range(start, len(body))
                       if _NOTE_START_RE.match(body[i].text)
                       and not (carried_x is not None and body[i].x is not None
                                and abs(body[i].x - carried_x) <= 2)), None)
    if first_note is not None and first_note - start >= 1 and body[first_note].x is not None:
        opening = body[first_note].x
        edge = next((line.x for line in body[first_note + 1:]
                     if line.x is not None and abs(line.x - opening) > 2), None)
        carried = body[start:first_note]
        if edge is not None and all(
            line.x is not None and abs(line.x - edge) <= 2 for line in carried
        ):
            return body[:start], _parse_notes(body[start:], page)
    return body, []


_SHORT_RULE_RE = re.compile(r"^[_\u2014\u2013\-]{2,5}$")


def _short_rule(body: list[Line], index: int, layout: Layout) -> bool:
    """A short rule ("--") is the note rule when notes follow it or nothing does; in a
    table it may stand for an empty cell."""
    if not _SHORT_RULE_RE.match(body[index].text.strip()):
        return False
    after = body[index + 1:]
    return not after or (
        _NOTE_START_RE.match(after[0].text) is not None and layout.smaller(after[0].size)
    )


def _parse_notes(lines: list[Line], page: int) -> list[Footnote]:
    notes: list[Footnote] = []
    for line in lines:
        match = _NOTE_START_RE.match(line.text)
        if match:
            number = match.group(1)
            notes.append(Footnote(number, line.text[len(number):].strip(), page))
        elif notes:
            notes[-1].text = f"{notes[-1].text} {line.text}"
        else:
            notes.append(Footnote("", line.text, page))
    return notes



# -- running headers and footers of any form -----------------------------------------------
#: a running line recurs in its slot on at least this many pages ...
_RUNNING_MIN_PAGES = 3
#: ... and on at least this share of the document's pages
_RUNNING_MIN_SHARE = 0.25
#: at most this share of its pages may speak against it (text further out, or text that
#: goes on right inside it)
_RUNNING_AGAINST_SHARE = 0.25
#: points by which the same running line may move between pages
_RUNNING_TOLERANCE = 2.5
#: the height of a line of a text file (see readers.text), and the size assumed for a
#: line whose type size is unknown
_TEXT_LINE = 12.0
_LETTER_RE = re.compile(r"[^\W\d_]")
_NUMBER_AT_END_RE = re.compile(r"(?:^(\d{1,4})\s|\s(\d{1,4})$)")


@dataclass(slots=True)
class RunningFurniture:
    """Lines of the running headers and footers, and the page numbers printed in them."""

    lines: set[int] = field(default_factory=set)  # ids of the Line objects
    printed: dict[int, str] = field(default_factory=dict)  # page index -> printed number


@dataclass(slots=True)
class _Placed:
    line: Line
    page: Page
    end: str  # "top" or "bottom"
    distance: float  # from that edge of the page


def _running_key(text: str) -> str:
    """The text with its numbers (page number, issue, year) taken out, case folded."""
    return " ".join(re.sub(r"\d+", " ", text).split()).casefold()


def _distance(line: Line, page: Page, end: str) -> float | None:
    """How far ``line`` is from the ``end`` edge: in points, or in text-file line heights."""
    if line.y is None:
        return None
    if page.height:
        return page.height - line.y if end == "top" else line.y
    ys = [other.y for other in page.lines if other.y is not None]
    return max(ys) - line.y if end == "top" else line.y - min(ys)


def _zone_lines(page: Page) -> list[_Placed]:
    """The lines of the top and bottom zones that the UN furniture tokens do not explain."""
    count = len(page.lines)
    found = []
    for position, line in enumerate(page.lines):
        if not _in_zone(line, page, position, count) or furniture_tokens(line.text):
            continue
        if line.y is not None and page.height:
            end = "top" if line.y > page.height / 2 else "bottom"
        else:
            end = "top" if position < count / 2 else "bottom"
        distance = _distance(line, page, end)
        if distance is not None:
            found.append(_Placed(line, page, end, distance))
    return found


def find_running_furniture(pages: list[Page]) -> RunningFurniture:
    """Running headers and footers of any form (a publisher's brief, a JIU note ...).

    A line in the top or bottom zone is running when its text, numbers aside,
    recurs at one distance from the same edge on at least three pages and a
    quarter of the document, and that slot is the page's own:
      - no other text shares its row (a table's column heads do);
      - its text occurs nowhere else after the first page (a table head repeated on
        each page of a long table also opens it; "Figure 3" heads other pages too);
      - on pages of its size, no other text reaches as far out (a heading that
        happens to open pages fails: other pages' body text starts at its height),
        and no text goes on right inside it (the last line of a repeated footnote).
    Two or three pages give too little evidence: there a repeated line is kept.
    """
    placed = [_zone_lines(page) for page in pages]
    by_page = {id(page): lines for page, lines in zip(pages, placed, strict=True)}
    slots: dict[tuple[str, str], list[_Placed]] = {}
    for page_lines in placed:
        for item in page_lines:
            key = _running_key(item.line.text)
            if _LETTER_RE.search(key):
                slots.setdefault((item.end, key), []).append(item)
    need = max(_RUNNING_MIN_PAGES, _RUNNING_MIN_SHARE * len(pages))
    groups: dict[tuple[str, str], list[_Placed]] = {}
    for slot, found in slots.items():
        if len({item.page.index for item in found}) < need:
            continue
        best = max(([other for other in found
                     if abs(other.distance - item.distance) <= _RUNNING_TOLERANCE]
                    for item in found), key=len)
        if len({item.page.index for item in best}) >= need and not _shares_a_row(best, by_page):
            groups[slot] = best
    if groups:
        _drop_text_found_elsewhere(groups, pages)
    while True:  # each group's verdict depends on which others are running
        running = {id(item.line) for group in groups.values() for item in group}
        kept = {slot: group for slot, group in groups.items()
                if not _spoken_against(group, pages, placed, running)}
        if len(kept) == len(groups):
            break
        groups = kept
    result = RunningFurniture({id(item.line) for group in groups.values() for item in group})
    for group in groups.values():
        result.printed.update(_printed_numbers(group))
    return result


def _shares_a_row(group: list[_Placed], by_page: dict[int, list[_Placed]]) -> bool:
    """Another line at the same height on one of the group's pages: a table's row."""
    for item in group:
        for other in by_page[id(item.page)]:
            if (other.line is not item.line and other.end == item.end
                    and abs(other.distance - item.distance) <= _RUNNING_TOLERANCE):
                return True
    return False


def _drop_text_found_elsewhere(groups: dict[tuple[str, str], list[_Placed]],
                               pages: list[Page]) -> None:
    """Forget groups whose text also stands somewhere else on a page after the first."""
    wanted = {key for _, key in groups}
    own = {id(item.line) for group in groups.values() for item in group}
    elsewhere = {key for page in pages[1:] for line in page.lines
                 if id(line) not in own and (key := _running_key(line.text)) in wanted}
    for slot in [slot for slot in groups if slot[1] in elsewhere]:
        del groups[slot]


def _spoken_against(group: list[_Placed], pages: list[Page], placed: list[list[_Placed]],
                    running: set[int]) -> bool:
    """More than a quarter of the group's pages show its slot is not the page's own."""
    end = group[0].end
    far = max(item.distance for item in group) + _RUNNING_TOLERANCE
    heights = {item.page.height for item in group}
    own = {item.page.index for item in group}
    against = 0
    for page, page_lines in zip(pages, placed, strict=True):
        if (page.index == 1 and page.index not in own) or page.height not in heights:
            continue
        if any(item.end == end and item.distance <= far and id(item.line) not in running
               for item in page_lines):
            against += 1  # text at or beyond the slot that is not running furniture
    for item in group:
        if _goes_on_inside(item, running):
            against += 1
    return against > _RUNNING_AGAINST_SHARE * len(own)


def _goes_on_inside(item: _Placed, running: set[int]) -> bool:
    """The next line inwards follows at a line's distance and is ordinary text."""
    size = item.line.size if item.line.size and item.line.size > 2 else _TEXT_LINE
    nearest: tuple[float, Line] | None = None
    for other in item.page.lines:
        distance = _distance(other, item.page, item.end)
        if distance is None or distance <= item.distance + _RUNNING_TOLERANCE:
            continue
        if nearest is None or distance < nearest[0]:
            nearest = (distance, other)
    if nearest is None or nearest[0] - item.distance > 2 * size:
        return False
    line = nearest[1]
    return id(line) not in running and not furniture_tokens(line.text)


def _printed_numbers(group: list[_Placed]) -> dict[int, str]:
    """Page numbers printed at the start or end of running lines: the numbers that keep
    step with the page index (not an issue number or a year)."""
    numbers = []
    for item in group:
        match = _NUMBER_AT_END_RE.search(item.line.text.strip())
        if match:
            value = match.group(1) or match.group(2)
            numbers.append((item.page.index, value, int(value) - item.page.index))
    offsets = [offset for _, _, offset in numbers]
    if not offsets:
        return {}
    offset = max(set(offsets), key=offsets.count)
    if offsets.count(offset) < 2:
        return {}
    return {index: value for index, value, step in numbers if step == offset}
