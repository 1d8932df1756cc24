"""Which body speaks: the author of a report, and the body named as a sentence's subject.

A report's own recommendations are made "by" its author. UN reports name the
author in the third person ("The Advisory Committee recommends", "The
Inspectors encourage", "the High Commissioner: (a) Calls for"), sometimes in
the first ("I recommend"). The author is the body most often found as the
subject of present-tense verbs of judgement (recommends, notes, considers,
welcomes, ...), expanded to the full name printed elsewhere in the report
("Committee" -> "Committee against Torture"). The report's own author line
(``authorline``: a masthead, a transmittal, a statement's author line, a
secretariat paper, a letter from States, the symbol's series) outranks that
count or completes it. A sentence's subject is
"self" when it names that author; any other body makes the sentence a report
of someone else's view.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .authorline import (
    ROMANCE_NAMES,
    author_line,
    first_person_author,
    name_from_front,
    name_from_symbol,
    romance_self,
    short_states,
    tabling_body,
)
from .bodynames import FULL_NAME_PREFIX, HEADS, NAME_TAIL, heads_of, trim_name

_SELF_VERBS = (
    r"recommends?|notes|welcomes|considers|recalls|trusts|urges|encourages?|requests?|"
    r"emphasizes|emphasises|stresses|is of the view|believes|reiterates|underlines|calls|"
    r"expresses|looks forward|regrets|observes|invites|finds|concludes|remains|takes note|"
    r"acknowledges|appreciates|commends|is concerned|suggests?|advises?|was informed|"
    r"has considered|reaffirms|highlights|affirms|recognizes|cautions|wishes"
)
#: searched for in every paragraph of a report: the word boundary before "The"/"the" and
#: "I"/"We" is a lookbehind after the word, as a pattern opening with "\b" is tried at every
#: position, one opening with a letter only where that letter is
_SELF_SUBJECT = re.compile(
    rf"(?:The|the)(?<!\w[Tt]he)\s+(?:same\s+)?(?:United Nations\s+)?((?:{HEADS}))(?:{NAME_TAIL})"
    rf"(?:\s+(?:also|further|therefore|again|thus|strongly|once again|has|is))*"
    rf"\s+(?:{_SELF_VERBS})\b"
)
_FIRST_PERSON = re.compile(r"(?:I|We)(?<!\wI)(?<!\wWe)\s+"
                           r"(?:(?:also|further|therefore|strongly)\s+)*"
                           r"(?:recommend|urge|call|encourage|request|invite|suggest)\b")
#: heads whose full name is not their extension ("Inspectors" of the Joint Inspection Unit)
_HEAD_OWNERS = {
    "inspectors": "Joint Inspection Unit", "inspector": "Joint Inspection Unit",
}


@dataclass(slots=True)
class Author:
    """The body that issues a report, with the short names it uses for itself."""

    name: str = ""
    heads: set[str] = field(default_factory=set)  # lower-case: "committee", "inspectors", "i"

    def is_self(self, subject: str) -> bool:
        """Does ``subject`` (a sentence's subject phrase) name this report's author?"""
        words = _strip_subject(subject)
        if not words:
            return False
        if words in ("i", "we") or re.fullmatch(r"(?:the present|this) (?:report|note|study)",
                                                 " ".join(subject.lower().split())):
            return True
        if self.name and words == self.name.lower():
            return True
        if words in self.heads:
            return True
        if not self.name:  # unknown author: a bare generic head is taken as self
            return bool(re.fullmatch(rf"(?:{HEADS})", words, re.IGNORECASE)) and \
                words not in ("council", "office", "board")
        return False


def _strip_subject(subject: str) -> str:
    text = re.sub(r"\([^()]*\)", " ", subject)
    text = re.sub(r"^(?:the|this|our|its)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"^same\s+", "", text, flags=re.IGNORECASE)
    return " ".join(text.split()).lower()


_ADOPTING_BODY = re.compile(
    r"\b(Human Rights Council|Security Council|General Assembly|Economic and Social Council|"
    r"Executive Board(?: of the [A-Z][\w’'-]*(?: [A-Z][\w’'-]*| for| and| the| of)*)?|"
    r"Trade and Development Board|Conference of the Parties|Governing Council|"
    r"Special Committee on [A-Z][^,.;\n]{0,120}|Commission on [A-Z][\w ]{0,60}[A-Za-z])"
)
_RESOLUTION_OPENING = re.compile(
    r"^(?:(?:Also|Further|Strongly|Again|Once again|Firmly)\s+)?([A-Z][a-z]+s)\b")


def _is_resolution(texts: list[str]) -> bool:
    """Operative paragraphs opening with a verb ("Urges", "Also requests"): a resolution or
    decision, whose author is the body adopting it."""
    from .verbs import BASE_VERBS, lemma

    openings = 0
    for text in texts:
        match = _RESOLUTION_OPENING.match(text.strip())
        if match and match.group(1).lower() not in BASE_VERBS and \
                lemma(match.group(1)) in BASE_VERBS:
            openings += 1
    return openings >= 3 and openings >= 0.3 * len(texts)


_RECOMMENDS_DRAFT = re.compile(
    rf"\b[Tt]he\s+({FULL_NAME_PREFIX}(?:{HEADS})(?:{NAME_TAIL})|"
    r"[A-Z][\w-]*(?:[ ]+[A-Z][\w-]*)*[ ]+Committee)\s+recommends\s+"
    r"(?:to\s+[^.:]{2,80}?\s+)?(?:that\s+[^.:]{2,80}?\s+)?(?:the\s+)?(?:review\s+and\s+)?"
    r"adopt(?:ion\s+of)?\s+the\s+following\s+draft"
)


#: the opening of a declaration in the voice of those who adopt it
_DECLARANTS = re.compile(r"^\s*(?:\d{1,3}\.\s+)?We,\s+the\s+([A-Z][\w -]{3,80}?),",
                         re.MULTILINE)


def infer_author(texts: list[str], title: str = "", symbol: str = "") -> Author:
    """The author of a report from its paragraphs (in order), title and symbol, with the
    acronym the report gives its name ("... on Drugs and Crime (UNODC)"), by which it then
    speaks ("UNODC recommends that ...")."""
    author = _infer_author(texts, title, symbol)
    if author.name:
        acronym = re.search(rf"{re.escape(author.name)}\s*\(([A-Z][A-Za-z-]{{1,10}})\)",
                            "\n".join([title, *texts]))
        if acronym:
            author.heads.add(acronym.group(1).lower())
    return author


def _infer_author(texts: list[str], title: str = "", symbol: str = "") -> Author:
    front = "\n".join([title, *texts[:12]])
    for text in texts:  # "The Second Committee recommends ... the following draft resolution"
        # the word first: a search for the pattern in every paragraph is dear
        draft = _RECOMMENDS_DRAFT.search(text) if "recommends" in text else None
        if draft:
            name = trim_name(draft.group(1))
            words = {w.lower() for w in name.split() if re.fullmatch(rf"(?:{HEADS})", w)}
            return Author(name, heads_of(name) | words)
    if _is_resolution(texts):
        tabled = tabling_body(title, symbol)
        if tabled:
            return Author(tabled, heads_of(tabled))
        body = _ADOPTING_BODY.search(front)
        if body:
            name = trim_name(body.group(1))
            return Author(name, heads_of(name))
    declarants = _DECLARANTS.search("\n".join(texts[:5]))
    if declarants:  # "We, the Ministers and high representatives, ...": a declaration
        name = declarants.group(1)
        return Author(name, heads_of(name) | {"we"})
    line = author_line(title, texts)
    if line and line[1] == "statement":
        return Author(line[0], heads_of(line[0]) | {"i", "we"})
    if line and line[1] == "declaration":  # "The Russian Federation and the Republic of Belarus
        # state that ...": the States whose declaration a letter transmits
        printed = re.sub(r"^the\s+", "", line[0], flags=re.IGNORECASE).lower()
        return Author(short_states(line[0]), {printed, "we"})
    counts: Counter[str] = Counter()
    for text in texts:
        for match in _SELF_SUBJECT.finditer(text):
            counts[match.group(1).lower()] += 1
        for _ in _FIRST_PERSON.finditer(text):
            counts["i"] += 1
    whole = "\n".join([title, *texts])
    if not counts and not line:
        romance = romance_self(whole)
        if romance:  # "la Secretaría ofrece las siguientes sugerencias"
            name = ROMANCE_NAMES[(romance.group(1) or romance.group(2)).lower()]
            return Author(name, heads_of(name))
    if not counts:
        name = name_from_symbol(symbol) or (line[0] if line else name_from_front(front)) or ""
        head = re.match(rf"(?:United Nations\s+)?({HEADS})", name)
        if head:
            shorter = _expand(head.group(1).lower(), whole, title)
            if shorter and (name.startswith(shorter) or name.lower() == head.group(1).lower()):
                name = shorter
        return Author(name, heads_of(name))
    head, _ = counts.most_common(1)[0]
    if line and (line[1] == "secretariat" or head == "i" or head in heads_of(line[0])):
        # the masthead's full name ("Analytical Support and Sanctions Monitoring Team" for
        # "the Monitoring Team"); a secretariat paper speaks for the secretariat whoever it
        # quotes
        heads = heads_of(line[0]) | {head} | ({"i", "we"} if head == "i" else set())
        return Author(line[0], heads if line[1] != "secretariat" else heads_of(line[0]))
    if head == "i":
        name = first_person_author(front) or first_person_author(whole) or ""
        author = Author(name, heads_of(name) | {"i", "we"})
        return author
    name = _expand(head, whole, title) or name_from_symbol(symbol) or (
        head.title().replace("-general", "-General") if head in _SPECIFIC_HEADS else "")
    heads = heads_of(name) | {head}
    return Author(name, heads)


#: heads that name one kind of body even without its full name
_SPECIFIC_HEADS = {"secretary-general", "special rapporteur", "independent expert",
                   "high commissioner", "advisory committee", "expert mechanism",
                   "special rapporteurs", "independent experts"}


def _expand(head: str, text: str, title: str = "") -> str | None:
    """The full name that extends ``head`` ("Committee against Torture"): of those printed in
    the title, if any, else of all, the most frequent in ``text``."""
    if head in _HEAD_OWNERS:  # in UN reports only the JIU's members sign as "the Inspectors"
        return _HEAD_OWNERS[head]
    if head == "secretary-general":  # "... of the Secretary-General for X" is another office
        return "Secretary-General"
    head_re = re.escape(head).replace(r"\ ", r"\s+")
    pattern = re.compile(rf"(?:[A-Z][a-z]+[ ]+){{0,3}}(?i:{head_re}){NAME_TAIL}")
    names: Counter[str] = Counter()
    for match in pattern.finditer(text):
        name = re.sub(r"^(?:(?:The|This|That|These|Its|In|At|By|On|For|Of|To|As|With|Under|"
                      r"From|And|Also|Both|Each|Every|All|Since|While|When|Where|If)\s+)+", "",
                      trim_name(match.group(0)))
        if name.lower() != head:
            names[name] += 1
    if not names:
        return None
    in_title = Counter({name: count for name, count in names.items() if name in title})
    names = in_title or names
    # a name run on into the next printed line ("... Periodic Review Slovenia") extends a
    # shorter candidate without a joining word: keep the shorter
    names = Counter({
        name: count for name, count in names.items()
        if not any(name.startswith(other + " ") and not re.match(
            r"(?:on|of|for|against|to|the|and|in|with)\b", name[len(other) + 1:])
            for other in names if other != name)
    })
    # the commonest extension of the head; at equal counts the shorter (a masthead may run
    # a name into the next line: "Working Group on the Universal Periodic Review Slovenia")
    return min(names, key=lambda n: (-names[n], len(n)))


# -- bodies named in a sentence -------------------------------------------------------------

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z-]{1,10}(?:/[A-Z]+)?)\)")
_BODY_IN_SUBJECT = re.compile(
    rf"(?:[A-Z][\w-]*[ ]+)*(?:{HEADS}|Organization|Programme|Fund|Agency|"
    rf"Office|Bank|Group|Union|Institute|Alliance|Network|Authority|Entity){NAME_TAIL}"
)


def body_of_subject(subject: str) -> str | None:
    """The body a subject phrase names, as printed ("UNESCO", "Committee against Torture").

    An acronym printed in brackets after the name is preferred, as the report
    itself uses it afterwards; anaphoric subjects ("The same Committee") give
    None, to be resolved by the caller from the bodies named before.
    """
    text = subject.strip()
    if re.match(r"^(?:The|the)\s+same\b", text) or re.fullmatch(
        rf"(?:[Tt]he\s+)?(?:{HEADS})", text
    ) or re.fullmatch(r"It|They|He|She", text):
        return None
    acronym = _ACRONYM.search(text)
    if acronym:
        return acronym.group(1)
    text = re.sub(r"^(?:The|the)\s+", "", text)
    if re.fullmatch(r"[A-Z][A-Za-z]*[A-Z][A-Za-z-]*", text):  # "UNESCO", "UN-Women"
        return text
    match = _BODY_IN_SUBJECT.search(text)
    if match:
        return trim_name(match.group(0))
    return None


def anaphora_head(subject: str) -> str | None:
    """'The same Committee' -> 'committee'; 'It' -> '' (any body); None if not anaphoric."""
    text = subject.strip()
    match = re.fullmatch(rf"(?:[Tt]he\s+)?(?:same\s+)?((?:{HEADS}))", text)
    if match:
        return match.group(1).lower()
    if re.fullmatch(r"It|They|He|She", text):
        return ""
    return None
