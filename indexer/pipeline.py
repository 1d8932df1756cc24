"""file -> pages -> paragraphs: the whole extraction of one document."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .furniture import clean_page, find_running_furniture
from .language import detect_language
from .layout import measure_layout
from .masthead import read_masthead
from .model import ExtractedDocument, Page, SourceDocument
from .quality import assess
from .readers import DEFAULT_MAX_BYTES, read_file
from .recommendations import mark_recommendations
from .segment import segment


def extract(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedDocument:
    """Read and segment one file. Raises an ``UnreadableFileError`` naming the file."""
    return extract_source(read_file(path, max_bytes))


def extract_source(source: SourceDocument) -> ExtractedDocument:
    """Segment pages that a reader has already produced."""
    layout = measure_layout(source.pages, lines_are_paragraphs=source.kind in ("docx", "html"))
    # running headers and footers go first, so that neither the masthead nor the text
    # reads them ("unu.edu/ias" was taken into a brief's title)
    running = find_running_furniture(source.pages)
    pages = [
        Page(p.index, [line for line in p.lines if id(line) not in running.lines], p.height,
             p.width)
        if running.lines else p
        for p in source.pages
    ]
    masthead = read_masthead(pages, layout, source.path)
    pages = [
        Page(p.index, [line for line in p.lines if id(line) not in masthead.drop], p.height,
             p.width)
        if p.index == 1 else p
        for p in pages
    ]
    cleaned = [clean_page(page, layout) for page in pages]
    for page in cleaned:
        page.printed = page.printed or running.printed.get(page.index)
    parts = segment(cleaned, layout)
    printed = {page.index: page.printed for page in cleaned}
    for paragraph in parts.paragraphs:
        if not source.paged:
            paragraph.page = paragraph.page_end = None
            continue
        paragraph.printed_page = printed.get(paragraph.page or 0)
        paragraph.printed_page_end = printed.get(paragraph.page_end or 0)
    mark_recommendations(parts.paragraphs, symbol=masthead.symbol, title=masthead.title)
    sample = " ".join(p.text for p in parts.paragraphs[:300])
    symbol = masthead.symbol or Path(source.path).stem
    return ExtractedDocument(
        path=source.path,
        kind=source.kind,
        symbol=symbol,
        title=masthead.title or Path(source.path).stem,
        language=detect_language(sample),
        date=masthead.date,
        pages=len(source.pages) if source.paged else 0,
        paragraphs=parts.paragraphs,
        sections=parts.sections,
        footnotes=[note for page in cleaned for note in page.footnotes] + parts.endnotes,
        quality=assess(parts.paragraphs, parts.sections, parts.contents,
                       len(source.pages) if source.paged else 0),
        symbol_from_filename=masthead.from_filename or masthead.symbol is None,
    )


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file's bytes: the identity of a document version in the index."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
