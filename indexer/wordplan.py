"""A text field's analysis decided once per distinct word, not once per token.

Whoosh analyses a text by passing every token through a chain of generators, a
dozen Python frames a token; a report repeats its words, and the filters of
paraindex's analyzers decide a token from its own text alone (none looks at its
neighbours). So the chain is run once on each distinct word, its outcome kept
(dropped, or the word as written and the stem it is indexed by), and a text
becomes one ``findall`` and a dictionary lookup a token. ``schema.analyse`` uses it
for the analyzers it fits and keeps Whoosh's own pass for any other.

Positions follow Whoosh's rules: the tokenizer numbers every match; a
``StopFilter`` that renumbers gives the words it keeps consecutive positions from
the first one kept.
"""

from __future__ import annotations

from typing import Any

from whoosh.analysis import RegexTokenizer, StemFilter, StopFilter, Token

#: distinct words remembered per analyzer before the memory is cleared
WORDS_MAX = 200_000
_DROPPED = ("", "")


class WordPlan:
    """One analyzer's outcome per word, learnt as words are met."""

    def __init__(self, analyzer: Any, filters: list[Any], renumber: bool) -> None:
        self._analyzer = analyzer  # kept alive: plans are found by the analyzer's id
        self._filters = filters
        self._stem = analyzer.items[-1]._stem
        self._findall = analyzer.items[0].expression.findall
        self.renumber = renumber
        self._words: dict[str, tuple[str, str]] = {}

    def _learn(self, word: str) -> tuple[str, str]:
        """The filters on a lone token: ("", "") when they drop it, else (as written, stem)."""
        if len(self._words) >= WORDS_MAX:
            self._words.clear()
        token = Token(positions=True, removestops=True, mode="index")
        token.text, token.pos = word, 0
        stream: Any = iter((token,))
        for item in self._filters:
            stream = item(stream)
        kept = next(stream, None)
        if kept is None:
            outcome = _DROPPED
        else:
            text = kept.text
            outcome = (getattr(kept, "written", text), self._stem(text))
        self._words[word] = outcome
        return outcome

    def positions(self, text: str) -> tuple[dict[str, list[int]], set[str]]:
        """Each stem's positions in ``text``, and the words as written that were kept."""
        words = self._words
        learn = self._learn
        outcomes = [words.get(token) or learn(token) for token in self._findall(text)]
        found: dict[str, list[int]] = {}
        if self.renumber:  # consecutive from the first word kept
            kept = [outcome for outcome in outcomes if outcome is not _DROPPED]
            first = next((i for i, o in enumerate(outcomes) if o is not _DROPPED), 0)
            for position, (_, stem) in enumerate(kept, first):
                found.setdefault(stem, []).append(position)
        else:
            kept = []
            for position, outcome in enumerate(outcomes):
                if outcome is not _DROPPED:
                    kept.append(outcome)
                    found.setdefault(outcome[1], []).append(position)
        return found, {written for written, _ in kept}


#: analyzer id -> (the analyzer, its plan): holding the analyzer keeps its id from being
#: reused, so a plan (or a None) is never taken for another analyzer's
_PLANS: dict[int, tuple[Any, WordPlan | None]] = {}


def word_plan(analyzer: Any, per_word: dict[type, bool]) -> WordPlan | None:
    """The plan of ``analyzer``, or None when word-at-a-time analysis would differ.

    It fits a ``RegexTokenizer`` that yields its matches (no groups, no gaps),
    then filters of the ``per_word`` kinds (one token in, at most one out; the
    value says whether it may drop the token) and at most one ``StopFilter`` that
    nothing after it drops (its renumbering counts the tokens it lets through),
    then a ``StemFilter``.
    """
    held = _PLANS.get(id(analyzer))
    if held is None or held[0] is not analyzer:
        held = _PLANS[id(analyzer)] = (analyzer, _make_plan(analyzer, per_word))
    return held[1]


def _make_plan(analyzer: Any, per_word: dict[type, bool]) -> WordPlan | None:
    items = list(getattr(analyzer, "items", []))
    if len(items) < 2 or type(items[0]) is not RegexTokenizer or items[0].gaps:
        return None
    if items[0].expression.groups or not isinstance(items[-1], StemFilter):
        return None
    filters = items[1:-1]
    stops = [i for i, item in enumerate(filters) if type(item) is StopFilter]
    if len(stops) > 1:
        return None
    for i, item in enumerate(filters):
        if type(item) is StopFilter:
            continue
        if type(item) not in per_word or (stops and i > stops[0] and per_word[type(item)]):
            return None
    renumber = bool(stops) and filters[stops[0]].renumber
    return WordPlan(analyzer, filters, renumber)
