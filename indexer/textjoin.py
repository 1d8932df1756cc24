"""Turn the lines of one paragraph into clean running text.

Line-end hyphens are kept and the break closed ("decision-" + "making"), the
stray space pdfium leaves before a hyphen ("life -supporting") is removed, and
each sub-paragraph marker that opened a printed line ("(a) Ensure ...") opens a
line of the text too, so the structure survives for reading and addressing.
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


def join_lines(lines: list[str]) -> str:
    """Join printed lines into one text; sub-paragraphs and bullets keep their own line."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif SUBPARA_LINE_RE.match(line) or _BULLET_RE.match(line):
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
