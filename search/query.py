"""The search box: fields, symbol patterns, typo alternatives, guards against hostile input.

Whoosh parses the query language (words, "phrases", AND/OR/NOT, -word, grouping,
``section:``, ``lang:``, ``year:``, ``body:``). Symbols contain slashes that
its parser would split, so ``symbol:PATTERN`` is taken out here and turned into
a document filter. Length, nesting, wildcards and fuzzy distances are checked
before any parsing, so no query can cost a minute of CPU: the error says what to
change. Broken but harmless input (an unbalanced quote or bracket, control
characters) is read the sensible way instead of refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from indexer.errors import QueryError

MAX_QUERY_CHARS = 1000
MAX_NESTING = 12
MAX_TERMS = 64
#: Levenshtein automata grow exponentially with the distance
MAX_FUZZY_DISTANCE = 2
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}

_SYMBOL_FIELD_RE = re.compile(r"(?<!\S)(?:symbol|doc|document):(\"[^\"]*\"|\S+)", re.IGNORECASE)
_FUZZY_RE = re.compile(r"(?<=\w)~(\d*)(?:/(\d+))?")
#: language codes are indexed in lower case
_LANG_FIELD_RE = re.compile(r"(?<![\w:])lang(?:uage)?:(\w+)", re.IGNORECASE)
_YEAR_FIELD_RE = re.compile(r"(?<![\w:])year:([^\s)]+)", re.IGNORECASE)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
#: words a typo correction may replace: plain letters, not a field name, not a pattern
_CORRECTABLE_RE = re.compile(r"(?<![:\w\-])[A-Za-z]{4,}(?![:\w*?~\-])")


@dataclass(slots=True)
class PreparedQuery:
    text: str
    symbol_patterns: list[str] = field(default_factory=list)
    #: the codes of ``lang:`` fields, to check against the languages indexed
    languages: list[str] = field(default_factory=list)


def prepare(query: str) -> PreparedQuery:
    """Check a raw query and take out the parts Whoosh must not see."""
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(query):,} characters long; the limit is {MAX_QUERY_CHARS:,}"
        )
    query = _CONTROL_RE.sub(" ", query)
    query = _LANG_FIELD_RE.sub(lambda m: "lang:" + m.group(1).lower(), query)  # lang:FR
    languages = [m.group(1) for m in _LANG_FIELD_RE.finditer(query)]
    for match in _YEAR_FIELD_RE.finditer(query):
        if not re.search(r"\d", match.group(1)):
            raise QueryError(f"{match.group(0)!r}: year: takes a year, such as year:2025")
    patterns = [m.group(1).strip('"') for m in _SYMBOL_FIELD_RE.finditer(query)]
    text = _SYMBOL_FIELD_RE.sub(" ", query).strip()
    if text.count('"') % 2:
        text = text.replace('"', " ")  # an unbalanced quote: read the words as words
    text = _balance_brackets(text)
    words = text.split()
    if len(words) > MAX_TERMS:
        raise QueryError(f"the query has {len(words)} words; the limit is {MAX_TERMS}")
    if words and all(re.fullmatch(r"[*?()]+", w) for w in words):
        raise QueryError("a query of wildcards alone matches every word: add a word to search for")
    for word in words:
        bare = word.split(":", 1)[-1].strip("()\"+-")
        if ("*" in bare or "?" in bare) and len(re.sub(r"[*?]", "", bare)) < 2:
            raise QueryError(f"{word!r}: a wildcard needs at least two letters with it")
    for match in _FUZZY_RE.finditer(text):
        distance = int(match.group(1) or 1)
        if distance > MAX_FUZZY_DISTANCE:
            raise QueryError(
                f"a fuzzy term allows at most {MAX_FUZZY_DISTANCE} edits (word~2), not {distance}"
            )
    return PreparedQuery(text, patterns, languages)


def _balance_brackets(text: str) -> str:
    """Drop unmatched ')' and close unclosed '('; refuse nesting deeper than MAX_NESTING.

    Quoted text is left alone: brackets inside a phrase are just characters.
    """
    out = []
    depth = 0
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
            if depth > MAX_NESTING:
                raise QueryError(
                    f"the query nests brackets more than {MAX_NESTING} deep; "
                    "remove some brackets"
                )
        elif not quoted and ch == ")":
            if depth == 0:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out) + ")" * depth


# -- typos ---------------------------------------------------------------------------------
def correctable_words(text: str) -> list[str]:
    """The plain words of a query that a spelling correction may stand in for."""
    words = []
    for outside in _outside_quotes(text):
        words.extend(w for w in _CORRECTABLE_RE.findall(outside) if w not in OPERATORS)
    return words


def corrected(text: str, corrections: dict[str, str]) -> str:
    """The query as the user probably meant it, in the user's own syntax and spacing (pass
    the raw query): only the misspelt words change."""
    return _rewrite(text, corrections, lambda word, fix: in_case_of(word, fix))


def in_case_of(word: str, fix: str) -> str:
    """``fix`` in the case the user typed ``word`` in ("Antonoi" -> "Antonio", "UNISEF" ->
    "UNICEF"): the index keeps words folded to lower case."""
    if word.isupper() and len(word) > 1:
        return fix.upper()
    if word[:1].isupper() and fix[:1].islower():
        return fix[:1].upper() + fix[1:]
    return fix


def with_alternatives(text: str, corrections: dict[str, str]) -> str:
    """The query with each misspelt word searched as itself or its correction."""
    return _rewrite(text, corrections, lambda word, fix: f"({word} OR {fix})")


def _rewrite(text: str, corrections: dict[str, str], replace) -> str:  # type: ignore[no-untyped-def]
    if not corrections:
        return text
    pattern = re.compile(
        r"(?<![:\w\-])(" + "|".join(map(re.escape, corrections)) + r")(?![:\w*?~\-])"
    )
    pieces = _QUOTED_RE.split(text)
    return "".join(
        piece if piece.startswith('"') else pattern.sub(
            lambda m: replace(m.group(1), corrections[m.group(1)]), piece)
        for piece in pieces
    )


#: a phrase, or an unclosed quote to the end (what the user meant as a phrase is not
#: corrected word by word)
_QUOTED_RE = re.compile(r'("[^"]*"?)')


def _outside_quotes(text: str) -> list[str]:
    return [p for p in _QUOTED_RE.split(text) if not p.startswith('"')]


def spelling_text(query: str) -> str:
    """The part of a raw query whose words a correction may change: not symbol: fields."""
    return _SYMBOL_FIELD_RE.sub(" ", _CONTROL_RE.sub(" ", query))
