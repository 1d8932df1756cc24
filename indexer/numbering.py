"""Which "N." at a line start opens a paragraph: decided by the sequence, not a pattern.

Every line that starts like a paragraph ("64. The Special Rapporteur ...") is a
candidate. A candidate earns points for looking like a paragraph start (body
type, at the paragraph margin, followed by a capital) and loses points for
looking like a heading or list item. The accepted paragraphs are the strictly
increasing chain of candidates with the best total, where a step from N to
N + 1 is free and a gap costs more the more numbers it skips. So "resolution
56/232." in running text, a contents line, a footnote "64 See ...", a numbered
sub-heading "1. Key frameworks" under paragraph 6, or a list "1." ... "22."
inside paragraph 56 never break the numbering, however paragraph-like they look.
A short indented list that a sentence introduces ("Areas of work:" then "1." ...
"6.") is marked as a list, and a chain that restarts at "1." after such a list is
one more list: documents without paragraph numbers (compilations of reports by
organizations or States) then keep unnumbered blocks instead of a "paragraph 6"
that runs over twenty pages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .layout import Layout
from .model import Line

PARA_RE = re.compile(r"^(\d{1,4})\.(?=\s|$)\s*(.*)$")
ITEM_RE = re.compile(r"^(\d{1,4})\.(\d{1,3})\.?(?=\s)\s*(.*)$")

#: how far back the chain search looks for a predecessor (candidates, not lines)
_WINDOW = 120
#: the most lines from one list item to the next: list items are short
_LIST_STEP = 3
#: what being an item of a list costs a candidate (more than a plain start earns)
_LIST_COST = 3.0


@dataclass(slots=True)
class Candidate:
    line: int  # index into the line stream
    number: int
    rest: str
    score: float = 0.0
    x: float | None = None
    page: int = 0


def find_candidates(lines: list[Line], layout: Layout) -> list[Candidate]:
    """Every line that could open a numbered paragraph, with its own evidence."""
    candidates = []
    for index, line in enumerate(lines):
        match = PARA_RE.match(line.text)
        if not match:
            continue
        number = int(match.group(1))
        if number == 0:
            continue
        rest = match.group(2)
        following = lines[index + 1] if index + 1 < len(lines) else None
        candidate = Candidate(index, number, rest, x=line.x, page=line.page)
        candidate.score = _evidence(line, rest, following, layout)
        if number == 1 and index and lines[index - 1].text.rstrip().endswith(":"):
            candidate.score -= 2.0  # "... the following:" then "1." opens a list
        candidates.append(candidate)
    return candidates


def _evidence(line: Line, rest: str, following: Line | None, layout: Layout) -> float:
    score = 2.0
    if line.split:
        score -= 1.0  # cut out of a run-on line: plausible, not proven
    first = rest[:1]
    if not first:
        score -= 0.5  # the number alone on its line (the text follows below)
    elif first.isupper() or first in "“\"‘'(«¿¡[" or first.isdigit():
        score += 0.5
    elif first.islower():
        score -= 2.0
    else:
        score -= 0.5
    if layout.larger(line.size, 1.15):
        score -= 3.0  # set in heading type
    looks_like_title = (
        len(rest) < 110
        and not re.search(r"[.;:,]\W*$", rest)
        and (following is None or PARA_RE.match(following.text) is not None or following.bold)
    )
    if line.bold and looks_like_title:
        score -= 2.5  # a bold numbered sub-heading
    elif looks_like_title and len(rest) < 70:
        score -= 1.0
    return score


def _start_cost(number: int) -> float:
    """Numbering should start at 1; a page cut from a longer report may start later."""
    return 0.0 if number == 1 else min(3.0, 1.0 + 0.4 * (number - 1))


def choose_chain(candidates: list[Candidate]) -> list[Candidate]:
    """The strictly increasing chain of candidates with the best total evidence."""
    if not candidates:
        return []
    best: list[float] = []
    back: list[int] = []
    numbers = [candidate.number for candidate in candidates]
    for i, candidate in enumerate(candidates):
        number, score = candidate.number, candidate.score
        value = score - _start_cost(number)
        link = -1
        for j in range(max(0, i - _WINDOW), i):
            earlier = numbers[j]
            if earlier >= number:
                continue
            # a step that skips numbers costs more the more it skips (inline: this loop
            # runs about 450,000 times over bulk)
            gap = number - earlier - 1
            option = best[j] + score - (0.0 if gap == 0 else 1.0 + 1.5 * min(gap, 6))
            if option > value:
                value, link = option, j
        best.append(value)
        back.append(link)
    end = max(range(len(candidates)), key=best.__getitem__)
    if best[end] <= 0:
        return []
    chain = []
    while end >= 0:
        chain.append(candidates[end])
        end = back[end]
    return chain[::-1]


def paragraph_margins(chain: list[Candidate]) -> dict[int, float]:
    """Modal x of accepted paragraph numbers, per page parity (mirrored layouts)."""
    margins: dict[int, float] = {}
    for parity in (0, 1):
        xs = Counter(round(c.x) for c in chain if c.x is not None and c.page % 2 == parity)
        if xs:
            margins[parity] = float(xs.most_common(1)[0][0])
    return margins


def rescore_by_margin(candidates: list[Candidate], margins: dict[int, float]) -> None:
    """Reward candidates at the paragraph margin and penalise indented ones (list items)."""
    for candidate in candidates:
        margin = margins.get(candidate.page % 2, margins.get(1 - candidate.page % 2))
        if margin is None or candidate.x is None:
            continue
        if abs(candidate.x - margin) <= 6:
            candidate.score += 1.0
        else:
            candidate.score -= 1.5


def find_lists(
    candidates: list[Candidate], lines: list[Line], layout: Layout
) -> list[list[Candidate]]:
    """Runs "1.", "2.", ... that a sentence introduces ("Areas of work:"), indented from the
    text margin, whose items are short and aligned: a list inside the text, not the
    paragraph numbering (an agenda "as set out below:" at the margin stays numbered)."""
    runs = []
    for start, first in enumerate(candidates):
        if first.number != 1 or not first.line:
            continue
        if layout.at_margin(first.x, tolerance=6.0) or (
            layout.margin is not None and first.x is not None and first.x < layout.margin
        ):
            continue
        if not lines[first.line - 1].text.rstrip().endswith(":"):
            continue
        run = [first]
        for candidate in candidates[start + 1 :]:
            last = run[-1]
            aligned = first.x is None or candidate.x is None or abs(candidate.x - first.x) <= 2
            if candidate.line - last.line > _LIST_STEP or candidate.number != last.number + 1:
                break  # the list ends where its items stop following each other
            if not aligned:
                break
            run.append(candidate)
        if len(run) >= 2:
            runs.append(run)
    return runs


def _restarts_after_list(chain: list[Candidate], lists: list[list[Candidate]]) -> bool:
    """Does the chain restart at 1 after a list and stop about where lists stop (at most
    twice as far)? Then it is one more list of a document without paragraph numbers;
    paragraphs after a list in a summary run on far longer."""
    if not chain or chain[0].number != 1:
        return False
    before = [len(run) for run in lists if run[0].line < chain[0].line]
    return bool(before) and chain[-1].number <= 2 * max(before)


def number_paragraphs(lines: list[Line], layout: Layout) -> list[Candidate]:
    """Accepted paragraph starts in ``lines`` (one part of a document), in order."""
    candidates = find_candidates(lines, layout)
    lists = find_lists(candidates, lines, layout)
    for run in lists:
        for candidate in run:
            candidate.score -= _LIST_COST
    chain = choose_chain(candidates)
    if layout.has_geometry and len(chain) >= 3:
        rescore_by_margin(candidates, paragraph_margins(chain))
        chain = choose_chain(candidates)
    if _restarts_after_list(chain, lists):
        return []
    return fill_ocr_gaps(lines, chain)


#: a paragraph number as OCR may misread it: "U." (4), "2k." (24), "1+6." (46), "17^" (17)
_GARBLED_RE = re.compile(r"^([0-9lIUOoSbkB+*^]{1,4})[.^,]\s+(?=[A-ZÀ-Ý«“\"'(])(.*)$")
_CONFUSABLE = set("lIUObkB+*^")


def _garbled(line: Line, previous: Line | None) -> Candidate | None:
    match = _GARBLED_RE.match(line.text)
    if not match:
        return None
    token = match.group(1)
    if not any(ch.isdigit() for ch in token) and not set(token) <= _CONFUSABLE:
        return None
    if previous is not None and not re.search(r"[.:;!?)\]”’\"]\W{0,3}$|^.{0,60}$", previous.text):
        return None  # mid-sentence: "... adopted in\n1980, the Board"
    return Candidate(0, 0, match.group(2), x=line.x, page=line.page)


def _close(token: str, number: int, ocr_seen: bool) -> bool:
    """Could OCR have printed ``number`` as ``token``?

    A token mixing digits and other marks ("1+6", "2k") is garbled; a clean one
    with a single wrong digit ("15" for 45) counts only in a document whose
    numbering was already seen garbled.
    """
    digits = str(number)
    has_digit = any(ch.isdigit() for ch in token)
    if not token.isdigit():
        return has_digit or ocr_seen
    wrong = sum(a != b for a, b in zip(token, digits, strict=False))
    return ocr_seen and len(token) == len(digits) >= 2 and wrong == 1


def fill_ocr_gaps(lines: list[Line], chain: list[Candidate]) -> list[Candidate]:
    """Fill holes in the numbering with paragraph starts whose number OCR garbled.

    Between accepted paragraphs N and N + k + 1, exactly k garbled starts are
    taken as N + 1 ... N + k; after the last one, garbled starts continue the
    count. Clean text layers have no such holes, so they are left as they are.
    """
    if not chain:
        return chain
    accepted = {c.line for c in chain}
    filled: list[Candidate] = []
    ocr_seen = False
    bounds = [*chain, None]
    for left, right in zip(bounds, bounds[1:], strict=False):
        if left is None:
            continue
        filled.append(left)
        stop = right.line if right is not None else len(lines)
        missing = right.number - left.number - 1 if right is not None else None
        if missing == 0:
            continue
        found = []
        for index in range(left.line + 1, stop):
            if index in accepted:
                continue
            candidate = _garbled(lines[index], lines[index - 1])
            if candidate is not None:
                candidate.line = index
                found.append(candidate)
        if missing is None:
            run = []
            for offset, candidate in enumerate(found, 1):
                token = _GARBLED_RE.match(lines[candidate.line].text).group(1)  # type: ignore[union-attr]
                if not _close(token.rstrip("^"), left.number + offset, ocr_seen):
                    break
                run.append(candidate)
            found = run
        elif len(found) != missing:
            continue
        else:
            ocr_seen = True
        for offset, candidate in enumerate(found, 1):
            candidate.number = left.number + offset
            filled.append(candidate)
    return filled
