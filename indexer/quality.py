"""The extraction quality report: how far to trust one document's numbering.

A user with thousands of PDFs reads this to find the few that parsed badly, so
it reports facts that are cheap to check and rarely wrong: gaps in the
numbering, a first paragraph other than 1, and every chapter whose paragraphs
disagree with the ranges printed on the contents page.
"""

from __future__ import annotations

import re

from .model import ContentsEntry, Paragraph, QualityReport, Section

#: a document of at least this many pages with fewer numbered paragraphs per page is flagged
SPARSE_PAGES = 8
SPARSE_RATIO = 0.5


def assess(
    paragraphs: list[Paragraph],
    sections: list[Section],
    contents: list[ContentsEntry],
    pages: int = 0,
) -> QualityReport:
    """Build the quality report of one document from its extracted parts."""
    report = QualityReport()
    report.blocks = sum(1 for p in paragraphs if p.number is None)
    body = [int(p.number) for p in paragraphs
            if p.number is not None and p.annex is None and p.number.isdigit()]
    report.paragraphs = sum(1 for p in paragraphs if p.number is not None)
    if body:
        report.first, report.last = str(body[0]), str(body[-1])
        report.gaps = _gaps(body)
        seen: set[int] = set()
        for earlier, number in zip([0, *body], body, strict=False):
            if number in seen:
                report.duplicates.append(str(number))
            elif number < earlier:
                report.out_of_order.append(str(number))
            seen.add(number)
        if body[0] != 1:
            report.warnings.append(f"numbering starts at {body[0]}")
    elif report.paragraphs:
        numbers = [p.number for p in paragraphs if p.number is not None]
        report.first, report.last = numbers[0], numbers[-1]
    report.contents_disagreements = _against_contents(sections, contents)
    if pages >= SPARSE_PAGES and report.paragraphs < SPARSE_RATIO * pages:
        report.warnings.append(
            f"only {report.paragraphs} numbered paragraphs in {pages} pages"
            " (a letter, a list, or a layout the parser missed?)"
        )
    return report


def _gaps(numbers: list[int]) -> list[tuple[int, int]]:
    gaps = []
    for earlier, later in zip(numbers, numbers[1:], strict=False):
        if later > earlier + 1:
            gaps.append((earlier + 1, later - 1))
    return gaps


def _key(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", heading.casefold()).strip()


def _against_contents(sections: list[Section], contents: list[ContentsEntry]) -> list[str]:
    problems = []
    body_sections = [s for s in sections if s.annex is None and s.path]
    for entry in contents:
        if entry.first is None or entry.last is None:
            continue
        wanted = _key(entry.heading)
        match = next(
            (s for s in body_sections if _key(s.path[-1]) == wanted),
            None,
        ) or next(
            (s for s in body_sections if _key(s.path[-1]).startswith(wanted[:40])),
            None,
        )
        shown = f"{entry.heading} (paras {entry.first}–{entry.last})"
        if match is None:
            problems.append(f"contents lists {shown}; no such heading found")
        elif (match.first, match.last) != (str(entry.first), str(entry.last)):
            found = f"{match.first}–{match.last}" if match.first else "none"
            problems.append(f"contents lists {shown}; found paras {found}")
    return problems
