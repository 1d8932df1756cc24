"""Universal periodic review: the recommending States of an item and its support status.

A UPR Working Group report lists the recommendations made to the State under
review as items ("140.12 Ratify ... (Nigeria);", 2008: "6. To continue ...
(Cuba, Ghana and the Netherlands)"), each ending with the recommending
State(s) in brackets: one bracket per State, several names in one bracket, a
bracket nested in a name ("(Venezuela (Bolivarian Republic of))"), or the
bracket after the final full stop. The chapeau before the items says whether
they were supported, noted, or are still to be examined.
"""

from __future__ import annotations

import re

from .cues import may_mention
from .states import canonical_state, split_state_list

SUPPORTED = "supported"
NOTED = "noted"
PENDING = "pending"

_STATUS_PATTERNS = [
    (NOTED, r"did not enjoy the support|(?:have|has) been noted|were noted|will be noted|"
            r"not (?:been )?supported|are noted by|were not accepted|has noted"),
    (SUPPORTED, r"enjoy(?:s|ed)? (?:the|its|their) support\b|"
                r"(?:have|has) been (?:accepted|supported)|are supported by|were accepted|"
                r"already implemented or in the process of implementation|has accepted|"
                r"accepts the following"),
    (PENDING, r"will be examined by|will examine|will provide responses|responses? (?:of|by) "
              r"[^.]{0,80}will be included in the outcome|will respond|in due time"),
]
_STATUS_RES = [(status, re.compile(pattern, re.IGNORECASE)) for status, pattern in
               _STATUS_PATTERNS]
#: words one of which each match of a status pattern contains (not "support" alone: a UPR
#: report says it everywhere)
_STATUS_WORDS = ("the support", "its support", "their support", "supported", "noted", "accepted",
                 "accepts", "process of implementation", "examine", "response", "respond",
                 "in due time")


def trailing_brackets(text: str) -> tuple[str, list[str]]:
    """Split the bracket groups at the end of ``text`` from the words before them.

    '... of Rights (Maldives) (Portugal);' -> ('... of Rights', ['Maldives', 'Portugal']).
    Brackets are balanced, so a nested name comes back whole.
    """
    body = text.rstrip()
    groups: list[str] = []
    while True:
        stripped = body.rstrip(" ;.,\u2019\u201d")
        if not stripped.endswith(")"):
            break
        depth, start = 0, None
        for index in range(len(stripped) - 1, -1, -1):
            char = stripped[index]
            if char == ")":
                depth += 1
            elif char == "(":
                depth -= 1
                if depth == 0:
                    start = index
                    break
        if start is None:
            break
        groups.insert(0, stripped[start + 1 : -1])
        body = stripped[:start]
    return body.rstrip(), groups


_BRACKET = re.compile(r"[()]")


def bracket_groups(text: str) -> list[str]:
    """Every top-level bracketed group of ``text``, nested brackets kept inside."""
    groups, depth, start = [], 0, 0
    for bracket in _BRACKET.finditer(text):  # only the brackets, not every character
        index, char = bracket.start(), bracket.group()
        if char == "(":
            if depth == 0:
                start = index + 1
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                groups.append(text[start:index])
    return groups


def recommending_states(text: str) -> list[str]:
    """The recommending States of a UPR item, canonical names, in the order printed.

    The item ends with them; a clustered item (2012-2016 reports) joins several
    recommendations, each with its own brackets ("... (France) (Iraq) and proceed
    to ... (Uruguay); Ratify without delay ... (Spain)"), so every bracket made
    only of State names counts, and a "(art. 4)" or a "(CPED)" does not. Empty
    when the item names no State.
    """
    if not trailing_brackets(text)[1]:
        return []
    states: list[str] = []
    for group in bracket_groups(text):
        names = split_state_list(group)
        if names is None:
            single = canonical_state(group)
            if single is None:
                continue
            names = [single]
        for name in names:
            if name not in states:
                states.append(name)
    return states


def status_from_text(text: str) -> str | None:
    """The support status a chapeau or closing paragraph states, if any."""
    if not may_mention(text, _STATUS_WORDS):
        return None
    for status, pattern in _STATUS_RES:
        if pattern.search(text):
            return status
    return None


def item_prefix(number: str | None) -> str | None:
    """'140.12' -> '140', the chapeau paragraph of UPR item 140.12; None for plain numbers."""
    if number and re.fullmatch(r"\d+\.\d+", number):
        return number.split(".")[0]
    return None
