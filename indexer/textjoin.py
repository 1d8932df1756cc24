"""Turn the lines of one paragraph into clean running text.

Line-end hyphens are kept and the break closed ("decision-" + "making"), the
stray space pdfium leaves before a hyphen ("life -supporting") is removed, and
each sub-paragraph marker that opened a printed line ("(a) Ensure ...") opens a
line of the text too, so the structure survives for reading and addressing. So does
each item of a numbered list inside the paragraph ("1. To set up ... (India)",
"2. To address ..."), when the items that open printed lines count 1, 2, 3, ...
"""

from __future__ import annotations

import re

SUBPARA_LINE_RE = re.compile(r"^\(?([a-z]{1,2}|[ivxl]{1,6})\)\s")
_BULLET_RE = re.compile(r"^[•●▪■◦\-–]\s")
# " -" first: a pattern that opens with a literal is searched for quickly, one that opens
# with a lookbehind is tried at every character (same matches as "(?<=[A-Za-z]) -(?=[a-z])")
_STRAY_HYPHEN = re.compile(r" -(?<=[A-Za-z] -)(?=[a-z])")
_SPACE_BEFORE_PUNCT = re.compile(r" +(?=,(?:\s|$))")  # French spaces before ":" stay
_SPACE_RUN = re.compile(r"[ \t]{2,}")
_LIST_ITEM_RE = re.compile(r"^(\d{1,3})\.\s+\S")


def _list_items(lines: list[str]) -> set[int]:
    """Indexes of the lines that open items "1.", "2.", ... of a list in the paragraph.

    Only a run that counts up from 1 is a list: a wrapped line that happens to open
    with a number ("2015. It was ...") is not.
    """
    items: set[int] = set()
    expected = 1
    for index, line in enumerate(lines[1:], 1):
        match = _LIST_ITEM_RE.match(line.lstrip())
        if match and int(match.group(1)) == expected:
            items.add(index)
            expected += 1
    return items if len(items) >= 2 else set()


def join_lines(lines: list[str]) -> str:
    """Join printed lines into one text; sub-paragraphs and bullets keep their own line."""
    out = ""
    items = _list_items(lines) if any(line[:1].isdigit() for line in lines[1:]) else set()
    for index, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif SUBPARA_LINE_RE.match(line) or _BULLET_RE.match(line) or index in items:
            out = f"{out}\n{line}"
        elif out.endswith(" -") and line[:1].isalpha():
            out = f"{out[:-2]}-{line}"
        elif out.endswith("-") and not out.endswith("--") and line[:1].islower():
            out = f"{out}{line}"
        else:
            out = f"{out} {line}"
    return tidy(out)


def tidy(text: str) -> str:
    """Small repairs that every reader's text needs."""
    text = _STRAY_HYPHEN.sub("-", text)
    if " ," in text:  # the patterns below cannot match without these (most texts)
        text = _SPACE_BEFORE_PUNCT.sub("", text)
    text = text.replace("\u00ad", "")
    if "  " in text or "\t" in text:
        text = _SPACE_RUN.sub(" ", text)
    return text.strip()
