"""Search quality on the 25 real reports of ../shared/corpus (the `real_index` fixture).

Distinctive phrases find their paragraph first; singular and plural, stems, accents and
spelling variants meet; French and Spanish reports answer French and Spanish queries;
fields and filters restrict. The phrases here were picked from the reports, not from
the evaluation queries (benchmarks/evaluate_search.py measures those).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.schema import english_analyzer, language_analyzer
from search.service import Paraindex

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def library(real_index: Path) -> Paraindex:
    return Paraindex(real_index)


def first(library: Paraindex, query: str, **options: object) -> str:
    hits = library.search(query, limit=1, **options).hits
    return hits[0].record.citation if hits else ""


def keys(library: Paraindex, query: str, limit: int = 20, **options: object) -> list[str]:
    return [h.record.key for h in library.search(query, limit=limit, **options).hits]


# -- analysis (no index) -------------------------------------------------------------------
def words(text: str) -> list[str]:
    return [token.text for token in english_analyzer()(text)]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("woman", "women"),
        ("woman", "women's"),
        ("woman", "Women’s"),
        ("person", "people"),
        ("person", "persons"),
        ("child", "children"),
        ("child", "children's"),
        ("recommendation", "recommendations"),
        ("organization", "organisation"),
        ("criminalization", "criminalisation"),
        ("Côte d’Ivoire", "Cote d'Ivoire"),
        ("Šahović", "sahovic"),
        ("2,271", "2271"),
        ("States'", "state"),
    ],
)
def test_english_analysis_joins_forms(one: str, other: str) -> None:
    assert words(one) == words(other)


def test_english_analysis_keeps_numbers_months_and_the_us() -> None:
    assert words("Goal 5 in May 2025, US$ 34.47") == ["goal", "5", "may", "2025", "us", "34.47"]
    assert words("(a) (b) the of") == []


@pytest.mark.parametrize(
    ("lang", "one", "other"),
    [
        ("fr", "l'éducation", "education"),
        ("fr", "d’enfants", "enfant"),
        ("fr", "écoles", "ecole"),
        ("es", "niños", "nino"),
        ("es", "educación", "educacion"),
        ("es", "información", "informacion"),
        ("fr", "sécurité", "securite"),
    ],
)
def test_french_and_spanish_analysis(lang: str, one: str, other: str) -> None:
    analyzer = language_analyzer(lang)
    assert [t.text for t in analyzer(one)] == [t.text for t in analyzer(other)]


# -- ranking on the real reports -----------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "citation"),
    [
        ("Sámi Ownership and Data Access principles", "A/HRC/EMRIP/2025/2, para. 73"),
        ("gender equality scorecard", "A/80/74-E/2025/53, para. 153"),
        ("Values and Behaviours Framework", "A/79/772, para. 21"),
        ("dearth of inter-State communications", "A/80/10, annex III, para. 44"),
        ("Milan Sahovic minute of silence", "A/80/10, para. 436"),
        ("5,600 participants Environment Assembly", "A/79/7/Add.13, para. 28"),
        ('"Belarus took note of the national report"', "A/HRC/59/15, para. 65"),
    ],
)
def test_a_distinctive_phrase_finds_its_paragraph_first(
    library: Paraindex, query: str, citation: str
) -> None:
    assert first(library, query) == citation


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("women poverty", "woman poverty"),
        ("children detention", "child detention"),
        ("older people", "older persons"),
        ("Sami data", "Sámi data"),
        ("Cote d'Ivoire", "Côte d’Ivoire"),
        ("organisation performance", "organization performance"),
        ("5600 participants", "5,600 participants"),
    ],
)
def test_forms_of_a_word_find_the_same_paragraphs(library: Paraindex, one: str,
                                                 other: str) -> None:
    assert keys(library, one, language="en") == keys(library, other, language="en")


def test_a_possessive_is_found_by_the_plain_word(library: Paraindex) -> None:
    hits = library.search('"women’s poverty risks"', limit=5).hits
    assert hits and hits[0].record.citation == "E/CN.6/2025/3, para. 106"
    assert first(library, '"woman poverty risk"') == "E/CN.6/2025/3, para. 106"


def test_french_queries_find_the_french_report(library: Paraindex) -> None:
    hits = library.search("l'enfance", limit=5).hits
    assert hits and all(h.record.language == "fr" for h in hits)
    assert library.search("enfance").total == library.search("l'enfance").total
    french = library.search("lang:fr directeur général", limit=10).hits
    assert french and {h.record.symbol for h in french} == {"E/ICEF/672 (Première partie)"}


def test_spanish_queries_find_the_spanish_reports(library: Paraindex) -> None:
    hits = library.search("creación de capacidades ciberseguridad", limit=5).hits
    assert hits and hits[0].record.symbol == "A/AC.292/2024/3"
    assert first(library, "creacion capacidades", language="es").startswith("A/AC.292/2024/3")


# -- fields and filters --------------------------------------------------------------------
def test_section_field_and_filter(library: Paraindex) -> None:
    for hits in (library.search("section:recommendations climate", limit=30).hits,
                 library.search("climate", section="recommendations", limit=30).hits):
        assert hits
        assert all("recommendation" in " ".join(h.record.section).lower() for h in hits)


def test_language_field_and_filter(library: Paraindex) -> None:
    for hits in (library.search("lang:es seguridad", limit=30).hits,
                 library.search("seguridad", language="es", limit=30).hits):
        assert hits and all(h.record.language == "es" for h in hits)


def test_year_field(library: Paraindex) -> None:
    hits = library.search("year:1997 Haiti", limit=30).hits
    assert hits and {h.record.symbol for h in hits} == {"A/52/687"}


def test_body_field(library: Paraindex) -> None:
    hits = library.search("body:HRC intersex", limit=30).hits
    assert hits and all("HRC" in h.record.symbol.split("/") for h in hits)
    assert first(library, "body:HRC intersex surgery") == "A/HRC/59/15, para. 140.241"


def test_symbol_pattern_field(library: Paraindex) -> None:
    hits = library.search("symbol:A/HRC/* Slovenia coal", limit=30).hits
    assert hits and all(h.record.symbol.startswith("A/HRC/") for h in hits)
    assert hits[0].record.citation == "A/HRC/59/15, para. 100"
    assert first(library, "symbol:a/hrc/wg.6/* solitary confinement").startswith(
        "A/HRC/WG.6/48/SVN/2")


def test_recommendations_filter(library: Paraindex) -> None:
    hits = library.search("intersex", recommendations=True, limit=30).hits
    assert hits and all(h.record.is_recommendation for h in hits)


def test_citation_in_the_search_box(library: Paraindex) -> None:
    assert [h.record.citation for h in library.search("A/HRC/59/15 140.241").hits] == [
        "A/HRC/59/15, para. 140.241"]
    assert [h.record.citation for h in library.search("a/80/188, para. 59").hits] == [
        "A/80/188, para. 59"]


def test_a_typo_is_forgiven_and_suggested(library: Paraindex) -> None:
    results = library.search("deep-sea minning moratorum")
    assert results.suggestion == "deep-sea minning moratorium" or \
        results.suggestion == "deep-sea mining moratorium"
    assert results.hits[0].record.citation == "A/80/188, para. 59"


def test_snippets_mark_matched_words_in_context(library: Paraindex) -> None:
    hit = library.search("coal phase-out Slovenia").hits[0]
    assert "[[coal]]" in hit.snippet.lower()
    assert len(hit.snippet) <= 600


# -- the evaluation harness's scoring (no index) -------------------------------------------
def _harness():  # type: ignore[no-untyped-def]
    import importlib.util
    import sys

    from .conftest import ROOT

    if "evaluate_search" in sys.modules:
        return sys.modules["evaluate_search"]
    spec = importlib.util.spec_from_file_location(
        "evaluate_search", ROOT / "benchmarks" / "evaluate_search.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["evaluate_search"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_harness_maps_records_and_scores_as_the_eval_readme_says() -> None:
    from indexer.records import ParagraphRecord

    ev = _harness()

    def record(symbol: str, number: str | None, annex: str | None = None) -> ParagraphRecord:
        return ParagraphRecord(key="k", doc="d", kind="paragraph", symbol=symbol, number=number,
                               annex=annex, section=[], page=None, page_end=None, pdf_page=None,
                               pdf_page_end=None, language="en", title="",
                               is_recommendation=False, text="", source="", ordinal=0)

    assert ev.labels(record("A/80/74-E/2025/53", "61")) == [("A/80/74", "61"),
                                                           ("A/80/74-E/2025/53", "61"),
                                                           ("E/2025/53", "61")]
    assert ev.labels(record("A/HRC/EMRIP/2025/2", "12", annex="I")) == [
        ("A/HRC/EMRIP/2025/2", "annex:12")]
    assert ev.labels(record("A/80/10", None)) == []
    query = ev.Query("q", "text", "recommendation", {("A/HRC/59/15", "140.241")})
    ranked = [[("A/HRC/59/15", "12")], [("A/HRC/59/15", "140")], [("A/HRC/59/15", "140.241")]]
    assert ev.score_ranking(query, ranked, lenient=False) == (1 / 3, 1.0)
    assert ev.score_ranking(query, ranked, lenient=True) == (1 / 2, 1.0)
    assert ev.score_ranking(query, [[("A/HRC/59/15", "annex:140.241")]] * 10, False) == (0, 0)
