"""The JSON API under /api/: the CLI's JSON, field for field, plus links to the pages.

Errors answer ``{"detail": "..."}``: 400 for a bad query, citation or
parameter, 404 for a document or paragraph that is not in the index.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from indexer.errors import NotFoundError, QueryError
from indexer.records import DocumentInfo, Hit, ParagraphRecord, SearchResults
from search.service import FACETS, Paraindex, Passage

from . import models
from .form import SEARCH_FACETS, SearchForm, recommendations_form, search_form
from .links import (
    document_url,
    original_url,
    paragraph_url,
    parse_paragraph_path,
    record_url,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": models.Error, "description": "Bad query, citation or parameter"},
    404: {"model": models.Error, "description": "No such document or paragraph"},
}
MAX_SIMILAR = 50

router = APIRouter(prefix="/api", tags=["api"])


def open_library(request: Request) -> Paraindex:
    """The app's one library. It reads the index's latest commit on every request and keeps
    per commit what it derived (open readers, filter sets, the document list), so requests
    share that work instead of reopening the index each time."""
    library: Paraindex = request.app.state.library
    return library


Library = Annotated[Paraindex, Depends(open_library)]


def record_payload(record: ParagraphRecord) -> dict[str, Any]:
    data = record.to_dict()
    data["url"] = record_url(record)
    return data


def hit_payload(hit: Hit) -> dict[str, Any]:
    data = hit.to_dict()
    data["url"] = record_url(hit.record)
    return data


def _link(record: ParagraphRecord | None) -> dict[str, str] | None:
    url = paragraph_url(record) if record else None
    return {"citation": record.citation, "url": url} if record and url else None


def passage_payload(library: Paraindex, passage: Passage) -> dict[str, Any]:
    data = passage.to_dict()
    data["url"] = record_url(passage.record)
    before, after = library.neighbours(passage.record)
    data["previous"] = _link(before)
    data["next"] = _link(after)
    return data


def document_payload(doc: DocumentInfo) -> dict[str, Any]:
    data = doc.to_dict()
    data["url"] = document_url(doc.symbol, doc.language)
    data["original_url"] = original_url(doc.doc)
    return data


def results_payload(form: SearchForm, results: SearchResults) -> dict[str, Any]:
    return {
        "query": form.q,
        "total": results.total,
        "total_estimated": results.total_estimated,
        "page": form.page,
        "size": form.size,
        "hits": [hit_payload(hit) for hit in results.hits],
        "facets": results.facets,
        "did_you_mean": results.suggestion,
        # set when the hits are for the query corrected (its misspelt words match nothing)
        "corrected_query": results.suggestion,
        "misspelt": results.misspelt,
    }


@router.get("/search", response_class=JSONResponse,
            responses={200: {"model": models.SearchResponse}, **ERRORS})
def api_search(
    library: Library,
    form: Annotated[SearchForm, Depends(search_form)],
    facets: Annotated[bool, Query(description="Count hits by documents, bodies and "
                                              "addressees")] = False,
) -> JSONResponse:
    """Ranked paragraphs for a query (the same query language as `paraindex search`)."""
    results = form.run(library, SEARCH_FACETS if facets else ())
    return JSONResponse(results_payload(form, results))


@router.get("/recommendations", response_class=JSONResponse,
            responses={200: {"model": models.SearchResponse}, **ERRORS})
def api_recommendations(
    library: Library,
    form: Annotated[SearchForm, Depends(recommendations_form)],
    facets: Annotated[bool, Query(description="Count hits by documents, bodies, addressees, "
                                              "actions and recommenders")] = False,
) -> JSONResponse:
    """Recommendation paragraphs, ranked for the query if one is given."""
    results = form.run(library, tuple(FACETS) if facets else ())
    return JSONResponse(results_payload(form, results))


def _one(library: Paraindex, passages: list[Passage], asked: str) -> JSONResponse:
    if len(passages) > 1:
        raise QueryError(f"{asked!r} names {len(passages)} paragraphs: /api/paragraphs "
                         "returns them all")
    return JSONResponse(passage_payload(library, passages[0]))


@router.get("/paragraph", response_class=JSONResponse,
            responses={200: {"model": models.Passage}, **ERRORS})
def api_paragraph(
    library: Library,
    citation: Annotated[str, Query(min_length=1, max_length=300,
                                   description="'A/57/292, para. 69', 'A/57/292 69 (a)'")],
    lang: Annotated[str | None, Query(max_length=10)] = None,
) -> JSONResponse:
    """One paragraph by citation, as `paraindex get --format json` shows it."""
    return _one(library, library.get(citation, lang or None), citation)


@router.get("/paragraphs", response_class=JSONResponse,
            responses={200: {"model": models.Passages}, **ERRORS})
def api_paragraphs(
    library: Library,
    citation: Annotated[str, Query(min_length=1, max_length=300,
                                   description="'A/57/292, paras. 69-71', 'S/2025/147, p. 1'")],
    lang: Annotated[str | None, Query(max_length=10)] = None,
) -> JSONResponse:
    """Every paragraph a citation names, in order: ``citation`` as asked, and each paragraph
    as `/api/paragraph` gives it (its normalised citation, address and neighbours)."""
    passages = library.get(citation, lang or None)
    return JSONResponse({"citation": citation,
                         "paragraphs": [passage_payload(library, p) for p in passages]})


@router.get("/paragraph/{path:path}", response_class=JSONResponse,
            responses={200: {"model": models.Passage}, **ERRORS})
def api_paragraph_by_path(
    library: Library,
    path: str,
    lang: Annotated[str | None, Query(max_length=10)] = None,
) -> JSONResponse:
    """One paragraph by its page's address: A/57/292/69, A/HRC/EMRIP/2025/2/annex/I/12."""
    address = parse_paragraph_path(path)
    if address is None or len(path) > 300:
        raise NotFoundError(f"{path!r} is not a paragraph address (e.g. A/57/292/69)")
    return _one(library, library.get(address.citation(), lang or None), path)


@router.get("/similar", response_class=JSONResponse,
            responses={200: {"model": models.SimilarResponse}, **ERRORS})
def api_similar(
    library: Library,
    citation: Annotated[str, Query(min_length=1, max_length=300)],
    limit: Annotated[int, Query(ge=1, le=MAX_SIMILAR)] = 10,
) -> JSONResponse:
    """Paragraphs of other reports that say much the same as the cited one."""
    record = library.get(citation)[0].record
    hits = library.similar(citation, limit=limit)
    for hit in hits:
        hit.snippet = hit.record.text[:240]
    return JSONResponse({"citation": record.citation, "hits": [hit_payload(h) for h in hits]})


@router.get("/documents", response_class=JSONResponse,
            responses={200: {"model": models.DocumentsResponse}, **ERRORS})
def api_documents(
    library: Library,
    symbol: Annotated[str | None, Query(max_length=200,
                                        description="Symbol or pattern: A/HRC/*")] = None,
    problems: Annotated[bool, Query(description="Only documents whose quality report "
                                                "flags something")] = False,
) -> JSONResponse:
    """Indexed documents with their sections and extraction quality report."""
    documents = library.documents(symbol or None)
    if problems:
        documents = [d for d in documents if not d.quality.get("ok", True)]
    return JSONResponse({"total": len(documents),
                         "documents": [document_payload(d) for d in documents]})
