"""Spelling: words the index has never seen, and their nearest known spellings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

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


def corrector(reader: Any, schema: Any) -> list[str] | None:
    """The English words as written, the vocabulary suggestions come from (None in an
    empty index)."""
    if f.SPELLING not in reader.indexed_field_names():
        return None
    return [w.decode("utf-8") for w in reader.lexicon(f.SPELLING)] or None


def suggest(
    reader: Any, schema: Any, words: list[str] | None, word: str, limit: int
) -> list[str]:
    """Close spellings of ``word`` from the English vocabulary ``words``, nearest first
    and, at the same distance, commonest first.

    Distances are optimal string alignment (Levenshtein with a swapped pair of
    letters as one slip, so "cheif" finds "chief"), computed by rapidfuzz in C
    over the whole vocabulary: a few milliseconds for 100,000 words, where
    Whoosh's Levenshtein automaton in Python took tens.
    """
    word = word.lower()
    if not words:
        return []
    maxdist = 1 if len(word) <= 4 else 2
    found = process.extract(word, words, scorer=OSA.distance, score_cutoff=maxdist, limit=None)
    analyzer = schema[f.TEXT_EN]

    def frequency(option: str) -> int:
        stems = list(analyzer.process_text(option, mode="query"))
        return reader.doc_frequency(f.TEXT_EN, stems[0]) if stems else 0

    options = [(distance, option) for option, distance, _ in found if option != word]
    ranked = sorted(options, key=lambda o: (o[0], -frequency(o[1]), o[1]))
    return [option for _, option in ranked[:limit]]
