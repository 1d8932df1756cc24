"""The query language and its guards: each hostile input gets a clear error or a sensible
reading, and returns quickly.

The time bounds are generous guards against minutes of CPU (CI machines are slow and
shared), not benchmarks: evaluate_search.py measures speed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import indexer.store.query as query_module
from indexer.errors import NotFoundError, QueryError
from search.query import (
    MAX_NESTING,
    MAX_QUERY_CHARS,
    correctable_words,
    corrected,
    prepare,
    with_alternatives,
)
from search.service import Paraindex

#: seconds; a hostile query that takes longer is a bug, whatever the machine
GUARD = 10.0


@contextmanager
def within(seconds: float = GUARD) -> Iterator[None]:
    started = time.perf_counter()
    yield
    elapsed = time.perf_counter() - started
    assert elapsed < seconds, f"took {elapsed:.1f} s"


@pytest.fixture(scope="module")
def library(sample_index: Path) -> Paraindex:
    return Paraindex(sample_index)


def citations(library: Paraindex, query: str, **options: object) -> list[str]:
    """Every hit, best first."""
    return [hit.record.citation for hit in library.search(query, limit=5000, **options).hits]


# -- prepare: no index needed --------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("x" * 100_000, f"the limit is {MAX_QUERY_CHARS:,}"),
        ("(" * 5000 + "fish" + ")" * 5000, f"the limit is {MAX_QUERY_CHARS:,}"),
        ("(" * 400 + "fish" + ")" * 400, f"more than {MAX_NESTING} deep"),
        ("(" * 100 + "fish", f"more than {MAX_NESTING} deep"),
        ("*", "wildcards alone"),
        ("* ? **", "wildcards alone"),
        ("(*)", "wildcards alone"),
        ("a*", "at least two letters"),
        ("fish *", "at least two letters"),
        ("text:?*", "at least two letters"),
        ("fish~5", "at most 2 edits"),
        ("fish~12/1", "at most 2 edits"),
        (" ".join(f"w{i}" for i in range(65)), "the limit is 64"),
    ],
)
def test_hostile_queries_are_refused_with_a_reason_and_fast(query: str, message: str) -> None:
    with within(1.0), pytest.raises(QueryError, match=message):
        prepare(query)


@pytest.mark.parametrize(
    ("query", "reading"),
    [
        ('"small-scale fishers', " small-scale fishers"),  # unbalanced quote: words
        ("(fishers OR workers", "(fishers OR workers)"),  # unclosed bracket: closed
        ("fishers) workers)", "fishers workers"),  # stray closing brackets: dropped
        ('"(not a group" fish', '"(not a group" fish'),  # brackets in a phrase: text
        ("fish\x00ers\x07", "fish ers"),  # control characters: spaces
        ("symbol:A/HRC/* fishers", "fishers"),
    ],
)
def test_broken_input_gets_a_sensible_reading(query: str, reading: str) -> None:
    assert prepare(query).text == reading


def test_symbol_fields_are_taken_out_of_the_text() -> None:
    prepared = prepare('fish symbol:a/hrc/* doc:"A / 99 / 215" document:E/C.12/99/3')
    assert prepared.text == "fish"
    assert prepared.symbol_patterns == ["a/hrc/*", "A / 99 / 215", "E/C.12/99/3"]


def test_typo_alternatives_leave_phrases_fields_and_operators_alone() -> None:
    text = 'fisheres AND NOT "fisheres union" section:fisheres fisheres* fisheres~1'
    assert correctable_words(text) == ["fisheres"]
    fix = {"fisheres": "fishers"}
    assert with_alternatives(text, fix) == (
        '(fisheres OR fishers) AND NOT "fisheres union" section:fisheres fisheres* fisheres~1'
    )
    assert corrected("fisheres in fisheres-land", fix) == "fishers in fisheres-land"
    # the correction keeps the case the word was typed in (the index folds it)
    assert corrected("Guterres Antonoi", {"Antonoi": "antonio"}) == "Guterres Antonio"
    assert corrected("UNISEF report", {"UNISEF": "unicef"}) == "UNICEF report"


# -- on the sample index -------------------------------------------------------------------
HOSTILE: list[str] = [
    '"unbalanced quote about fishers',
    "((((fishers)",
    "fishers))))",
    "fish*",
    "*ers",
    "fishers~2",
    "fishers~1/2",
    "year:[1900 TO 2100] fishers",
    "text:[a TO z]",
    "section:\"small-scale\" fishers",
    'title:"fish workers"',
    "unknownfield:value fishers",
    "AND OR NOT",
    "NOT",
    "-",
    "+",
    "~",
    "::::",
    '""',
    "fishers^1000000",
    "fishers^-5",
    "lang:xx",
    "é" * 900,
    "fishers " * 60,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_odd_queries_answer_or_explain_quickly(library: Paraindex, query: str) -> None:
    with within():
        try:
            results = library.search(query)
        except QueryError as error:
            assert str(error)  # a reason, not a traceback
            return
    assert results.total >= len(results.hits)


def test_a_huge_wildcard_expansion_is_refused(library: Paraindex,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(query_module, "MAX_EXPANSIONS", 2)
    for query in ("fi*", "*ing", "f?sh*", "text:[a TO z]", "fisher~2"):
        with within(), pytest.raises(QueryError, match="matches more than 2 words"):
            library.search(query)


def test_wildcards_match_words_as_written_not_their_stems(library: Paraindex) -> None:
    # "fishers" is indexed as the stem "fisher": a prefix typed on the written word still finds it
    assert citations(library, "fishe*")
    assert set(citations(library, "fishe*")) >= set(citations(library, "fishers"))


def test_fuzzy_terms_are_bounded_and_useful(library: Paraindex) -> None:
    with within():
        assert citations(library, "fishrs~1")


def test_phrases_match_words_in_order(library: Paraindex) -> None:
    phrase = citations(library, '"small-scale fishers"')
    words = citations(library, "small-scale fishers")
    assert phrase and set(phrase) <= set(words)
    assert len(phrase) < len(words)


@pytest.mark.parametrize("negation", ["fishers NOT women", "fishers AND NOT women",
                                      "fishers -women"])
def test_negation_removes_paragraphs_and_keeps_the_rest(library: Paraindex,
                                                         negation: str) -> None:
    everything = library.search("fishers", limit=5000).hits
    kept = library.search(negation, limit=5000).hits
    assert kept and len(kept) < len(everything)
    assert not any("women" in hit.record.text.lower() for hit in kept)
    assert {h.record.key for h in kept} <= {h.record.key for h in everything}


def test_a_hyphenated_word_is_not_a_negation(library: Paraindex) -> None:
    assert "Not" not in repr(library.store.parse("small-scale fishers"))
    assert set(citations(library, '"small-scale"')) <= set(citations(library, "small-scale"))


def test_or_and_grouping(library: Paraindex) -> None:
    either = set(citations(library, "fishers OR heat"))
    assert set(citations(library, "fishers")) <= either
    assert set(citations(library, "heat")) <= either
    both = set(citations(library, "fishers AND (heat OR temperature)"))
    assert both <= either


def test_a_field_restricts_instead_of_adding_results(library: Paraindex) -> None:
    """Whoosh's OR-default parser read ``lang:en fishers`` as "English OR fishers"."""
    assert set(citations(library, "lang:en fishers")) == set(citations(library, "fishers"))
    assert citations(library, "section:zzyzx fishers") == []  # no section so named
    recommendations = library.search("section:recommendations fishers", limit=50).hits
    assert recommendations
    assert all("ecommendation" in " ".join(h.record.section) for h in recommendations)


def test_year_and_body_fields(library: Paraindex) -> None:
    hrc = library.search("body:HRC review", limit=50).hits
    assert hrc and all("/HRC/" in h.record.symbol for h in hrc)
    assert library.search("body:XYZ review").hits == []
    years = {h.record.symbol for h in library.search("year:2099 fishers", limit=50).hits}
    assert years == {h.record.symbol for h in library.search("fishers", limit=50).hits}
    assert library.search("year:1950 fishers").hits == []


@pytest.mark.parametrize("pattern", ["A/HRC/*", "a/hrc/*", '"A / HRC / *"', "*/41",
                                     "A/HRC/98/*", "A/HRC/9?/41"])
def test_symbol_patterns(library: Paraindex, pattern: str) -> None:
    hits = library.search(f"symbol:{pattern} review", limit=50).hits
    assert hits and {h.record.symbol for h in hits} == {"A/HRC/98/41"}


def test_a_symbol_pattern_filter_reads_no_document_record(
    sample_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The documents a pattern names come from the index's document ids: reading every
    document record took a second at 1M paragraphs, on each command's first pattern."""
    library = Paraindex(sample_index)
    assert set(library.store.document_ids()) == {d.doc for d in library.documents()}
    expected = [h.record.key for h in library.search("review", symbol="A/HRC/*", limit=50).hits]
    fresh = Paraindex(sample_index)

    def unread() -> None:
        raise AssertionError("the document records were read")

    monkeypatch.setattr(fresh.store, "documents", unread)
    hits = fresh.search("review", symbol="A/HRC/*", limit=50).hits
    assert hits and [h.record.key for h in hits] == expected
    assert [h.record.key for h in fresh.search("symbol:A/HRC/* review", limit=50).hits] == expected


def test_unknown_symbol_says_did_you_mean(library: Paraindex) -> None:
    with pytest.raises(NotFoundError, match=r"did you mean A/99/215"):
        library.search("fishers", symbol="A/99/251")
    with pytest.raises(NotFoundError, match="no indexed document matches"):
        library.search("symbol:S/* fishers")


def test_a_citation_in_the_search_box_goes_to_the_paragraph(library: Paraindex) -> None:
    hits = library.search("a/99/215 para 27").hits
    assert [h.record.citation for h in hits] == ["A/99/215, para. 27"]


@pytest.mark.parametrize("typed", ["A/99/215", " a/99/215 "])
def test_a_symbol_alone_in_the_search_box_lists_that_report(library: Paraindex,
                                                           typed: str) -> None:
    found = library.search(typed, limit=1000)
    records = library.store.paragraphs(library.documents("A/99/215")[0].doc)
    assert records and [h.record.key for h in found.hits] == [r.key for r in records]
    assert found.total == len(records)


def test_a_symbol_not_in_the_index_is_searched_as_words(library: Paraindex) -> None:
    assert library.search("A/RES/70/1").hits  # the words of a resolution the reports cite


@pytest.mark.parametrize(("query", "message"), [
    ("lang:xx rights", "no document in language 'xx': the index holds en"),
    ("year:abc rights", "'year:abc': year: takes a year, such as year:2025"),
])
def test_a_field_value_that_cannot_match_is_refused_with_a_reason(
    library: Paraindex, query: str, message: str
) -> None:
    """``lang:xx`` or ``year:abc`` found nothing, silently, where ``--lang xx`` said why."""
    with pytest.raises(QueryError, match=re.escape(message)):
        library.search(query)


def test_a_misspelt_word_is_forgiven_and_corrected(library: Paraindex) -> None:
    right = library.search("fishers cooperatives")
    wrong = library.search("fishers coperatives")
    assert wrong.suggestion == "fishers cooperatives"
    assert [h.record.key for h in wrong.hits] == [h.record.key for h in right.hits]
    assert right.suggestion is None
    assert wrong.misspelt == ["coperatives"]


@pytest.mark.parametrize(("query", "suggestion"), [
    ('"unclosed fishers', None),  # an unclosed quote is a phrase: its words are not corrected
    ('coperatives "fishers tenure"', 'cooperatives "fishers tenure"'),
    ("fishers   coperatives ", "fishers   cooperatives"),  # the user's own spacing
    ("symbol:A/99/* coperatives", "symbol:A/99/* cooperatives"),
])
def test_a_suggestion_keeps_the_query_as_typed(library: Paraindex, query: str,
                                               suggestion: str | None) -> None:
    assert library.search(query).suggestion == suggestion


def test_snippets_mark_the_matched_words(library: Paraindex) -> None:
    hit = library.search("fishers").hits[0]
    assert "[[fishers]]" in hit.snippet.lower() or "[[fisher]]" in hit.snippet.lower()


def test_paging_is_consistent(library: Paraindex) -> None:
    whole = citations(library, "fishers")
    pages = [h.record.citation for offset in (0, 10, 20)
             for h in library.search("fishers", limit=10, offset=offset).hits]
    assert pages == whole[: len(pages)]


@pytest.mark.parametrize("query", ["zzqx*", "zzq?x", "zzqxw~1", "year:[1900 TO 1950]",
                                   "title:zzqx*", "lang:en zzqx*", "zzqx* -fishers",
                                   "fishers year:[1900 TO 1950]", "fishers title:zzqx*"])
def test_a_wildcard_or_range_that_matches_no_word_finds_nothing(
    library: Paraindex, query: str
) -> None:
    """Not "nothing to search for … every word is too common or too short" (a usage error),
    nor every paragraph the filters leave."""
    found = library.search(query, facets=("documents",))
    assert found.total == 0 and found.hits == [] and found.facets == {"documents": {}}
    assert library.recommendations(query).total == 0
