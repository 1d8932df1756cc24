"""Document-wide typography: the body text size and left margin, learnt from the lines.

Everything that reads geometry compares a line with these two figures, so a
heading is "larger than the body" and a note is "smaller than the body" in
every layout, whatever its absolute point sizes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .model import Page


@dataclass(frozen=True, slots=True)
class Layout:
    body_size: float | None  # None when the file has no usable font sizes
    margin: float | None  # x of most body lines; None without geometry
    has_geometry: bool
    #: each line is a whole paragraph (DOCX, HTML): a heading never wraps onto the next
    lines_are_paragraphs: bool = False

    def smaller(self, size: float | None, ratio: float = 0.92) -> bool:
        """True when ``size`` is clearly smaller than body text."""
        return self.body_size is not None and size is not None and size < ratio * self.body_size

    def larger(self, size: float | None, ratio: float = 1.08) -> bool:
        return self.body_size is not None and size is not None and size > ratio * self.body_size

    def at_margin(self, x: float | None, tolerance: float = 4.0) -> bool | None:
        if self.margin is None or x is None:
            return None
        return abs(x - self.margin) <= tolerance


def measure_layout(pages: list[Page], lines_are_paragraphs: bool = False) -> Layout:
    """Weighted modes of font size and left x over the long lines of the document."""
    sizes: Counter[float] = Counter()
    margins: Counter[float] = Counter()
    has_geometry = False
    for page in pages:
        for line in page.lines:
            if line.x is not None:
                has_geometry = True  # positions on a page; y alone (text files) is not
            if len(line.text) < 40:
                continue
            if line.size is not None:
                sizes[round(line.size * 2) / 2] += len(line.text)
            if line.x is not None:
                margins[round(line.x)] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else None
    if body_size is not None and body_size <= 2.0:
        body_size = None  # Type 3 fonts report 1.0 for every glyph: sizes say nothing
    margin = float(margins.most_common(1)[0][0]) if margins else None
    return Layout(body_size, margin, has_geometry, lines_are_paragraphs)
