"""The language a report is written in, from its commonest short words.

The masthead's "Original: English" names the language of the original, not of
this text, so it cannot be used. Counting function words is enough to tell the
six official languages apart on a page of text.
"""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "that", "is", "for", "on", "with", "by", "as", "its",
           "are", "be", "which", "has", "have", "should", "this"},
    "fr": {"le", "la", "les", "des", "du", "et", "en", "un", "une", "que", "qui", "dans", "pour",
           "sur", "par", "est", "au", "aux", "ces", "sont"},
    "es": {"el", "la", "los", "las", "del", "y", "en", "que", "por", "para", "con", "una", "se",
           "es", "al", "su", "sus", "como", "lo", "sobre"},
}
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
_LETTER_RE = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``: en, fr, es, ru, ar or zh; 'und' when unsure."""
    sample = text[:20000]
    letters = _LETTER_RE.findall(sample[:4000])
    if not letters:
        return "und"
    # classify each distinct letter once (a few dozen) rather than all 4,000; a Counter keeps
    # first-seen order, so ties between scripts resolve as before
    scripts: Counter[str] = Counter()
    for ch, seen in Counter(letters).items():
        scripts[_script(ch)] += seen
    script, count = scripts.most_common(1)[0]
    if script != "latin" and count > 0.5 * len(letters):
        return script
    words: Counter[str] = Counter()
    for word, seen in Counter(_WORD_RE.findall(sample)).items():
        words[word.lower()] += seen
    scores = {lang: sum(words[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= 5 else "und"


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x0400 <= code <= 0x04FF:
        return "ru"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F:
        return "ar"
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return "zh"
    return "latin"
