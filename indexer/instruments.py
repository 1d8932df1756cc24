"""Treaties, protocols, frameworks and named laws that a recommendation names.

A name is a run of capitalised words (with the small words UN titles use:
"on the", "of", "against", "and", a comma before a capital) around a head
word such as Convention, Covenant, Protocol, Declaration, Agreement, Act or
Principles: "Optional Protocol to the International Covenant on Economic,
Social and Cultural Rights", "1961 Convention on the Reduction of
Statelessness", "Marriage and Family Relations Act". A head alone ("the
Convention") refers back to a name printed earlier and is left out.
"""

from __future__ import annotations

import re

from .verbs import is_verb_form

_HEADS = (
    r"Convention|Covenant|Protocol|Declaration|Agreement|Treaty|Charter|Statute|Act|Code|"
    r"Law|Rules|Principles|Guidelines|Framework|Platform for Action|Programme of Action|"
    r"Plan of Action|Agenda"
)
_CAP = r"(?:\d{4}|[A-Z][\w’'-]*)"
_SMALL = r"(?:on|of|the|to|against|and|for|in|with|all|concerning|relating|or|their|its)"
_RUN = rf"{_CAP}(?:(?:[ ]+{_SMALL})*[ ]+{_CAP}|,[ ]+(?={_CAP}){_CAP})*"
_NAME = re.compile(rf"(?<![\w-])(?:{_RUN}[ ]+)?(?:{_HEADS})\b(?:(?:[ ]+{_SMALL})+[ ]+{_RUN})?")
_NOT_NAMES = re.compile(
    r"^(?:the |this |that |its |their )?(?:Convention|Covenant|Protocol|Declaration|Agreement|"
    r"Treaty|Charter|Statute|Act|Code|Law|Rules|Principles|Guidelines|Framework|Agenda|"
    r"Optional Protocols?|Protocols)$"
)
_LEADING = re.compile(r"^(?i:the|this|that|its|their|in|to|for|and|by|with|on|of|under|"
                      r"ratifying|acceding|becoming|parties|party)\s+")
#: capitalised words that open instrument names although they are also verbs
_NAME_WORDS = {"Model", "Guide", "Framework", "Standard", "Protect", "Respect", "Remedy"}
_BARE_TAIL = re.compile(r"\s+and\s+(?:the\s+)?(?:Convention|Covenant|Protocol|Declaration|"
                        r"Agreement|Treaty|Charter|Statute|Act|Code|Law|Rules|Principles|"
                        r"Guidelines|Framework|Agenda)$")


def find_instruments(text: str) -> list[str]:
    """Named instruments in ``text``, as printed, in order, without repeats."""
    text = " ".join(text.split())
    found: list[str] = []
    for match in _NAME.finditer(text):
        name = match.group(0).strip(" ,")
        while True:
            trimmed = _LEADING.sub("", name)
            first = trimmed.split(" ", 1)
            if len(first) == 2 and is_verb_form(first[0]) and first[0] not in _NAME_WORDS:
                trimmed = first[1]
            if trimmed == name:
                break
            name = trimmed
        name = _BARE_TAIL.sub("", name)
        name = re.sub(rf"(?:[ ]+{_SMALL})+$", "", name)
        if _NOT_NAMES.match(name) or len(name.split()) < 2:
            continue
        if re.search(r"\b(?:Human Rights Council|General Assembly|Committee)\b", name) and \
                not re.search(rf"\b(?:{_HEADS})\b\s+(?:on|of|to|against)\b", name):
            continue
        if not any(name in other for other in found):
            found = [other for other in found if other not in name]
            found.append(name)
    return found
