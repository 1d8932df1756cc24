"""Ranked search inside an open searcher: collect, re-rank, snippets, facets, similar.

Whoosh hits die with their searcher, so everything here turns them into plain
records before returning.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from typing import Any

from whoosh import collectors, highlight
from whoosh import query as wq
from whoosh.scoring import BM25F

from .. import schema as f
from ..ranking import Ranking, rescore
from ..records import Hit, ParagraphRecord, SearchResults
from .fields import record
from .query import Compiled, Filters, and_all, filter_query, or_all

#: highlighting costs grow with text; snippets are cut from this much of it
SNIPPET_SOURCE_CHARS = 6000
#: highlighting time allowed for one page of hits; later hits get a plain opening snippet
SNIPPET_PAGE_SECONDS = 0.15
#: a clause expanding to more terms than this (a wildcard) counts as matched everywhere
COVERAGE_TERMS = 40


def weighting(ranking: Ranking) -> BM25F:
    """The BM25F weighting of a ranking."""
    return BM25F(B=ranking.b, K1=ranking.k1)


def search(
    searcher: Any,
    compiled: Compiled,
    filters: Filters,
    limit: int,
    offset: int,
    facet_fields: Iterable[str],
    ranking: Ranking,
    snippets: bool,
) -> SearchResults:
    """Ranked paragraphs for a compiled query, with ``searcher`` weighted by ``ranking``.

    The best ``ranking.window`` hits (or more, for a deep page) are re-ordered
    by the share of query words they contain and by kind; the page asked for is
    cut from that order.
    """
    parsed = compiled.scoring or wq.Every()
    restriction = and_all([filter_query(filters), compiled.restriction])
    mask = or_all([wq.Term(f.KIND, f.KIND_DOCUMENT), compiled.excluded])
    wanted = offset + limit
    window = max(wanted, ranking.window) if ranking.reorders else wanted
    found = _run(searcher, parsed, restriction, mask, window)
    found.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=70)
    found.formatter = MarkerFormatter()
    ordered = [(hit.score or 0.0, hit) for hit in found]
    if ranking.reorders:
        ordered = reorder(searcher.reader(), ordered, compiled.groups, ranking)
    hits = []
    budget = SnippetBudget(SNIPPET_PAGE_SECONDS if snippets else 0.0)
    for score, hit in ordered[offset:wanted]:
        found_record = record(hit.fields())
        hits.append(Hit(found_record, score, snippet(hit, found_record, budget)))
    facets = _facets(searcher, parsed, restriction, mask, facet_fields)
    total = found.collector.count()
    return SearchResults(hits, total, facets)


def similar(
    searcher: Any, found: ParagraphRecord, limit: int, other_documents: bool
) -> list[Hit]:
    """Paragraphs that say much the same as ``found``, best first, never itself.

    The paragraph's most distinctive terms (Bo1 expansion model) become an
    OR query; ``other_documents`` leaves out the paragraph's own document.
    """
    field_name = f.TEXT_FIELDS.get(found.language, f.TEXT_EN)
    terms = searcher.key_terms_from_text(field_name, found.text, numterms=25)
    if not terms:
        return []
    likeness = wq.Or([wq.Term(field_name, word, boost=weight) for word, weight in terms])
    exclude = wq.Term(f.DOC, found.doc) if other_documents else wq.Term(f.KEY, found.key)
    hits = searcher.search(
        likeness,
        limit=limit,
        mask=wq.Or([exclude, wq.Term(f.KIND, f.KIND_DOCUMENT), wq.Term(f.KIND, f.KIND_BLOCK)]),
    )
    return [Hit(record(hit.fields()), hit.score or 0.0, "") for hit in hits]


def _run(
    searcher: Any, query: wq.Query, allow: wq.Query | None, mask: wq.Query | None, limit: int
) -> Any:
    """Score every match, keep the best ``limit`` and count them all in the same pass.

    Whoosh's block-quality skipping saves little on a query spread over five
    fields, and with it the total needs a second pass over the postings (a
    quarter of the time of a common-word query); without matcher replacement
    the count is exact.
    """
    collector: Any = collectors.TopCollector(limit, usequality=False, replace=0)
    if allow is not None or mask is not None:
        collector = collectors.FilterCollector(collector, allow, mask)
    searcher.search_with_collector(query, collector)
    return collector.results()


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


def snippet(hit: Any, found: ParagraphRecord, budget: SnippetBudget) -> str:
    """Up to two passages with the matched terms marked; the opening when out of budget."""
    field_name = f.TEXT_FIELDS.get(found.language, f.TEXT_EN)
    source = found.text[:SNIPPET_SOURCE_CHARS]
    text = ""
    if budget.left:
        try:
            text = hit.highlights(field_name, text=source, top=2)
        except Exception:  # highlighting is a nicety: never fail a search over it
            text = ""
    if not text:
        text = source[:240] + ("…" if len(source) > 240 else "")
    return " ".join(text.split())


def reorder(
    reader: Any,
    ordered: list[tuple[float, Any]],
    groups: list[frozenset[tuple[str, bytes]]],
    ranking: Ranking,
) -> list[tuple[float, Any]]:
    """Re-score the best hits by query coverage, kind and recommendation intent."""
    covered = coverage(reader, [hit.docnum for _, hit in ordered], groups)
    asks_for_recommendations = any((f.TEXT_EN, b"recommend") in group for group in groups)
    rescored = []
    for score, hit in ordered:
        stored = hit.fields()
        score = rescore(
            score,
            ranking,
            matched_words=covered.get(hit.docnum, len(groups)),
            words=len(groups),
            block=stored.get(f.KIND) == f.KIND_BLOCK,
            recommendation=asks_for_recommendations and bool(stored.get(f.RECOMMENDATION)),
        )
        rescored.append((score, hit))
    rescored.sort(key=lambda pair: -pair[0])
    return rescored


def coverage(
    reader: Any, docnums: list[int], groups: list[frozenset[tuple[str, bytes]]]
) -> dict[int, int]:
    """How many of the query's words or phrases each of ``docnums`` contains.

    Read from the postings of the few dozen hits only (Whoosh's own matched-term
    recording walks every match and doubled the time of a common-word query).
    """
    if len(groups) < 2:
        return {}
    wanted = sorted(set(docnums))
    counts = dict.fromkeys(wanted, 0)
    for group in groups:
        if len(group) > COVERAGE_TERMS:
            present = set(wanted)
        else:
            present = set()
            for fieldname, btext in group:
                if (fieldname, btext) not in reader:
                    continue
                postings = reader.postings(fieldname, btext)
                for docnum in wanted:
                    if docnum in present:
                        continue
                    if not postings.is_active():
                        break
                    if postings.id() < docnum:
                        postings.skip_to(docnum)
                        if not postings.is_active():
                            break
                    if postings.id() == docnum:
                        present.add(docnum)
        for docnum in present:
            counts[docnum] += 1
    return counts


def _facets(
    searcher: Any,
    parsed: wq.Query,
    restriction: wq.Query | None,
    mask: wq.Query,
    facet_fields: Iterable[str],
) -> dict[str, dict[str, int]]:
    names = list(facet_fields)
    if not names:
        return {}
    found = searcher.search(parsed, filter=restriction, mask=mask, limit=2000)
    counts: dict[str, Counter[str]] = {name: Counter() for name in names}
    for hit in found:
        stored = hit.fields()
        for name in names:
            value = stored.get(name)
            if name == f.SYMBOL:
                counts[name][value] += 1
            elif isinstance(value, str):
                counts[name].update(v for v in value.split(",") if v)
            elif value is not None:
                counts[name][str(value)] += 1
    return {name: dict(counter.most_common(30)) for name, counter in counts.items()}
