"""Measure the recommendation detector against the hand-labelled set.

    python benchmarks/eval_recommendations.py              # figures on the development splits
    python benchmarks/eval_recommendations.py --errors     # and every development disagreement
    python benchmarks/eval_recommendations.py --held-out   # and the held-out figures (none now)

Reads the label files of ``SPLITS`` below (benchmarks/data/recommendations-*.json,
the held-out ones only with --held-out), extracts each labelled
report from ../shared (read-only), finds each labelled paragraph among the
extracted ones, and prints precision and recall of detection (overall, per
report kind, with and without the items the labeller flagged ambiguous), the
accuracy of the addressee, of the recommending State (UPR items) and of the
recommending body, and of the action verb.

The reports are split by report, fixed below: the rules were tuned on DEV,
then on DEV2 (reports from ../shared/bulk labelled for that purpose), then on
DEV3, the first held-out split: it was measured once as held-out (precision
0.928, recall 0.914, addressee 0.797) and then became development data, its
errors read to find the rules that did not generalise. DEV4 is the second
held-out split, labelled by reading the reports before the detector was run on
them; measured once, after the DEV3 work (one item = one paragraph): precision
0.875, recall 0.683 (unambiguous items: 0.900, 0.947), addressee exact set
0.893, recommending body 0.357, first action 0.857; then tuned on, like DEV3.

DEV5 is the third held-out split, every item of
benchmarks/data/recommendations-heldout2.json (same item format). Measured
once as held-out (HELD_OUT2), after the DEV4 work (210 items of 19 reports:
resolutions and draft resolutions, session reports, an NGO compilation, expert
and secretariat reports; one item = one paragraph): precision 1.000, recall
0.833 (unambiguous items: 1.000, 0.875), addressee exact set 0.708 (first
addressee 0.892), recommending body 0.754, first action 0.831; then tuned on.

DEV6 is the fourth held-out split, every item of
benchmarks/data/recommendations-heldout3.json. Measured once as held-out
(HELD_OUT3), after the DEV5 work (176 items of
16 reports: draft resolution and draft decision, an internal-audit tracking
table, terms of reference, secretariat notes on organisation, session reports,
declarations; 62 items flagged ambiguous; one item = one paragraph): precision
1.000, recall 0.407 (unambiguous items: 1.000, 0.545 of 11), addressee exact set
0.609 (first addressee 0.696), recommending body 0.957, first action 0.826;
then tuned on.

HELD-OUT (benchmarks/data/recommendations-heldout4.json) is a split of another
kind: a seeded random sample of up to 4 never-labelled numbered paragraphs from
every report in ../shared that had any (413 paragraphs of 110 reports, most of
them narrative or procedure: 64 recommendations), labelled blind by two
labellers. Measured once, after the DEV6 work (one item = one paragraph):
precision 0.983, recall 0.906 (unambiguous items: 0.962, 0.893), addressee exact
set 0.845 (first addressee 0.931), recommending body 0.821, first action 0.879.
A paragraph, not a report, belongs to its first split: these paragraphs' reports
were labelled before, their paragraphs never. It became DEV7 after that one
measurement, its errors read to find rules that did not generalise.

HELD-OUT (benchmarks/data/recommendations-heldout5.json) is a second random
sample drawn the same way after the DEV7 work (seed 20261129; 335 paragraphs of
90 reports, 41 recommendations; paragraphs an earlier file labelled under another
id dropped), labelled blind by two more labellers. Measured once (one item = one
paragraph): precision 0.974, recall 0.902 (unambiguous items: 1.000, 1.000 of
16), addressee exact set 0.838 (first addressee 1.000), recommending body 0.867
(1.000 with the matcher as it is since: a draft "submitted by the Chair of the
Special Committee" is the Committee's), first action 0.838. It became DEV8 after
that measurement; no held-out split remains.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.model import Paragraph  # noqa: E402
from indexer.pipeline import extract  # noqa: E402
from indexer.recommendations import Finding, analyse  # noqa: E402
from indexer.states import canonical_state  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
SHARED = Path(os.environ.get("PARAINDEX_SHARED", ROOT.parent / "shared"))

#: tuned on these reports
DEV = {
    "A/HRC/59/15", "A/HRC/8/25", "A/79/7/Add.13", "JIU/REP/2025/2", "A/HRC/EMRIP/2025/2",
    "A/HRC/WG.6/48/SVN/2", "E/C.12/GC/27", "A/80/44", "E/2025/60", "E/2025/44-E/C.16/2025/9",
    "E/2025/57",
}
#: labelled later from ../shared/bulk, to tune on without touching a held-out split (SG, ...)
DEV2 = {
    "A/47/435", "A/79/437/Add.4", "A/80/1", "A/80/74/Add.1-E/2025/53/Add.1",
    "A/80/82-E/2025/63", "DP/2025/7", "E/2025/15", "E/2025/27-E/CN.6/2025/19",
    "E/2025/34 (Part I)-E/ICEF/2025/7 (Part I)", "E/2025/42-E/CN.18/2025/7",
    "E/AC.51/2025/L.4/Add.32", "E/CN.3/2025/8",
    "ICCD/COP(8)/CST/8", "JIU/NOTE/2022/1/Rev.1", "S/2025/202", "S/2025/231",
    "S/2025/257", "S/2025/303", "S/2025/342", "S/2025/350",
    "S/2025/415", "S/2025/496", "TD/B/CN.4/48",
}
#: the first held-out split, measured once (P 0.928, R 0.914, addressee 0.797), then tuned on
DEV3 = {
    "A/HRC/26/10", "A/79/772", "A/80/188", "A/80/55", "DP/2025/3", "E/CN.6/2025/3", "A/52/687",
    "E/2025/22", "A/80/36", "E/2025/33", "A/AC.109/2025/20",
}
#: the second held-out split, labelled by reading the reports before the detector was run on
#: them (expert bodies to the Security Council, commission session reports, a French and a
#: Spanish report, secretariat notes, a management response, an NGO statement); measured once
#: (P 0.875, R 0.683, addressee 0.893, body 0.357, action 0.857), then tuned on
DEV4 = {
    "S/2025/71/Rev.1", "S/2025/492", "A/80/10", "A/80/42", "A/80/74-E/2025/53", "E/2025/48",
    "E/ICEF/2025/4", "E/CN.18/2025/2", "TD/B/CN.4/36", "A/AC.292/2024/3",
    "E/ICEF/672 (Première partie)", "E/CN.6/2025/NGO/125",
}

#: the label files and their splits: (name, label file, its reports or None for every item of
#: the file not in an earlier split, held out). A development split is tuned on and its
#: disagreements are printed with --errors; a held-out one is read only with --held-out, for
#: its figures alone. A held-out split becomes development data by turning its flag off.
SPLITS: list[tuple[str, str, set[str] | None, bool]] = [
    ("DEV (tuned on)", "recommendations-labelled.json", DEV, False),
    ("DEV2 (tuned on, bulk reports)", "recommendations-labelled.json", DEV2, False),
    ("DEV3 (the first held-out split, tuned on since)", "recommendations-labelled.json", DEV3,
     False),
    ("DEV4 (the second held-out split, tuned on since)", "recommendations-labelled.json", DEV4,
     False),
    ("DEV5 (the third held-out split, tuned on since)", "recommendations-heldout2.json", None,
     False),
    ("DEV6 (the fourth held-out split, tuned on since)", "recommendations-heldout3.json",
     None, False),
    ("DEV7 (random paragraphs of every report, held out once, tuned on since)",
     "recommendations-heldout4.json", None, False),
    ("DEV8 (a second sample of random paragraphs, held out once, tuned on since)",
     "recommendations-heldout5.json", None, False),
]

KINDS = [
    ("UPR working group", r"UPR Working Group"),
    ("compilation / tracking", r"compilation|status of Board|selected concluding|tracking"),
    ("ACABQ", r"ACABQ"),
    ("JIU", r"JIU"),
    ("treaty body", r"Treaty-body"),
    ("expert body / rapporteur", r"Special Rapporteur|expert mechanism|expert body|"
                                 r"Special Committee"),
    ("Secretary-General / High Commissioner", r"Secretary-General|High Commissioner|"
                                              r"ECOSOC report"),
    ("session report / committee / board", r"session report|Main Committee|committee draft"),
    ("draft resolution / decision", r"draft (?:General Assembly )?(?:resolution|decision)"),
    ("letter / terms of reference", r"terms of reference|\bLetter from|Note verbale|"
                                    r"declaration"),
    ("secretariat note / other", r"Secretariat"),
]


@dataclass
class Result:
    item: dict
    paragraph: Paragraph | None
    finding: Finding | None
    #: the item is one of several printed inside one extracted paragraph (a 2008 UPR list,
    #: a draft resolution): its State must be among the paragraph's, its action among its
    inside: bool = False
    #: the labelled unit and the extracted paragraph differ: the item, or the chapeau whose
    #: paragraph holds it, shares one extracted paragraph with other labelled items
    merged: bool = False

    @property
    def predicted(self) -> bool:
        return bool(self.finding and self.finding.is_recommendation)

    @property
    def gold(self) -> bool:
        return bool(self.item["is_recommendation"])


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, result: Result) -> None:
        if result.gold and result.predicted:
            self.tp += 1
        elif result.predicted:
            self.fp += 1
        elif result.gold:
            self.fn += 1
        else:
            self.tn += 1

    def line(self, name: str) -> str:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return (f"{name:<40} P {precision:5.3f}  R {recall:5.3f}  "
                f"(tp {self.tp}, fp {self.fp}, fn {self.fn}, tn {self.tn})")


def _norm(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def find_paragraph(item: dict, paragraphs: list[Paragraph]) -> Paragraph | None:
    """The extracted paragraph a labelled item names, checked against its first words."""
    pid = item["paragraph"]
    words = _norm(item["first_12_words"])[:40]

    def starts(paragraph: Paragraph) -> bool:
        text = _norm(re.sub(r"^\s*\d{1,3}\.\s+", "", paragraph.text))
        if text.startswith(words[:30]) or words[:30] in text[:120]:
            return True
        heading = paragraph.section[-1] if paragraph.section else ""
        joined = _norm(re.sub(r"^\s*\d{1,3}\.\s+", "", heading) + " " + paragraph.text)
        return joined.startswith(words[:30])

    if re.fullmatch(r"\d+\.\d+", pid):  # a list item printed inside its paragraph
        parent = pid.split(".")[0]
        for paragraph in paragraphs:
            if paragraph.number == parent and paragraph.annex is None and \
                    words[:40] in _norm(paragraph.text):
                return paragraph
    if pid.startswith("rec:"):
        for paragraph in paragraphs:
            if paragraph.label == f"Recommendation {pid[4:]}":
                return paragraph
    if pid.startswith("annex:"):
        candidates = [p for p in paragraphs if p.annex and p.number == pid[6:]]
    elif pid.startswith("draftres:"):
        candidates = []
    else:
        candidates = [p for p in paragraphs if p.number == pid and p.annex is None]
    for paragraph in candidates:
        if starts(paragraph):
            return paragraph
    anywhere = [p for p in paragraphs if starts(p)]
    # one that opens with the words before one that names them early on ("transmit the joint
    # Declaration of the Russian Federation ..." before "1.12. The Russian Federation ...")
    full = _norm(item["first_12_words"])
    anywhere.sort(key=lambda p: (not _norm(p.text).startswith(full),
                                 not _norm(p.text).startswith(words[:30])))
    if anywhere:
        return anywhere[0]
    # a list item or draft-resolution paragraph printed inside a longer paragraph
    inside = [p for p in paragraphs if words[:40] in _norm(p.text)]
    return inside[0] if inside else None


#: an organization's acronym and its name, both used by labels and reports
ACRONYMS = {"unicef": "united nations children's fund", "undp": "united nations development "
            "programme", "unfpa": "united nations population fund", "unhcr": "office of the "
            "united nations high commissioner for refugees", "ohchr": "office of the united "
            "nations high commissioner for human rights", "unops": "united nations office for "
            "project services"}


def same_body(predicted: str, gold: str) -> bool:
    """Bodies match when one name contains the other ("Advisory Committee" in "Advisory
    Committee on Administrative and Budgetary Questions"), an acronym standing for its name;
    special rapporteurs by title. A draft's label names the body in whose voice it speaks and,
    in brackets, who submitted or recommended it ("General Assembly (draft resolution
    recommended by the Second Committee)"; labellers put either first): the body that
    recommended it, or whose Chair submitted it, matches too."""
    def norm(name: str) -> str:
        name = re.sub(r"\([^)]*\)", "", name.lower())
        for acronym, full in ACRONYMS.items():
            name = re.sub(rf"\b{acronym}\b", full, name)
        name = re.sub(r"\b(?:the|united nations)\b", "", name)
        return " ".join(re.sub(r"[^a-z ]", " ", name).split())
    a, b = norm(predicted), norm(gold)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    # the body that recommended or, by its Chair, submitted the draft; never a State that
    # tabled it nor a topic after "of"
    submitter = re.search(r"\(draft[^)]*?\b(?:recommended\s+by|submitted\s+by\s+the\s+Chair\s+"
                          r"of)\s+(?:the\s+)?([^,)]+)", gold)
    if submitter and norm(submitter.group(1)) == a:
        return True
    return a.startswith("special rapporteur") and b.startswith("special rapporteur")


def states_of(value: object) -> list[str]:
    names = value if isinstance(value, list) else [value] if value else []
    return [canonical_state(str(n)) or str(n) for n in names]


def kind_of(document_type: str) -> str:
    for name, pattern in KINDS:
        if re.search(pattern, document_type, re.IGNORECASE):
            return name
    return "other"


def load_splits(held_out: bool) -> tuple[list[tuple[str, list[dict], bool]], dict]:
    """The splits as (name, items, held out), development splits first, and the reports'
    descriptions; the held-out files are not even read without ``held_out``."""
    files: dict[str, dict] = {}
    per_report: dict = {}
    seen: set[tuple[str, str]] = set()  # a paragraph belongs to its first split only
    splits = []
    for name, file, reports, held in SPLITS:
        path = DATA / file
        if held and not held_out or not path.exists():
            continue
        if file not in files:
            files[file] = json.loads(path.read_text())
            meta = files[file].get("meta", {})
            per_report.update(meta.get("counts", {}).get("per_report", {}))
            # a later file lists its reports instead: [{"symbol": ..., "document_type": ...}]
            per_report.update({r["symbol"]: r for r in meta.get("reports", [])
                               if isinstance(r, dict) and "symbol" in r})
        items = [i for i in files[file]["items"] if (i["symbol"], i["paragraph"]) not in seen
                 and (reports is None or i["symbol"] in reports)]
        seen |= {(i["symbol"], i["paragraph"]) for i in items}
        splits.append((name, items, held))
    return splits, per_report


def run(errors: bool, held_out: bool) -> int:
    splits, per_report = load_splits(held_out)
    # an item's split is its own (a later split may sample paragraphs of earlier reports)
    tuned = {id(i) for _, items, held in splits if not held for i in items}
    by_file: dict[str, list[dict]] = defaultdict(list)
    for _, items, _ in splits:
        for item in items:
            by_file[item["file"]].append(item)
    results: list[Result] = []
    for file, items in sorted(by_file.items()):
        path = SHARED / file
        if not path.exists():
            print(f"missing {path}: the real reports of ../shared are needed", file=sys.stderr)
            return 1
        document = extract(path)
        findings = analyse(document.paragraphs, document.symbol, document.title)
        finding_of = {id(p): f for p, f in zip(document.paragraphs, findings, strict=True)}
        for item in items:
            paragraph = find_paragraph(item, document.paragraphs)
            inside = paragraph is not None and not _norm(paragraph.text).startswith(
                _norm(item["first_12_words"])[:30]) and paragraph.label is None and not (
                paragraph.section and _norm(paragraph.section[-1] + paragraph.text).startswith(
                    _norm(item["first_12_words"])[:30]))
            results.append(Result(item, paragraph,
                                  finding_of.get(id(paragraph)) if paragraph else None, inside))
    containers = {id(r.paragraph) for r in results if r.inside}
    for result in results:
        result.merged = result.paragraph is not None and id(result.paragraph) in containers

    unmatched = [r for r in results if r.paragraph is None]
    inside = sum(r.inside for r in results)
    merged = sum(r.merged for r in results)
    print(f"{len(results)} labelled items from {len(by_file)} reports; "
          f"{len(unmatched)} not found among the extracted paragraphs (counted as not detected); "
          f"{inside} printed inside a longer extracted paragraph (judged by that paragraph); "
          f"{merged} share one extracted paragraph with other items, counted in 'all items' "
          f"only (the extractor keeps a 2008 UPR list and a draft resolution inside the "
          f"paragraph that introduces them)")
    for name, items, _ in splits:
        members = {id(i) for i in items}
        _report(name, [r for r in results if id(r.item) in members], per_report)
    development = [name.split()[0] for name, _, held in splits if not held]
    _report(" + ".join(development), [r for r in results if id(r.item) in tuned], per_report)
    if errors:  # never a held-out split's: they would become development data
        _print_errors([r for r in results if id(r.item) in tuned])
    return 0


def _report(name: str, results: list[Result], per_report: dict) -> None:
    print(f"\n== {name}: {len(results)} items ==")
    overall, one_to_one, clear = Tally(), Tally(), Tally()
    kinds: dict[str, Tally] = defaultdict(Tally)
    for result in results:
        overall.add(result)
        if result.merged:
            continue
        one_to_one.add(result)
        if not result.item["ambiguous"]:
            clear.add(result)
        kind = kind_of(per_report.get(result.item["symbol"], {}).get("document_type", ""))
        kinds[kind].add(result)
    print(overall.line("detection, all items"))
    print(one_to_one.line("detection, one item = one paragraph"))
    print(clear.line("  and unambiguous"))
    print("per report kind (one item = one paragraph):")
    for kind, tally in sorted(kinds.items()):
        print(tally.line(f"  {kind}"))
    both = [r for r in results if r.gold and r.predicted]
    exact = sum(addressee_ok(r) for r in both)
    first = sum(bool(r.finding.addressees) and r.finding.addressees[0] in r.item["addressee"]
                for r in both)
    print(f"addressee (on {len(both)} found recommendations): exact set "
          f"{_ratio(exact, len(both))}, first addressee right {_ratio(first, len(both))}")
    upr = [r for r in both if isinstance(r.item["by"], list)]
    state_ok = sum(state_ok_(r) for r in upr)
    print(f"recommending State (UPR items, {len(upr)}): {_ratio(state_ok, len(upr))}")
    bodies = [r for r in both if not isinstance(r.item["by"], list)]
    body_ok = sum(bool(r.finding.recommenders) and same_body(r.finding.recommenders[0],
                                                             r.item["by"]) for r in bodies)
    print(f"recommending body (other items, {len(bodies)}): {_ratio(body_ok, len(bodies))}")
    action_ok = sum(action_ok_(r) for r in both)
    print(f"action verb, first action: {_ratio(action_ok, len(both))}")
    status = [r for r in both if r.item.get("upr_status")]
    status_ok = sum(r.finding.upr_status == r.item["upr_status"] for r in status)
    print(f"UPR support status ({len(status)}): {_ratio(status_ok, len(status))}")


def addressee_ok(r: Result) -> bool:
    return set(r.finding.addressees) == set(r.item["addressee"]) or (
        r.inside and set(r.item["addressee"]) <= set(r.finding.addressees))


def state_ok_(r: Result) -> bool:
    gold, found = states_of(r.item["by"]), states_of(r.finding.recommenders)
    return gold == found or (r.inside and set(gold) <= set(found))


def action_ok_(r: Result) -> bool:
    actions = r.finding.actions
    return bool(actions) and (actions[0] == r.item["action"] or (
        r.inside and r.item["action"] in actions))


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:5.3f} ({part}/{whole})" if whole else "  n/a"


def _print_errors(results: list[Result]) -> None:
    print("\n== disagreements ==")
    for r in results:
        item, finding = r.item, r.finding
        where = f"{item['symbol']} {item['paragraph']}" + (" [amb]" if item["ambiguous"] else "")
        if r.paragraph is None:
            print(f"NOT FOUND {where}: {item['first_12_words']}")
            continue
        if r.gold != r.predicted:
            label = "MISSED" if r.gold else "FALSE"
            print(f"{label} {where}: {r.paragraph.text[:160]!r}")
            continue
        if not r.gold:
            continue
        problems = []
        if not addressee_ok(r):
            problems.append(f"addressee {finding.addressees} != {item['addressee']}")
        if isinstance(item["by"], list):
            if not state_ok_(r):
                problems.append(f"by {finding.recommenders} != {item['by']}")
        elif not (finding.recommenders and same_body(finding.recommenders[0], item["by"])):
            problems.append(f"by {finding.recommenders} != {item['by']!r}")
        if not action_ok_(r):
            problems.append(f"action {finding.actions[:4]} != {item['action']!r}")
        if problems:
            print(f"FIELDS {where}: " + "; ".join(problems))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true",
                        help="list every disagreement on the development splits")
    parser.add_argument("--held-out", action="store_true",
                        help="also print the figures of the held-out splits (run once, at "
                             "the end)")
    args = parser.parse_args()
    return run(args.errors, args.held_out)


if __name__ == "__main__":
    sys.exit(main())
