"""paraindex search: queries, ranking, lookup, output and the command line."""

from __future__ import annotations

from .citation import Citation, parse_citation
from .service import Paraindex, Passage

__all__ = ["Citation", "Paraindex", "Passage", "parse_citation"]
