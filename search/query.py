"""The search box: field shortcuts, symbol patterns and guards against hostile input.

Whoosh parses the query language (words, "phrases", AND/OR/NOT, grouping,
``section:``, ``lang:``, ``year:``, ``body:``). Symbols contain slashes that
its parser would split, so ``symbol:PATTERN`` is taken out here and turned into
a document filter. Length, nesting and lone wildcards are checked before any
parsing, so no query can cost a minute of CPU.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.errors import QueryError

MAX_QUERY_CHARS = 1000
MAX_NESTING = 12
MAX_TERMS = 64

_SYMBOL_FIELD_RE = re.compile(r"(?<!\S)(?:symbol|doc|document):(\"[^\"]*\"|\S+)", re.IGNORECASE)


@dataclass(slots=True)
class PreparedQuery:
    text: str
    symbol_patterns: list[str] = field(default_factory=list)


def prepare(query: str) -> PreparedQuery:
    """Check a raw query and take out the parts Whoosh must not see."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS:,}"
        )
    patterns = [m.group(1).strip('"') for m in _SYMBOL_FIELD_RE.finditer(query)]
    text = _SYMBOL_FIELD_RE.sub(" ", query).strip()
    depth = deepest = 0
    for ch in text:
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth = max(0, depth - 1)
    if deepest > MAX_NESTING:
        raise QueryError(f"the query nests brackets {deepest} deep; the limit is {MAX_NESTING}")
    if text.count('"') % 2:
        text = text.replace('"', " ")  # an unbalanced quote: read the words as words
    words = text.split()
    if len(words) > MAX_TERMS:
        raise QueryError(f"the query has {len(words)} words; the limit is {MAX_TERMS}")
    if words and all(re.fullmatch(r"[*?]+", w) for w in words):
        raise QueryError("a query of wildcards alone matches every word: add a word to search for")
    for word in words:
        bare = word.split(":", 1)[-1].strip("()\"")
        if ("*" in bare or "?" in bare) and len(re.sub(r"[*?]", "", bare)) < 2:
            raise QueryError(f"{word!r}: a wildcard needs at least two letters before it")
    return PreparedQuery(text, patterns)
