"""Sub-paragraphs "(a)", "(b)", nested "(i)", "(ii)": found in a paragraph's text.

Markers count when they open a line of the joined text, or, in text whose
line breaks were lost, when they follow a colon or semicolon. The letters must
run in sequence, which separates the letter (i) after (h) from the roman (i)
that opens a nested list, and ignores "(see para. 3 (b))" in running text.
"""

from __future__ import annotations

import re

from .model import SubParagraph

_MARKER_RE = re.compile(r"(\()?([a-z]{1,6})\)\s")
_INLINE_BEFORE_RE = re.compile(r"[:;](?:\s(?:and|or|et|y))?\s$")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
          "xv", "xvi", "xvii", "xviii", "xix", "xx"]


def _opens_sub_paragraph(text: str, match: re.Match[str]) -> bool:
    """At a line start ("(a) " or Spanish "a) "), or inline after a colon or semicolon."""
    label = match.group(2)
    if len(label) > 2 and label not in _ROMAN:
        return False
    start = match.start()
    if start == 0 or text[start - 1] == "\n":
        return True
    return bool(match.group(1)) and bool(_INLINE_BEFORE_RE.search(text, max(0, start - 6), start))


def _letter_index(label: str) -> int | None:
    if len(label) == 1:
        return ord(label) - ord("a") + 1
    if len(label) == 2 and label[0] == label[1]:
        return 26 + ord(label[0]) - ord("a") + 1
    return None


def find_subparagraphs(text: str) -> list[SubParagraph]:
    """Labelled spans of ``text``; a letter's span includes its nested romans."""
    marks: list[tuple[int, str, str | None]] = []  # (offset, letter, roman)
    letter = 0
    letter_label: str | None = None
    roman = 0
    for match in _MARKER_RE.finditer(text):
        if not _opens_sub_paragraph(text, match):
            continue
        label = match.group(2)
        index = _letter_index(label)
        roman_index: int | None = _ROMAN.index(label) + 1 if label in _ROMAN else None
        as_letter = index is not None and index == letter + 1
        as_roman = roman_index is not None and roman_index == roman + 1 and letter_label
        if as_letter and as_roman:
            # "(i)" after "(h)": nested only when the text before introduces a list
            as_letter = roman > 0 or not text[: match.start()].rstrip().endswith(":")
            as_letter = as_letter and roman == 0
        if as_letter:
            letter, letter_label, roman = index, label, 0
            marks.append((match.start(), label, None))
        elif as_roman:
            roman = roman_index
            marks.append((match.start(), letter_label, label))
    spans: list[SubParagraph] = []
    for i, (start, letter_label_, roman_label) in enumerate(marks):
        end = len(text)
        for later_start, _, later_roman in marks[i + 1 :]:
            if roman_label is not None or later_roman is None:
                end = later_start
                break
        label = f"({letter_label_})" + (f" ({roman_label})" if roman_label else "")
        spans.append(SubParagraph(label, start, end))
    return spans
