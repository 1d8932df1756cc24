"""Recommending verbs in French and Spanish reports.

The English detector reads clauses; for the French and Spanish versions of
UN reports a narrower rule is used: a present-tense recommending verb ("Le
Comité recommande que l'État partie ...", "El Comité insta al Estado parte
a ...") or a conditional "devrait / debería" makes a paragraph operative. It
is enough to find recommendations in their sections and the plainest ones
outside them; addressee and action are left to the English text.
"""

from __future__ import annotations

import re

_FRENCH = re.compile(
    r"(?<!\bqui )\b(?:recommande(?:nt)?|engage(?:nt)?|exhorte(?:nt)?|prie(?:nt)?|"
    r"invite(?:nt)?|encourage(?:nt)?|demande(?:nt)?)\s+(?:vivement\s+|instamment\s+|"
    r"également\s+|aussi\s+)*(?:que|à|aux|au|l['’]État|les États|le Gouvernement|le Conseil|"
    r"l['’]Assemblée|la Commission|le Secrétaire|les gouvernements|tous les)\b",
    re.IGNORECASE,
)
_SPANISH = re.compile(
    r"\b(?:recomienda(?:n)?|insta(?:n)?|exhorta(?:n)?|alienta(?:n)?|invita(?:n)?|pide(?:n)?|"
    r"solicita(?:n)?|exige(?:n)?)\s+(?:encarecidamente\s+|también\s+|asimismo\s+)*"
    r"(?:que|a|al|a\s+los|a\s+las|a\s+todos)\b",
    re.IGNORECASE,
)
_SHOULD = re.compile(r"\bdevrai(?:t|ent)\b|\bdeber[ií]a(?:n)?\b", re.IGNORECASE)
_ENGLISH_WORDS = frozenset("the and of to should that with".split())
_ROMANCE_WORDS = frozenset("le la les des du el los las del que y et de".split())
_WORD = re.compile(r"\w+")


def is_english(text: str) -> bool:
    """Rough: more English function words than French and Spanish ones."""
    english = romance = 0
    for word in _WORD.findall(text.lower()):
        if word in _ENGLISH_WORDS:
            english += 1
        elif word in _ROMANCE_WORDS:
            romance += 1
    return english >= romance


def has_cue(text: str, should: bool = True) -> bool:
    """A French or Spanish recommending verb (or, with ``should``, "devrait", "debería")."""
    return bool(_FRENCH.search(text) or _SPANISH.search(text) or (should and
                                                                   _SHOULD.search(text)))
