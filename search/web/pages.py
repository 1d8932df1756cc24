"""The HTML pages: search, a paragraph, a document, the document list, original files.

Every page works without JavaScript; the only script adds copy buttons. All
report text reaches the templates as plain strings and is escaped there
(autoescape); the one piece of markup built here, the highlighted snippet,
is escaped before its <mark> tags are added (``links.highlight``).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, unquote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from indexer.errors import NotFoundError, QueryError
from indexer.records import DocumentInfo
from indexer.symbols import is_pattern, normalise_symbol
from search.service import Paraindex

from . import links
from .api import open_library
from .form import MAX_PAGE, SEARCH_FACETS, SearchForm, search_form

HERE = Path(__file__).resolve().parent
SIMILAR_ON_PAGE = 5
#: how original files are sent: PDFs and text are shown, anything else is downloaded
#: (an indexed HTML report must never run as a page of this site)
INLINE_TYPES = {".pdf": "application/pdf", ".txt": "text/plain; charset=utf-8"}
FACET_TITLES = {"documents": "Documents", "bodies": "Bodies", "addressees": "Addressed to"}
FACET_PARAMS = {"documents": "symbol", "bodies": "body", "addressees": "addressee"}
EXAMPLES = ['"human rights defenders"', "moratorium AND mining", "statelessness lang:en",
            "symbol:A/HRC/* migrants", "A/HRC/59/15 140.12"]


def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["highlight"] = links.highlight
    env.filters["strip_marks"] = links.strip_marks
    env.filters["record_url"] = links.record_url
    env.filters["pages_label"] = links.pages_label
    env.globals["document_url"] = links.document_url
    env.globals["original_url"] = links.original_url
    return Jinja2Templates(env=env)


templates = make_templates()
router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status)


@router.api_route("/", methods=["GET", "HEAD"])
def search_page(request: Request, form: Annotated[SearchForm, Depends(search_form)]) -> Response:
    if any(value == "" for _, value in request.query_params.multi_items()):
        # the form sends its empty fields too: answer with the short link worth sharing
        return RedirectResponse(form.link(page=form.page), 303)
    library = open_library(request)
    documents = library.documents()
    context: dict[str, Any] = {
        "form": form,
        "languages": sorted({d.language for d in documents}),
        "documents": len(documents),
        "paragraphs": sum(d.paragraphs for d in documents),
        "examples": [(text, SearchForm(q=text).link()) for text in EXAMPLES],
        "facet_titles": FACET_TITLES,
        "facet_params": FACET_PARAMS,
        "results": None,
    }
    if form.blank:
        return render(request, "search.html", context)
    try:
        results = form.run(library, SEARCH_FACETS)
    except (QueryError, NotFoundError) as error:
        context["error"] = str(error)
        status = 400 if isinstance(error, QueryError) else 404
        return render(request, "search.html", context, status)
    pages = min(MAX_PAGE, max(1, math.ceil(results.total / form.size)))
    context.update(results=results, pages=pages)
    return render(request, "search.html", context)


@router.api_route("/documents", methods=["GET", "HEAD"])
def documents_page(
    request: Request,
    symbol: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    library = open_library(request)
    documents = library.documents((symbol or "").strip() or None)
    flagged = sum(1 for d in documents if not d.quality.get("ok", True))
    return render(request, "documents.html",
                  {"documents": documents, "flagged": flagged, "symbol": symbol or ""})


def _pick(documents: list[DocumentInfo], lang: str | None) -> DocumentInfo:
    """The language asked for, else English, else the first."""
    for wanted in (lang, "en"):
        for doc in documents:
            if doc.language == wanted:
                return doc
    return documents[0]


@router.api_route("/documents/{symbol:path}", methods=["GET", "HEAD"])
def document_page(
    request: Request,
    symbol: str,
    lang: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    library = open_library(request)
    if is_pattern(symbol):
        return RedirectResponse(f"/documents?symbol={quote(symbol, safe='')}", 303)
    documents = library.documents(symbol)
    doc = _pick(documents, lang)
    sections = []
    for section in doc.sections:
        path = section.get("path") or []
        annex = section.get("annex")
        first, last = section.get("first"), section.get("last")
        sections.append({
            "heading": path[-1] if path else "",
            "depth": min(len(path), 6),
            "page": section.get("page"),
            "first": first,
            "last": last,
            "first_url": links.address_url(doc.symbol, annex, first) if first else None,
            "last_url": links.address_url(doc.symbol, annex, last) if last else None,
        })
    others = [d for d in documents if d.doc != doc.doc]
    return render(request, "document.html",
                  {"doc": doc, "sections": sections, "others": others})


@router.api_route("/original/{doc_id:path}", methods=["GET", "HEAD"])
def original_file(request: Request, doc_id: str) -> Response:
    """The indexed file of a document, found by its id: no path from the request is opened."""
    library = open_library(request)
    doc = next((d for d in library.documents() if d.doc == doc_id), None)
    if doc is None:
        raise NotFoundError(f"no document with id {doc_id!r} in the index")
    source = Path(doc.source)
    if not source.is_file():
        raise NotFoundError(f"the original file of {doc.symbol} is no longer where it was "
                            "indexed: index it again")
    media = INLINE_TYPES.get(source.suffix.lower())
    headers = {"Content-Security-Policy": "sandbox"} if media is None else None
    return FileResponse(source, media_type=media or "application/octet-stream",
                        filename=source.name, headers=headers,
                        content_disposition_type="inline" if media else "attachment")


@router.api_route("/favicon.ico", methods=["GET", "HEAD"])
def favicon() -> Response:
    return RedirectResponse("/static/icon.svg", 301)


@router.api_route("/{path:path}", methods=["GET", "HEAD"])
def paragraph_page(
    request: Request,
    path: str,
    lang: Annotated[str | None, Query(max_length=10)] = None,
) -> Response:
    """A paragraph's permanent page; a bare symbol leads to its document's page."""
    library = open_library(request)
    address = links.parse_paragraph_path(path) if len(path) <= 300 else None
    if address is None:
        return _document_redirect(library, path, None)
    try:
        passages = library.get(address.citation(), lang or None)
    except NotFoundError as error:
        return _document_redirect(library, path, error)
    record = passages[0].record
    canonical = links.address_url(record.symbol, record.annex, address.number)
    if unquote(canonical) != request.url.path:
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(canonical + query, 308)
    before, after = library.neighbours(record)
    similar = library.similar(address.citation(), limit=SIMILAR_ON_PAGE)
    doc = next((d for d in library.documents(record.symbol) if d.doc == record.doc), None)
    return render(request, "paragraph.html", {
        "record": record,
        "parts": links.text_parts(record),
        "before": before,
        "after": after,
        "similar": similar,
        "doc": doc,
        "pdf": doc is not None and doc.source.lower().endswith(".pdf"),
        "permalink": str(request.base_url).rstrip("/") + links.record_url(record),
    })


def _document_redirect(library: Paraindex, path: str, error: NotFoundError | None) -> Response:
    """``/A/57/292`` names a document, not a paragraph: go to the document's page."""
    symbol = path.strip("/")
    documents = []
    if len(symbol) <= 200 and not is_pattern(symbol):
        try:
            normalise_symbol(symbol)
            documents = library.documents(symbol)
        except (ValueError, NotFoundError):
            documents = []
    if documents:
        return RedirectResponse(links.document_url(documents[0].symbol), 303)
    raise error or NotFoundError(
        f"/{symbol} is neither a paragraph (e.g. /A/57/292/69) nor an indexed document"
    )
