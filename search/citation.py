"""Citations as people write them: 'A/57/292, para. 69', 'a/57/292 paras 69-71',
'A/57/292 69 (a)', 'A/79/352 annex I para 3', 'A/HRC/59/15 140.12'."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from indexer.errors import QueryError
from indexer.symbols import SYMBOL_RE, normalise_symbol, typed_form

_ANNEX_RE = re.compile(
    r"^[\s,]*(?:(?:annex|annexe|anexo)\s*(?P<annex>[IVXL]{1,6}|\d{1,2}|[A-Z](?![a-z]))?[\s,]*)?",
    re.IGNORECASE,
)
_PARA_WORD_RE = re.compile(r"^(?:paragraphes?|paragraphs?|párrafos?|paras?|¶+|§+)\.?\s*",
                           re.IGNORECASE)
_NUMBER = r"\d{1,4}(?:\.\d{1,3})?"
_RANGE_RE = re.compile(rf"^(?P<first>{_NUMBER})(?:\s*(?:-|–|—|to|à|a)\s*(?P<last>{_NUMBER}))?"
                       r"[\s.]*$", re.IGNORECASE)
#: one number and its sub-paragraphs: '69 (a)', '27 (b) (ii)', '70 a', '70.a', '70 a)'
_SUBS_RE = re.compile(rf"^(?P<first>{_NUMBER})(?P<subs>(?:[\s.]*\(?\s*[a-z]{{1,5}}\s*\)?)+)"
                      r"[\s.]*$", re.IGNORECASE)
#: 'paras 70 and 71', 'paras. 70-72, 75': the separators of a list of numbers and ranges
_LIST_SEP_RE = re.compile(r"\s*(?:,|;|&|\band\b|\bet\b|\by\b)\s*(?=\d)", re.IGNORECASE)
#: an unnumbered block as the tool cites it: 'S/2025/147, p. 1'
_PAGE_RE = re.compile(r"^(?:p|pp|page|pages|pág|pag)\.?\s*(?P<page>[\w-]{1,10})[\s.]*$",
                      re.IGNORECASE)
#: a labelled block: 'JIU/REP/2025/2, Recommendation 1' (the boxes of JIU reports, the only
#: labels extraction gives: indexer.headings.JIU_BOX_RE)
_LABEL_RE = re.compile(r"^(?P<label>(?:recommendation|recommandation|recomendaci[óo]n)\s+\d{1,3})"
                       r"[\s.]*$", re.IGNORECASE)
#: the longest range `get` expands
MAX_RANGE = 200


@dataclass(frozen=True, slots=True)
class Citation:
    """A symbol and what of it is cited: paragraph numbers, a sub-paragraph, or, for blocks
    without numbers, the page or label the tool cites them by."""

    symbol: str
    first: str = ""
    last: str | None = None
    annex: str | None = None
    subparagraph: str | None = None  # "(a)", "(a) (ii)"
    numbers: list[str] = field(default_factory=list)
    page: str | None = None  # 'S/2025/147, p. 1': the unnumbered blocks of that page
    label: str | None = None  # 'JIU/REP/2025/2, Recommendation 1'
    #: "annex" written without a number: annex I, or a document's one unnumbered annex
    annex_bare: bool = False

    def __str__(self) -> str:
        where = self.symbol + (f", annex {self.annex}" if self.annex else "")
        if self.label:
            return f"{where}, {self.label}"
        if self.page:
            return f"{where}, p. {self.page}"
        if self.last:
            return f"{where}, paras. {self.first}–{self.last}"
        if len(self.numbers) > 1:
            return f"{where}, paras. {', '.join(self.numbers[:-1])} and {self.numbers[-1]}"
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
    try:
        return _parse_rest(symbol, rest)
    except QueryError as error:
        raise QueryError(f"{text.strip()!r}: {error}") from None


def _parse_rest(symbol: str, rest: str) -> Citation:
    """What follows the symbol: an annex, then numbers, a page or a label."""
    annex_match = _ANNEX_RE.match(rest)
    annex = annex_match.group("annex") if annex_match else None
    bare = annex is None and bool(re.search(r"\b(annex|annexe|anexo)\b", rest, re.IGNORECASE))
    if bare:
        annex = "I"
    annex = annex.upper() if annex else None
    body = rest[annex_match.end():] if annex_match else rest
    return replace(_parse_body(symbol, annex, body), annex_bare=bare)


def _parse_body(symbol: str, annex: str | None, body: str) -> Citation:
    """The numbers, page or label after the symbol and annex."""
    if (page := _PAGE_RE.match(body)) is not None:
        return Citation(symbol, annex=annex, page=page.group("page"))
    if (label := _LABEL_RE.match(body)) is not None:
        return Citation(symbol, annex=annex, label=" ".join(label.group("label").split()))
    body = _PARA_WORD_RE.sub("", body).strip()
    items = _LIST_SEP_RE.split(body)
    if len(items) > 1:  # 'paras 70 and 71', 'paras. 70-72, 75'
        numbers: list[str] = []
        for item in items:
            match = _RANGE_RE.match(item)
            if match is None:
                raise QueryError(_unreadable(symbol, item))
            numbers += [n for n in _expand(match["first"], match["last"]) if n not in numbers]
        if len(numbers) > MAX_RANGE:
            raise QueryError(f"cites more than {MAX_RANGE} paragraphs")
        return Citation(symbol, numbers[0], annex=annex, numbers=numbers)
    if (match := _RANGE_RE.match(body)) is not None:
        first, last = match["first"], match["last"]
        return Citation(symbol, first, last if last != first else None, annex,
                        numbers=_expand(first, last))
    if (match := _SUBS_RE.match(body)) is not None:
        subs = re.findall(r"[a-z]{1,5}", match["subs"], re.IGNORECASE)
        subparagraph = " ".join(f"({s.lower()})" for s in subs)
        return Citation(symbol, match["first"], annex=annex, subparagraph=subparagraph,
                        numbers=[match["first"]])
    raise QueryError(_unreadable(symbol, body))


def _unreadable(symbol: str, rest: str) -> str:
    hint = "give a paragraph number" if not rest.strip(" ,.") else f"cannot read {rest.strip()!r}"
    return f"{hint} (e.g. '{symbol} 69' or '{symbol}, para. 69')"


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
