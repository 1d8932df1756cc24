"""What the index gives back: plain values that outlive the searcher that found them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class ParagraphRecord:
    """One stored paragraph, item or block, as every output format shows it."""

    key: str
    doc: str
    kind: str
    symbol: str
    number: str | None
    annex: str | None
    section: list[str]
    page: str | None
    page_end: str | None
    pdf_page: int | None
    pdf_page_end: int | None
    language: str
    title: str
    is_recommendation: bool
    text: str
    source: str
    ordinal: int
    subparagraphs: list[tuple[str, int, int]] = field(default_factory=list)
    label: str | None = None
    addressees: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    recommenders: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    upr_status: str | None = None

    @property
    def citation(self) -> str:
        """How a reader cites it: 'A/57/292, para. 69', 'A/HRC/EMRIP/2025/2, annex, para. 3'."""
        where = self.symbol
        if self.annex:
            where += f", annex {self.annex}" if self.annex_numbered else ", annex"
        if self.number is None:
            if self.label:
                return f"{where}, {self.label}"
            page = self.page or self.pdf_page
            return f"{where}, p. {page}" if page else where
        return f"{where}, para. {self.number}"

    @property
    def annex_numbered(self) -> bool:
        """Was the annex printed with a number ("Annex II") or alone ("Annex")?"""
        heading = self.section[0] if self.section else ""
        return bool(re.match(r"^(?:annex|annexe|anexo)\s+(?:[IVXL]+|\d+|[A-Z])\b", heading,
                             re.IGNORECASE))

    def subparagraph(self, label: str) -> str | None:
        """The text of sub-paragraph ``label`` ('(a)', '(a) (ii)'), or None."""
        from .model import normalise_label

        wanted = normalise_label(label)
        for sub_label, start, end in self.subparagraphs:
            if normalise_label(sub_label) == wanted:
                return self.text[start:end].strip()
        return None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape shared by the CLI and the web API."""
        return {
            "symbol": self.symbol,
            "paragraph": self.number,
            "annex": self.annex,
            "section": self.section,
            "page": self.page,
            "page_end": self.page_end,
            "pdf_page": self.pdf_page,
            "pdf_page_end": self.pdf_page_end,
            "language": self.language,
            "title": self.title,
            "is_recommendation": self.is_recommendation,
            "text": self.text,
            "source": self.source,
            "citation": self.citation,
            "kind": self.kind,
            "label": self.label,
            "subparagraphs": [label for label, _, _ in self.subparagraphs],
            "addressees": self.addressees,
            "actions": self.actions,
            "recommended_by": self.recommenders,
            "upr_status": self.upr_status,
            "instruments": self.instruments,
        }


@dataclass(slots=True)
class Hit:
    """A search result: the paragraph, its score and a highlighted snippet."""

    record: ParagraphRecord
    score: float
    snippet: str  # plain text with matched terms wrapped in [[ and ]]

    def to_dict(self) -> dict[str, Any]:
        data = self.record.to_dict()
        data["score"] = round(self.score, 4)
        data["snippet"] = self.snippet
        return data


@dataclass(slots=True)
class DocumentInfo:
    """An indexed document with its extraction quality report."""

    doc: str
    symbol: str
    title: str
    language: str
    date: str | None
    pages: int
    paragraphs: int
    blocks: int
    recommendations: int
    source: str
    content_hash: str
    kind: str
    quality: dict[str, Any]
    sections: list[dict[str, Any]]
    symbol_from_filename: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the query with its misspelt words corrected: when set, the hits are for it
    suggestion: str | None = None
    #: the words of the query no paragraph has, which ``suggestion`` corrects
    misspelt: list[str] = field(default_factory=list)
    #: ``total`` is an estimate ("about"): too many matches to count them all fast
    total_estimated: bool = False
