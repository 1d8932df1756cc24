"""HTML: the text of block elements in document order; scripts and styles dropped."""

from __future__ import annotations

from pathlib import Path

from ..errors import EmptyFileError
from ..model import Line, Page, SourceDocument
from .text import decode_text

_BLOCKS = {
    "p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "dt", "dd", "caption", "section", "article",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_DROP = ["script", "style", "noscript", "template", "nav", "iframe", "object", "svg", "head"]


def read_html(path: str | Path, data: bytes | None = None) -> SourceDocument:
    """Read an HTML file; it has no physical pages, so it is one page."""
    from bs4 import BeautifulSoup  # imported here: only HTML users pay for it

    if data is None:
        data = Path(path).read_bytes()
    soup = BeautifulSoup(decode_text(data, path), "html.parser")
    for tag in soup(_DROP):
        tag.decompose()
    lines: list[Line] = []
    for element in soup.find_all(_BLOCKS):
        if element.find(_BLOCKS):
            continue  # its text is taken from the inner blocks
        text = " ".join(element.get_text(" ").split())
        if text:
            bold = element.name in _HEADINGS or element.find(["b", "strong"]) is not None and (
                " ".join(element.find(["b", "strong"]).get_text(" ").split()) == text
            )
            lines.append(Line(text, 1, bold=bold))
    if not lines:
        text = " ".join(soup.get_text(" ").split())
        if not text:
            raise EmptyFileError(path)
        lines = [Line(text, 1)]
    return SourceDocument(str(path), "html", [Page(1, lines)], paged=False)
