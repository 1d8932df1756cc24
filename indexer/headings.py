"""Section headings: Roman chapters, lettered sections, numbered sub-headings, annexes.

A heading is recognised by its form ("VI. Recommendations") and confirmed by
its type (bold, larger, centred or capitals) where the file has geometry. Roman
"I." and the letter "I." of a ninth sub-section are told apart by the sequence
in force: after "H." comes the letter I, before any chapter comes Roman one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .furniture import IMPRINT
from .layout import Layout
from .model import Line

ROMAN_RE = re.compile(r"^([IVXL]{1,7})\s?\.\s+(\S.*)$")
LETTER_RE = re.compile(r"^([A-Z])\s?[.•·]\s+(\S.*)$")
NUMBERED_RE = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
ANNEX_RE = re.compile(
    r"^(?:ANNEX|Annex|ANNEXE|Annexe|ANEXO|Anexo|ENCLOSURE|Enclosure|APPENDIX|Appendix)"
    r"(?:\s+([IVXL]{1,6}|\d{1,2}|[A-Z]))?\s*[.:]?(?:\s+(.*))?$"
)
NOTES_RE = re.compile(r"^(?:Notes|NOTES|Endnotes|ENDNOTES|Notas|NOTAS)$")
CONTENTS_RE = re.compile(
    r"^(?:contents|table of contents|table des mati[eè]res|[íi]ndice|sommaire)$", re.IGNORECASE
)
JIU_BOX_RE = re.compile(r"^(Recommendation|Recommandation|Recomendación)\s+(\d{1,3})$")

#: unnumbered headings that reports print alone on a line, recognised even without type
KNOWN_HEADING_RE = re.compile(
    r"^(?:Summary|Introduction|Background|Contents|Conclusions?|Recommendations"
    r"|Conclusions and recommendations|Observations|Abbreviations(?: and acronyms)?"
    r"|Résumé|Introduction|Recommandations|Conclusions et recommandations"
    r"|Resumen|Introducción|Recomendaciones|Conclusiones(?: y recomendaciones)?)$",
    re.IGNORECASE,
)
#: lines that say what kind of document this is; they are not section headings
DOCUMENT_LABEL_RE = re.compile(
    r"^(?:Note|Report|Letter|Memorandum|Statement)\s+(?:by|of|from)\s+the\s+"
    r"(?:Secretary-General|Secretariat|Executive Director|High Commissioner|President)$"
    r"|^(?:Note du|Rapport du|Nota del|Informe del)\s+(?:Secrétaire général|Secretario General"
    r"|Secrétariat|Secretaría)$",
    re.IGNORECASE,
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_TERMINAL = re.compile(r"[.;,]\W{0,2}$")
# compiled once: continues_heading and classify run on every line of every report
_HEADING_END_RE = re.compile(r"[.;]\W{0,2}$")
_SUB_MARKER_RE = re.compile(r"^\(?[a-z]{1,4}\)\s")
_SENTENCE_INSIDE_RE = re.compile(r"\w[.;]\s+[A-Z(]")
_CONNECTORS = re.compile(
    r"\b(?:and|of|the|on|for|in|to|with|by|from|at|its|their|a|an|et|de|des|du|la|le|les|y|el"
    r"|los|las|del|en)$|[,:–-]$",
    re.IGNORECASE,
)


def roman_value(numeral: str) -> int | None:
    """'XIV' -> 14; None for anything that is not a well-formed numeral up to L."""
    total = 0
    previous = 0
    for ch in reversed(numeral):
        value = _ROMAN_VALUES.get(ch)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    canonical = _to_roman(total)
    return total if canonical == numeral else None


def _to_roman(n: int) -> str:
    out = ""
    for value, numeral in [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
                           (1, "I")]:
        while n >= value:
            out += numeral
            n -= value
    return out


@dataclass(slots=True)
class Heading:
    level: int  # 1 chapter, 2 section, 3 sub-section
    text: str
    kind: str  # "roman", "letter", "numbered", "plain"
    size: float | None = None


CHAPTER_RE = re.compile(r"^(?:Chapter|CHAPTER|Chapitre|CHAPITRE|Capítulo|CAPÍTULO)\s+"
                        r"(?:[IVXL]{1,6}|\d{1,2}|premier)\b")


@dataclass(slots=True)
class HeadingState:
    """The heading path in force and the numbering of its levels."""

    path: list[Heading] = field(default_factory=list)
    roman: int = 0
    letter: int = 0

    def enter(self, heading: Heading) -> None:
        if heading.kind == "plain" and CHAPTER_RE.match(heading.text):
            heading.level = 1  # "Chapter IV ...": a chapter, whatever type the title page used
        elif heading.kind == "plain":
            heading.level = self._plain_level(heading)
        while self.path and self.path[-1].level >= heading.level:
            self.path.pop()
        self.path.append(heading)
        if heading.kind == "roman":
            self.roman = roman_value(heading.text.split(".")[0].strip()) or self.roman
            self.letter = 0
        elif heading.kind == "letter":
            self.letter = ord(heading.text[0]) - ord("A") + 1

    def _plain_level(self, heading: Heading) -> int:
        """An unnumbered heading sits under the nearest heading set in larger type,
        or in the same type but numbered ("A. ..." over a bold run-in title)."""
        if heading.size is None:
            # without sizes: below the deepest numbered heading, beside an unnumbered one
            for entry in reversed(self.path):
                if entry.kind != "plain":
                    return entry.level + 1
                return entry.level
            return 1
        for entry in reversed(self.path):
            if entry.level == 0 or entry.size is None:
                return entry.level + 1
            if entry.size > heading.size + 0.4 or (
                abs(entry.size - heading.size) <= 0.4 and entry.kind != "plain"
            ):
                return entry.level + 1
        return 1

    def reset(self, root: str | None = None) -> None:
        self.path = [Heading(0, root, "annex")] if root else []
        self.roman = 0
        self.letter = 0

    @property
    def headings(self) -> list[str]:
        return [h.text for h in self.path]


def looks_like_heading_type(line: Line, layout: Layout) -> bool | None:
    """Does the line's type say "heading"? None when the file gives no type."""
    if line.bold or line.italic or layout.larger(line.size):
        return True
    if layout.body_size is not None:
        return False
    if layout.margin is not None and line.x is not None:
        return line.x > layout.margin + 25 or _is_upper(line.text)
    return None


def _is_upper(text: str) -> bool:
    # filter/map run the str methods in C: this is asked of most lines, several times
    letters = list(filter(str.isalpha, text))
    return len(letters) >= 3 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def _plausible_text(rest: str, typed: bool | None = None) -> bool:
    """Heading text: short, capitalised, and not ending like a sentence (a typed
    heading may end with a comma where it wraps)."""
    terminal = (_HEADING_END_RE if typed else _TERMINAL).search(rest)
    return (
        0 < len(rest) <= 220
        and not terminal
        and not _SENTENCE_INSIDE_RE.search(rest)  # a sentence ends inside: not a title
        and (rest[0].isupper() or rest[0] in "“\"‘'«" or rest[0].isdigit())
    )


_LETTERED_TITLE_RE = re.compile(r"^\([a-z]{1,2}\)\s+(\S.{0,100})$")


#: lines in heading type that are no headings: an official record's imprint ("United
#: Nations • New York, 2025") and a resolution's adoption line ("Adopted by the Security
#: Council at its 9880th meeting, on ...")
_NOT_HEADINGS = re.compile(rf"^(?:{IMPRINT}|Adopted\s+by\s+the\s+[A-Z][\w\s]+\s+at\s+its\b.*)$")


def classify(
    line: Line,
    following: Line | None,
    layout: Layout,
    state: HeadingState,
    follows_start: bool,
) -> Heading | None:
    """The heading this line opens, if it is one.

    ``follows_start`` says whether the next line opens a paragraph or heading,
    which is the main evidence in files without type information.
    """
    text = line.text
    typed = looks_like_heading_type(line, layout)
    if typed is False or DOCUMENT_LABEL_RE.match(text) or _NOT_HEADINGS.match(text.strip()):
        return None
    supported = typed is True or follows_start or _is_upper(text)
    if typed is None and KNOWN_HEADING_RE.match(text.strip()):
        return Heading(1, _clean(text), "plain", line.size)

    roman = ROMAN_RE.match(text)
    letter = LETTER_RE.match(text)
    if roman and _plausible_text(roman.group(2), typed) and supported:
        numeral = roman.group(1)
        value = roman_value(numeral)
        as_letter = len(numeral) == 1 and ord(numeral) - ord("A") + 1 == state.letter + 1
        in_sequence = value == state.roman + 1
        as_roman = value is not None and (in_sequence or (value or 0) > 1 and len(numeral) > 1)
        if value is not None and as_roman and not (as_letter and value != state.roman + 1):
            return Heading(1, _clean(text), "roman", line.size)
        if value is not None and state.roman == 0 and not as_letter and value == 1:
            return Heading(1, _clean(text), "roman", line.size)
    if letter and _plausible_text(letter.group(2), typed) and supported:
        return Heading(2, _clean(text), "letter", line.size)
    if typed is None and not follows_start and not _is_upper(text):
        return None
    lettered = _LETTERED_TITLE_RE.match(text)
    if lettered and typed is True and follows_start and _plausible_text(lettered.group(1), typed):
        # "(b) Discussion and trends" in heading type over a numbered paragraph: the
        # level under "1. ...", not a sub-paragraph (those are in body type)
        return Heading(4, _clean(text), "numbered", line.size)
    numbered = NUMBERED_RE.match(text)
    if numbered and _plausible_text(numbered.group(2), typed) and follows_start:
        # a numbered sub-heading is followed by a paragraph or heading, never by the
        # wrapped lines of a list item
        return Heading(3, _clean(text), "numbered", line.size)
    if (
        not numbered
        and typed
        and len(text) <= 120
        and _plausible_text(text, typed)
        and not text.startswith("(")
        and (follows_start or layout.larger(line.size) or _is_upper(text))
    ):
        return Heading(1, _clean(text), "plain", line.size)
    return None


def complete_heading_ok(heading: Heading) -> bool:
    """Check a heading once its wrapped lines are joined: chapters are trusted;
    an unnumbered or numbered title is short and holds no sentence end."""
    if heading.kind in ("roman", "letter", "listed"):
        return True
    text = NUMBERED_RE.sub(r"\2", heading.text)
    if len(text) > 170 or _SENTENCE_INSIDE_RE.search(text) or text.endswith("."):
        return False
    return sum(ch.isalpha() for ch in text) >= 3


def continues_heading(
    heading_line: Line, text_so_far: str, line: Line, layout: Layout, before_start: bool = False
) -> bool:
    """Is ``line`` the wrapped rest of the heading that ``heading_line`` opened?

    ``before_start`` says the line after ``line`` opens a paragraph: in files
    without type, a short unpunctuated line there ends the heading above it.
    """
    if layout.lines_are_paragraphs:
        return False
    if len(line.text) > 160 or _HEADING_END_RE.search(text_so_far):
        return False
    if ROMAN_RE.match(line.text) or LETTER_RE.match(line.text) or NUMBERED_RE.match(line.text):
        return False
    if _SUB_MARKER_RE.match(line.text):
        return False  # a sub-paragraph "(a)", never part of a heading
    if heading_line.size is not None and line.size is not None and layout.body_size is not None:
        same_type = (
            abs(heading_line.size - line.size) < 0.6
            and heading_line.bold == line.bold
            and heading_line.italic == line.italic
        )
        styled = heading_line.bold or heading_line.italic or layout.larger(line.size)
        return same_type and styled
    if _is_upper(text_so_far) and _is_upper(line.text):
        return True
    if before_start and len(line.text) < 80 and not _TERMINAL.search(line.text):
        return True
    return bool(_CONNECTORS.search(text_so_far)) and not _TERMINAL.search(line.text[-2:] or "")


def _clean(text: str) -> str:
    text = re.sub(r"\s*\*+$", "", text)  # a note mark on the heading
    text = re.sub(r"^([A-Z])\s?[•·]\s+", r"\1. ", text)  # OCR'd "B • FUTURE WORK"
    return " ".join(text.split())
