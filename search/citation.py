"""Citations as people write them: 'A/57/292, para. 69', 'a/57/292 paras 69-71',
'A/57/292 69 (a)', 'A/79/352 annex I para 3', 'A/HRC/59/15 140.12'."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.errors import QueryError
from indexer.symbols import SYMBOL_RE, normalise_symbol, typed_form

_REST_RE = re.compile(
    r"""^[\s,]*
    (?:(?:annex|annexe|anexo)\s*(?P<annex>[IVXL]{1,6}|\d{1,2}|[A-Z](?![a-z]))?[\s,]*)?
    (?:(?:paras?|paragraphs?|párrafos?|paragraphes?|¶+|§+)\.?\s*)?
    (?P<first>\d{1,4}(?:\.\d{1,3})?)
    \s*(?P<subs>(?:\(\s*[a-z]{1,5}\s*\)\s*)*)
    (?:(?:-|–|—|to)\s*(?P<last>\d{1,4}(?:\.\d{1,3})?))?
    [\s.]*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: the longest range `get` expands
MAX_RANGE = 200


@dataclass(frozen=True, slots=True)
class Citation:
    symbol: str
    first: str
    last: str | None = None
    annex: str | None = None
    subparagraph: str | None = None  # "(a)", "(a) (ii)"
    numbers: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        where = self.symbol + (f", annex {self.annex}" if self.annex else "")
        if self.last:
            return f"{where}, paras. {self.first}–{self.last}"
        sub = f" {self.subparagraph}" if self.subparagraph else ""
        return f"{where}, para. {self.first}{sub}"


def split_symbol(text: str) -> tuple[str, str] | None:
    """('A/57/292', ', para. 69') for a text that opens with a symbol, else None."""
    stripped = re.sub(r"[‐‑‒–—―]", "-", text.strip())
    head, _, tail = stripped.partition(" ")
    if "/" not in head:
        bare = head.rstrip(",.;:")  # "A-57-292 69", "A_57_292, para. 69"
        stripped = f"{typed_form(bare)}{head[len(bare):]} {tail}".strip()
    match = SYMBOL_RE.match(stripped.upper())
    if not match:
        return None
    raw = stripped[: match.end()]
    try:
        return normalise_symbol(raw), stripped[match.end():]
    except ValueError:
        return None


def parse_citation(text: str) -> Citation:
    """Parse a citation, or raise ``QueryError`` saying what was expected."""
    if len(text) > 300:
        raise QueryError("a citation is a symbol and a paragraph number, not a long text")
    parts = split_symbol(text)
    if parts is None:
        raise QueryError(
            f"{text.strip()!r} does not start with a UN document symbol "
            "(expected e.g. 'A/57/292 69' or 'A/57/292, para. 69')"
        )
    symbol, rest = parts
    match = _REST_RE.match(rest)
    if not match:
        hint = "give a paragraph number" if not rest.strip() else f"cannot read {rest.strip()!r}"
        raise QueryError(f"{text.strip()!r}: {hint} (e.g. '{symbol} 69' or '{symbol}, para. 69')")
    annex = match.group("annex")
    if annex is None and re.search(r"\b(annex|annexe|anexo)\b", rest, re.IGNORECASE):
        annex = "I"
    first, last = match.group("first"), match.group("last")
    subs = re.findall(r"\(\s*([a-z]{1,5})\s*\)", match.group("subs") or "", re.IGNORECASE)
    subparagraph = " ".join(f"({s.lower()})" for s in subs) or None
    return Citation(
        symbol=symbol,
        first=first,
        last=last,
        annex=annex.upper() if annex else None,
        subparagraph=subparagraph,
        numbers=_expand(first, last),
    )


def _expand(first: str, last: str | None) -> list[str]:
    if last is None or last == first:
        return [first]
    if "." in first or "." in last:
        head, _, a = first.partition(".")
        head_b, _, b = last.partition(".")
        if not a or not b or head != head_b:
            raise QueryError(f"cannot expand the range {first}–{last}")
        start, stop = int(a), int(b)
        prefix = f"{head}."
    else:
        start, stop = int(first), int(last)
        prefix = ""
    if stop < start:
        raise QueryError(f"the range {first}–{last} runs backwards")
    if stop - start >= MAX_RANGE:
        raise QueryError(f"the range {first}–{last} is longer than {MAX_RANGE} paragraphs")
    return [f"{prefix}{n}" for n in range(start, stop + 1)]


def looks_like_citation(text: str) -> bool:
    """True when the whole text is a citation (so a search box can jump to it)."""
    try:
        parse_citation(text)
    except QueryError:
        return False
    return True
