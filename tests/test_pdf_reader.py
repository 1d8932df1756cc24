"""The PDF reader asks pdfium for a glyph's right edge only where a line may continue on
the same baseline (``readers.pdf._split_lines``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.readers import pdf

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("name", ["A_99_215-EN.pdf", "A_HRC_98_41-EN.pdf"])
def test_right_edges_are_asked_only_for_pieces_on_the_same_baseline(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    right = pdf._Glyphs.right

    def counted(self: pdf._Glyphs, index: int) -> float:
        asked.append(index)
        return right(self, index)

    monkeypatch.setattr(pdf._Glyphs, "right", counted)
    document = pdf.read_pdf(CORPUS / name)
    lines = [line for page in document.pages for line in page.lines]
    assert len(lines) > 300
    assert len(asked) < len(lines) / 20  # it was one a line
