"""Snippets: up to two passages of a hit's text with the query's words marked [[like this]].

Whoosh re-analyses each hit's text to find the words to mark, and its analyzer
passes every word through a chain of Python generators (tokenizer, case,
accents, possessives, irregular forms, stop words, stemmer): about 10 µs a word,
most of the time of a search for a page of ten hits. Each filter of those chains
maps one word to at most one word on its own, so ``CachedAnalyzer`` runs the
chain once per distinct word and remembers the outcome; the tokens, and so the
snippets, are the same as Whoosh's own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from whoosh import highlight
from whoosh.analysis.acore import Token
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.analysis.filters import StopFilter

from .. import schema as f
from ..records import ParagraphRecord
from .reading import Generation

#: highlighting costs grow with text; snippets are cut from this much of it
SNIPPET_SOURCE_CHARS = 6000
#: highlighting time allowed for one page of hits; later hits get a plain opening snippet
SNIPPET_PAGE_SECONDS = 0.15
#: distinct words whose analysis one field's cache remembers (then it starts again)
CACHED_WORDS = 200_000

_DROPPED = None
_UNSEEN = object()


class MarkerFormatter(highlight.Formatter):
    """Matched terms as [[term]]: plain text that each output escapes its own way."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"[[{highlight.get_text(text, token, replace)}]]"


class SnippetBudget:
    """Highlighting time left for one page of hits (Whoosh re-analyses each text)."""

    def __init__(self, seconds: float) -> None:
        self.deadline = time.perf_counter() + seconds
        self.enabled = seconds > 0

    @property
    def left(self) -> bool:
        return self.enabled and time.perf_counter() < self.deadline


class CachedAnalyzer:
    """A field's analyzer that runs its filters once per distinct word.

    Only for analyzers whose filters each keep, change or drop one token at a
    time (every analyzer of ``schema``); ``cacheable`` says whether one is such.
    """

    def __init__(self, analyzer: CompositeAnalyzer) -> None:
        self.tokenizer = analyzer.items[0]
        self.filters = analyzer.items[1:]
        self.words: dict[str, tuple[str, bool, float] | None] = {}
        self.renumber = any(isinstance(step, StopFilter) and step.renumber
                            for step in self.filters)

    @staticmethod
    def cacheable(analyzer: Any) -> bool:
        return isinstance(analyzer, CompositeAnalyzer) and len(analyzer.items) > 1

    def __call__(self, text: str, **kwargs: Any) -> Iterator[Token]:
        words = self.words
        renumber = self.renumber and kwargs.get("positions", False)
        pos: int | None = None
        for token in self.tokenizer(text, **kwargs):
            word = token.text
            outcome = words.get(word, _UNSEEN)  # (one get: another thread may clear)
            if outcome is _UNSEEN:
                outcome = self._analyse(token)
                if len(words) >= CACHED_WORDS:
                    words.clear()
                words[word] = outcome
            if outcome is _DROPPED:
                continue
            token.text, token.stopped, token.boost = outcome
            if renumber and not token.stopped:  # as StopFilter numbers the words it keeps
                pos = token.pos if pos is None else pos + 1
                token.pos = pos
            yield token

    def _analyse(self, token: Token) -> tuple[str, bool, float] | None:
        stream: Any = iter([token.copy()])
        for step in self.filters:
            stream = step(stream)
        out = list(stream)
        if not out:
            return _DROPPED
        if len(out) > 1:
            raise ValueError("a filter made several words of one: not cacheable")
        only = out[0]
        return only.text, bool(getattr(only, "stopped", False)), only.boost


class Snippets:
    """Snippets for one page of hits of one search."""

    def __init__(self, results: Any, generation: Generation | None, enabled: bool) -> None:
        self.results = results
        self.generation = generation
        self.budget = SnippetBudget(SNIPPET_PAGE_SECONDS if enabled else 0.0)
        self.highlighter = highlight.Highlighter(
            fragmenter=highlight.ContextFragmenter(maxchars=240, surround=70),
            formatter=MarkerFormatter(),
        )
        self._words: dict[str, frozenset[str]] = {}

    def __call__(self, hit: Any, found: ParagraphRecord) -> str:
        """Up to two passages with the matched terms marked; the opening when out of budget."""
        field_name = f.TEXT_FIELDS.get(found.language, f.TEXT_EN)
        source = found.text[:SNIPPET_SOURCE_CHARS]
        text = ""
        if self.budget.left:
            try:
                text = self._highlight(field_name, source, len(found.text))
            except Exception:  # highlighting is a nicety: never fail a search over it
                text = ""
        if not text:
            text = source[:240] + ("…" if len(source) > 240 else "")
        return " ".join(text.split())

    def _highlight(self, field_name: str, text: str, length: int) -> str:
        """Whoosh's ``Highlighter.highlight_hit`` (re-tokenizing branch), top two fragments,
        with an ellipsis where the paragraph goes on before or after them (``length``: the
        whole paragraph's, of which ``text`` is the beginning)."""
        words = self._words.get(field_name)
        if words is None:
            field = self.results.searcher.schema[field_name]
            words = frozenset(
                field.from_bytes(term[1])
                for term in self.results.query_terms(expand=True, fieldname=field_name)
            )
            self._words[field_name] = words
        analyzer = self._analyzer(field_name)
        tokens = analyzer(text, positions=True, chars=True, mode="index", removestops=False)
        tokens = highlight.set_matched_filter(tokens, words)
        tokens = highlight.Highlighter._merge_matched_tokens(tokens)
        highlighter = self.highlighter
        fragments = highlighter.fragmenter.fragment_tokens(text, tokens)
        fragments = highlight.top_fragments(
            fragments, 2, highlighter.scorer, highlighter.order, minscore=1
        )
        if not fragments:
            return ""
        opening = "… " if text[: fragments[0].startchar].strip() else ""
        cut = fragments[-1].endchar
        closing = " …" if text[cut:].strip() or length > len(text) else ""
        return opening + highlighter.formatter.format(fragments) + closing

    def _analyzer(self, field_name: str) -> Any:
        analyzer = self.results.searcher.schema[field_name].analyzer
        if self.generation is None or not CachedAnalyzer.cacheable(analyzer):
            return analyzer
        return self.generation.shared(f"analyzer:{field_name}", lambda: CachedAnalyzer(analyzer))
