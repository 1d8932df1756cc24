"""Rejoin what the layout split, so that each recommendation is read whole.

Three splits are common in recommendation lists, and the recommendation
detector must see through them (the paragraphs themselves are left as
extracted; only the text it reads is rejoined):

- a line of an item taken for a heading: the item stops mid-sentence
  ("Ratify the International Convention on the Protection of the Rights of")
  and its continuation, with the recommending State, becomes the heading of
  what follows ("All Migrant Workers and Members of Their Families (Algeria);");
- a list item's first line taken for a heading ("1. To set up a strategic
  oversight body, such as a commission on violence against") over a block
  that starts in lower case ("women, to ensure greater coherence ...");
- an item continued in an unnumbered block after a page break ("Rights,
  guided by ..."; "(India)").

A heading that turns out to be a piece of an item is dropped from the section
path used to judge context, so the items after it stay under "Conclusions
and/or recommendations".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Paragraph

_TERMINAL = re.compile(r"[.;:!?…][”\"’)]*\s*$|\)\s*$")
_LABEL_ONLY = re.compile(r"^(?:Recommendation|Recommandation|Recomendación)\s+\d+\s*$",
                         re.IGNORECASE)


@dataclass(slots=True)
class Unit:
    """One logical paragraph: its pieces (indices into the document's paragraphs) and text."""

    members: list[int]
    text: str
    section: list[str]
    head: int = field(default=0)  # the piece that carries the number or label


def _new_heading(previous: Paragraph, current: Paragraph) -> str | None:
    """The heading that starts at ``current``, if its path adds one to ``previous``'s."""
    if current.section and current.section != previous.section and \
            current.section[-1] not in previous.section:
        return current.section[-1]
    return None


def build_units(paragraphs: list[Paragraph]) -> list[Unit]:
    """Group the paragraphs of a document into units, in reading order."""
    spurious: set[str] = set()
    units: list[Unit] = []
    for index, paragraph in enumerate(paragraphs):
        previous = paragraphs[index - 1] if index else None
        heading = _new_heading(previous, paragraph) if previous else None
        text = paragraph.text
        last = units[-1] if units else None
        # an item's unfinished sentence continued in a "heading"
        if last and heading and not _TERMINAL.search(last.text) and \
                re.search(r"[.;]\s*$|\)\s*;?\s*$", heading) and previous is not None and \
                previous.annex == paragraph.annex:
            spurious.add(heading)
            last.text = f"{last.text} {heading}"
            heading = None
        # a list item's first line taken for a heading, its rest in a lower-case block
        if heading and paragraph.number is None and text[:1].islower() and \
                not _TERMINAL.search(heading):
            spurious.add(heading)
            units.append(Unit([index], f"{heading} {text}", [], index))
            continue
        # a block that continues the previous unit
        if last and paragraph.number is None and paragraph.label is None and \
                heading is None and previous is not None and previous.annex == paragraph.annex \
                and _continues(last, text, paragraphs):
            last.members.append(index)
            last.text = f"{last.text} {text}"
            continue
        units.append(Unit([index], text, [], index))
    for unit in units:
        path = paragraphs[unit.head].section
        unit.section = [h for h in path if h not in spurious]
    _inherit_sections(units, paragraphs, spurious)
    return units


def _continues(last: Unit, text: str, paragraphs: list[Paragraph]) -> bool:
    head = paragraphs[last.head]
    if head.label and _LABEL_ONLY.match(last.text.strip()):
        return True  # "Recommendation 6" and its text, split by a page break
    if re.fullmatch(r"\([^()]+(?:\([^()]*\))?[^()]*\)\s*[.;]?", text.strip()):
        return not _TERMINAL.search(last.text.rstrip().rstrip(")")) or \
            last.text.rstrip().endswith((".", ";"))  # "(India)" after the item's full stop
    if _TERMINAL.search(last.text):
        return False
    return bool(text[:1].islower() or text[:1].isupper() and head.number is not None)


def _inherit_sections(units: list[Unit], paragraphs: list[Paragraph], spurious: set[str]) -> None:
    """A path left empty or shortened by dropped headings takes its predecessor's."""
    previous: list[str] = []
    for unit in units:
        path = paragraphs[unit.head].section
        if any(h in spurious for h in path):
            kept = [h for h in path if h not in spurious]
            unit.section = previous + [h for h in kept if h not in previous]
        previous = unit.section
