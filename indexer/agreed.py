"""Rows of a table tracking agreed audit actions, read as the recommendations they restate.

An internal audit report ends with actions the audited management agreed to
take; a tracking document ("Open agreed internal audit actions older than 18
months") lists them row by row with their status ("Risk appetite [high
priority] Management agreed to finalize the risk appetite statement ... The new
strategy ..."). Each row restates an audit recommendation in the audited
party's words, so it counts as a reported recommendation (the labels' TRACKING
rule), made by the audit office, addressed to whoever agreed, its action the
verb after "agreed to". A row printed as the recommendation itself ("the
steering group ... should ensure ...") counts the same way. The status that
follows ("was reoriented", "has been finalized") is management's update and
decides nothing.
"""

from __future__ import annotations

import re

from .actions import first_action
from .addressees import OTHER, UN_SYSTEM, classify

#: the document tracks actions agreed after audits (title, summary or column headings)
_AGREED_DOC = re.compile(r"\bagreed (?:(?:internal|external)[ ]+)?(?:audit[ ]+)?actions?\b",
                         re.IGNORECASE)
#: the office whose audits the actions answer; "internal audit" when none is named
_AUDIT_OFFICE = re.compile(r"(?:[A-Z][A-Za-z-]+ )?Office of (?:Internal )?Audit(?: and "
                           r"Investigations)?|Office of Internal Oversight Services|"
                           r"Board of Auditors")
#: "Risk culture [medium priority]": the row's topic and priority, before its text
_ROW_TAG = re.compile(r"^[^\[\].]{0,120}\[[^\]]{1,40}\]\s*:?\s*")
_AGREED = re.compile(r"\b(?:also[ ]+)?(?:agreed|agrees)[ ]+to[ ]+(?P<rest>.+)", re.DOTALL)
_SHOULD = re.compile(r"\bshould[ ]+(?P<rest>(?!be[ ]+noted)\w.+)", re.DOTALL)
#: the audited entity's own management: the organization itself
_MANAGEMENT = re.compile(r"^(?:the[ ]+)?(?:(?:senior|UNICEF|UNDP|UNFPA|UNOPS|[A-Z]{2,})[ ]+)?"
                         r"(?:management|administration|(?:country|regional) office|division)$",
                         re.IGNORECASE)


def tracks_agreed_actions(title: str, texts: list[str], headings: set[str]) -> bool:
    """True for a document whose rows are audit actions agreed by management."""
    return bool(_AGREED_DOC.search(" ".join([title, *texts[:4]])) or
                any(_AGREED_DOC.search(h) or re.match(r"agreed action", h, re.IGNORECASE)
                    for h in headings))


def audit_office(texts: list[str]) -> str:
    """The office whose recommendations the agreed actions restate."""
    match = _AUDIT_OFFICE.search(" ".join(texts[:6]))
    return match.group(0) if match else "internal audit"


def agreed_row(text: str) -> tuple[list[str], str] | None:
    """(addressee categories, action) of a row restating an agreed action, or None when the
    paragraph is not one ("Published: August 2022. Eight agreed actions aged 28 months")."""
    body = _ROW_TAG.sub("", text, count=1)
    first = re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", body, maxsplit=1)[0]
    match = _AGREED.search(first) or _SHOULD.search(first)
    if not match:
        return None
    who = first[: match.start()]
    who = re.sub(r",[ ]+through[ ]+[^,]+,[ ]*$", " ", who.rstrip() + " ").strip(" ,")
    who = re.split(r",[ ]+", who)[-1].strip()  # after "As soon as ... is approved,"
    if not who or len(who.split()) > 12:
        return None
    action = first_action(match.group("rest"))[0]
    return _categories(who), action


def _categories(who: str) -> list[str]:
    if _MANAGEMENT.match(who):
        return [UN_SYSTEM]
    if re.search(r"(?-i:\bsecretariat)\b|\bpartnership\b|\bsteering (?:group|committee)\b", who,
                 re.IGNORECASE):
        return [OTHER]  # a hosted fund's or partnership's own bodies, not the UN Secretariat
    return classify(who) or [OTHER]
