"""Spelling: words the index has never seen, and their nearest known spellings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh.spelling import ListCorrector

from .. import schema as f


def unknown_words(reader: Any, schema: Any, words: Iterable[str]) -> list[str]:
    """Those of ``words`` that no paragraph of the index contains, in any language."""
    unknown = []
    for word in words:
        found = False
        for name in f.TEXT_FIELDS.values():
            field_obj = schema[name]
            for token in field_obj.process_text(word, mode="query"):
                if reader.doc_frequency(name, token):
                    found = True
                    break
            if found:
                break
        if not found:
            unknown.append(word)
    return unknown


def corrector(reader: Any, schema: Any) -> ListCorrector | None:
    """The English words as written, as a spelling corrector (None in an empty index)."""
    if f.SPELLING not in reader.indexed_field_names():
        return None
    return ListCorrector([w.decode("utf-8") for w in reader.lexicon(f.SPELLING)])


def suggest(
    reader: Any, schema: Any, words: ListCorrector | None, word: str, limit: int
) -> list[str]:
    """Close spellings of ``word`` from the English vocabulary ``words``, nearest first
    and, at the same distance, commonest first.

    Candidates come from a Levenshtein automaton over the vocabulary held in
    memory (Whoosh's on-disk walk took a second for one word at distance 2)
    and are then ranked by Damerau distance, so "cheif" finds "chief".
    """
    word = word.lower()
    if words is None:
        return []
    maxdist = 1 if len(word) <= 4 else 2
    options = [o for o in words.suggest(word, limit=40, maxdist=maxdist) if o != word]
    analyzer = schema[f.TEXT_EN]

    def frequency(option: str) -> int:
        stems = list(analyzer.process_text(option, mode="query"))
        return reader.doc_frequency(f.TEXT_EN, stems[0]) if stems else 0

    ranked = sorted(options, key=lambda o: (edit_distance(word, o), -frequency(o), o))
    return ranked[:limit]


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance: a swapped pair of letters is one slip, not two."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        rows[i][0] = i
    for j in range(len(b) + 1):
        rows[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
    return rows[-1][-1]
