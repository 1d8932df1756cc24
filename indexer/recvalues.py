"""The stored form of recommendation fields, and what users type to filter on them.

Addressees, actions and recommenders are stored as comma-separated keywords,
so a value must not contain a comma ("Committee on Economic, Social and
Cultural Rights" is stored without it). A filter typed by a user is mapped
to the same form: "--addressee business" finds "business enterprises",
"--by Venezuela" finds "Venezuela (Bolivarian Republic of)", "--action
ratifying" finds "ratify".
"""

from __future__ import annotations

from .addressees import VOCABULARY, classify
from .states import canonical_state
from .upr import recommending_states, trailing_brackets
from .verbs import lemma

_ADDRESSEE_ALIASES = {
    "sg": "Secretary-General", "ga": "General Assembly", "hrc": "Human Rights Council",
    "un": "United Nations system", "un system": "United Nations system",
    "united nations": "United Nations system", "un entities": "United Nations system",
    "business": "business enterprises", "businesses": "business enterprises",
    "ngo": "civil society", "ngos": "civil society", "dfi": "development finance institutions",
    "dfis": "development finance institutions", "state": "States", "governments": "States",
}


def keyword(value: str) -> str:
    """A value as stored in a comma-separated keyword field: no commas, single spaces."""
    return " ".join(value.replace(",", " ").split())


def addressee_filter(value: str) -> str:
    """The stored addressee category a user means ("business" -> "business enterprises")."""
    wanted = " ".join(value.split())
    for category in VOCABULARY:
        if wanted.lower() == category.lower():
            return category
    if wanted.lower() in _ADDRESSEE_ALIASES:
        return _ADDRESSEE_ALIASES[wanted.lower()]
    found = classify(wanted)
    return found[0] if len(found) == 1 else keyword(wanted)


def recommender_filter(value: str) -> str:
    """A recommending State in its canonical name, or a body as stored."""
    return canonical_state(value) or keyword(value)


def action_filter(value: str) -> str:
    """The lemma of an action verb ("ratifying" -> "ratify"; "set up" stays)."""
    words = value.lower().split()
    if not words:
        return value
    return " ".join([lemma(words[0]), *words[1:]])


def core_text(text: str) -> str:
    """A recommendation without the recommending States that end it ("... (Nigeria);").

    Used to find similar recommendations: the States' names would otherwise
    make every list of countries look alike.
    """
    if recommending_states(text):
        return trailing_brackets(text)[0]
    return text
