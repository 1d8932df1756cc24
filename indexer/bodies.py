"""Which body speaks: the author of a report, and the body named as a sentence's subject.

A report's own recommendations are made "by" its author. UN reports name the
author in the third person ("The Advisory Committee recommends", "The
Inspectors encourage", "the High Commissioner: (a) Calls for"), sometimes in
the first ("I recommend"). The author is the body most often found as the
subject of present-tense verbs of judgement (recommends, notes, considers,
welcomes, ...), expanded to the full name printed elsewhere in the report
("Committee" -> "Committee against Torture"). The report's own author line
outranks that count or completes it: an NGO's "Statement submitted by X", a
report transmitted by a letter or note ("transmit herewith the report of the
Analytical Support and Sanctions Monitoring Team"), a title "Report of the X"
or "Letter dated ... from the X", a secretariat paper ("Note by the
Secretariat", "Progress report by the UNCTAD secretariat"), a letter from
States' representatives. A sentence's subject is
"self" when it names that author; any other body makes the sentence a report
of someone else's view.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

#: generic names by which a body refers to itself
_HEADS = (
    r"Advisory Committee|Special Committee|Committee|Special Rapporteurs?|Rapporteur|"
    r"Independent Experts?|Working Group|Expert Mechanism|Inspectors?|Board of Auditors|Board|"
    r"Mission|visiting mission|High Commissioner|Secretary-General|Commission|Panel|"
    r"Subcommittee|Permanent Forum|Forum|Group of Experts|Council|Executive Director|"
    r"Administrator|Monitoring Team|Team|Office|Expert Group|Group"
)
#: a proper name continued after its head: capitalised words and the small words between
_CAPS = r"[ ]+[A-Z][\w’'-]*(?:[ ]+[A-Z][\w’'-]*)*"
_NAME_TAIL = rf"(?:(?:[ ]+(?:on|of|for|against|the|and|with))+{_CAPS}|,(?=[ ]+[A-Z]){_CAPS})*"
_SELF_VERBS = (
    r"recommends?|notes|welcomes|considers|recalls|trusts|urges|encourages?|requests?|"
    r"emphasizes|emphasises|stresses|is of the view|believes|reiterates|underlines|calls|"
    r"expresses|looks forward|regrets|observes|invites|finds|concludes|remains|takes note|"
    r"acknowledges|appreciates|commends|is concerned|suggests?|advises?|was informed|"
    r"has considered|reaffirms|highlights|affirms|recognizes|cautions|wishes"
)
_SELF_SUBJECT = re.compile(
    rf"\b(?:The|the)\s+(?:same\s+)?(?:United Nations\s+)?((?:{_HEADS}))(?:{_NAME_TAIL})"
    rf"(?:\s+(?:also|further|therefore|again|thus|strongly|once again|has|is))*"
    rf"\s+(?:{_SELF_VERBS})\b"
)
_FIRST_PERSON = re.compile(r"\b(?:I|We)\s+(?:(?:also|further|therefore|strongly)\s+)*"
                           r"(?:recommend|urge|call|encourage|request|invite|suggest)\b")
#: heads whose full name is not their extension ("Inspectors" of the Joint Inspection Unit)
_HEAD_OWNERS = {
    "inspectors": "Joint Inspection Unit", "inspector": "Joint Inspection Unit",
}
_FULL_NAME_PREFIX = r"(?:United Nations\s+|UN\s+)?"


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
            return bool(re.fullmatch(rf"(?:{_HEADS})", words, re.IGNORECASE)) and \
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


_DRAFT_SYMBOL = re.compile(r"/L\.\d")


def _tabling_body(title: str, symbol: str) -> str | None:
    """A draft resolution (an "L" document) is put forward by the body in whose series and
    masthead it is issued ("Special Committee on ...: Implementation of the Declaration",
    A/AC.109/2025/L.9), which may not be the body that adopts it ("The General Assembly, ...")."""
    if not _DRAFT_SYMBOL.search(symbol or ""):
        return None
    masthead, colon, _ = title.partition(":")
    name = re.match(rf"{_BODY_NAME}|{_LED_NAME}", masthead)
    if not colon or not name:
        return _name_from_symbol(symbol)
    return _SHORT_NAMES.get(" ".join(masthead.lower().split()), _trim_name(name.group(0)))


#: bodies whose full name the United Nations itself shortens
_SHORT_NAMES = {
    "special committee on the situation with regard to the implementation of the declaration on "
    "the granting of independence to colonial countries and peoples":
        "Special Committee on Decolonization",
}


_RECOMMENDS_DRAFT = re.compile(
    rf"\b[Tt]he\s+({_FULL_NAME_PREFIX}(?:{_HEADS})(?:{_NAME_TAIL})|"
    r"[A-Z][\w-]*(?:[ ]+[A-Z][\w-]*)*[ ]+Committee)\s+recommends\s+"
    r"(?:to\s+[^.:]{2,80}?\s+)?(?:that\s+[^.:]{2,80}?\s+)?(?:the\s+)?(?:review\s+and\s+)?"
    r"adopt(?:ion\s+of)?\s+the\s+following\s+draft"
)


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
        draft = _RECOMMENDS_DRAFT.search(text)
        if draft:
            name = _trim_name(draft.group(1))
            words = {w.lower() for w in name.split() if re.fullmatch(rf"(?:{_HEADS})", w)}
            return Author(name, _heads_of(name) | words)
    if _is_resolution(texts):
        tabled = _tabling_body(title, symbol)
        if tabled:
            return Author(tabled, _heads_of(tabled))
        body = _ADOPTING_BODY.search(front)
        if body:
            name = _trim_name(body.group(1))
            return Author(name, _heads_of(name))
    line = _author_line(title, texts)
    if line and line[1] == "statement":
        return Author(line[0], _heads_of(line[0]) | {"i", "we"})
    counts: Counter[str] = Counter()
    for text in texts:
        for match in _SELF_SUBJECT.finditer(text):
            counts[match.group(1).lower()] += 1
        for _ in _FIRST_PERSON.finditer(text):
            counts["i"] += 1
    whole = "\n".join([title, *texts])
    if not counts and not line:
        romance = _ROMANCE_SELF.search(whole)
        if romance:  # "la Secretaría ofrece las siguientes sugerencias"
            name = _ROMANCE_NAMES[(romance.group(1) or romance.group(2)).lower()]
            return Author(name, _heads_of(name))
    if not counts:
        name = _name_from_symbol(symbol) or (line[0] if line else _name_from_front(front)) or ""
        head = re.match(rf"(?:United Nations\s+)?({_HEADS})", name)
        if head:
            shorter = _expand(head.group(1).lower(), whole, title)
            if shorter and (name.startswith(shorter) or name.lower() == head.group(1).lower()):
                name = shorter
        return Author(name, _heads_of(name))
    head, _ = counts.most_common(1)[0]
    if line and (line[1] == "secretariat" or head == "i" or head in _heads_of(line[0])):
        # the masthead's full name ("Analytical Support and Sanctions Monitoring Team" for
        # "the Monitoring Team"); a secretariat paper speaks for the secretariat whoever it
        # quotes
        heads = _heads_of(line[0]) | {head} | ({"i", "we"} if head == "i" else set())
        return Author(line[0], heads if line[1] != "secretariat" else _heads_of(line[0]))
    if head == "i":
        name = _first_person_author(front) or _first_person_author(whole) or ""
        author = Author(name, _heads_of(name) | {"i", "we"})
        return author
    name = _expand(head, whole, title) or _name_from_symbol(symbol) or (
        head.title().replace("-general", "-General") if head in _SPECIFIC_HEADS else "")
    heads = _heads_of(name) | {head}
    return Author(name, heads)


#: a French or Spanish report's author speaking of itself ("la Secretaría ofrece las siguientes
#: sugerencias", "le Secrétariat propose") or named in its masthead ("Rapport du Secrétaire
#: général"), by its English name
_ROMANCE_SELF = re.compile(
    r"\b(?:la|le|el)\s+(Secretaría|Secrétariat|Secretario General|Secrétaire général)\s+"
    r"(?:ofrece|propone|recomienda|sugiere|considera|observa|propose|recommande|suggère|"
    r"considère|estime|observe)\b|"
    r"\b(?:Informe|Nota|Rapport|Note)\s+(?:del|de\s+la|du)\s+(Secretaría|Secrétariat|"
    r"Secretario General|Secrétaire général)\b")
_ROMANCE_NAMES = {"secretaría": "Secretariat", "secrétariat": "Secretariat",
                  "secretario general": "Secretary-General",
                  "secrétaire général": "Secretary-General"}

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
    pattern = re.compile(rf"(?:[A-Z][a-z]+[ ]+){{0,3}}(?i:{head_re}){_NAME_TAIL}")
    names: Counter[str] = Counter()
    for match in pattern.finditer(text):
        name = re.sub(r"^(?:(?:The|This|That|These|Its|In|At|By|On|For|Of|To|As|With|Under|"
                      r"From|And|Also|Both|Each|Every|All|Since|While|When|Where|If)\s+)+", "",
                      _trim_name(match.group(0)))
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


def _trim_name(name: str) -> str:
    name = " ".join(name.split())
    name = name.split(" and the ")[0]
    if name.startswith("Secretary-General "):  # "Report of the Secretary-General on X"
        name = "Secretary-General"
    name = re.sub(r"(?:\s+(?:on|of|for|against|to|the|and|in|with|all|from|its|their))+$", "",
                  name)
    return name.rstrip(",")


def _heads_of(name: str) -> set[str]:
    """Short self-references of a full name: 'Advisory Committee on ...' -> advisory committee,
    committee."""
    if not name:
        return set()
    lowered = name.lower()
    heads = {lowered}
    # the head may follow capitalised words: "Analytical Support and Sanctions Monitoring Team"
    head = re.match(rf"(?:united nations\s+)?((?i:{_HEADS}))", name, re.IGNORECASE) or \
        re.match(rf"(?:[A-Z][\w’'-]*\s+(?:and\s+)?){{1,4}}?({_HEADS})\b", name)
    if head:
        words = head.group(1).lower()
        heads.add(words)
        heads.add(words.split()[-1])
    if "joint inspection unit" in lowered:
        heads |= {"inspectors", "inspector", "unit", "jiu"}
    if "high commissioner" in lowered:
        heads |= {"high commissioner"}
    if lowered.startswith("special rapporteur"):
        heads |= {"special rapporteur", "rapporteur"}
    if lowered.endswith("secretariat"):
        heads |= {"secretariat"}
    return heads


_BODY_NAME = rf"{_FULL_NAME_PREFIX}(?:{_HEADS})(?:{_NAME_TAIL})"
#: a name led by capitalised words ("Analytical Support and Sanctions Monitoring Team",
#: "Informal Expert Group on Women and Peace and Security")
_LED_NAME = rf"(?:[A-Z][\w’'-]*[ ]+(?:and[ ]+)?){{0,4}}(?:{_HEADS})(?![\w-])(?:{_NAME_TAIL})"
_TRANSMITS = re.compile(
    r"\b(?:transmit|share|forward|circulate)(?:s|ting)?\b[^.]*?\b(?:report|note|summary(?: note)?|"
    r"study|assessment)\s+(?:of|by|from)\s+(?:the\s+(?:meetings?|work|session)\s+of\s+)?"
    rf"the\s+({_LED_NAME})")
_TITLE_REPORT_OF = re.compile(rf"\b(?:[Rr]eport|Note|Study|Advice) (?:of|by) the\s+({_LED_NAME})|"
                              rf"^Letter dated [^.:]{{0,60}}? from the\s+({_LED_NAME})")
#: a letter from States' representatives: "Letter dated ... from the Permanent Representative of
#: Denmark to the United Nations addressed to the Secretary-General" (the masthead may keep only
#: "Denmark and Sierra Leone to the United Nations addressed to ..."): the States speak in it
_LETTER_FROM = re.compile(r"\bfrom the (?:Permanent|Deputy Permanent|Chargée?)\b[^:]{0,80}? of "
                          r"(?:the )?(?P<states>[A-Z][^:]{2,200}?) to the United Nations "
                          r"addressed to\b")
_LETTER_TITLE = re.compile(r"(?P<states>(?!Letter\b)[A-Z][^:]{2,200}?) to the United Nations "
                           r"addressed to\b")
#: the author line of a statement: "Statement submitted by Sikh Human Rights Group, a
#: non-governmental organization in consultative status ..."
_STATEMENT_BY = re.compile(
    r"\b[Ss]tatement (?:jointly )?submitted by (?:the\s+)?(?P<name>[A-Z][^;:()]{2,300}?)"
    r"(?:\s*\([^)]*\))?,\s+(?:an?\s+)?(?:non-governmental|intergovernmental|national human "
    r"rights|civil society)")
#: the author line of a secretariat paper: "Note by the Secretariat", "Progress report by the
#: UNCTAD secretariat"
_SECRETARIAT_BY = re.compile(
    r"\b(?:[A-Z][a-z]+ report|Report|Note|Study|Paper|Memorandum) by the\s+"
    r"(?P<name>(?:[A-Z][\w-]*\s+)?[Ss]ecretariat)\b")
_PRESENT_REPORT = re.compile(rf"\bIn (?:the present|this) (?:report|note),? the\s+({_BODY_NAME})")
_REPORT_OF = re.compile(rf"\b(?:[Rr]eport|[Nn]ote|[Ss]tudy|[Aa]dvice) (?:of|by) the\s+"
                        rf"({_BODY_NAME})")


def _name_from_front(front: str) -> str | None:
    for pattern in (_TRANSMITS, _PRESENT_REPORT, _REPORT_OF, _SECRETARIAT_BY):
        match = pattern.search(front)
        if match:
            name = _trim_name(match.group(1))
            return name[:1].upper() + name[1:]
    return None


def _fuller(name: str, text: str) -> str:
    """The longest form of ``name`` printed in ``text`` ("the meeting of the Informal Expert
    Group on the situation in ..." after "Co-Chairs of the Informal Expert Group on Women and
    Peace and Security")."""
    forms = Counter(_trim_name(m.group(0)) for m in re.finditer(rf"{re.escape(name)}{_NAME_TAIL}",
                                                                text))
    longer = [form for form in forms if len(form) > len(name)]
    return max(longer, key=lambda form: (forms[form], len(form))) if longer else name


def _author_line(title: str, texts: list[str]) -> tuple[str, str] | None:
    """The author a masthead or a transmittal names, and how: "statement" (an NGO's, which
    speaks as "we" and "I"), "transmitted" (a report sent on by a letter or note: its
    author speaks in it), "titled" ("Eighteenth report of the Analytical Support and Sanctions
    Monitoring Team"), "secretariat" (a secretariat paper), "letter" (States writing)."""
    front = "\n".join([title, *texts[:3]])
    statement = _STATEMENT_BY.search(front)
    if statement:
        return _trim_name(statement.group("name")), "statement"
    transmitted = _TRANSMITS.search(front)
    if transmitted:
        return _fuller(_trim_name(transmitted.group(1)), front), "transmitted"
    titled = _TITLE_REPORT_OF.search(title)
    if titled:
        return _fuller(_trim_name(titled.group(1) or titled.group(2)), front), "titled"
    secretariat = _SECRETARIAT_BY.search(front)
    if secretariat:
        name = " ".join(secretariat.group("name").split())
        return name[0].upper() + name[1:], "secretariat"
    letter = _LETTER_FROM.search(title) or _LETTER_TITLE.match(title)
    if letter:
        return " ".join(letter.group("states").split()), "letter"
    return None


def _first_person_author(text: str) -> str | None:
    """Who says "I" in a report: the Secretary-General, a High Commissioner, a rapporteur."""
    match = _TRANSMITS.search(text) or _REPORT_OF.search(text)
    if match:
        return _trim_name(match.group(1))
    if re.search(r"\bSecretary-General\b", text):
        return "Secretary-General"
    return None


#: symbol series whose author the symbol itself says (treaty bodies, JIU, CPC): it outranks a
#: report named on the front page ("... the report of OIOS" considered by the Committee)
_SERIES = [
    (r"^JIU/", "Joint Inspection Unit"),
    (r"^E/C\.12/", "Committee on Economic, Social and Cultural Rights"),
    (r"^CAT/C/", "Committee against Torture"),
    (r"^CCPR/C/", "Human Rights Committee"),
    (r"^CRC/C/", "Committee on the Rights of the Child"),
    (r"^CEDAW/C/", "Committee on the Elimination of Discrimination against Women"),
    (r"^CERD/C/", "Committee on the Elimination of Racial Discrimination"),
    (r"^CRPD/C/", "Committee on the Rights of Persons with Disabilities"),
    (r"^CMW/C/", "Committee on Migrant Workers"),
    (r"^CED/C/", "Committee on Enforced Disappearances"),
    (r"^A/HRC/WG\.6/", "Working Group on the Universal Periodic Review"),
    (r"^A/HRC/EMRIP/", "Expert Mechanism on the Rights of Indigenous Peoples"),
    (r"^E/AC\.51/", "Committee for Programme and Coordination"),
]


def _name_from_symbol(symbol: str) -> str | None:
    for pattern, name in _SERIES:
        if re.match(pattern, symbol or ""):
            return name
    return None


# -- bodies named in a sentence -------------------------------------------------------------

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z-]{1,10}(?:/[A-Z]+)?)\)")
_BODY_IN_SUBJECT = re.compile(
    rf"(?:[A-Z][\w-]*[ ]+)*(?:{_HEADS}|Organization|Programme|Fund|Agency|"
    rf"Office|Bank|Group|Union|Institute|Alliance|Network|Authority|Entity){_NAME_TAIL}"
)


def body_of_subject(subject: str) -> str | None:
    """The body a subject phrase names, as printed ("UNESCO", "Committee against Torture").

    An acronym printed in brackets after the name is preferred, as the report
    itself uses it afterwards; anaphoric subjects ("The same Committee") give
    None, to be resolved by the caller from the bodies named before.
    """
    text = subject.strip()
    if re.match(r"^(?:The|the)\s+same\b", text) or re.fullmatch(
        rf"(?:[Tt]he\s+)?(?:{_HEADS})", text
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
        return _trim_name(match.group(0))
    return None


def anaphora_head(subject: str) -> str | None:
    """'The same Committee' -> 'committee'; 'It' -> '' (any body); None if not anaphoric."""
    text = subject.strip()
    match = re.fullmatch(rf"(?:[Tt]he\s+)?(?:same\s+)?((?:{_HEADS}))", text)
    if match:
        return match.group(1).lower()
    if re.fullmatch(r"It|They|He|She", text):
        return ""
    return None
