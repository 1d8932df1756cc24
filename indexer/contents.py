"""The contents page: kept out of the paragraphs, and read for its paragraph ranges.

Many reports list each chapter with the paragraphs it holds::

    I.   Introduction ..........................   1–8     3

Those ranges are an independent check on the extracted numbering: the quality
report lists every chapter whose paragraphs disagree with them.
"""

from __future__ import annotations

import re

from .headings import CONTENTS_RE
from .model import ContentsEntry, Line

_LEADER_RE = re.compile(r"(?:\.\s?){3,}|…{2,}|_{4,}")
_TRAILING_NUMBERS_RE = re.compile(
    r"^(?P<head>.*?)[\s.…]*(?:(?P<first>\d{1,4})\s*[-–—]\s*(?P<last>\d{1,4})\s+)?"
    r"(?:(?<=[\s.…])|^)(?P<page>\d{1,4}|[ivxl]{1,6})$"
)
_COLUMN_HEADS = {"page", "paragraphs", "paragraphs page", "página", "paragraphes", "párrafos",
                 "paragraphes page", "párrafos página", "pages"}


def find_contents(stream: list[Line]) -> tuple[set[int], list[ContentsEntry]]:
    """Indexes of the contents lines in ``stream`` and the ranges they give."""
    start = next((i for i, line in enumerate(stream[:400]) if CONTENTS_RE.match(line.text)), None)
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
        elif re.match(r"^\d{1,4}\.\s+\S", text) and not _LEADER_RE.search(text):
            break  # the first numbered paragraph: the contents are over
        elif _LEADER_RE.search(text) or _TRAILING_NUMBERS_RE.match(text):
            indexes.update(range(position - len(pending), position + 1))
            entry = _entry(" ".join([*pending, text]))
            if entry:
                entries.append(entry)
            pending = []
            misses = 0
        elif len(text) < 160 and not re.match(r"^\d{1,4}\.\s", text):
            pending.append(text)  # a heading wrapped over two lines
            misses += 1 if len(pending) > 2 else 0
        else:
            break
        position += 1
    return indexes, entries


def _entry(text: str) -> ContentsEntry | None:
    match = _TRAILING_NUMBERS_RE.match(text)
    if not match or not match.group("first"):
        return None
    heading = _LEADER_RE.sub(" ", match.group("head"))
    heading = " ".join(heading.split()).strip(" .")
    if not heading:
        return None
    return ContentsEntry(heading, int(match.group("first")), int(match.group("last")))
