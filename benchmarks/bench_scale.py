"""Scale: index N synthetic UN paragraphs, then time keyword, phrase, filtered and exact queries.

    python benchmarks/bench_scale.py --paragraphs 100000
    python benchmarks/bench_scale.py --paragraphs 1000000 --index /tmp/scale-1m --keep
    python benchmarks/bench_scale.py --index /tmp/scale-1m --reuse      # queries only

Documents come from benchmarks/synthetic.py (Zipf vocabulary, UN-like metadata)
and are written exactly as `paraindex index` writes them: `Store.begin`, one
`replace` per document, one commit per batch of documents (durable: fsync before
the table of contents is renamed). Printed: indexing rate (writing only, and with
the generator), memory (RSS after each tenth of the run, and the peak: it must
not grow with the corpus), index size against the raw UTF-8 text of the
paragraphs, the number of segments, and latency p50/p95/max of queries through
the library API (`Paraindex.search` / `Paraindex.get`, what the CLI and the web
call), the index freshly opened, the files in the page cache, with the CPU time of
each query (steadier than the wall clock on a machine shared with other work);
keyword queries also with the facets the web page asks for.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import Vocabulary, documents, sample_phrase  # noqa: E402

from indexer.store import Store  # noqa: E402
from search.service import Paraindex  # noqa: E402

SAMPLE_FILE = "bench-sample.json"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(target: Path, paragraphs: int, batch_size: int, seed: int) -> dict[str, object]:
    """Write the synthetic corpus; keep a sample of paragraphs for the queries."""
    rng = random.Random(seed + 1)
    store = Store.create(target)
    vocabulary = Vocabulary()
    started = time.perf_counter()
    writing = cpu = 0.0
    done = raw = 0
    checkpoints: list[tuple[int, float]] = []
    next_checkpoint = paragraphs / 10
    texts: list[str] = []
    citations: list[tuple[str, str]] = []
    seen = 0
    batch: list = []

    def flush() -> None:
        nonlocal writing, cpu
        begun, processor = time.perf_counter(), time.process_time()
        writer = store.begin()
        for document in batch:
            digest = hashlib.sha256(document.symbol.encode()).hexdigest()
            writer.replace(document, digest, document.path)
        writer.commit()
        writing += time.perf_counter() - begun
        cpu += time.process_time() - processor
        batch.clear()

    for document in documents(paragraphs, seed, vocabulary):
        batch.append(document)
        for paragraph in document.paragraphs:
            raw += len(paragraph.text.encode())
            if paragraph.number is None:
                continue
            done += 1
            seen += 1  # reservoir samples of paragraphs, for phrases and citations
            if len(texts) < 400:
                texts.append(paragraph.text)
                citations.append((document.symbol, paragraph.number))
            elif rng.random() < 400 / seen:
                slot = rng.randrange(400)
                texts[slot] = paragraph.text
                citations[slot] = (document.symbol, paragraph.number)
        if len(batch) >= batch_size:
            flush()
        if done >= next_checkpoint:
            checkpoints.append((done, rss_mb()))
            next_checkpoint += paragraphs / 10
    if batch:
        flush()
    total = time.perf_counter() - started
    (target.parent / SAMPLE_FILE).write_text(json.dumps({"texts": texts,
                                                         "citations": citations}))
    return {"paragraphs": done, "raw": raw, "writing": writing, "cpu": cpu, "total": total,
            "checkpoints": checkpoints, "peak": peak_mb()}


#: what each kind of segment file holds, for the size breakdown
FILE_KINDS = {"_stored.col": "stored fields", "pst": "postings", "trm": "terms"}


def sizes(target: Path) -> tuple[int, int, int, dict[str, int]]:
    """(bytes of the live index, bytes on disk, segments, live bytes by kind of file)
    of an index folder."""
    store = Store(target)
    segments = store._ix._segments()
    live_ids = {segment.segment_id() for segment in segments}
    live = total = 0
    kinds: dict[str, int] = {}
    latest = max(int(p.name.split("_")[-1].split(".")[0]) for p in target.glob("_MAIN_*.toc"))
    for path in target.iterdir():
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        name = path.name
        if name.split(".")[0] in live_ids or name == f"_MAIN_{latest}.toc" \
                or name == "paraindex.json":
            live += size
            kind = FILE_KINDS.get(name.split(".", 1)[-1], "other")
            kinds[kind] = kinds.get(kind, 0) + size
    return live, total, len(segments), kinds


def timed(
    queries: list[Callable[[], object]], warmup: int = 3
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each query (CPU time of this thread does not
    count the other processes of a busy machine)."""
    for query in queries[:warmup]:
        query()
    times, cpu = [], []
    for query in queries:
        started, processor = time.perf_counter(), time.thread_time()
        query()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - processor) * 1000)
    return times, cpu


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def query_latency(target: Path, count: int, seed: int) -> None:
    sample = json.loads((target.parent / SAMPLE_FILE).read_text())
    rng = random.Random(seed + 2)
    vocabulary = Vocabulary()
    opened = time.perf_counter()
    library = Paraindex(target)
    first = library.search(vocabulary.rank(100, 2000, rng))
    cold = (time.perf_counter() - opened) * 1000
    print(f"open the index and run the first query: {cold:.0f} ms "
          f"({first.total} hits); RSS {rss_mb():.0f} MB")

    def words(n: int) -> str:
        return " ".join(vocabulary.rank(80, 5000, rng) for _ in range(n))

    phrases = [p for p in (sample_phrase(rng, t) for t in sample["texts"]) if p]
    citations = [f"{symbol}, para. {number}" for symbol, number in sample["citations"]]
    bodies = ["A/HRC/*", "A/*", "E/CN.6/*", "S/*"]
    def filters(i: int) -> dict[str, object]:
        if i % 3 == 0:
            return {"symbol": bodies[i % 4]}
        if i % 3 == 1:
            return {"section": "recommendations"}
        return {"recommendations": True}

    search, get = library.search, library.get
    kinds = list({repr(filters(i)): filters(i) for i in range(12)}.values())  # the six
    for kind in kinds:  # every filter's document set built: the filtered figures are warm
        search(words(2), **kind)
    sets: dict[str, list[Callable[[], object]]] = {
        "keyword (1-3 words)": [
            partial(search, words(rng.randint(1, 3))) for _ in range(count)
        ],
        "phrase (2 words)": [
            partial(search, f'"{rng.choice(phrases)}"') for _ in range(count)
        ],
        "filtered, warm (words + symbol/section/recs)": [
            partial(search, words(2), **filters(i)) for i in range(count)
        ],
        "exact lookup (citation)": [
            partial(get, rng.choice(citations)) for _ in range(count * 2)
        ],
        "keyword + facets (the web page)": [
            partial(search, words(rng.randint(1, 3)), facets=("documents", "bodies", "addressees"))
            for _ in range(count // 2)
        ],
    }
    print(f"{'query':52} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p50':>8} "
          f"{'cpu p95':>8}")
    for name, queries in sets.items():
        times, cpu = timed(queries)
        print(f"{name:52} {len(times):5d} {percentile(times, 0.5):8.1f} "
              f"{percentile(times, 0.95):8.1f} {max(times):8.1f} {percentile(cpu, 0.5):8.1f} "
              f"{percentile(cpu, 0.95):8.1f}")
    cold_filters(target, kinds, words)


def cold_filters(target: Path, kinds: list[dict[str, object]], words: Callable[[int], str],
                 rounds: int = 3) -> None:
    """The first search with each filter after the index is opened (its document set is
    built then, and a symbol pattern is matched on the documents' ids), each round in a
    freshly opened library, as each CLI command is; then the document list (``paraindex
    docs``), which only listings read."""
    listing: list[float] = []
    times: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        library = Paraindex(target)
        library.search(words(2))
        for kind in kinds:
            text = words(2)
            started, processor = time.perf_counter(), time.process_time()
            library.search(text, **kind)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - processor) * 1000)
        started = time.perf_counter()
        library.documents()
        listing.append((time.perf_counter() - started) * 1000)
    name = "filtered, cold (first search with each filter)"
    print(f"{name:52} {len(times):5d} {percentile(times, 0.5):8.1f} "
          f"{percentile(times, 0.95):8.1f} {max(times):8.1f} {percentile(cpu, 0.5):8.1f} "
          f"{percentile(cpu, 0.95):8.1f} (cpu max {max(cpu):.1f})")
    print(f"the document list (`paraindex docs`, read once per generation): "
          f"{percentile(listing, 0.5):.0f} ms median of {rounds}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=50, help="documents per commit")
    parser.add_argument("--index", type=Path, help="index folder (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="query an index built before")
    parser.add_argument("--keep", action="store_true", help="keep the index afterwards")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    target = args.index or Path(tempfile.mkdtemp(prefix="bench-scale-")) / "index"
    try:
        if not args.reuse:
            if target.exists():
                sys.exit(f"{target} exists: pass --reuse to query it, or remove it")
            print(f"indexing {args.paragraphs:,} synthetic paragraphs into {target}, "
                  f"{args.batch_size} documents per commit")
            result = build(target, args.paragraphs, args.batch_size, args.seed)
            done, writing, total = result["paragraphs"], result["writing"], result["total"]
            print(f"indexed {done:,} paragraphs in {total:.0f} s: {done / writing:,.0f} "
                  f"paragraphs/s writing ({writing:.0f} s; {done / result['cpu']:,.0f}/s of "
                  f"processor time, {result['cpu']:.0f} s), {done / total:,.0f}/s with the "
                  f"generator")
            curve = ", ".join(f"{n // 1000}k: {mb:.0f}" for n, mb in result["checkpoints"])
            print(f"RSS MB after each tenth: {curve}; peak {result['peak']:.0f} MB")
            live, on_disk, segments, kinds = sizes(target)
            raw = result["raw"]
            print(f"raw paragraph text {raw / 1e6:.0f} MB; index {live / 1e6:.0f} MB = "
                  f"{live / raw:.2f}x the raw text ({on_disk / 1e6:.0f} MB on disk with "
                  f"merged-away files kept for running searches); {segments} segments")
            print("of which " + ", ".join(f"{kind} {size / 1e6:.1f} MB" for kind, size
                                          in sorted(kinds.items(), key=lambda kv: -kv[1])))
        query_latency(target, args.queries, args.seed)
    finally:
        if not args.keep and not args.reuse and args.index is None:
            shutil.rmtree(target.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
