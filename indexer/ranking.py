"""How search results are ordered: the tunable parts of ranking, in one value.

Whoosh scores each query term with BM25 in each field and sums the scores
(its "BM25F"); ``store.search`` then re-orders the best few dozen hits with
the features below, which Whoosh cannot express: the share of the query's
words a paragraph contains, and a lower weight for unnumbered blocks.
Every default here was chosen by ``benchmarks/evaluate_search.py``; change one
only with the figures from that script.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from . import schema as f

#: BM25F field weights (a word in a section heading counts this much of a word in the text)
FIELD_BOOSTS: Mapping[str, float] = {
    f.TEXT_EN: 1.0,
    f.TEXT_FR: 1.0,
    f.TEXT_ES: 1.0,
    f.SECTION: 0.4,
    f.TITLE: 0.2,
}


@dataclass(frozen=True, slots=True)
class Ranking:
    """The knobs of ranking; ``DEFAULT_RANKING`` is what every search uses."""

    field_boosts: Mapping[str, float] = field(default_factory=lambda: dict(FIELD_BOOSTS))
    #: BM25 length normalisation (0: none, 1: full) and term-frequency saturation
    b: float = 0.75
    k1: float = 1.2
    #: Whoosh's OrGroup coordination scale ("all terms preferred"); None: off
    coord: float | None = None
    #: exponent on the share of query words matched (0: off, 1: proportional)
    coverage: float = 0.0
    #: score multiplier for unnumbered blocks (1: no difference from paragraphs)
    block_weight: float = 1.0
    #: multiplier for a paragraph marked as a recommendation when the query says "recommend…"
    recommendation_weight: float = 1.0
    #: how many of the best hits are re-ordered by coverage and block weight
    window: int = 50

    def but(self, **changes: object) -> Ranking:
        """A copy with some knobs changed (for the evaluation grid)."""
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def reorders(self) -> bool:
        return self.coverage > 0 or self.block_weight != 1.0 or self.recommendation_weight != 1.0


DEFAULT_RANKING = Ranking()


def rescore(
    score: float,
    ranking: Ranking,
    matched_words: int,
    words: int,
    block: bool,
    recommendation: bool,
) -> float:
    """The final score of a hit: Whoosh's score, scaled by coverage, kind and intent.

    ``recommendation`` is true when the query asks for recommendations and the
    paragraph is one.
    """
    if ranking.coverage > 0 and words > 1:
        score *= (max(matched_words, 1) / words) ** ranking.coverage
    if block:
        score *= ranking.block_weight
    if recommendation:
        score *= ranking.recommendation_weight
    return score
