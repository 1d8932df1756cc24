"""Word-at-a-time analysis (``indexer.wordplan``) gives what Whoosh's token pass gives,
and is used only for the analyzers where it can."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import formats
from whoosh.analysis import (
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)

from indexer import schema as f
from indexer.wordplan import word_plan

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TRAPS = (
    "a I 5 x Women's children’s States' organisations’ 2,271,000 1,5 ÉCOLE naïve the of "
    "May us US L'éducation d’une les des qu'il l d' ' ’ 3.5 A/HRC/59/15 Crises data’s "
    "and the and of the of. Mobilisations realisation co-operation"
)


def _texts() -> list[str]:
    texts = [TRAPS, TRAPS.upper(), "", "the of and", "x"]
    for path in sorted(CORPUS.glob("*.txt")):
        texts.extend(path.read_text(errors="replace").split("\n\n"))
    return texts


@pytest.mark.parametrize("name", [f.TEXT_EN, f.TEXT_FR, f.TEXT_ES, f.TITLE, f.SECTION])
def test_the_text_fields_are_analysed_a_word_at_a_time_as_whoosh_does(name: str) -> None:
    analyzer = f.make_schema()[name].analyzer
    plan = word_plan(analyzer, f._PER_WORD_FILTERS)
    assert plan is not None  # a new filter in these analyzers must be listed, or it is slow
    for text in _texts():
        assert plan.positions(text) == f._analyse_tokens(analyzer, text)


def test_positions_without_renumbering_are_the_tokenizers() -> None:
    analyzer = (RegexTokenizer(f._TOKENS) | f.ShortWordFilter() | LowercaseFilter()
                | StopFilter(minsize=1, renumber=False) | StemFilter())
    plan = word_plan(analyzer, f._PER_WORD_FILTERS)
    assert plan is not None and not plan.renumber
    for text in _texts():
        assert plan.positions(text) == f._analyse_tokens(analyzer, text)


@pytest.mark.parametrize(
    "analyzer",
    [
        RegexTokenizer(f._TOKENS) | SubstitutionFilter("a", "b") | StemFilter(),  # not listed
        RegexTokenizer(f._TOKENS) | StopFilter() | f.ShortWordFilter() | StemFilter(),  # drops
        RegexTokenizer(f._TOKENS) | StopFilter() | StopFilter() | StemFilter(),  # two renumber
        RegexTokenizer(r"(\w+)") | StemFilter(),  # a group: findall would give the group
        RegexTokenizer(r"\s+", gaps=True) | StemFilter(),
        RegexTokenizer(f._TOKENS) | LowercaseFilter(),  # no stemmer last
    ],
)
def test_other_analyzers_keep_whoosh_s_own_pass(analyzer: object) -> None:
    assert word_plan(analyzer, f._PER_WORD_FILTERS) is None


def test_analyse_falls_back_to_whoosh_s_pass_with_the_same_postings() -> None:
    analyzer = RegexTokenizer(f._TOKENS) | SubstitutionFilter("e", "") | StemFilter()
    fieldformat = formats.Positions()
    posted, _ = f.analyse(analyzer, TRAPS, fieldformat)
    assert {term for term, *_ in posted} == {
        term.encode() for term, *_ in fieldformat.word_values(TRAPS, analyzer, mode="index")
    }


@pytest.mark.parametrize("positions", [[0], [253], [254], [255], [3, 4], [], [7, 300]])
def test_one_position_is_one_byte_as_before(positions: list[int]) -> None:
    packed = f.PackedPositions()
    gaps = [b - a for a, b in zip([-1, *positions], positions, strict=False)]
    expected = bytes(gaps) if max(gaps, default=0) < 0x100 else None
    value = packed.encode(positions)
    if expected is not None:
        assert value == expected
    assert packed.decode_positions(value) == positions if positions else value == b""
