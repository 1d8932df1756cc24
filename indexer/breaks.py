"""Restore the paragraph breaks of text whose line breaks were lost.

"... and migration. 64. The Special Rapporteur draws ..." arrives as one long
line. It is cut before every place where a paragraph, a recommendation item or
a heading could start, and the pieces are marked ``split``; the numbering
decides later which cuts were real. A cut that was not real costs nothing, as
the pieces are joined again with the space that separated them.
"""

from __future__ import annotations

import re

from .model import Line

#: lines longer than this are searched for lost breaks
LONG_LINE = 300

_CUT_RE = re.compile(
    r"(?<=[.;:!?”’\"\)\]])\s+(?="
    r"\d{1,4}\.\s+[A-Z“\"‘(¿¡]"  # 64. The
    r"|\d{1,4}\.\d{1,3}\.?\s+[A-Z“\"‘]"  # 140.12 Ratify
    r"|[IVXL]{1,6}\.\s+[A-Z]"  # VI. Recommendations
    r"|[A-H]\.\s+[A-Z][a-z]"  # B. Recommendations
    r"|\([a-z]\)\s"  # (a) ... a sub-paragraph after a full stop
    r")"
)
_AFTER_HEADING_RE = re.compile(r"\s+(?=\d{1,4}\.\s+[A-Z“\"‘(])")
_HEADING_START_RE = re.compile(r"^(?:[IVXL]{1,6}|[A-H])\.\s")


def restore_breaks(lines: list[Line]) -> list[Line]:
    """Cut over-long lines at every plausible paragraph or heading boundary."""
    out: list[Line] = []
    for line in lines:
        if len(line.text) < LONG_LINE:
            out.append(line)
            continue
        pieces = _pieces(line.text)
        for number, piece in enumerate(pieces):
            split = line.split if number == 0 else True
            out.append(Line(piece, line.page, line.x, line.y, line.size, line.bold, split=split))
    return out


def _pieces(text: str) -> list[str]:
    pieces = []
    for piece in _CUT_RE.split(text):
        if _HEADING_START_RE.match(piece):
            # "VI. Recommendations 69. The Special ..." has no full stop before 69
            match = _AFTER_HEADING_RE.search(piece, 0, 160)
            if match and "." not in piece[4 : match.start()]:
                pieces.extend([piece[: match.start()], piece[match.end():]])
                continue
        pieces.append(piece)
    return [p for p in (p.strip() for p in pieces) if p]
