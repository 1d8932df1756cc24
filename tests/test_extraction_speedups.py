"""Fast paths in extraction give exactly what the plain code they replace gave."""

from __future__ import annotations

import re

import pytest

from indexer.subparagraphs import _markers

_MARKER_RE = re.compile(r"(\()?([a-z]{1,6})\)\s")


@pytest.mark.parametrize(
    "text",
    [
        "(a) first; (b) second; and (c) third.",
        "a) primero\nb) segundo",
        "abcdefgh) more than six letters",
        "(abcdefg) seven bracketed",
        "(abcdef) six bracketed",
        "(ab) (c)\n(d)) e) ",
        "x(a)\ty and (i)\u00a0nested",
        "a)b) c ) d() e) (A) f) (é) g)",
        ")) a) ",
        "see para. 3 (b)) of the report (xiv) end",
        "",
    ],
)
def test_sub_paragraph_markers_match_the_pattern(text: str) -> None:
    expected = [(m.start(), bool(m.group(1)), m.group(2)) for m in _MARKER_RE.finditer(text)]
    assert list(_markers(text)) == expected
