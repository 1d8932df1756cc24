"""Ranked search inside an open searcher: collect, re-rank, facets, similar.

Whoosh hits die with their searcher, so everything here turns them into plain
records before returning.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh import collectors
from whoosh import query as wq
from whoosh.scoring import BM25F
from whoosh.searching import Results

from .. import schema as f
from ..ranking import Ranking, rescore
from ..records import Hit, ParagraphRecord, SearchResults
from . import accumulate
from .docsets import Builder, DocSet, cache_of
from .estimate import estimated_count
from .facets import FACET_HITS
from .facets import count as facet_counts
from .fields import record
from .highlighting import Snippets
from .query import Compiled, Filters, and_all, filter_query, or_all
from .reading import Generation

#: a clause expanding to more terms than this (a wildcard) counts as matched everywhere
COVERAGE_TERMS = 40
#: queries whose terms occur in at most this many paragraphs in all are scored and
#: counted in full; above it, blocks that cannot reach the best hits are skipped
EXACT_COUNT_LIMIT = 5000
#: matches between two narrowings of the query to the terms that can still reach the top
SKIP_REPLACE_EVERY = 10


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
    generation: Generation | None = None,
) -> SearchResults:
    """Ranked paragraphs for a compiled query, with ``searcher`` weighted by ``ranking``.

    The best ``ranking.window`` hits are re-ordered by the share of query words
    they contain and by kind, deeper hits follow in score order; every page is
    cut from that one order, so that pages neither overlap nor skip a hit.
    Filters and exclusions are sets of document numbers (``docsets``, kept with
    the reader's ``generation``). A query of words is scored a term at a time
    (``accumulate``), only in the documents the filters allow, and counted
    exactly; any other query (phrases, AND) goes through Whoosh's matchers, and
    when its terms occur in more than ``EXACT_COUNT_LIMIT`` paragraphs, blocks
    that cannot reach the best hits are skipped and the total is an estimate
    (``total_estimated``).
    """
    parsed = compiled.scoring or wq.Every()
    cache = cache_of(generation)
    restriction = and_all([filter_query(filters), compiled.restriction])
    allowed = cache.docs(searcher, restriction, generation) if restriction is not None else None
    if allowed is not None and not allowed:  # (Whoosh reads an empty filter as no filter)
        return SearchResults([], 0, {name: {} for name in facet_fields})
    masked = cache.docs(
        searcher, or_all([wq.Term(f.KIND, f.KIND_DOCUMENT), compiled.excluded]), generation)
    wanted = offset + limit
    window = max(wanted, ranking.window) if ranking.reorders else wanted
    terms = accumulate.terms_only(parsed) if compiled.scoring is not None else None
    top: SkippingTopCollector | None = None
    totals: dict[int, float] = {}
    by_group: list[dict[int, float]] | None = None
    if compiled.scoring is None:  # filters alone: every paragraph left scores 1, as in Whoosh
        pool = allowed.numbers() if allowed is not None else searcher.reader().all_doc_ids()
        totals = dict.fromkeys(pool, 1.0)
        best, total = accumulate.best(totals, masked, window)
        found = Results(searcher, parsed, best)
    elif terms is not None:  # (only the documents allowed are scored)
        totals, by_group = accumulate.scores(
            searcher, generation, terms, compiled.groups, allowed)
        best, total = accumulate.best(totals, masked, window)
        found = Results(searcher, parsed, best)
    else:
        bound = upper_bound(searcher.reader(), parsed)
        if allowed is not None:
            bound = min(bound, len(allowed))
        exact = bound <= EXACT_COUNT_LIMIT
        found, top = _run(searcher, parsed, allowed, masked, window, skip=not exact)
        total = top.total
    ordered = [(hit.score or 0.0, hit) for hit in found]
    if ranking.reorders:  # the same best hits whatever the page (a deeper page once
        # re-ordered more hits, so that pages overlapped and some hits were never shown)
        head = reorder(searcher.reader(), ordered[: ranking.window], compiled.groups, ranking,
                       by_group)
        ordered = head + ordered[ranking.window :]
    hits = []
    snippet = Snippets(found, generation, snippets)
    for score, hit in ordered[offset:wanted]:
        found_record = record(hit.fields())
        hits.append(Hit(found_record, score, snippet(hit, found_record)))
    names = list(facet_fields)
    facets: dict[str, dict[str, int]] = {}
    if names:
        if top is None:  # the best matches are already scored (and allowed)
            counted = [d for _, d in accumulate.best(totals, masked, FACET_HITS)[0]]
        else:
            counted = [hit.docnum for hit in searcher.search(
                parsed, filter=allowed, mask=masked or None, limit=FACET_HITS)]
        facets = facet_counts(searcher, generation, counted, names)
    if top is None or not top.skipped or total < window:
        # every match was collected (a heap never full never skips a block)
        return SearchResults(hits, total, facets)
    live = searcher.reader().doc_count()
    candidates = (len(allowed - masked) if allowed is not None else live - len(masked))
    estimate, exact = estimated_count(searcher, parsed, allowed, masked, candidates)
    return SearchResults(hits, max(total, estimate), facets, total_estimated=not exact)


def similar(
    searcher: Any,
    found: ParagraphRecord,
    limit: int,
    other_documents: bool,
    generation: Generation | None = None,
) -> list[Hit]:
    """Paragraphs that say much the same as ``found``, best first, never itself.

    The paragraph's most distinctive terms (Bo1 expansion model) become an
    OR query, scored a term at a time (25 terms, common ones among them, match
    much of the index); ``other_documents`` leaves out the paragraph's own document.
    """
    field_name = f.TEXT_FIELDS.get(found.language, f.TEXT_EN)
    terms = searcher.key_terms_from_text(field_name, found.text, numterms=25)
    if not terms:
        return []
    likeness = wq.Or([wq.Term(field_name, word, boost=weight) for word, weight in terms])
    masked = cache_of(generation).docs(
        searcher, wq.Or([wq.Term(f.KIND, f.KIND_DOCUMENT), wq.Term(f.KIND, f.KIND_BLOCK)]),
        generation)
    own = wq.Term(f.DOC, found.doc) if other_documents else wq.Term(f.KEY, found.key)
    masked = masked | Builder(searcher, generation).docs(own)
    totals, _ = accumulate.scores(
        searcher, generation, [(field_name, word, weight) for word, weight in terms])
    best, _ = accumulate.best(totals, masked, limit)
    hits = Results(searcher, likeness, best)
    return [Hit(record(hit.fields()), hit.score or 0.0, "") for hit in hits]


def _run(
    searcher: Any,
    query: wq.Query,
    allow: DocSet | None,
    mask: DocSet | None,
    limit: int,
    skip: bool,
) -> tuple[Any, SkippingTopCollector]:
    """The best ``limit`` matches of ``query`` (not in ``mask``, in ``allow`` if given).

    With ``skip``, Whoosh skips blocks of postings whose best possible score
    cannot enter the top ``limit``, and every few matches narrows the query to
    the terms that still can (a rare word's postings then lead); the count of
    matches is then a lower bound. Without it every match is scored and counted.
    """
    top = SkippingTopCollector(limit, usequality=skip, replace=SKIP_REPLACE_EVERY if skip else 0)
    collector: Any = top
    if allow is not None or mask:
        collector = collectors.FilterCollector(top, allow, mask or None)
    searcher.search_with_collector(query, collector)
    return collector.results(), top


class SkippingTopCollector(collectors.TopCollector):
    """Whoosh's top-N collector, remembering whether it skipped anything.

    ``total`` counts the matches collected: all of them unless blocks were skipped
    or the query was narrowed (``skipped``), a lower bound otherwise.
    """

    def prepare(self, top_searcher: Any, q: Any, context: Any) -> None:
        super().prepare(top_searcher, q, context)
        self.skipped = False

    def _use_block_quality(self) -> bool:
        used = bool(super()._use_block_quality())
        self.skipped = self.skipped or used or bool(self.replace)
        return used

    def count(self) -> int:
        """Matches collected (never a second pass over the postings)."""
        return self.total


def upper_bound(reader: Any, query: wq.Query) -> int:
    """At most how many documents ``query`` matches: the sum of its terms' document counts."""
    if isinstance(query, wq.Every):
        return reader.doc_count()
    total = 0
    for fieldname, text in query.iter_all_terms(phrases=True):
        try:
            total += reader.doc_frequency(fieldname, text)
        except Exception:  # a value the field cannot encode matches nothing
            continue
    return total


def reorder(
    reader: Any,
    ordered: list[tuple[float, Any]],
    groups: list[frozenset[tuple[str, bytes]]],
    ranking: Ranking,
    by_group: list[dict[int, float]] | None = None,
) -> list[tuple[float, Any]]:
    """Re-score the best hits by query coverage, kind and recommendation intent.

    ``by_group``, the documents of each group when known (``accumulate``), saves
    reading the groups' postings again.
    """
    docnums = [hit.docnum for _, hit in ordered]
    if by_group is not None:
        covered = coverage_from(docnums, groups, by_group)
    else:
        covered = coverage(reader, docnums, groups)
    asks_for_recommendations = any((f.TEXT_EN, b"recommend") in group for group in groups)
    # stored fields cost a read and an unpickling each: read them only if they count
    reads = ranking.block_weight != 1.0 or (
        asks_for_recommendations and ranking.recommendation_weight != 1.0
    )
    rescored = []
    for score, hit in ordered:
        stored = hit.fields() if reads else {}
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


def coverage_from(
    docnums: list[int],
    groups: list[frozenset[tuple[str, bytes]]],
    by_group: list[dict[int, float]],
) -> dict[int, int]:
    """``coverage`` from the documents of each group, already known."""
    if len(groups) < 2:
        return {}
    counts = dict.fromkeys(docnums, 0)
    for group, found in zip(groups, by_group, strict=True):
        for docnum in counts:
            if len(group) > COVERAGE_TERMS or docnum in found:
                counts[docnum] += 1
    return counts


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
