"""Documents to stored fields and back: what one Whoosh record holds and how it is keyed.

A document is one record per paragraph (numbered, item or unnumbered block) and
one ``kind = "document"`` record with its metadata and quality report.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.fields import Schema
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from .. import schema as f
from ..model import ExtractedDocument, Paragraph
from ..records import DocumentInfo, ParagraphRecord
from ..symbols import symbol_key, symbol_parts

#: indexed on every record but stored on the document's own only
SHARED_INDEXED = (f.SYMBOL_KEY, f.LANGUAGE, f.YEAR)
#: what a paragraph's stored fields get from its document's record when read
SHARED_STORED = (f.SYMBOL, f.SOURCE, f.CONTENT_HASH, f.TITLE, *SHARED_INDEXED)


def document_id(symbol: str, language: str) -> str:
    """A document is a symbol in a language: the English and French texts are two."""
    return f"{symbol_key(symbol)}@{language}"


def paragraph_key(doc: str, annex: str | None, number: str | None, ordinal: int) -> str:
    """The unique key of a paragraph: what a citation looks up (blocks by their ordinal)."""
    return f"{doc}#{annex or ''}#{number if number is not None else f'b{ordinal}'}"


def document_key(doc: str) -> str:
    """The key of a document's own record."""
    return f"{doc}#document"


#: each paragraph's text analysed (``schema.analyse``): its postings and words as written
Analysis = list[tuple[f.Posted, set[str]]]


def analyse_paragraphs(document: ExtractedDocument, schema: Schema) -> Analysis:
    """Each paragraph's text analysed for the field of its language: the costliest part
    of writing, done where the document was extracted (a worker) when it can be."""
    field = schema[f.TEXT_FIELDS.get(document.language, f.TEXT_EN)]
    return [f.analyse(field.analyzer, p.text, field.format) for p in document.paragraphs]


def document_fields(
    document: ExtractedDocument, doc: str, content_hash: str, source: str, schema: Schema,
    analysis: Analysis | None = None,
) -> Iterator[dict[str, Any]]:
    """The records of one document: its paragraphs, then its own record with the metadata.

    Text fields come analysed (``schema.Posted``): the title once for every paragraph,
    each section heading once, each paragraph's text once for its stems and for its
    English words as written, which go to the document's own record (``SPELLING``).
    ``analysis`` is that of the texts when it was done already (``analyse_paragraphs``).
    """
    if analysis is None or len(analysis) != len(document.paragraphs):
        analysis = analyse_paragraphs(document, schema)
    title = schema[f.TITLE]
    section = schema[f.SECTION]
    posted_title = f.Posted(title.index(document.title))
    sections: dict[str, f.Posted] = {}
    text_name = f.TEXT_FIELDS.get(document.language, f.TEXT_EN)
    words: set[str] = set()
    parts = [symbol_key(part) for part in symbol_parts(document.symbol)]
    parts.append(symbol_key(document.symbol))
    values = {
        f.DOC: doc,
        f.SYMBOL_KEY: symbol_key(document.symbol),
        f.SYMBOL_PARTS: ",".join(sorted(set(parts))),
        f.BODY: ",".join(body_codes(document.symbol)),
        f.LANGUAGE: document.language,
        f.YEAR: year_of(document.date),
    }
    # the same for every record of the document: analysed once
    indexed: dict[str, Any] = {name: f.Posted(schema[name].index(value))
                               for name, value in values.items()}
    indexed[f.TITLE] = posted_title
    indexed["_stored_" + f.DOC] = doc
    # stored once, on the document's record; a paragraph's are filled in when read
    shared = {
        f.SYMBOL: document.symbol,
        f.SOURCE: source,
        f.CONTENT_HASH: content_hash,
        **{"_stored_" + name: values[name] for name in SHARED_INDEXED},
        "_stored_" + f.TITLE: document.title,
    }
    common = {**indexed, **{"_stored_" + name: None for name in (*SHARED_INDEXED, f.TITLE)}}
    kinds: dict[str, f.Posted] = {}
    recommendations = 0
    for paragraph, (posted, found) in zip(document.paragraphs, analysis, strict=True):
        recommendations += paragraph.is_recommendation
        fields = paragraph_fields(paragraph, doc, document.language)
        heading = fields[f.SECTION]
        if heading not in sections:
            sections[heading] = f.Posted(section.index(heading))
        fields[f.SECTION] = sections[heading]
        kind = fields[f.KIND]
        if kind not in kinds:
            kinds[kind] = f.Posted(schema[f.KIND].index(kind))
        fields[f.KIND], fields["_stored_" + f.KIND] = kinds[kind], kind
        fields[text_name] = posted
        if text_name == f.TEXT_EN:
            words |= found
        yield {**common, **fields}
    meta = {
        "date": document.date,
        "pages": document.pages,
        "kind": document.kind,
        "paragraphs": sum(1 for p in document.paragraphs if p.number is not None),
        "blocks": sum(1 for p in document.paragraphs if p.number is None),
        "recommendations": recommendations,
        "quality": quality_dict(document),
        "sections": [
            {"path": s.path, "annex": s.annex, "first": s.first, "last": s.last, "page": s.page}
            for s in document.sections
        ],
        "symbol_from_filename": document.symbol_from_filename,
    }
    yield {**indexed, **shared, f.KEY: document_key(doc), f.KIND: f.KIND_DOCUMENT,
           f.DOC_META: meta, f.SPELLING: words}


#: a paragraph's fields that are left out of its stored fields when empty (``record``
#: reads a missing one as empty): most paragraphs have no annex, status, addressee,
#: action, recommender, instrument or sub-paragraph; the indexed ones stay indexed
STORED_ONLY_IF_SET = (f.SECTION_PATH, f.SUBPARAGRAPHS, f.INSTRUMENTS)
INDEXED_STORED_ONLY_IF_SET = (f.NUMBER, f.ANNEX, f.UPR_STATUS, f.ADDRESSEE, f.ACTION,
                              f.RECOMMENDER, f.RECOMMENDATION)


def paragraph_fields(paragraph: Paragraph, doc: str, language: str) -> dict[str, Any]:
    """The fields of one paragraph; its text goes to the field of its language.

    Empty values are indexed as before but not stored (``STORED_ONLY_IF_SET``).
    """
    fields = _paragraph_fields(paragraph, doc, language)
    for name in STORED_ONLY_IF_SET:
        if not fields[name]:
            del fields[name]
    for name in INDEXED_STORED_ONLY_IF_SET:
        if not fields[name]:
            fields["_stored_" + name] = None
    return fields


def _paragraph_fields(paragraph: Paragraph, doc: str, language: str) -> dict[str, Any]:
    if paragraph.number is None:
        kind = f.KIND_BLOCK
    elif "." in paragraph.number:
        kind = f.KIND_ITEM
    else:
        kind = f.KIND_PARAGRAPH
    text_field = f.TEXT_FIELDS.get(language, f.TEXT_EN)
    return {
        f.KEY: paragraph_key(doc, paragraph.annex, paragraph.number, paragraph.ordinal),
        f.KIND: kind,
        f.SECTION: " / ".join(paragraph.section),
        f.SECTION_PATH: paragraph.section,
        f.NUMBER: paragraph.number or "",
        f.ANNEX: paragraph.annex or "",
        f.ORDINAL: paragraph.ordinal,
        f.PAGE: paragraph.printed_page,
        f.PAGE_END: paragraph.printed_page_end,
        f.PDF_PAGE: paragraph.page,
        f.PDF_PAGE_END: paragraph.page_end,
        f.SUBPARAGRAPHS: [(s.label, s.start, s.end) for s in paragraph.subparagraphs],
        f.LABEL: paragraph.label,
        f.RECOMMENDATION: paragraph.is_recommendation,
        f.ADDRESSEE: ",".join(paragraph.addressees),
        f.ACTION: ",".join(paragraph.actions),
        f.RECOMMENDER: ",".join(paragraph.recommenders),
        f.INSTRUMENTS: paragraph.instruments,
        f.UPR_STATUS: paragraph.upr_status or "",
        text_field: paragraph.text,
        f.STORED_TEXT: paragraph.text,
    }


class SharedFields:
    """A paragraph's stored fields with those it shares with its document filled in
    (``SHARED_STORED``, stored once on the document's record), for one reader.

    The document records are read once each and kept while the reader is current
    (``Generation.cached``).
    """

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._documents: dict[str, dict[str, Any]] = {}

    def fill(self, stored: dict[str, Any]) -> dict[str, Any]:
        doc = stored.get(f.DOC)
        if doc is None or stored.get(f.KIND) == f.KIND_DOCUMENT:
            return stored
        shared = self._documents.get(doc)
        if shared is None:
            shared = self._documents[doc] = self._read(doc)
        return {**shared, **stored}

    def _read(self, doc: str) -> dict[str, Any]:
        try:
            postings = self._reader.postings(f.KEY, document_key(doc))
        except TermNotFound:
            return {}
        for docnum in postings.all_ids():
            stored = self._reader.stored_fields(docnum)
            return {name: stored[name] for name in SHARED_STORED if name in stored}
        return {}


class FilledSearcher(Searcher):
    """A searcher whose stored fields are whole records: a paragraph's come with those it
    shares with its document (``SharedFields``), wherever they are read (hits, lookups)."""

    def __init__(self, reader: Any, shared: SharedFields | None = None, **kwargs: Any) -> None:
        parent = kwargs.get("parent")  # sub-searchers, made by ``Searcher.__init__``
        self._shared = shared or (parent._shared if parent is not None else SharedFields(reader))
        super().__init__(reader, **kwargs)
        read, fill = self.ixreader.stored_fields, self._shared.fill
        self.stored_fields = lambda docnum: fill(read(docnum))
        self.all_stored_fields = lambda: (fill(s) for s in self.ixreader.all_stored_fields())

    def documents(self, **kw: Any) -> Iterator[dict[str, Any]]:
        return (self.stored_fields(docnum) for docnum in self.document_numbers(**kw))


def quality_dict(document: ExtractedDocument) -> dict[str, Any]:
    q = document.quality
    return {
        "summary": q.summary(),
        "ok": q.ok,
        "paragraphs": q.paragraphs,
        "blocks": q.blocks,
        "first": q.first,
        "last": q.last,
        "gaps": [list(g) for g in q.gaps],
        "duplicates": q.duplicates,
        "out_of_order": q.out_of_order,
        "contents_disagreements": q.contents_disagreements,
        "warnings": q.warnings,
    }


def body_codes(symbol: str) -> list[str]:
    """Searchable body codes of a symbol: 'A/HRC/59/15' -> a, hrc; 'E/C.12/GC/27' -> e, c.12."""
    codes: list[str] = []
    for part in symbol_parts(symbol):
        pieces = part.split("/")
        codes.append(pieces[0].lower())
        if len(pieces) > 2 and not pieces[1][:1].isdigit():
            codes.append(pieces[1].lower())
    return sorted(set(codes))


def year_of(date: str | None) -> str:
    """The year of a printed date ('12 March 2025' -> '2025'), for ``year:`` queries."""
    if not date:
        return ""
    digits = [token for token in date.split() if len(token) == 4 and token.isdigit()]
    return digits[-1] if digits else ""


def record(stored: dict[str, Any]) -> ParagraphRecord:
    """A paragraph record from its stored fields: a plain value that outlives the searcher."""
    return ParagraphRecord(
        key=stored[f.KEY],
        doc=stored[f.DOC],
        kind=stored[f.KIND],
        symbol=stored[f.SYMBOL],
        number=stored.get(f.NUMBER) or None,
        annex=stored.get(f.ANNEX) or None,
        section=list(stored.get(f.SECTION_PATH) or []),
        page=stored.get(f.PAGE),
        page_end=stored.get(f.PAGE_END),
        pdf_page=stored.get(f.PDF_PAGE),
        pdf_page_end=stored.get(f.PDF_PAGE_END),
        language=stored.get(f.LANGUAGE, ""),
        title=stored.get(f.TITLE, ""),
        is_recommendation=bool(stored.get(f.RECOMMENDATION)),
        text=stored.get(f.STORED_TEXT, ""),
        source=stored.get(f.SOURCE, ""),
        ordinal=stored.get(f.ORDINAL, 0),
        subparagraphs=[tuple(s) for s in stored.get(f.SUBPARAGRAPHS) or []],
        label=stored.get(f.LABEL),
        addressees=split_values(stored.get(f.ADDRESSEE)),
        actions=split_values(stored.get(f.ACTION)),
        recommenders=split_values(stored.get(f.RECOMMENDER)),
        instruments=list(stored.get(f.INSTRUMENTS) or []),
        upr_status=stored.get(f.UPR_STATUS) or None,
    )


def split_values(value: str | None) -> list[str]:
    """The values of a comma-separated keyword field."""
    return [v for v in (value or "").split(",") if v]


def document_info(stored: dict[str, Any]) -> DocumentInfo:
    """A document's description from the stored fields of its own record."""
    meta = stored.get(f.DOC_META) or {}
    return DocumentInfo(
        doc=stored[f.DOC],
        symbol=stored[f.SYMBOL],
        title=stored.get(f.TITLE, ""),
        language=stored.get(f.LANGUAGE, ""),
        date=meta.get("date"),
        pages=meta.get("pages", 0),
        paragraphs=meta.get("paragraphs", 0),
        blocks=meta.get("blocks", 0),
        recommendations=meta.get("recommendations", 0),
        source=stored.get(f.SOURCE, ""),
        content_hash=stored.get(f.CONTENT_HASH, ""),
        kind=meta.get("kind", ""),
        quality=meta.get("quality", {}),
        sections=meta.get("sections", []),
        symbol_from_filename=meta.get("symbol_from_filename", False),
    )
