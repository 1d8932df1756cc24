"""The JSON API's shapes, for /openapi.json.

They describe, and do not produce, what the API sends: every payload is the
library's own ``to_dict`` (the CLI's JSON field names) plus a few web-only
links, so the two outputs cannot drift apart field by field. Each model allows
extra fields, so a field added to ``to_dict`` stays valid against the schema.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Error(BaseModel):
    detail: str = Field(description="What was wrong, in one sentence.")


class Link(_Open):
    citation: str
    url: str


class Paragraph(_Open):
    """``ParagraphRecord.to_dict()``, as in ``paraindex get --format json``."""

    symbol: str
    paragraph: str | None = Field(description="'69', '140.12'; null for an unnumbered block")
    annex: str | None
    section: list[str] = Field(description="Headings from the outermost in")
    page: str | None = Field(description="Printed page number")
    page_end: str | None
    pdf_page: int | None
    pdf_page_end: int | None
    language: str
    title: str
    is_recommendation: bool
    text: str
    source: str = Field(description="The indexed file")
    citation: str = Field(description="'A/57/292, para. 69'")
    kind: str = Field(description="paragraph, item (UPR) or block")
    label: str | None
    subparagraphs: list[str]
    addressees: list[str]
    actions: list[str]
    recommended_by: list[str]
    instruments: list[Any]
    url: str = Field(description="This paragraph's page on this server (web only)")


class Passage(Paragraph):
    """A paragraph asked for by citation, with its neighbours (web only)."""

    subparagraph: str | None = Field(None, description="Present when the citation names one")
    subparagraph_text: str | None = None
    previous: Link | None = None
    next: Link | None = None


class Passages(BaseModel):
    """Every paragraph a citation names ("A/57/292, paras. 69-71"), in order (web only)."""

    citation: str = Field(description="The citation as asked")
    paragraphs: list[Passage]


class Hit(Paragraph):
    """``Hit.to_dict()``, as in ``paraindex search --format json``."""

    score: float
    snippet: str = Field(description="Matched terms are wrapped in [[ and ]]")


class SearchResponse(_Open):
    query: str
    total: int = Field(description="Matching paragraphs (estimated when very many)")
    total_estimated: bool = Field(
        description="total is an estimate: too many matches to count them all fast"
    )
    page: int
    size: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = Field(
        description="Counts by documents, bodies, addressees (... ) when facets=true"
    )
    did_you_mean: str | None
    corrected_query: str | None = Field(
        description="Set when the hits are for the query with its misspelt words corrected "
                    "(no paragraph has those words)"
    )
    misspelt: list[str] = Field(description="The words of the query no paragraph has")


class SimilarResponse(_Open):
    citation: str
    hits: list[Hit]


class Document(_Open):
    """``DocumentInfo.to_dict()``, as in ``paraindex docs --format json`` (plus ``doc``)."""

    doc: str = Field(description="Document id: symbol@language")
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
    symbol_from_filename: bool
    url: str = Field(description="The document's page on this server (web only)")
    original_url: str = Field(description="The original file, served by document id")


class DocumentsResponse(_Open):
    total: int
    documents: list[Document]
