"""The contents page: kept out of the paragraphs, and read for its paragraph ranges.

Many reports list each chapter with the paragraphs it holds::

    I.   Introduction ..........................   1–8     3

Those ranges are an independent check on the extracted numbering: the quality
report lists every chapter whose paragraphs disagree with them.
"""

from __future__ import annotations

import re

from .headings import ANNEX_RE, CONTENTS_RE
from .model import ContentsEntry, Line

_LEADER_RE = re.compile(r"(?:\.\s?){3,}|…{2,}|_{4,}")
_TRAILING_NUMBERS_RE = re.compile(
    r"^(?P<head>.*?)[\s.…]*"
    r"(?:(?:(?<=[\s.…])|^)(?P<first>\d{1,4})\s*[-–—]\s*(?P<last>\d{1,4}))?"
    r"(?:\s*(?:(?<=[\s.…])|^)(?P<page>\d{1,4}|[ivxl]{1,6}))?[\s.]*$"
)
_NUMBERED_RE = re.compile(r"^\d{1,4}\.\s")
#: a numbered entry opens a line: the lines before it are not its first lines
_ENTRY_NUMBER_RE = re.compile(r"^(?:\d{1,4}|[IVXL]{1,6}|[A-Z])\.\s")
_COLUMN_HEADS = {"page", "paragraphs", "paragraphs page", "página", "paragraphes", "párrafos",
                 "paragraphes page", "párrafos página", "pages", "item page", "items page",
                 "chapter page", "chapitre page", "capítulo página", "annex page"}


def find_contents(stream: list[Line]) -> tuple[set[int], list[ContentsEntry]]:
    """Indexes of the contents lines in ``stream`` and the ranges they give."""
    start = next((i for i, line in enumerate(stream[:400]) if _is_contents_heading(line.text)),
                 None)
    if start is None:
        return set(), []
    indexes = {start}
    pending: list[str] = []
    entries: list[ContentsEntry] = []
    misses = 0
    position = start + 1
    while position < len(stream) and misses < 3:
        text = " ".join(stream[position].text.split())
        lowered = text.lower()
        if lowered in _COLUMN_HEADS:
            indexes.add(position)
        elif (
            _NUMBERED_RE.match(text) and not _LEADER_RE.search(text)
            and not _wrapped_entry(stream, position) and not _bare_entry(stream, position)
        ):
            break  # the first numbered paragraph: the contents are over
        elif _LEADER_RE.search(text) or _has_numbers(text):
            if pending and _ENTRY_NUMBER_RE.match(text):
                _flush(stream, position, pending, indexes, entries)
            indexes.update(range(position - len(pending), position + 1))
            first_line = stream[position - len(pending)]
            entry = _entry(" ".join([*pending, text]), first_line.x)
            if entry:
                entries.append(entry)
            pending = []
            misses = 0
        elif len(text) < 160 and (
            not _NUMBERED_RE.match(text) or _wrapped_entry(stream, position)
        ):
            if pending and _NUMBERED_RE.match(text):  # (a wrapped entry: see above)
                _flush(stream, position, pending, indexes, entries)
            pending.append(text)  # a heading wrapped over two lines
            # a long heading wraps over many lines; leader dots ahead say the entry goes on
            misses += 1 if len(pending) > 2 and not _leader_ahead(stream, position) else 0
        else:
            break
        position += 1
    # "Annex." listed last without a page number, on the contents page: an entry, not
    # the start of an annex (a page later the body opens)
    first_pending = position - len(pending)
    if pending and indexes and ANNEX_RE.match(pending[0]) and len(pending[0]) < 40:
        if stream[first_pending].page == stream[max(indexes)].page:
            indexes.add(first_pending)
    return indexes, entries


def _is_contents_heading(text: str) -> bool:
    """"Contents", also with its column head on the same line ("Contents Page") or as
    "Summary of contents"."""
    text = " ".join(text.split())
    text = re.sub(r"^summary of ", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+(?:page|pages|paragraphs|página|paragraphes)$", "", text,
                  flags=re.IGNORECASE)
    return bool(CONTENTS_RE.match(text))


def _leader_ahead(stream: list[Line], position: int, window: int = 8) -> bool:
    return any(_LEADER_RE.search(line.text) for line in stream[position + 1: position + window])


def _flush(
    stream: list[Line], position: int, pending: list[str], indexes: set[int],
    entries: list[ContentsEntry],
) -> None:
    """The unnumbered lines before a numbered entry are a heading of their own (a group
    of agenda items, "Programme and policy matters"), listed without a page."""
    indexes.update(range(position - len(pending), position))
    heading = " ".join(_LEADER_RE.sub(" ", " ".join(pending)).split()).strip(" .")
    if re.search(r"[^\W\d_]{4}", heading):  # a word, not a stray page footer ("iv -10679")
        entries.append(ContentsEntry(heading, None, None, stream[position - len(pending)].x))
    pending.clear()


_BARE_ENTRY_RE = re.compile(r"^\d{1,4}\.\s\D.{0,110}\s\d{1,4}$")


def _bare_entry(stream: list[Line], position: int) -> bool:
    """A short numbered line ending in a page number, next to another such line, is an
    entry of contents printed without leader dots ("1. Tourner la page 2")."""
    def bare(index: int) -> bool:
        return 0 <= index < len(stream) and bool(
            _BARE_ENTRY_RE.match(" ".join(stream[index].text.split()))
        )
    return bare(position) and (bare(position - 1) or bare(position + 1))


def _wrapped_entry(stream: list[Line], position: int) -> bool:
    """A numbered line without leader dots is a contents entry wrapped onto the next
    line or two when one of those ends in leader dots ("2. Opening statements ... of" /
    "UNICEF ........ 3"); a numbered paragraph's next lines have none."""
    for line in stream[position + 1: position + 3]:
        text = " ".join(line.text.split())
        if _LEADER_RE.search(text):
            return len(text) < 160
        if _NUMBERED_RE.match(text) or len(text) >= 160:
            return False
    return False


#: numbers that OCR garbled ("36 - 1+1"), at the end of a contents line
_GARBLED_TAIL_RE = re.compile(
    r"(?:\s+[\d+*^lIU]*\d[\d+*^lIU]*(?:\s*[-–—]\s*[\d+*^lIU]+)?)+[\s.]*$"
)


def _has_numbers(text: str) -> bool:
    match = _TRAILING_NUMBERS_RE.match(text)
    return bool(match and (match.group("first") or match.group("page"))) or bool(
        _GARBLED_TAIL_RE.search(text)
    )


def _entry(text: str, x: float | None) -> ContentsEntry | None:
    match = _TRAILING_NUMBERS_RE.match(text)
    if not match or not (match.group("first") or match.group("page")):
        garbled = _GARBLED_TAIL_RE.search(text)
        if not garbled:
            return None
        heading = " ".join(_LEADER_RE.sub(" ", text[: garbled.start()]).split()).strip(" .")
        return ContentsEntry(heading, None, None, x) if heading else None
    heading = _LEADER_RE.sub(" ", match.group("head"))
    heading = " ".join(_GARBLED_TAIL_RE.sub("", heading).split()).strip(" .")
    if not heading or not any(ch.isalpha() for ch in heading):
        return None
    first, last = match.group("first"), match.group("last")
    return ContentsEntry(heading, int(first) if first else None, int(last) if last else None, x)


def contents_levels(entries: list[ContentsEntry]) -> dict[str, tuple[int, str]]:
    """Heading key -> (level, heading as listed); level 1 is the least indented."""
    xs = sorted({round(e.x) for e in entries if e.x is not None})
    tiers: list[int] = []
    for x in xs:
        if not tiers or x - tiers[-1] > 6:
            tiers.append(x)
    levels = {}
    for entry in entries:
        if re.match(r"^(?:[IVXL]{1,6}|[A-Z]|\d{1,2})\.\s", entry.heading):
            continue  # numbered headings are found by their numbering
        if entry.x is None:
            level = 1
        else:
            level = 1 + max(i for i, tier in enumerate(tiers) if round(entry.x) >= tier - 6)
        levels[heading_key(entry.heading)] = (level, entry.heading)
    return levels


_NOT_LETTERS_RE = re.compile(r"[\W_]+")


def heading_key(text: str) -> str:
    """Compare headings by their letters only: case, spaces and punctuation vary."""
    return _NOT_LETTERS_RE.sub("", text.casefold())
