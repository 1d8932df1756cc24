"""A document's date, or at least its year, so that ``year:`` finds every report.

Official records (the General Assembly's supplements, ECOSOC's) print no date on
their cover; without one, a ``year:2025`` search silently dropped 14 of the real
reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.pipeline import extract
from search.service import Paraindex

from .conftest import shared_path


@pytest.mark.parametrize("parts, date", [
    (("corpus", "A_80_188-EN.pdf"), "17 July 2025"),  # a printed date is kept as printed
    (("corpus", "A_80_44-EN.pdf"), "2025"),  # GA official records, eightieth session
    (("bulk", "A_80_55.en.pdf"), "2025"),  # its sessions met in 2023-2024; the records: 2025
    (("corpus", "E_2025_22-EN.pdf"), "2025"),  # "Official Records, 2025"
    (("corpus", "A_80_10-EN.pdf"), "2025"),  # "(28 April–30 May 2025)"
    (("corpus", "JIU_REP_2025_2-EN.pdf"), "2025"),  # only the symbol has a year
])
def test_a_document_without_a_printed_date_gets_the_year_its_cover_or_symbol_gives(
    parts: tuple[str, str], date: str
) -> None:
    assert extract(shared_path(*parts)).date == date


def test_year_finds_the_official_records_too(real_index: Path) -> None:
    library = Paraindex(real_index)
    assert library.search("year:2025 torture", symbol="A/80/44").hits
