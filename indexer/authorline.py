"""The author a report's masthead, author line or symbol names.

Before counting who speaks in a report (``bodies``), its front page often says
who wrote it: an NGO's "Statement submitted by X", a report transmitted by a
letter or note ("transmit herewith the report of the Analytical Support and
Sanctions Monitoring Team"), a title "Report of the X" or "Letter dated ...
from the X", a secretariat paper ("Note by the Secretariat"), a letter from
States' representatives, a French or Spanish masthead ("Rapport du Secrétaire
général"), the series of its symbol (treaty bodies, the JIU), or the masthead
of a draft resolution ("Special Committee on ...: ..."). These lines are read
here, apart from the counting, because each is one printed convention.
"""

from __future__ import annotations

import re
from collections import Counter

from .bodynames import BODY_NAME, LED_NAME, NAME_TAIL, trim_name

_DRAFT_SYMBOL = re.compile(r"/L\.\d")


def tabling_body(title: str, symbol: str) -> str | None:
    """A draft resolution (an "L" document) is put forward by the body in whose series and
    masthead it is issued ("Special Committee on ...: Implementation of the Declaration",
    A/AC.109/2025/L.9), which may not be the body that adopts it ("The General Assembly, ...")."""
    if not _DRAFT_SYMBOL.search(symbol or ""):
        return None
    masthead, colon, _ = title.partition(":")
    name = re.match(rf"{BODY_NAME}|{LED_NAME}", masthead)
    if not colon or not name:
        return name_from_symbol(symbol)
    return _SHORT_NAMES.get(" ".join(masthead.lower().split()), trim_name(name.group(0)))


#: bodies whose full name the United Nations itself shortens
_SHORT_NAMES = {
    "special committee on the situation with regard to the implementation of the declaration on "
    "the granting of independence to colonial countries and peoples":
        "Special Committee on Decolonization",
}


#: a French or Spanish report's author speaking of itself ("la Secretaría ofrece las siguientes
#: sugerencias", "le Secrétariat propose") or named in its masthead ("Rapport du Secrétaire
#: général"), by its English name
ROMANCE_SELF = re.compile(
    r"\b(?:la|le|el)\s+(Secretaría|Secrétariat|Secretario General|Secrétaire général)\s+"
    r"(?:ofrece|propone|recomienda|sugiere|considera|observa|propose|recommande|suggère|"
    r"considère|estime|observe)\b|"
    r"\b(?:Informe|Nota|Rapport|Note)\s+(?:del|de\s+la|du)\s+(Secretaría|Secrétariat|"
    r"Secretario General|Secrétaire général)\b")
ROMANCE_NAMES = {"secretaría": "Secretariat", "secrétariat": "Secretariat",
                 "secretario general": "Secretary-General",
                 "secrétaire général": "Secretary-General"}
_ROMANCE_PRINTED = ("Secretaría", "Secrétariat", "Secretario General", "Secrétaire général")


def romance_self(text: str) -> re.Match[str] | None:
    """ROMANCE_SELF in ``text`` (a whole report): the names are looked for first, as the
    pattern, opening with \\b, is tried at every position."""
    if not any(name in text for name in _ROMANCE_PRINTED):
        return None
    return ROMANCE_SELF.search(text)


_TRANSMITS = re.compile(
    r"\b(?:transmit|share|forward|circulate)(?:s|ting)?\b[^.]*?\b(?:report|note|summary(?: note)?|"
    r"study|assessment)\s+(?:of|by|from)\s+(?:the\s+(?:meetings?|work|session)\s+of\s+)?"
    rf"the\s+({LED_NAME})")
_TITLE_REPORT_OF = re.compile(rf"\b(?:[Rr]eport|Note|Study|Advice) (?:of|by) the\s+({LED_NAME})|"
                              rf"^Letter dated [^.:]{{0,60}}? from the\s+({LED_NAME})")
#: a letter from States' representatives: "Letter dated ... from the Permanent Representative of
#: Denmark to the United Nations addressed to the Secretary-General" (the masthead may keep only
#: "Denmark and Sierra Leone to the United Nations addressed to ..."): the States speak in it
_LETTER_FROM = re.compile(r"\bfrom the (?:Permanent|Deputy Permanent|Chargée?)\b[^:]{0,80}? of "
                          r"(?:the )?(?P<states>[A-Z][^:]{2,200}?) to the United Nations "
                          r"addressed to\b")
_LETTER_TITLE = re.compile(r"(?P<states>(?!Letter\b)[A-Z][^:]{2,200}?) to the United Nations "
                           r"addressed to\b")
#: a letter transmitting States' own text: "We have the honour to transmit herewith the joint
#: Declaration of the Russian Federation and the Republic of Belarus on ...": they speak in it
_DECLARATION_OF = re.compile(
    r"\btransmit(?:s|ting)?\b[^.]{0,40}?\b(?:joint )?(?:Declaration|Joint Statement|"
    r"Communiqué)\s+(?:of|by)\s+(?:the\s+)?(?P<name>[A-Z][^.:;,]{2,120}?)\s+(?:on|regarding|"
    r"concerning|adopted|issued|signed|of(?=\s+\d))\b")
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
_PRESENT_REPORT = re.compile(rf"\bIn (?:the present|this) (?:report|note),? the\s+({BODY_NAME})")
_REPORT_OF = re.compile(rf"\b(?:[Rr]eport|[Nn]ote|[Ss]tudy|[Aa]dvice) (?:of|by) the\s+"
                        rf"({BODY_NAME})")


def name_from_front(front: str) -> str | None:
    for pattern in (_TRANSMITS, _PRESENT_REPORT, _REPORT_OF, _SECRETARIAT_BY):
        match = pattern.search(front)
        if match:
            name = trim_name(match.group(1))
            return name[:1].upper() + name[1:]
    return None


def _fuller(name: str, text: str) -> str:
    """The longest form of ``name`` printed in ``text`` ("the meeting of the Informal Expert
    Group on the situation in ..." after "Co-Chairs of the Informal Expert Group on Women and
    Peace and Security")."""
    forms = Counter(trim_name(m.group(0)) for m in re.finditer(rf"{re.escape(name)}{NAME_TAIL}",
                                                                text))
    longer = [form for form in forms if len(form) > len(name)]
    return max(longer, key=lambda form: (forms[form], len(form))) if longer else name


def author_line(title: str, texts: list[str]) -> tuple[str, str] | None:
    """The author a masthead or a transmittal names, and how: "statement" (an NGO's, which
    speaks as "we" and "I"), "transmitted" (a report sent on by a letter or note: its
    author speaks in it), "titled" ("Eighteenth report of the Analytical Support and Sanctions
    Monitoring Team"), "secretariat" (a secretariat paper), "letter" (States writing),
    "declaration" (States' joint declaration, transmitted by their letter)."""
    front = "\n".join([title, *texts[:3]])
    statement = _STATEMENT_BY.search(front)
    if statement:
        return trim_name(statement.group("name")), "statement"
    declaration = _DECLARATION_OF.search(front)
    if declaration:
        return " ".join(declaration.group("name").split()), "declaration"
    transmitted = _TRANSMITS.search(front)
    if transmitted:
        return _fuller(trim_name(transmitted.group(1)), front), "transmitted"
    titled = _TITLE_REPORT_OF.search(title)
    if titled:
        return _fuller(trim_name(titled.group(1) or titled.group(2)), front), "titled"
    secretariat = _SECRETARIAT_BY.search(front)
    if secretariat:
        name = " ".join(secretariat.group("name").split())
        return name[0].upper() + name[1:], "secretariat"
    letter = _LETTER_FROM.search(title) or _LETTER_TITLE.match(title)
    if letter:
        return " ".join(letter.group("states").split()), "letter"
    return None


def short_states(printed: str) -> str:
    """'the Russian Federation and the Republic of Belarus' -> 'Russian Federation and
    Belarus': the States of a joint text by the short names the United Nations lists."""
    from .states import canonical_state

    names = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", printed):
        part = re.sub(r"^the\s+", "", part.strip())
        short = canonical_state(part) or canonical_state(re.sub(
            r"^(?:Republic|Kingdom|Principality|Grand Duchy|Sultanate|State) of (?:the )?", "",
            part))
        names.append(short or part)
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1]


def first_person_author(text: str) -> str | None:
    """Who says "I" in a report: the Secretary-General, a High Commissioner, a rapporteur."""
    match = _TRANSMITS.search(text) or _REPORT_OF.search(text)
    if match:
        return trim_name(match.group(1))
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


def name_from_symbol(symbol: str) -> str | None:
    for pattern, name in _SERIES:
        if re.match(pattern, symbol or ""):
            return name
    return None
