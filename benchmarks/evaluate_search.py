"""Measure ranking: MRR@10 and Recall@10 of paraindex against plain BM25, per query kind.

    python benchmarks/evaluate_search.py                  # dev and bulk, ours vs baseline
    python benchmarks/evaluate_search.py --grid           # and the ranking grid
    python benchmarks/evaluate_search.py --index-dir /tmp/eval --reuse --show-misses

Query files follow ../shared/eval/README.md: each query has ``symbol``, ``paragraph``
("23", UPR item "140.241", annex paragraph "annex:12"), ``kind`` and optional ``also``.
A result counts when its (symbol, paragraph) is the answer or in ``also``; symbols
compare case-insensitively (a joint symbol matches either half), paragraphs as exact
strings. The lenient variant also counts the parent paragraph ("140") of an item.

The baseline is BM25 (k1 1.2, b 0.75) computed here in Python over the text of the
very same records, lower-cased words with no stemming, stop words or field weights.
Indexes are built with ``index_paths`` (what ``paraindex index`` runs) in a temporary
directory (or ``--index-dir``) from ../shared/corpus and ../shared/bulk; files it
leaves out are listed.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import schema  # noqa: E402
from indexer.batch import index_paths  # noqa: E402
from indexer.ranking import DEFAULT_RANKING, Ranking  # noqa: E402
from indexer.records import ParagraphRecord  # noqa: E402
from indexer.store import Store  # noqa: E402
from indexer.symbols import symbol_key, symbol_parts  # noqa: E402
from search.query import prepare  # noqa: E402
from search.service import Paraindex  # noqa: E402

SHARED = ROOT.parent / "shared"
SETS = {
    "dev": (SHARED / "eval" / "queries-dev.json", SHARED / "corpus"),
    "bulk": (ROOT / "benchmarks" / "data" / "queries-bulk.json", SHARED / "bulk"),
}
KINDS = ("paraphrase", "exact", "recommendation")
TOP = 10

Label = tuple[str, str]


# -- scoring -------------------------------------------------------------------------------
@dataclass(slots=True)
class Query:
    id: str
    text: str
    kind: str
    relevant: set[Label]
    typo: bool = False


def load_queries(path: Path) -> list[Query]:
    data = json.loads(path.read_text())
    queries = []
    for q in data["queries"]:
        relevant = {(symbol_key(q["symbol"]), q["paragraph"])}
        relevant |= {(symbol_key(s), p) for s, p in q.get("also", [])}
        queries.append(Query(q["id"], q["query"], q["kind"], relevant, bool(q.get("typo"))))
    return queries


def labels(record: ParagraphRecord) -> list[Label]:
    """(symbol, paragraph) pairs a record answers to: each half of a joint symbol."""
    if record.number is None:
        return []
    paragraph = f"annex:{record.number}" if record.annex else record.number
    keys = {symbol_key(record.symbol)} | {symbol_key(p) for p in symbol_parts(record.symbol)}
    return [(key, paragraph) for key in sorted(keys)]


def parents(label: Label) -> Label | None:
    symbol, paragraph = label
    if "." in paragraph and not paragraph.startswith("annex:"):
        return symbol, paragraph.split(".")[0]
    return None


def score_ranking(query: Query, ranked: list[list[Label]], lenient: bool) -> tuple[float, float]:
    """(reciprocal rank, recall) of one query's top-10 list of label sets."""
    relevant = set(query.relevant)
    accepted = {label: label for label in relevant}
    if lenient:
        accepted |= {parent: label for label in relevant if (parent := parents(label))}
    first = 0.0
    found: set[Label] = set()
    for rank, record_labels in enumerate(ranked[:TOP], start=1):
        hits = {accepted[label] for label in record_labels if label in accepted}
        if hits and not first:
            first = 1.0 / rank
        found |= hits
    return first, len(found) / len(relevant)


@dataclass(slots=True)
class Outcome:
    query: Query
    ranked: list[list[Label]]
    seconds: float = 0.0
    top: list[str] = field(default_factory=list)  # citations, for --show-misses

    def scores(self, lenient: bool = False) -> tuple[float, float]:
        return score_ranking(self.query, self.ranked, lenient)

    @property
    def rank(self) -> int | None:
        rr, _ = self.scores()
        return round(1 / rr) if rr else None


def summarise(
    outcomes: list[Outcome], lenient: bool = False
) -> dict[str, tuple[float, float, int]]:
    """Per group (all, each kind, typo): (MRR@10, Recall@10, number of queries)."""
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        groups["all"].append(outcome)
        groups[outcome.query.kind].append(outcome)
        if outcome.query.typo:
            groups["typo"].append(outcome)
    table = {}
    for name, members in groups.items():
        pairs = [m.scores(lenient) for m in members]
        table[name] = (
            statistics.fmean(p[0] for p in pairs),
            statistics.fmean(p[1] for p in pairs),
            len(members),
        )
    return table


# -- the systems ---------------------------------------------------------------------------
class PlainBM25:
    """BM25 over lower-cased words of the stored text: the baseline to beat."""

    def __init__(self, records: Iterable[ParagraphRecord], k1: float = 1.2, b: float = 0.75):
        self.records: list[ParagraphRecord] = []
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths = []
        for record in records:
            words = Counter(_words(record.text))
            doc = len(self.records)
            self.records.append(record)
            lengths.append(sum(words.values()))
            for word, count in words.items():
                self.postings[word].append((doc, count))
        self.lengths = lengths
        self.average = statistics.fmean(lengths) if lengths else 1.0
        self.k1, self.b = k1, b

    def search(self, text: str, limit: int = TOP) -> list[ParagraphRecord]:
        scores: dict[int, float] = defaultdict(float)
        n = len(self.records)
        for word in set(_words(text)):
            postings = self.postings.get(word, [])
            if not postings:
                continue
            idf = math.log(1 + (n - len(postings) + 0.5) / (len(postings) + 0.5))
            for doc, tf in postings:
                norm = self.k1 * (1 - self.b + self.b * self.lengths[doc] / self.average)
                scores[doc] += idf * tf * (self.k1 + 1) / (tf + norm)
        best = sorted(scores, key=lambda d: (-scores[d], d))[:limit]
        return [self.records[d] for d in best]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def run_baseline(bm25: PlainBM25, queries: list[Query]) -> list[Outcome]:
    outcomes = []
    for query in queries:
        started = time.perf_counter()
        found = bm25.search(query.text)
        seconds = time.perf_counter() - started
        outcomes.append(Outcome(query, [labels(r) for r in found], seconds,
                                [r.citation for r in found[:3]]))
    return outcomes


def run_paraindex(library: Paraindex, queries: list[Query],
                  ranking: Ranking | None = None) -> list[Outcome]:
    outcomes = []
    for query in queries:
        started = time.perf_counter()
        results = library.search(query.text, limit=TOP, ranking=ranking)
        seconds = time.perf_counter() - started
        outcomes.append(Outcome(query, [labels(h.record) for h in results.hits], seconds,
                                [h.record.citation for h in results.hits[:3]]))
    return outcomes


def snippet_cost(store: Store, queries: list[Query], repeats: int = 3) -> tuple[float, float]:
    """Median and worst extra milliseconds that highlighting adds to a page of 10 hits."""
    extra = []
    for query in queries:
        text = prepare(query.text).text
        timings = {}
        for snippets in (False, True):
            best = math.inf
            for _ in range(repeats):
                started = time.perf_counter()
                store.search(text, limit=TOP, snippets=snippets)
                best = min(best, time.perf_counter() - started)
            timings[snippets] = best
        extra.append(max(0.0, timings[True] - timings[False]) * 1000)
    return statistics.median(extra), max(extra)


# -- indexes -------------------------------------------------------------------------------
def build_index(directory: Path, corpus: Path, reuse: bool) -> list[str]:
    """Index ``corpus`` as ``paraindex index`` does; return the files left out, with why."""
    marker = directory / "evaluate-search.json"
    if reuse and marker.exists():
        meta = json.loads(marker.read_text())
        if meta.get("format") == schema.FORMAT_VERSION and meta.get("corpus") == str(corpus):
            return meta["problems"]
    if directory.exists():
        shutil.rmtree(directory)
    summary = index_paths(directory, [corpus]).to_dict()
    problems = [f"{Path(f['path']).name}: {f['reason']}"
                for f in summary.get("failed", []) + summary.get("duplicates", [])]
    marker.write_text(json.dumps(
        {"format": schema.FORMAT_VERSION, "corpus": str(corpus), "problems": problems}))
    return problems


# -- report --------------------------------------------------------------------------------
COLUMNS = ("all", *KINDS, "typo")


def table_rows(name: str, outcomes: list[Outcome]) -> list[str]:
    strict, lenient = summarise(outcomes), summarise(outcomes, lenient=True)
    cells = []
    for column in COLUMNS:
        if column in strict:
            mrr, recall, _ = strict[column]
            cells.append(f"{mrr:5.3f} {recall:5.3f}")
        else:
            cells.append(f"{'-':>5} {'-':>5}")
    mrr, recall, _ = lenient["all"]
    cells.append(f"{mrr:5.3f} {recall:5.3f}")
    ms = sorted(o.seconds * 1000 for o in outcomes)
    cells.append(f"{statistics.median(ms):6.1f} {ms[int(0.95 * (len(ms) - 1))]:6.1f}")
    return [f"{name:<28}" + " | ".join(cells)]


def header(outcomes: list[Outcome]) -> str:
    counts = Counter(o.query.kind for o in outcomes)
    typo = sum(o.query.typo for o in outcomes)
    names = [f"all ({len(outcomes)})"] + [f"{k[:5]} ({counts[k]})" for k in KINDS]
    names += [f"typo ({typo})", "lenient all", "ms p50  p95"]
    return f"{'MRR@10 R@10':<28}" + " | ".join(f"{n:<11}" for n in names)


def misses(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if o.rank != 1:
            rank = o.rank or "-"
            wanted = ", ".join(sorted(p for _, p in o.query.relevant))
            lines.append(f"  {o.query.id} rank {rank} want {wanted} ({o.query.kind}) "
                         f"{o.query.text!r}\n      got: {'; '.join(o.top)}")
    return lines


def sweep() -> list[tuple[str, Ranking]]:
    """Ranking variants changing one knob at a time around the default."""
    base = DEFAULT_RANKING
    variants: list[tuple[str, Ranking]] = [("default", base)]
    for section in (0.0, 0.2, 0.4, 0.7, 1.0):
        for title in (0.0, 0.1, 0.2, 0.5):
            boosts = dict(base.field_boosts, section=section, title=title)
            variants.append((f"section {section} title {title}", base.but(field_boosts=boosts)))
    for b in (0.3, 0.5, 0.75, 0.9):
        for k1 in (0.6, 0.8, 1.2, 1.6):
            variants.append((f"B {b} K1 {k1}", base.but(b=b, k1=k1)))
    for coord in (None, 0.9):
        for coverage in (0.0, 0.5, 1.0, 2.0):
            variants.append((f"coord {coord} coverage {coverage}",
                             base.but(coord=coord, coverage=coverage)))
    for weight in (1.0, 0.9, 0.7, 0.5):
        variants.append((f"block weight {weight}", base.but(block_weight=weight)))
    for weight in (1.0, 1.25, 1.5, 2.0):
        variants.append((f"recommendation weight {weight}",
                         base.but(recommendation_weight=weight)))
    return variants


def joint() -> list[tuple[str, Ranking]]:
    """The knobs that helped alone, crossed (section weight held at its best, 0.4)."""
    base = DEFAULT_RANKING
    variants = []
    for b in (0.5, 0.75):
        for k1 in (0.6, 0.8, 1.0, 1.2):
            for coverage in (0.0, 0.5, 1.0, 2.0):
                for block in (0.7, 1.0):
                    for rec in (1.0, 1.25, 1.5):
                        variants.append((
                            f"B {b} K1 {k1} cov {coverage} block {block} rec {rec}",
                            base.but(b=b, k1=k1, coverage=coverage, block_weight=block,
                                     recommendation_weight=rec),
                        ))
    return variants


GRIDS = {"sweep": sweep, "joint": joint}


def parse_knobs(knobs: list[str]) -> Ranking | None:
    """``["k1=0.8", "section=0.7", "coord=none"]`` -> the default ranking with those changed."""
    if not knobs:
        return None
    ranking = DEFAULT_RANKING
    for knob in knobs:
        name, _, value = knob.partition("=")
        number = None if value.lower() == "none" else float(value)
        if name in ranking.field_boosts:
            ranking = ranking.but(field_boosts=dict(ranking.field_boosts, **{name: number}))
        else:
            ranking = ranking.but(**{name: int(number) if name == "window" else number})
    return ranking


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=list(SETS))
    parser.add_argument("--index-dir", type=Path, help="where to build (default: a temp dir)")
    parser.add_argument("--reuse", action="store_true", help="reuse indexes in --index-dir")
    parser.add_argument("--grid", choices=list(GRIDS),
                        help="also run a ranking grid: one knob at a time, or knobs crossed")
    parser.add_argument("--show-misses", action="store_true",
                        help="list the queries whose answer is not first")
    parser.add_argument("--ranking", nargs="+", default=[], metavar="KNOB=VALUE",
                        help="evaluate paraindex with changed knobs (k1=0.8 section=0.7 ...)")
    args = parser.parse_args(argv)
    ranking = parse_knobs(args.ranking)
    temporary = None
    if args.index_dir is None:
        temporary = tempfile.TemporaryDirectory(prefix="paraindex-eval-")
        args.index_dir = Path(temporary.name)
    grid_rows: dict[str, dict[str, list[Outcome]]] = defaultdict(dict)
    for name in args.sets:
        queries_path, corpus = SETS[name]
        queries = load_queries(queries_path)
        directory = args.index_dir / name
        started = time.perf_counter()
        problems = build_index(directory, corpus, args.reuse)
        built = time.perf_counter() - started
        library = Paraindex(directory)
        records = list(library.store.iter_records())
        print(f"\n== {name}: {len(queries)} queries from {queries_path.name} over {corpus} "
              f"({len(library.documents())} documents, {len(records)} records, "
              f"index ready in {built:.0f} s)")
        for problem in problems:
            print(f"   left out: {problem}")
        baseline = run_baseline(PlainBM25(records), queries)
        ours = run_paraindex(library, queries, ranking)
        print(header(ours))
        for line in table_rows("plain BM25 (baseline)", baseline):
            print(line)
        for line in table_rows("paraindex", ours):
            print(line)
        median, worst = snippet_cost(library.store, queries)
        print(f"highlighting a page of {TOP} hits: median {median:.1f} ms, worst {worst:.1f} ms")
        if args.show_misses:
            print("paraindex misses (answer not first):")
            print("\n".join(misses(ours)) or "  none")
            print("baseline misses:")
            print("\n".join(misses(baseline)) or "  none")
        if args.grid:
            for label, variant in GRIDS[args.grid]():
                grid_rows[label][name] = run_paraindex(library, queries, variant)
    if args.grid:
        print(f"\n== {args.grid} grid (strict MRR@10 / Recall@10)")
        print(f"{'variant':<48}" + "".join(f"{n + ' MRR  R@10':<18}" for n in args.sets))
        for label, by_set in grid_rows.items():
            cells = []
            for name in args.sets:
                mrr, recall, _ = summarise(by_set[name])["all"]
                cells.append(f"{mrr:5.3f}     {recall:5.3f}   ")
            print(f"{label:<48}" + "".join(cells))
    if temporary is not None:
        temporary.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
