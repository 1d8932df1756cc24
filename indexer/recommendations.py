"""Which paragraphs recommend: first version, by the heading they sit under."""

from __future__ import annotations

import re

from .model import Paragraph

_HEADING_RE = re.compile(r"recommend|recommand|recomend", re.IGNORECASE)


def in_recommendation_section(section: list[str]) -> bool:
    """True when any heading of the path names recommendations, in any UN language."""
    return any(_HEADING_RE.search(heading) for heading in section)


def mark_recommendations(paragraphs: list[Paragraph]) -> None:
    """Set ``is_recommendation`` on numbered paragraphs under a recommendations heading."""
    for paragraph in paragraphs:
        paragraph.is_recommendation = paragraph.number is not None and in_recommendation_section(
            paragraph.section
        )
