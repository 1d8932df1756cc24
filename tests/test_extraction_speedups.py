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


@pytest.mark.parametrize(
    "text",
    [
        "IV. Conclusions", "IV.Conclusions", "B. Scope", "B • Scope", "12.3 An item",
        "12.3. An item", "Annex II", "ANNEX", "Annexe I: Liste", "Appendix 2",
        "(a) Legal framework", "(a) ends with a stop.", "69. A paragraph", "Recommendation 3",
        "", "   ", "iv. lower roman", "Annexed to this report", "(ab) Title",
    ],
)
def test_one_pattern_finds_what_opens_something_as_its_five_did(text: str) -> None:
    from indexer import headings as hd
    from indexer.numbering import ITEM_RE
    from indexer.segment import _LETTERED_TITLE_RE, _OPENS_RE

    parts = (hd.ROMAN_RE, hd.LETTER_RE, ITEM_RE, hd.ANNEX_RE, _LETTERED_TITLE_RE)
    assert bool(_OPENS_RE.match(text)) == any(p.match(text) for p in parts)
