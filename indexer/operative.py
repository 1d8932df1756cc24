"""One operative clause, as each finder of ``directives`` returns it.

The performatives, passives, "should" clauses (``shoulds``), hedges and
lead-ins (``hedges``) and bare imperatives (``imperatives``) are found by
different modules; they share this one record of who asks whom to do what.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Directive:
    """One operative clause."""

    form: str  # "performative", "passive", "should", "hedged", "imperative"
    voice: str  # OWN or REPORTED
    speaker: str  # the subject of a performative; "" when left out or for should/imperatives
    addressee: str  # the addressee phrase as printed; "" when implicit
    action: str  # lemma of the first verb asked for; "" when it follows in sub-paragraphs
    strong: bool  # False: an impersonal or passive "should", a recommendation only in context
    framed: bool = False  # a "should" under the report's own "considers that", "is of the view"
    chapeau: bool = False  # ends with ":" and its action is in the sub-paragraphs
    segment: int = 0  # index of the sub-paragraph segment (0: before any "(a)")
