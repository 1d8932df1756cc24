"""Realistic synthetic UN reports for scale benchmarks: Zipf words, UN-like metadata.

    from synthetic import documents
    for document in documents(paragraphs=100_000, seed=1): ...

Words follow a Zipf law (exponent 1.07, like English text): function words at
the top ranks (most are stop words), then a few hundred words of UN reports,
then made-up words from syllables to 40,000 types, so the vocabulary keeps
growing with the corpus as a real one does. Paragraphs are 40 to 220 words
(log-normal, median ~95), in sentences with numbers, years and symbols.
Documents carry UN symbols of several bodies, a title, a date, numbered
sections ending with recommendations (addressees, actions), 4 paragraphs to a
page. Documents are made one at a time: memory does not grow with the corpus.
Everything is English (one analyzer), so figures are for the commonest case.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterator

from indexer.model import ExtractedDocument, Paragraph, QualityReport, Section

FUNCTION_WORDS = (
    "the of and to in a that for on by with is as be are this its from at which their "
    "or an have has been it not all was were also other such these would should will "
    "including into more any between under those they there well within through where "
    "while than can may each both only further must who whose most"
).split()
UN_WORDS = (
    "rights human states state party committee council general assembly report special "
    "rapporteur united nations member development sustainable women children persons "
    "disabilities migrants refugees security peace conflict civilians protection violence "
    "gender equality education health water sanitation climate change environment "
    "indigenous peoples discrimination racial minorities freedom expression assembly "
    "association religion belief torture detention justice rule law accountability "
    "impunity transitional reparations victims survivors trafficking labour workers "
    "domestic poverty social economic cultural food housing land displacement "
    "humanitarian assistance access aid financing debt trade investment technology "
    "digital data privacy artificial intelligence cooperation international national "
    "regional local government authorities institutions civil society organizations "
    "mechanisms measures policies legislation implementation recommendations "
    "recommendation urges calls upon encourages requests ensure adopt establish "
    "strengthen ratify convention covenant protocol treaty obligations resolution "
    "session agenda item secretariat secretary programme fund office mandate review "
    "periodic universal outcome commission experts working group observations concluding "
    "information provided delegation welcomes notes concern regrets deeply alarmed "
    "adequate effective appropriate necessary relevant full meaningful participation "
    "inclusive comprehensive targeted urgent steps efforts resources capacity building "
    "monitoring evaluation indicators statistics progress challenges gaps barriers "
    "risks impacts crisis emergency pandemic recovery resilience disaster reduction "
    "oceans seas biodiversity forests energy transition infrastructure cities urban "
    "rural communities families youth older girls boys adolescents maternal mortality "
    "vaccination nutrition hunger famine drought floods heat migration border "
    "asylum return nationality statelessness citizenship registration identity "
    "elections democracy governance corruption transparency budget expenditure "
    "taxation revenue procurement audit oversight inspection evaluation prisons police "
    "military forces armed groups weapons mines explosive nuclear disarmament sanctions "
    "ceasefire mediation negotiation agreement settlement peacekeeping mission "
    "operations personnel staff deployment troops contributing countries"
).split()
ADDRESSEES = ["states", "state party", "general assembly", "human rights council",
              "united nations system", "secretary-general", "civil society"]
ACTIONS = ["ensure", "adopt", "establish", "strengthen", "ratify", "review", "allocate"]
BODIES = [
    ("A", lambda r: f"A/{r.randint(74, 80)}/{r.randint(1, 999)}"),
    ("A/HRC", lambda r: f"A/HRC/{r.randint(52, 60)}/{r.randint(1, 80)}"),
    ("E/CN.6", lambda r: f"E/CN.6/{r.randint(2019, 2025)}/{r.randint(1, 20)}"),
    ("S", lambda r: f"S/{r.randint(2019, 2025)}/{r.randint(1, 900)}"),
    ("CCPR", lambda r: f"CCPR/C/{r.choice('ABCDEFGHKLMNPRST')}{r.choice('ABCDEFGHIJ')}"
                       f"{r.choice('AEKLMORSY')}/CO/{r.randint(1, 6)}"),
    ("E/C.12", lambda r: f"E/C.12/{r.randint(60, 80)}/{r.randint(1, 30)}"),
]
SECTIONS = ["Introduction", "Background", "Legal and institutional framework",
            "Activities of the Special Rapporteur", "Main concerns",
            "Conclusions and recommendations"]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


class Vocabulary:
    """Word types ranked by frequency, drawn with Zipf probabilities."""

    def __init__(self, size: int = 40_000, exponent: float = 1.07, seed: int = 7) -> None:
        rng = random.Random(seed)
        syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["tion", "ment",
                                                                            "ance", "ity"]
        words = list(dict.fromkeys(FUNCTION_WORDS + UN_WORDS))
        seen = set(words)
        while len(words) < size:
            word = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 2, 3, 3, 4))))
            if word not in seen:
                seen.add(word)
                words.append(word)
        self.words = words
        weights = [1 / math.pow(rank, exponent) for rank in range(1, size + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def rank(self, low: int, high: int, rng: random.Random) -> str:
        """A word between two frequency ranks (for queries)."""
        return self.words[rng.randrange(low, min(high, len(self.words)))]


def paragraph_text(rng: random.Random, vocabulary: Vocabulary) -> str:
    length = max(40, min(220, int(rng.lognormvariate(math.log(95), 0.45))))
    words = vocabulary.draw(rng, length)
    sentences = []
    at = 0
    while at < len(words):
        size = rng.randint(12, 30)
        sentence = words[at : at + size]
        at += size
        if rng.random() < 0.15:
            sentence.insert(rng.randrange(len(sentence) + 1), str(rng.randint(2, 2025)))
        if rng.random() < 0.05:
            sentence.insert(rng.randrange(len(sentence) + 1),
                            f"(see A/{rng.randint(70, 80)}/{rng.randint(1, 900)})")
        sentence[0] = sentence[0].capitalize()
        sentences.append(" ".join(sentence) + ".")
    return " ".join(sentences)


def document(rng: random.Random, vocabulary: Vocabulary, symbol: str,
             paragraphs: int) -> ExtractedDocument:
    """One report with ``paragraphs`` numbered paragraphs in sections."""
    title_words = " ".join(vocabulary.draw(rng, rng.randint(4, 9)))
    title = f"Report of the Special Rapporteur on {title_words}"
    per_section = max(1, paragraphs // len(SECTIONS))
    records: list[Paragraph] = [
        Paragraph(None, None, [], "Report of the Special Rapporteur", 1, 1, "1", "1", ordinal=0)
    ]
    sections: list[Section] = []
    for n in range(1, paragraphs + 1):
        index = min((n - 1) // per_section, len(SECTIONS) - 1)
        heading = f"{ROMAN[index]}. {SECTIONS[index]}"
        page = 2 + n // 4
        paragraph = Paragraph(str(n), None, [heading], paragraph_text(rng, vocabulary), page,
                              page, str(page), str(page), ordinal=n)
        if index == len(SECTIONS) - 1 and rng.random() < 0.7:
            paragraph.is_recommendation = True
            paragraph.addressees = [rng.choice(ADDRESSEES)]
            paragraph.actions = [rng.choice(ACTIONS)]
        records.append(paragraph)
        if not sections or sections[-1].path != [heading]:
            sections.append(Section([heading], None, str(n), str(n), page))
        sections[-1].last = str(n)
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2019, 2025)}"
    quality = QualityReport(paragraphs=paragraphs, blocks=1, first="1", last=str(paragraphs))
    return ExtractedDocument(
        path=f"/synthetic/{symbol.replace('/', '_')}.pdf", kind="pdf", symbol=symbol,
        title=title, language="en", date=date, pages=2 + paragraphs // 4, paragraphs=records,
        sections=sections, quality=quality,
    )


def documents(paragraphs: int, seed: int = 1,
              vocabulary: Vocabulary | None = None) -> Iterator[ExtractedDocument]:
    """Reports of 20 to 400 paragraphs (median ~60) until ``paragraphs`` numbered ones."""
    rng = random.Random(seed)
    vocabulary = vocabulary or Vocabulary()
    symbols: set[str] = set()
    made = 0
    while made < paragraphs:
        size = min(paragraphs - made, max(20, min(400, int(rng.lognormvariate(math.log(60),
                                                                              0.7)))))
        while True:
            _, make = rng.choice(BODIES)
            symbol = make(rng)
            if symbol not in symbols:
                symbols.add(symbol)
                break
        made += size
        yield document(rng, vocabulary, symbol, size)


def sample_phrase(rng: random.Random, text: str, words: int = 2) -> str | None:
    """Consecutive content words of a paragraph: a phrase query with at least one match."""
    tokens = [t.strip(".,()").lower() for t in text.split()]
    stop = set(FUNCTION_WORDS)
    starts = [i for i in range(len(tokens) - words + 1)
              if all(t.isalpha() and t not in stop for t in tokens[i : i + words])]
    if not starts:
        return None
    start = rng.choice(starts)
    return " ".join(tokens[start : start + words])


__all__ = ["Vocabulary", "document", "documents", "paragraph_text", "sample_phrase"]
