"""Substring tests that rule a regex search out before it is run.

Most patterns of the recommendation detector open with a word boundary or a
lookbehind, so the regex engine tries them at every position of a text;
a test for a word each match must contain is far cheaper, and most texts
fail it.
"""

from __future__ import annotations

#: letters a case-blind pattern reads as "i" or "s" that ``str.lower`` does not turn into
#: them ("İ" becomes two characters): a text holding one is searched whatever its words
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f")


def may_mention(text: str, words: tuple[str, ...]) -> bool:
    """Can ``text`` match a case-blind pattern each match of which contains one of ``words``
    (lower-case ASCII)?"""
    lowered = text.lower()
    return any(word in lowered for word in words) or not text.isascii() and any(
        trap in text for trap in _CASE_TRAPS)
