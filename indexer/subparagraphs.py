"""Sub-paragraphs "(a)", "(b)", nested "(i)", "(ii)": found in a paragraph's text.

Markers count when they open a line of the joined text, or, in text whose
line breaks were lost, when they follow a colon or semicolon. The letters must
run in sequence, which separates the letter (i) after (h) from the roman (i)
that opens a nested list, and ignores "(see para. 3 (b))" in running text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import SubParagraph

#: a marker "(a) " or "a) " ends in a closing bracket and a space; finding those first is far
#: cheaper than trying the marker pattern at every letter of the text
_CLOSE_RE = re.compile(r"\)\s")
_MARKER_LETTERS = 6
_INLINE_BEFORE_RE = re.compile(r"[:;](?:\s(?:and|or|et|y))?\s$")
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
          "xv", "xvi", "xvii", "xviii", "xix", "xx"]


def _markers(text: str) -> Iterator[tuple[int, bool, str]]:
    r"""(start, bracketed, label) of each "(x) " or "x) ", x one to six letters a-z.

    The same matches, in the same order, as ``re.finditer(r"(\()?([a-z]{1,6})\)\s")``:
    the letters run back from the bracket (at most six; a longer run matches its last
    six, unbracketed) and an opening bracket just before them is taken in.
    """
    for close in _CLOSE_RE.finditer(text):
        end = close.start()
        start = end
        while start > end - _MARKER_LETTERS and start > 0 and "a" <= text[start - 1] <= "z":
            start -= 1
        if start == end:
            continue
        if start > 0 and text[start - 1] == "(":
            yield start - 1, True, text[start:end]
        else:
            yield start, False, text[start:end]


def _opens_sub_paragraph(text: str, start: int, bracketed: bool, label: str) -> bool:
    """At a line start ("(a) " or Spanish "a) "), or inline after a colon or semicolon."""
    if len(label) > 2 and label not in _ROMAN:
        return False
    if start == 0 or text[start - 1] == "\n":
        return True
    return bracketed and bool(_INLINE_BEFORE_RE.search(text, max(0, start - 6), start))


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
    for start, bracketed, label in _markers(text):
        if not _opens_sub_paragraph(text, start, bracketed, label):
            continue
        index = _letter_index(label)
        roman_index: int | None = _ROMAN.index(label) + 1 if label in _ROMAN else None
        as_letter = index is not None and index == letter + 1
        as_roman = roman_index is not None and roman_index == roman + 1 and letter_label
        if as_letter and as_roman:
            # "(i)" after "(h)": nested only when the text before introduces a list
            as_letter = roman > 0 or not text[:start].rstrip().endswith(":")
            as_letter = as_letter and roman == 0
        if as_letter:
            letter, letter_label, roman = index, label, 0
            marks.append((start, label, None))
        elif as_roman:
            roman = roman_index
            marks.append((start, letter_label, label))
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
