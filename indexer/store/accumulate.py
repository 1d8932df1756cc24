"""Term-at-a-time BM25F: a query of words (terms joined by OR) scored a posting list at a time.

Whoosh scores document at a time: a tree of union matchers, one per term and
field, is stepped through every match, and each step walks the tree in Python
(about 20 µs a match). A query that is only terms joined by OR (a word in five
fields, or several words, or a wildcard's expansion) needs none of that: each
term's postings are read a block at a time and added into one score per
document (about 0.5 µs a posting), with the same formula and field lengths as
Whoosh's ``BM25F`` (identical scores), and every match is counted exactly.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection
from itertools import compress
from math import log
from typing import Any

from whoosh import query as wq
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from .docsets import DocSet
from .reading import Generation


def terms_only(query: wq.Query) -> list[tuple[str, str, float]] | None:
    """The (field, text, boost) of each term of a query of terms joined by OR; None otherwise."""
    found: list[tuple[str, str, float]] = []

    def visit(node: wq.Query, boost: float) -> bool:
        if type(node) is wq.Term:
            found.append((node.fieldname, node.text, boost * node.boost))
            return True
        if type(node) is wq.Or and node.scale is None:
            return all(visit(sub, boost * node.boost) for sub in node.subqueries)
        return False

    return found if visit(query, 1.0) else None


def scores(
    searcher: Any,
    generation: Generation | None,
    terms: list[tuple[str, str, float]],
    groups: list[frozenset[tuple[str, bytes]]] | None = None,
    allowed: DocSet | None = None,
) -> tuple[dict[int, float], list[dict[int, float]] | None]:
    """BM25F score of every document that has one of ``terms`` (by global document number;
    only those in ``allowed`` if given) and, when no term belongs to two of ``groups``
    (the query's words), the documents of each group, for the coverage of the query
    (else None).

    A filter is applied as the postings are read: a block of postings with no
    document allowed is not decoded, and of the others only the allowed postings
    are scored (a filtered search then costs less than the same words unfiltered,
    where intersecting the scores with the filter afterwards cost more).

    Scores are summed group by group, as Whoosh's tree of matchers sums them, so
    documents with the same postings get exactly the same score (Whoosh then
    orders them by number).
    """
    schema = searcher.reader().schema
    groups = groups or []
    buckets: dict[Any, list[tuple[str, bytes, float]]] = {}
    shared = False
    for position, (fieldname, text, boost) in enumerate(terms):
        try:
            btext = schema[fieldname].to_bytes(text)
        except ValueError:
            continue
        owners = [i for i, group in enumerate(groups) if (fieldname, btext) in group]
        shared = shared or len(owners) > 1
        buckets.setdefault(owners[0] if owners else ("term", position), []).append(
            (fieldname, btext, boost))
    totals: dict[int, float] = {}
    of_group: dict[int, dict[int, float]] = {}
    for owner, members in buckets.items():
        found: dict[int, float] = {}
        for fieldname, btext, boost in members:
            _add(searcher, generation, fieldname, btext, boost, found, allowed)
        if isinstance(owner, int):
            of_group[owner] = found
        if not totals:
            totals = dict(found)
            continue
        merged = dict(found)
        for docnum in merged.keys() & totals.keys():
            merged[docnum] = totals[docnum] + merged[docnum]
        totals.update(merged)
    if shared:
        return totals, None
    return totals, [of_group.get(i, {}) for i in range(len(groups))]


def _add(
    searcher: Any,
    generation: Generation | None,
    fieldname: str,
    btext: bytes,
    boost: float,
    totals: dict[int, float],
    allowed: DocSet | None = None,
) -> None:
    """Add one term's BM25F scores into ``totals`` (of the documents in ``allowed``, if
    given: a set that never holds a deleted document)."""
    weighting = searcher.weighting
    reader = searcher.reader()
    field = reader.schema[fieldname]
    if not field.scorable:
        return
    # the term's information in each segment, looked up once (Whoosh would look it up
    # again for the matcher and twice per segment for the idf)
    found = []
    for leaf, offset in reader.leaf_readers():
        if not hasattr(leaf, "_terms"):  # an EmptyReader (an empty index): no terms
            continue
        try:
            found.append((leaf, offset, leaf._terms.term_info(fieldname, btext)))
        except TermNotFound:
            continue
    if not found:
        return  # (and no idf: in an empty index it would be the log of 0)
    if type(weighting) is BM25F:  # WeightingModel.idf, from the same document counts
        frequency = sum(info.doc_frequency() for _, _, info in found)
        idf = log(searcher.doc_count_all() / (frequency + 1)) + 1
    else:
        idf = searcher.idf(fieldname, btext)
    k1 = weighting.K1
    b = weighting._field_B.get(fieldname, weighting.B)
    norm = _norms(searcher, generation, fieldname, b, k1)
    k1p = k1 + 1
    get = totals.get
    bits = allowed.bits if allowed is not None else None
    for leaf, offset, info in found:
        lengths = _lengths(generation, leaf, fieldname)
        deleted = (leaf.deleted_docs_set or None) if allowed is None else None
        # the raw postings (``leaf.postings`` wraps them to hide deleted documents)
        terms = leaf._terms
        postings = terms._codec.postings_reader(
            terms._postfile, info, field.format, term=(fieldname, btext))
        low = offset  # the least global number the next block may hold
        while postings.is_active():
            if allowed is not None:
                high = offset + getattr(postings, "_maxid", info.max_id()) + 1
                if not allowed.any_between(low, high):
                    low = high
                    postings._next_block()
                    continue
                low = high
            postings._read_ids()
            postings._read_weights()
            pairs: Any = zip(postings._ids, postings._weights, strict=True)
            if bits is not None:  # (C loops: the numbers' bytes, then the pairs they keep)
                pairs = compress(pairs, map(bits.__getitem__, map(offset.__add__, postings._ids)))
            for docnum, weight in pairs:
                if deleted is not None and docnum in deleted:
                    continue
                score = idf * ((weight * k1p) / (weight + norm[lengths[docnum]]))
                if boost != 1.0:
                    score *= boost
                key = docnum + offset
                totals[key] = get(key, 0.0) + score
            postings._next_block()


def best(
    totals: dict[int, float],
    masked: Collection[int],
    limit: int,
) -> tuple[list[tuple[float, int]], int]:
    """The ``limit`` best (score, docnum) pairs, as Whoosh orders them (higher score, then
    lower number), and the count of matches never in ``masked`` (filters are applied while
    scoring, ``scores(..., allowed)``).

    Set operations and ``heapq`` with a C key do the work: a common word matches a
    tenth of the index, and a Python call per match would cost as much as scoring.
    """
    unwanted = set(among(totals, masked))
    count = len(totals) - len(unwanted)
    if limit <= 0 or not count:
        return [], count
    # the score of the last one kept, then every match at least as good (ties go by number)
    top = heapq.nlargest(limit + len(unwanted), totals.values())
    threshold = top[-1]
    candidates = [(s, d) for d, s in totals.items() if s >= threshold and d not in unwanted]
    candidates.sort(key=lambda pair: (-pair[0], pair[1]))
    return candidates[:limit], count


def among(totals: dict[int, float], members: Collection[int]) -> Collection[int]:
    """The documents of ``totals`` in ``members`` (a ``DocSet`` or a set)."""
    if isinstance(members, DocSet):
        return members.among(totals)
    return totals.keys() & members


def _norms(
    searcher: Any, generation: Generation | None, fieldname: str, b: float, k1: float
) -> list[float]:
    """BM25's length normalisation for each of the 256 length bytes of a field (per generation)."""

    def compute() -> list[float]:
        avgfl = searcher.avg_field_length(fieldname) or 1
        return [k1 * ((1 - b) + b * byte_to_length(n) / avgfl) for n in range(256)]

    if generation is None:
        return compute()
    return generation.shared(f"norms:{fieldname}:{b}:{k1}", compute)


def _lengths(generation: Generation | None, leaf: Any, fieldname: str) -> bytes:
    """The length byte of ``fieldname`` of every document of a segment, read once."""

    def read() -> bytes:
        column = leaf._perdoc._cached_reader(f"_{fieldname}_len", _lengths_column())
        count = leaf.doc_count_all()
        if column is None:
            return bytes(count)
        data = column._dbfile.get(column._basepos, column._count)
        return bytes(data) + bytes(max(0, count - len(data)))

    if generation is None:
        return read()
    return generation.shared(f"lengths:{leaf.segment().segment_id()}:{fieldname}", read)


def _lengths_column() -> Any:
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    return LENGTHS_COLUMN
