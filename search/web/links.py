"""Addresses of paragraphs and documents, and the text helpers the pages share.

A paragraph's permanent address is its symbol followed by its number, with
``annex/<annex>`` before the number for an annex paragraph:
``/A/57/292/69``, ``/A/HRC/EMRIP/2025/2/annex/I/12``, ``/A/HRC/59/15/140.12``.
The address is read back by ``parse_paragraph_path`` into a ``Citation``
(never through ``parse_citation``, which cannot read every symbol, e.g.
``E/ICEF/672 (Part I)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from indexer.records import ParagraphRecord
from search.citation import Citation

_NUMBER_RE = re.compile(r"^\d{1,4}(?:\.\d{1,3})?$")
_ANNEX_RE = re.compile(r"^(?:[IVXL]{1,6}|\d{1,2}|[A-Z])$", re.IGNORECASE)
_MARK_RE = re.compile(r"\[\[(.+?)\]\]")


def symbol_path(symbol: str) -> str:
    """A symbol as URL path segments: slashes kept, everything else quoted."""
    return quote(symbol, safe="/")


def address_url(symbol: str, annex: str | None, number: str) -> str:
    """``/A/57/292/69``; ``/A/HRC/EMRIP/2025/2/annex/I/12`` in an annex."""
    where = f"/annex/{quote(annex, safe='')}" if annex else ""
    return f"/{symbol_path(symbol)}{where}/{quote(number, safe='.')}"


def paragraph_url(record: ParagraphRecord) -> str | None:
    """The permanent page of a numbered paragraph; None for an unnumbered block.

    English is the default language of every page, so only another one is named.
    """
    if record.number is None:
        return None
    return address_url(record.symbol, record.annex, record.number) + _lang(record.language)


def _lang(language: str | None) -> str:
    return f"?{urlencode({'lang': language})}" if language and language != "en" else ""


def document_url(symbol: str, language: str | None = None) -> str:
    return f"/documents/{symbol_path(symbol)}{_lang(language)}"


def original_url(doc_id: str) -> str:
    """Where the original file of an indexed document is served, by document id only."""
    return f"/original/{quote(doc_id, safe='/@')}"


def record_url(record: ParagraphRecord) -> str:
    """A link for any record: its own page, or its document's for an unnumbered block."""
    return paragraph_url(record) or document_url(record.symbol, record.language)


@dataclass(frozen=True, slots=True)
class ParagraphAddress:
    symbol: str
    number: str
    annex: str | None

    def citation(self) -> Citation:
        return Citation(symbol=self.symbol, first=self.number, annex=self.annex,
                        numbers=[self.number])


def parse_paragraph_path(path: str) -> ParagraphAddress | None:
    """``A/57/292/69`` -> (A/57/292, 69, None); None when the path names no paragraph.

    ``annex/12`` without an annex number means the only annex, stored as "I".
    """
    parts = [p for p in path.strip("/").split("/") if p]
    if len(parts) < 2 or not _NUMBER_RE.match(parts[-1]):
        return None
    number, head = parts[-1], parts[:-1]
    annex = None
    if len(head) >= 3 and head[-2].lower() == "annex" and _ANNEX_RE.match(head[-1]):
        annex, head = head[-1].upper(), head[:-2]
    elif len(head) >= 2 and head[-1].lower() == "annex":
        annex, head = "I", head[:-1]
    if not head:
        return None
    return ParagraphAddress("/".join(head), number, annex)


def highlight(snippet: str) -> Markup:
    """A snippet with [[marked]] terms as HTML: escaped first, then <mark> added.

    Escaping leaves brackets alone, so the markers survive it, and what they
    enclose is already escaped: a report's text can never become markup.
    """
    return Markup(_MARK_RE.sub(r"<mark>\1</mark>", str(escape(snippet))))


def strip_marks(snippet: str) -> str:
    return _MARK_RE.sub(r"\1", snippet)


@dataclass(frozen=True, slots=True)
class TextPart:
    """A piece of a paragraph's text: the opening words, or one sub-paragraph."""

    text: str
    label: str | None = None
    level: int = 0

    @property
    def anchor(self) -> str | None:
        if not self.label:
            return None
        return "sub-" + "-".join(re.findall(r"[a-z0-9]+", self.label.lower()))


def text_parts(record: ParagraphRecord) -> list[TextPart]:
    """The text cut at each sub-paragraph, nested ones included, in reading order.

    Sub-paragraph spans nest ((b) holds (b) (i)), so each part runs from its
    own start to the next start.
    """
    text = record.text
    spans = sorted({start: label for label, start, _ in record.subparagraphs}.items())
    if not spans:
        return [TextPart(line.strip()) for line in text.split("\n") if line.strip()]
    parts = []
    opening = text[: spans[0][0]].strip()
    if opening:
        parts.append(TextPart(opening))
    for i, (start, label) in enumerate(spans):
        end = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        piece = text[start:end].strip()
        if piece:
            parts.append(TextPart(piece, label, label.count("(")))
    return parts


def pages_label(record: ParagraphRecord) -> str:
    """'p. 16', 'pp. 16–17', or 'PDF p. 4' when the printed page is unknown."""
    if record.page:
        if record.page_end and record.page_end != record.page:
            return f"pp. {record.page}–{record.page_end}"
        return f"p. {record.page}"
    if record.pdf_page:
        if record.pdf_page_end and record.pdf_page_end != record.pdf_page:
            return f"PDF pp. {record.pdf_page}–{record.pdf_page_end}"
        return f"PDF p. {record.pdf_page}"
    return ""
