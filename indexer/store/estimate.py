"""How many paragraphs a query matches, counted on a sample of the index.

A phrase or an AND over very common words can match 10^5 paragraphs; scoring
them all to count them would cost seconds, so the search skips the blocks that
cannot reach the best hits and the total must be estimated. Multiplying the
words' shares of the index (words taken as independent) is wrong by an order of
magnitude for the phrases people type: the words of "human rights" or "small
arms" occur together far more often than chance, and those of a rare phrase far
less. Counting the real matches in a few windows spread evenly over the
document numbers costs a bounded share of a full count and follows the text.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Any

from whoosh import query as wq

#: documents examined in all to estimate a total (the cost of an estimate is bounded by it)
SAMPLE_DOCS = 20_000
#: windows the sample is spread over: a report's paragraphs sit next to each other, so a
#: topical phrase needs many windows (8 were 1.7x off on real reports); each window costs
#: the matcher's walk to the next match past its end (64 cost 15 % more than 8 at 1M)
SAMPLE_WINDOWS = 32


def sample_windows(size: int, docs: int, windows: int) -> list[tuple[int, int]]:
    """Ascending, disjoint ``[start, end)`` ranges of about ``docs`` document numbers in all,
    spread evenly over ``range(size)``; the whole range when it is not larger than ``docs``."""
    if size <= docs:
        return [(0, size)] if size > 0 else []
    width = max(1, docs // windows)
    stride = size / windows
    return [(int(i * stride), min(size, int(i * stride) + width)) for i in range(windows)]


def estimated_count(
    searcher: Any,
    query: wq.Query,
    allowed: Container[int] | None,
    masked: Container[int],
    candidates: int,
) -> tuple[int, bool]:
    """About how many of the ``candidates`` documents (in ``allowed`` if given, never in
    ``masked``) ``query`` matches, and whether that figure is in fact exact.

    The matches are counted in the sample windows and scaled by the share of the
    candidates the windows hold; the figure is rounded to two significant digits.
    When the windows cover the whole index, the count is exact and returned as is.
    """
    size = searcher.reader().doc_count_all()
    windows = sample_windows(size, SAMPLE_DOCS, SAMPLE_WINDOWS)
    if candidates <= 0 or not windows:
        return 0, True

    def wanted(docnum: int) -> bool:
        return docnum not in masked and (allowed is None or docnum in allowed)

    matched = _count_matches(searcher, query, windows, wanted)
    if windows == [(0, size)]:
        return matched, True
    if allowed is None:  # deleted and masked documents (one a report) are spread evenly
        sampled = sum(end - start for start, end in windows) * candidates / size
    else:  # a filter's documents are not (reports of one body are indexed together)
        sampled = sum(1 for start, end in windows for d in range(start, end) if wanted(d))
    if sampled == 0:
        return 0, False
    count = matched * candidates / sampled
    if count < 1:
        return (1 if matched else 0), False
    return int(float(f"{count:.2g}")), False


def _count_matches(
    searcher: Any,
    query: wq.Query,
    windows: list[tuple[int, int]],
    wanted: Callable[[int], bool],
) -> int:
    """Matches of ``query`` inside ``windows`` (global document numbers), segment by segment,
    jumping over the postings between windows."""
    count = 0
    for leaf, offset in searcher.leaf_searchers():
        size = leaf.doc_count_all()
        local = [
            (max(0, start - offset), min(size, end - offset))
            for start, end in windows
            if end > offset and start < offset + size
        ]
        if not local:
            continue
        matcher = query.matcher(leaf, leaf.boolean_context())
        for start, end in local:
            if not matcher.is_active():
                break
            if matcher.id() < start:
                matcher.skip_to(start)
            while matcher.is_active() and matcher.id() < end:
                if wanted(matcher.id() + offset):
                    count += 1
                matcher.next()
    return count
