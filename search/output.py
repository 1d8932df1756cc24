"""Render results as text for people, or as JSON, JSON Lines and CSV for programs.

All formats use the same field names (``ParagraphRecord.to_dict``). Snippets
arrive with matches marked [[like this]]; text output shows them bold on a
terminal and as **like this** elsewhere, machine formats keep the markers.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Iterable
from typing import Any

import click

from indexer.records import DocumentInfo, Hit

FORMATS = ("text", "json", "jsonl", "csv")
CSV_FIELDS = ["citation", "symbol", "paragraph", "annex", "section", "page", "page_end",
              "pdf_page", "pdf_page_end", "language", "title", "is_recommendation",
              "addressees", "actions", "recommended_by", "instruments", "text", "source"]
#: list columns whose items may hold "/" ("Special Rapporteur on ... /"): joined with "; "
_ITEM_LISTS = frozenset({"addressees", "actions", "recommended_by", "instruments"})
_MARK_RE = re.compile(r"\[\[(.+?)\]\]")


def emphasise(snippet: str, color: bool) -> str:
    if color:
        return _MARK_RE.sub(lambda m: click.style(m.group(1), bold=True, fg="yellow"), snippet)
    return _MARK_RE.sub(r"**\1**", snippet)


def as_json(rows: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2)


def as_jsonl(rows: Iterable[dict[str, Any]]) -> Iterable[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False)


def as_csv(rows: Iterable[dict[str, Any]], fields: list[str] | None = None) -> Iterable[str]:
    fields = fields or CSV_FIELDS
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    yield buffer.getvalue()
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        flat = {k: ("; " if k in _ITEM_LISTS else " / ").join(v) if isinstance(v, list) else v
                for k, v in row.items()}
        writer.writerow(flat)
        yield buffer.getvalue()


def plural(count: int, noun: str) -> str:
    """'1 page', '3 pages', '1,204 paragraphs'."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def where(row: dict[str, Any]) -> str:
    """'p. 16 · V. Deep seabed mining' for a record dict."""
    parts = []
    if row.get("page"):
        end = row.get("page_end")
        parts.append(f"p. {row['page']}" + (f"–{end}" if end and end != row["page"] else ""))
    elif row.get("pdf_page"):
        parts.append(f"PDF p. {row['pdf_page']}")
    if row.get("section"):
        parts.append(" › ".join(row["section"]))
    return " · ".join(parts)


def hits_text(hits: list[Hit], color: bool, offset: int = 0) -> str:
    blocks = []
    for rank, hit in enumerate(hits, offset + 1):
        row = hit.to_dict()
        head = click.style(row["citation"], bold=True) if color else row["citation"]
        flag = "  [recommendation]" if row["is_recommendation"] else ""
        lines = [f"{rank}. {head}{flag}", f"   {where(row)}"]
        snippet = textwrap.fill(emphasise(hit.snippet, False), width=96,
                                initial_indent="   ", subsequent_indent="   ")
        lines.append(_restyle(snippet, color))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _restyle(text: str, color: bool) -> str:
    if not color:
        return text
    return re.sub(r"\*\*(.+?)\*\*", lambda m: click.style(m.group(1), bold=True, fg="yellow"),
                  text)


def passage_text(row: dict[str, Any], color: bool) -> str:
    head = click.style(row["citation"], bold=True) if color else row["citation"]
    lines = [head]
    meta = where(row)
    if meta:
        lines.append(meta)
    lines.append(f"{row['title']} ({row['language']})" if row.get("title") else "")
    lines.append("")
    body = row.get("subparagraph_text") or row["text"]
    for paragraph in body.split("\n"):
        lines.append(textwrap.fill(paragraph, width=96))
    return "\n".join(lines)


def documents_text(documents: list[DocumentInfo], color: bool) -> str:
    lines = []
    for doc in documents:
        summary = doc.quality.get("summary", "")
        flag = "" if doc.quality.get("ok", True) else "  ⚠"
        symbol = click.style(doc.symbol, bold=True) if color else doc.symbol
        pages = plural(doc.pages, "page") if doc.pages else "no pages"
        lines.append(f"{symbol} ({doc.language})  {pages}  {summary}{flag}")
        lines.append(f"    {doc.title[:100]}")
        lines.append(f"    {doc.source}")
        for problem in doc.quality.get("contents_disagreements", [])[:5]:
            lines.append(f"    contents: {problem}")
    return "\n".join(lines)


def document_row(doc: DocumentInfo) -> dict[str, Any]:
    data = doc.to_dict()
    data.pop("doc", None)
    return data
