"""Who speaks in each section of a compilation of contributions.

A note that compiles papers submitted by others ("Discussion papers ...
submitted by major groups and other stakeholders") gives each contributor a
section ("I. Women", "XI. Africa Regional Mechanism for Major Groups and other
Stakeholders"), in which the contributor speaks in its own voice: "The women's
major group calls upon governments ...", "The Mechanism calls upon Member
States ...", and "Member States should: ..." with no speaker named. The
recommendations of a section are its contributor's, not the secretariat's
that compiled them: the section's author is the body named as the subject of
its calls (the fullest name printed), failing that its heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .addressees import is_pronoun
from .bodies import Author
from .clauses import REPORTED
from .directives import find_directives
from .model import Paragraph

#: the title or opening of a compilation of others' contributions
_CONTRIBUTIONS = re.compile(
    r"\b(?:papers?|contributions?|submissions?|inputs?|position papers?|statements?)\b"
    r"[^.;:]{0,120}?\bsubmitted by (?:the )?(?:major groups|stakeholders|"
    r"non-governmental organizations|civil society|[\w ]{0,40}?constituencies)\b", re.IGNORECASE)
_NUMBERING = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d{1,2})\.\s+")
#: words in a contributor's name at most: a longer "subject" is a clause misread as one
_LONGEST = 10
_PREPOSITION = re.compile(r"\s+(?:for|of|on|in|and)\s+")


def is_contributions(title: str, texts: Sequence[str]) -> bool:
    """Does the report compile papers that others submitted, each in its own voice?"""
    return bool(_CONTRIBUTIONS.search(" ".join([title, *texts[:2]])))


def section_authors(paragraphs: Sequence[Paragraph]) -> dict[str, Author]:
    """The author of each top-level section of a compilation of contributions."""
    speakers: dict[str, list[str]] = {}
    for paragraph in paragraphs:
        if paragraph.annex or not paragraph.section:
            continue
        heading = paragraph.section[0]
        found = speakers.setdefault(heading, [])
        for directive in find_directives(paragraph.text, lambda _: False):
            speaker = _name(directive.speaker)
            if directive.voice == REPORTED and directive.form == "performative" and speaker \
                    and not is_pronoun(speaker) and len(speaker.split()) <= _LONGEST:
                found.append(speaker)
    return {heading: _author(max(found, key=lambda s: len(s.split())) if found else
                             _NUMBERING.sub("", heading).strip())
            for heading, found in speakers.items()}


def _name(speaker: str) -> str:
    """'Leading up to the forum, the education and academia stakeholder group' -> its last
    part, without the article."""
    last = " ".join(speaker.split()).split(", ")[-1]
    return re.sub(r"^(?:The|the)\s+", "", last)


def _author(name: str) -> Author:
    """'Africa Regional Mechanism for Major Groups ...' speaks of itself as 'the Mechanism';
    'the women's major group' as 'the group'."""
    lowered = name.lower()
    head = _PREPOSITION.split(lowered, maxsplit=1)[0]
    heads = {lowered, head, head.split()[-1] if head.split() else head}
    return Author(name, {h for h in heads if h})
