"""Plain value objects passed between the stages of extraction.

file --readers--> ``Page`` (lines with optional geometry)
     --furniture--> ``CleanPage`` (body lines, footnotes, printed page number)
     --segment--> ``Paragraph`` records of an ``ExtractedDocument``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Line:
    """One line of text as the reader found it.

    Geometry (``x``, ``y`` in PDF points from the bottom-left corner, font
    ``size``, ``bold``) is known for PDFs only; other readers leave it ``None``.
    """

    text: str
    page: int
    x: float | None = None
    y: float | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    #: the line was cut out of a longer one at a likely paragraph boundary
    #: (text whose line breaks were lost); weaker evidence than a real break
    split: bool = False


@dataclass(slots=True)
class Page:
    """A physical page (1-based ``index``); DOCX and HTML files yield one page."""

    index: int
    lines: list[Line]
    height: float | None = None
    width: float | None = None


@dataclass(slots=True)
class SourceDocument:
    """What a reader returns: the pages of one file and how they were read."""

    path: str
    kind: str  # "pdf", "txt", "docx", "html"
    pages: list[Page]
    #: False for DOCX/HTML, which have no physical pages
    paged: bool = True


@dataclass(slots=True)
class Footnote:
    number: str
    text: str
    page: int


@dataclass(slots=True)
class CleanPage:
    """A page with its furniture removed."""

    index: int
    printed: str | None
    body: list[Line]
    footnotes: list[Footnote] = field(default_factory=list)


@dataclass(slots=True)
class SubParagraph:
    """A sub-paragraph such as "(a)" or "(a) (ii)" inside a paragraph's text."""

    label: str  # "(a)", "(a) (ii)"
    start: int  # character offsets into Paragraph.text
    end: int


@dataclass(slots=True)
class Paragraph:
    """One numbered paragraph, or one unnumbered block of text."""

    number: str | None  # "69", "140.12"; None for an unnumbered block
    annex: str | None  # None in the body; "I", "II", ... in an annex
    section: list[str]
    text: str
    page: int | None  # physical page where it starts (where its number is printed)
    page_end: int | None
    printed_page: str | None = None
    printed_page_end: str | None = None
    subparagraphs: list[SubParagraph] = field(default_factory=list)
    ordinal: int = 0  # position in the document, 0-based
    #: a printed label of an unnumbered block ("Recommendation 3" of a JIU report)
    label: str | None = None
    #: filled by the recommendation detector
    is_recommendation: bool = False
    addressees: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    recommenders: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    #: UPR items: "supported", "noted" or "pending" where the report says so
    upr_status: str | None = None

    @property
    def numbered(self) -> bool:
        return self.number is not None

    def subparagraph_text(self, label: str) -> str | None:
        """The text of sub-paragraph ``label`` ("(a)", "(a) (ii)"), or None."""
        wanted = normalise_label(label)
        for sub in self.subparagraphs:
            if normalise_label(sub.label) == wanted:
                return self.text[sub.start : sub.end].strip()
        return None


def normalise_label(label: str) -> str:
    """'(a)(ii)', '(a) (ii)', 'a ii' -> '(a) (ii)'."""
    parts = [p for p in label.replace("(", " ").replace(")", " ").split() if p]
    return " ".join(f"({p.lower()})" for p in parts)


@dataclass(slots=True)
class Section:
    """A heading found in the document, with the paragraphs under it."""

    path: list[str]
    annex: str | None
    first: str | None = None  # first paragraph number under it
    last: str | None = None
    page: int | None = None


@dataclass(slots=True)
class ContentsEntry:
    """A heading listed on the contents page, with its paragraph range where printed."""

    heading: str
    first: int | None
    last: int | None
    x: float | None = None  # indentation on the contents page: deeper means lower level


@dataclass(slots=True)
class QualityReport:
    """How trustworthy the paragraph numbering of one document looks."""

    paragraphs: int = 0
    blocks: int = 0
    first: str | None = None
    last: str | None = None
    gaps: list[tuple[int, int]] = field(default_factory=list)  # missing ranges
    duplicates: list[str] = field(default_factory=list)
    out_of_order: list[str] = field(default_factory=list)
    contents_disagreements: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (
            self.gaps
            or self.duplicates
            or self.out_of_order
            or self.contents_disagreements
            or self.warnings
        )

    def summary(self) -> str:
        """One line a user can scan in a list of thousands of documents."""
        if not self.paragraphs:
            return "; ".join(["no numbered paragraphs", *self.warnings[:1]])
        parts = [f"{self.paragraphs} paragraphs {self.first}–{self.last}"]
        if self.gaps:
            shown = ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in self.gaps[:5])
            parts.append(f"gaps: {shown}")
        if self.duplicates:
            parts.append(f"duplicates: {', '.join(self.duplicates[:5])}")
        if self.out_of_order:
            parts.append(f"out of order: {', '.join(self.out_of_order[:5])}")
        if self.contents_disagreements:
            parts.append(f"{len(self.contents_disagreements)} disagreements with contents")
        parts.extend(self.warnings[:3])
        return "; ".join(parts)


@dataclass(slots=True)
class ExtractedDocument:
    """Everything extraction learns about one file."""

    path: str
    kind: str
    symbol: str
    title: str
    language: str
    date: str | None
    pages: int
    paragraphs: list[Paragraph]
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    quality: QualityReport = field(default_factory=QualityReport)
    symbol_from_filename: bool = False
