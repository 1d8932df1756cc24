"""How the names of UN bodies are printed, for finding them in running text.

A body refers to itself by a generic head ("the Committee", "the Inspectors",
"the Monitoring Team") that its full name extends with capitalised words and
the small words between them ("Committee on the Elimination of Discrimination
against Women"). The author of a report (``bodies``) and the author line of
its masthead (``authorline``) are both found with these patterns, which live
here so that neither module needs the other's.
"""

from __future__ import annotations

import re

#: generic names by which a body refers to itself
HEADS = (
    r"Advisory Committee|Special Committee|Committee|Special Rapporteurs?|Rapporteur|"
    r"Independent Experts?|Working Group|Expert Mechanism|Inspectors?|Board of Auditors|Board|"
    r"Mission|visiting mission|High Commissioner|Secretary-General|Commission|Panel|"
    r"Subcommittee|Permanent Forum|Forum|Group of Experts|Council|Executive Director|"
    r"Administrator|Monitoring Team|Team|Office|Expert Group|Group"
)
#: a proper name continued after its head: capitalised words and the small words between
_CAPS = r"[ ]+[A-Z][\w’'-]*(?:[ ]+[A-Z][\w’'-]*)*"
NAME_TAIL = rf"(?:(?:[ ]+(?:on|of|for|against|the|and|with))+{_CAPS}|,(?=[ ]+[A-Z]){_CAPS})*"
FULL_NAME_PREFIX = r"(?:United Nations\s+|UN\s+)?"
BODY_NAME = rf"{FULL_NAME_PREFIX}(?:{HEADS})(?:{NAME_TAIL})"
#: a name led by capitalised words ("Analytical Support and Sanctions Monitoring Team",
#: "Informal Expert Group on Women and Peace and Security")
LED_NAME = rf"(?:[A-Z][\w’'-]*[ ]+(?:and[ ]+)?){{0,4}}(?:{HEADS})(?![\w-])(?:{NAME_TAIL})"


def trim_name(name: str) -> str:
    """A matched name without what ran on after it ("Committee against Torture and the" ->
    "Committee against Torture"; "Secretary-General on X" -> "Secretary-General")."""
    name = " ".join(name.split())
    name = name.split(" and the ")[0]
    if name.startswith("Secretary-General "):  # "Report of the Secretary-General on X"
        name = "Secretary-General"
    name = re.sub(r"(?:\s+(?:on|of|for|against|to|the|and|in|with|all|from|its|their))+$", "",
                  name)
    return name.rstrip(",")


def heads_of(name: str) -> set[str]:
    """Short self-references of a full name: 'Advisory Committee on ...' -> advisory committee,
    committee."""
    if not name:
        return set()
    lowered = name.lower()
    heads = {lowered}
    # the head may follow capitalised words: "Analytical Support and Sanctions Monitoring Team"
    head = re.match(rf"(?:united nations\s+)?((?i:{HEADS}))", name, re.IGNORECASE) or \
        re.match(rf"(?:[A-Z][\w’'-]*\s+(?:and\s+)?){{1,4}}?({HEADS})\b", name)
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
