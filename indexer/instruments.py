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


#: words that make a name an institution's, not an instrument's ("International Law Commission")
_INSTITUTION = (r"Court|Commission|Council|Committee|Organization|Organisation|Bank|Fund|"
                r"Office|Institute|Tribunal|Secretariat|Panel|Group|Forum|Assembly")
_INSTITUTION_NEXT = re.compile(rf"^[ ]+(?:{_INSTITUTION})\b")
_AND = re.compile(r"[ ]+and[ ]+(?:the[ ]+)?(?=[A-Z0-9])")
_HEAD = re.compile(rf"\b(?:{_HEADS})\b")
_INSTITUTION_WORD = re.compile(rf"\b(?:{_INSTITUTION})\b")


#: "Conference of the Parties to the United Nations Framework Convention on Climate Change"
_OF_PARTIES = re.compile(r"^(?:(?:Conference|Meeting)\s+of\s+(?:the\s+)?(?:States\s+)?Parties|"
                         r"States\s+Parties|Parties)\s+to\s+(?:the\s+)?")


def _joined(name: str) -> list[str]:
    """A run the pattern read as one name, cut where "and" joins a second name to a whole
    first one, looking from the end: "United Nations Framework Convention on Climate Change
    and the Paris Agreement" is two instruments, "Convention on the Law of the Sea and the
    Inter-American Court of Human Rights" one and an institution. A second instrument opens
    with "the"; without it the "and" is inside one name ("Covenant on Economic, Social and
    Cultural Rights", "Convention against Torture and Other Cruel, Inhuman or Degrading
    Treatment or Punishment"), and a head right after it continues the name ("Beijing
    Declaration and Platform for Action")."""
    for joint in reversed(list(_AND.finditer(name))):
        left, right = name[: joint.start()], name[joint.end():]
        if not _HEAD.search(left) or _HEAD.match(right):
            continue
        if _INSTITUTION_WORD.search(right) and not _HEAD.search(right):
            return _joined(left)
        if joint.group(0).rstrip().endswith("the") and _HEAD.search(right):
            return [*_joined(left), right]
    return [name]


#: a word of each head above ("Act" also in "Platform for Action"): without one, no name
_HEAD_WORDS = ("Convention", "Covenant", "Protocol", "Declaration", "Agreement", "Treaty",
               "Charter", "Statute", "Act", "Code", "Law", "Rules", "Principles", "Guidelines",
               "Framework", "Agenda")


def find_instruments(text: str) -> list[str]:
    """Named instruments in ``text``, as printed, in order, without repeats."""
    if not any(word in text for word in _HEAD_WORDS):
        return []  # substring tests first: the name pattern is tried at every position
    text = " ".join(text.split())
    found: list[str] = []
    for match in _NAME.finditer(text):
        if _INSTITUTION_NEXT.match(text[match.end():]):
            continue  # "Yearbook of the International Law" Commission: an institution's name
        for name in _joined(match.group(0).strip(" ,")):
            _add(found, name)
    return found


def _add(found: list[str], name: str) -> None:
    """Add ``name`` to ``found`` trimmed to the instrument's own words, unless it is a bare
    head, an organ's name, or part of a name already found (a longer one replaces it)."""
    while True:
        trimmed = _LEADING.sub("", name)
        first = trimmed.split(" ", 1)
        if len(first) == 2 and is_verb_form(first[0]) and first[0] not in _NAME_WORDS:
            trimmed = first[1]
        if trimmed == name:
            break
        name = trimmed
    name = _BARE_TAIL.sub("", name)
    name = _OF_PARTIES.sub("", name)  # the conference is a body; the convention is named
    name = re.sub(rf"(?:[ ]+{_SMALL})+$", "", name)
    if _NOT_NAMES.match(name) or len(name.split()) < 2:
        return
    if re.search(r"\b(?:Human Rights Council|General Assembly|Committee)\b", name) and \
            not re.search(rf"\b(?:{_HEADS})\b\s+(?:on|of|to|against)\b", name):
        return
    if not any(name in other for other in found):
        found[:] = [other for other in found if other not in name]
        found.append(name)
