"""The `paraindex` command through click's CliRunner: every command, format and exit code."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from search.cli import cli

from .conftest import CORPUS, SHARED, shared_path


def run(index: Path, *args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--index", str(index), *args], input=input,
                              catch_exceptions=False)


def one_line_error(result: Result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    return lines[-1]


# -- index ---------------------------------------------------------------------------------
def test_index_reports_a_summary_and_skips_unchanged_files(tmp_path: Path) -> None:
    index = tmp_path / "ix"
    first = run(index, "index", "--quiet", str(CORPUS))
    assert first.exit_code == 0, first.output
    assert "Indexed 4 document(s)" in first.output
    assert "0 failed" in first.output
    again = run(index, "index", "--quiet", str(CORPUS))
    assert again.exit_code == 0
    assert "Indexed 0 document(s)" in again.output and "skipped 4 unchanged" in again.output


def test_index_names_each_bad_file_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "junk.pdf").write_bytes(b"this is not a pdf at all")
    (bad / "empty.txt").write_text("")
    good = bad / "A_99_330-EN.txt"
    good.write_bytes((CORPUS / "A_99_330-EN.txt").read_bytes())
    result = run(tmp_path / "ix", "index", "--quiet", str(bad))
    assert result.exit_code == 1
    assert "Indexed 1 document(s)" in result.output
    assert f"failed: {bad / 'junk.pdf'}: corrupt" in result.output
    assert f"failed: {bad / 'empty.txt'}: empty file" in result.output
    assert "Traceback" not in result.output


def test_reindexing_a_changed_file_replaces_its_paragraphs(tmp_path: Path) -> None:
    source = tmp_path / "A_99_1-EN.txt"
    source.write_text("A/99/1\n1. The first version of the paragraph.\n2. Second.\n")
    index = tmp_path / "ix"
    assert run(index, "index", "-q", str(source)).exit_code == 0
    source.write_text("A/99/1\n1. The revised paragraph.\n")
    assert run(index, "index", "-q", str(source)).exit_code == 0
    exported = run(index, "export", "--symbol", "A/99/1")
    rows = [json.loads(line) for line in exported.output.splitlines()]
    assert [r["text"] for r in rows] == ["The revised paragraph."]


# -- search --------------------------------------------------------------------------------
def test_search_text_output_has_citation_page_section_and_snippet(sample_index: Path) -> None:
    result = run(sample_index, "search", "small-scale fishers tenure", "--limit", "3")
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first.startswith("1. A/99/215, para. ")
    assert "p. " in result.output.splitlines()[1]
    assert "**" in result.output  # highlighted terms


def test_search_json_has_the_documented_fields(sample_index: Path) -> None:
    result = run(sample_index, "search", "heat early warning", "--format", "json")
    payload = json.loads(result.output)
    hit = payload["hits"][0]
    for field in ("symbol", "paragraph", "annex", "section", "page", "page_end", "pdf_page",
                  "language", "title", "is_recommendation", "text", "source", "citation",
                  "score", "snippet"):
        assert field in hit, field
    assert isinstance(hit["paragraph"], str)
    assert isinstance(hit["section"], list)
    assert hit["citation"] == f"{hit['symbol']}, para. {hit['paragraph']}"


def test_search_jsonl_and_csv(sample_index: Path) -> None:
    jsonl = run(sample_index, "search", "Committee urges", "--format", "jsonl", "-n", "4")
    rows = [json.loads(line) for line in jsonl.output.splitlines()]
    assert len(rows) == 4
    as_csv = run(sample_index, "search", "Committee urges", "--format", "csv", "-n", "4")
    table = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert [r["citation"] for r in table] == [r["citation"] for r in rows]


def test_search_filters(sample_index: Path) -> None:
    only = run(sample_index, "search", "States", "--symbol", "A/99/*", "--format", "json",
               "-n", "50")
    symbols = {h["symbol"] for h in json.loads(only.output)["hits"]}
    assert symbols and symbols <= {"A/99/215", "A/99/330"}
    recs = run(sample_index, "search", "States", "--recommendations", "--format", "json")
    assert all(h["is_recommendation"] for h in json.loads(recs.output)["hits"])
    section = run(sample_index, "search", "States", "--section", "conclusions", "--format", "json")
    assert all(any("onclusion" in s for s in h["section"])
               for h in json.loads(section.output)["hits"])


def test_search_with_no_result_exits_1(sample_index: Path) -> None:
    result = run(sample_index, "search", "zyzzyvaquux")
    assert result.exit_code == 1
    assert one_line_error(result) == "Error: no paragraph matches the query"


def test_search_rejects_a_broken_query_as_usage_error(sample_index: Path) -> None:
    result = run(sample_index, "search", "x" * 5000)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output  # one line, not click's usage text
    assert "limit" in one_line_error(result)
    assert one_line_error(result).startswith("Error: 'xxxxx")
    wildcard = run(sample_index, "search", "x*")
    assert (wildcard.exit_code, wildcard.output) == (
        2, "Error: 'x*': a wildcard needs at least two letters with it\n")


def test_a_citation_in_the_search_box_goes_to_the_paragraph(sample_index: Path) -> None:
    result = run(sample_index, "search", "A/99/215 para 42", "--format", "json")
    hits = json.loads(result.output)["hits"]
    assert [h["citation"] for h in hits] == ["A/99/215, para. 42"]


# -- get -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "citation",
    ["A/99/215 42", "A/99/215, para. 42", "a/99/215 para 42", "A/99/215 ¶ 42",
     "A/99/215 paragraph 42."],
)
def test_get_accepts_what_people_write(sample_index: Path, citation: str) -> None:
    result = run(sample_index, "get", citation, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["citation"] == "A/99/215, para. 42"


def test_get_a_range_a_subparagraph_an_annex_and_an_item(sample_index: Path) -> None:
    rows = json.loads(run(sample_index, "get", "A/99/215 paras. 42-44", "--format",
                          "json").output)
    assert [r["paragraph"] for r in rows] == ["42", "43", "44"]
    sub = json.loads(run(sample_index, "get", "A/99/215 27 (b) (ii)", "--format", "json").output)
    assert sub["subparagraph"] == "(b) (ii)"
    assert sub["subparagraph_text"].startswith("(ii)")
    annex = json.loads(run(sample_index, "get", "A/99/215 annex para 2", "--format",
                           "json").output)
    assert annex["annex"] == "I" and annex["paragraph"] == "2"
    item = json.loads(run(sample_index, "get", "A/HRC/98/41 38.12", "--format", "json").output)
    assert item["paragraph"] == "38.12"
    assert item["citation"] == "A/HRC/98/41, para. 38.12"


def test_get_text_shows_citation_metadata_and_full_text(sample_index: Path) -> None:
    result = run(sample_index, "get", "A/99/330 25")
    lines = result.output.splitlines()
    assert lines[0] == "A/99/330, para. 25"
    assert "Conclusions and recommendations" in lines[1]


def test_get_unknown_symbol_suggests_a_close_one(sample_index: Path) -> None:
    result = run(sample_index, "get", "A/99/216 3")
    assert result.exit_code == 1
    assert one_line_error(result) == (
        "Error: no document A/99/216 in the index; did you mean A/99/215?")


def test_get_unknown_paragraph_says_what_exists(sample_index: Path) -> None:
    result = run(sample_index, "get", "A/99/215 400")
    assert result.exit_code == 1
    assert "A/99/215 has no paragraph 400 (paragraphs 1–50" in one_line_error(result)


@pytest.mark.parametrize("citation", ["A/99/215", "not a symbol 3", "A/99/215 para x"])
def test_get_malformed_citation_is_a_usage_error(sample_index: Path, citation: str) -> None:
    result = run(sample_index, "get", citation)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output  # one line, not click's usage text
    assert one_line_error(result).startswith(f"Error: '{citation}'")


def test_wrong_options_keep_clicks_usage_text(sample_index: Path) -> None:
    result = run(sample_index, "get", "A/99/215 3", "--nonsense")
    assert result.exit_code == 2
    assert result.output.startswith("Usage: ") and "Try 'cli get --help'" in result.output


# -- docs and export -----------------------------------------------------------------------
def test_docs_lists_documents_with_quality(sample_index: Path) -> None:
    result = run(sample_index, "docs")
    assert result.exit_code == 0
    assert "A/HRC/98/41 (en)" in result.output
    assert "4 document(s)" in result.output
    data = json.loads(run(sample_index, "docs", "--format", "json").output)
    assert {d["symbol"] for d in data} == {"A/99/215", "A/HRC/98/41", "E/C.12/99/3", "A/99/330"}
    assert all("summary" in d["quality"] for d in data)


def test_export_jsonl_csv_and_symbol_filter(sample_index: Path, tmp_path: Path) -> None:
    every = run(sample_index, "export")
    rows = [json.loads(line) for line in every.output.splitlines()]
    assert {r["symbol"] for r in rows} == {"A/99/215", "A/HRC/98/41", "E/C.12/99/3", "A/99/330"}
    target = tmp_path / "out.csv"
    result = run(sample_index, "export", "--symbol", "A/HRC/*", "--format", "csv", "-o",
                 str(target))
    assert result.exit_code == 0
    table = list(csv.DictReader(target.open(encoding="utf-8")))
    assert table and {r["symbol"] for r in table} == {"A/HRC/98/41"}


def test_commands_on_a_missing_index_fail_cleanly(tmp_path: Path) -> None:
    result = run(tmp_path / "nothing-here", "search", "water")
    assert result.exit_code == 1
    assert "no paraindex index at" in one_line_error(result)


def test_index_of_another_format_version_is_refused(tmp_path: Path) -> None:
    index = tmp_path / "ix"
    run(index, "index", "-q", str(CORPUS / "A_99_330-EN.txt"))
    meta = index / "paraindex.json"
    meta.write_text(json.dumps({"format": 0}))
    result = run(index, "search", "heat")
    assert result.exit_code == 1
    assert "rebuild it" in one_line_error(result)


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert command.help and len(command.help) > 40, name


def test_index_location_from_the_environment(tmp_path: Path) -> None:
    index = tmp_path / "env-ix"
    result = CliRunner(env={"PARAINDEX_INDEX": str(index)}).invoke(
        cli, ["index", "-q", str(CORPUS / "A_99_330-EN.txt")])
    assert result.exit_code == 0
    assert (index / "paraindex.json").exists()


# -- the real reports ----------------------------------------------------------------------
def _truth_samples() -> list[tuple[str, str, str]]:
    samples = []
    for path in (SHARED / "eval" / "truth-dev.json",
                 Path(__file__).parent / "golden" / "truth-extra.json"):
        if not path.exists():
            continue
        for doc in json.loads(path.read_text())["documents"]:
            if doc.get("language", "en") != "en":
                continue
            for sample in doc["samples"][:3]:
                samples.append((doc["symbol"], str(sample["paragraph"]),
                                " ".join(sample["first_12_words"].split()[:6])))
    return samples or [("?", "?", "?")]


TRUTH = _truth_samples()


@pytest.mark.parametrize(("symbol", "number", "words"), TRUTH,
                         ids=[f"{s} {n}" for s, n, _ in TRUTH])
def test_get_returns_the_paragraph_a_reader_sees(real_index: Path, symbol: str, number: str,
                                                 words: str) -> None:
    result = run(real_index, "get", f"{symbol}, para. {number}", "--format", "json")
    assert result.exit_code == 0, result.output
    text = " ".join(json.loads(result.output)["text"].split())
    assert text.startswith(words)


def test_there_are_enough_hand_checked_citations() -> None:
    shared_path("eval", "truth-dev.json")
    assert len(TRUTH) >= 20
    assert len({symbol for symbol, _, _ in TRUTH}) >= 8


@pytest.mark.parametrize(
    ("phrase", "citation"),
    [
        ("moratorium on deep-sea mining", "A/80/188, para. 59"),
        ("Slovenia had fully or partially implemented 180 of the 182 recommendations",
         "A/HRC/59/15, para. 5"),
        ("Te Hiku Media", "A/HRC/EMRIP/2025/2, para. 101"),
        ("Yamal-Nenets Autonomous Okrug", "A/HRC/EMRIP/2025/2, para. 102"),
        ("Ratify the 1961 Convention on the Reduction of Statelessness and join the Global "
         "Alliance", "A/HRC/59/15, para. 140.12"),
    ],
)
def test_distinctive_phrases_find_their_paragraph_first(real_index: Path, phrase: str,
                                                         citation: str) -> None:
    result = run(real_index, "search", phrase, "--format", "json", "-n", "3")
    assert json.loads(result.output)["hits"][0]["citation"] == citation


def test_upr_items_are_filtered_by_support_status_and_state(real_index: Path) -> None:
    result = run(real_index, "recommendations", "--status", "pending", "--by", "Nigeria",
                 "--format", "json", "-n", "50")
    hits = json.loads(result.output)["hits"]
    assert hits
    for hit in hits:
        assert hit["symbol"] in {"A/HRC/59/15", "A/HRC/26/10"}  # the two 'will examine' reviews
        assert hit["upr_status"] == "pending" and hit["kind"] == "item"
        assert "Nigeria" in hit["recommended_by"]
    noted = run(real_index, "recommendations", "--status", "noted")
    assert noted.exit_code == 1  # no report in ../shared/corpus says which were noted


def test_two_empty_files_both_fail_as_empty_not_as_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("")
    (folder / "b.txt").write_text("  \n")
    result = run(tmp_path / "ix", "index", "--quiet", str(folder))
    assert result.exit_code == 1
    assert f"failed: {folder / 'a.txt'}: empty file" in result.output
    assert f"failed: {folder / 'b.txt'}: empty file" in result.output
    assert "duplicate" not in result.output.replace("0 duplicate(s)", "")


@pytest.mark.parametrize("content", [{}, {"notes.md": "# notes"}])
def test_a_folder_without_reports_says_so_and_exits_1(tmp_path: Path,
                                                      content: dict[str, str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in content.items():
        (folder / name).write_text(text)
    result = run(tmp_path / "ix", "index", "--quiet", str(folder))
    assert result.exit_code == 1
    assert one_line_error(result) == (f"no reports found under {folder} (PDF, DOCX, HTML or "
                                      "text files)")
    pruning = run(tmp_path / "ix", "index", "--quiet", "--prune", str(folder))
    assert pruning.exit_code == 0, pruning.output


# -- citations as people write them, and as paraindex prints them (real reports) ------------
#: reports of ../shared/bulk/ the citation tests need beside the real corpus (the last two: a
#: letter's annex and the enclosure after it, both printed without a number, cited "annex")
BULK_FOR_CITATIONS = ("S_2025_147.en.pdf", "S_RES_2777 (2025).en.pdf", "A_80_15 (Part II).en.pdf",
                      "S_2025_258.en.pdf", "S_2025_427.en.pdf")


@pytest.fixture(scope="module")
def citation_index(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path) -> Path:
    from indexer.batch import index_paths

    bulk = shared_path("bulk")
    files = [shared_corpus / name for name in ("A_80_188-EN.pdf", "JIU_REP_2025_2-EN.pdf",
                                               "E_ICEF_672_Part_I-FR.pdf")]
    files += [bulk / name for name in BULK_FOR_CITATIONS]
    directory = tmp_path_factory.mktemp("citations") / "index"
    summary = index_paths(directory, files)
    assert not summary.failed, summary.failed
    return directory


@pytest.mark.parametrize(("citation", "expected"), [
    ("A/80/188, paras 70 and 71", ["A/80/188, para. 70", "A/80/188, para. 71"]),
    ("A/80/188 paras. 70-72, 75", [f"A/80/188, para. {n}" for n in (70, 71, 72, 75)]),
    ("A/80/188 para 70 a", ["A/80/188, para. 70 (a)"]),
    ("A/80/188 70.a", ["A/80/188, para. 70 (a)"]),
    ("A/80/188 70 (a)", ["A/80/188, para. 70 (a)"]),
    ("JIU/REP/2025/2, Recommendation 1", ["JIU/REP/2025/2, Recommendation 1"]),
])
def test_get_reads_the_citations_people_write(citation_index: Path, citation: str,
                                              expected: list[str]) -> None:
    result = run(citation_index, "get", citation, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["citation"] for line in result.output.splitlines()] == expected


def test_get_takes_several_citations_as_arguments(citation_index: Path) -> None:
    result = run(citation_index, "get", "A/80/188 72", "A/80/188 73", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["citation"] for line in result.output.splitlines()] == [
        "A/80/188, para. 72", "A/80/188, para. 73"]
    split = run(citation_index, "get", "A/80/188", "paras.", "72-73", "--format", "jsonl")
    assert len(split.output.splitlines()) == 2
    bad = run(citation_index, "get", "A/80/188 zz")
    assert (bad.exit_code, bad.output) == (2, "Error: 'A/80/188 zz': cannot read 'zz' (e.g. "
                                              "'A/80/188 69' or 'A/80/188, para. 69')\n")


def test_get_shows_the_citations_found_and_names_each_one_missing(citation_index: Path) -> None:
    result = run(citation_index, "get", "A/80/188 72", "A/80/188 9999", "A/80/188 zz",
                 "--format", "jsonl")
    assert result.exit_code == 2  # a citation it cannot read is a usage error
    assert [json.loads(line)["citation"] for line in result.stdout.splitlines()] == [
        "A/80/188, para. 72"]
    assert result.stderr.splitlines() == [
        "Error: A/80/188 has no paragraph 9999 (paragraphs 1–81)",
        "Error: 'A/80/188 zz': cannot read 'zz' (e.g. 'A/80/188 69' or 'A/80/188, para. 69')"]
    missing = run(citation_index, "get", "A/80/188 9999", "A/80/188 73")
    assert missing.exit_code == 1 and missing.stdout.startswith("A/80/188, para. 73\n")
    # none found: each one is still named
    none = run(citation_index, "get", "A/80/188 9999", "A/80/188 zz")
    assert none.exit_code == 2 and none.stdout == ""
    assert none.stderr.splitlines() == result.stderr.splitlines()
    # the JSON of several citations is a list, however many are found
    shape = run(citation_index, "get", "A/80/188 72", "A/80/188 9999", "--format", "json")
    assert [row["citation"] for row in json.loads(shape.stdout)] == ["A/80/188, para. 72"]


def test_get_accepts_every_citation_that_search_prints(citation_index: Path) -> None:
    """Blocks of documents without numbered paragraphs are cited by page, JIU boxes by label:
    `get` takes each back, the blocks of a page in reading order."""
    exported = [json.loads(line) for line in run(citation_index, "export").output.splitlines()]
    printed = list(dict.fromkeys(row["citation"] for row in exported))
    assert "S/2025/147, p. 1" in printed and "JIU/REP/2025/2, Recommendation 1" in printed
    assert "S/2025/258, annex, para. 1" in printed and "S/2025/427, annex, p. 3" in printed
    for citation in printed:
        result = run(citation_index, "get", citation, "--format", "jsonl")
        assert result.exit_code == 0, (citation, result.output)
        rows = [json.loads(line) for line in result.output.splitlines()]
        assert {row["citation"] for row in rows} == {citation}
    page = [r["text"] for r in exported if r["citation"] == "S/2025/147, p. 1"]
    got = run(citation_index, "get", "S/2025/147, p. 1", "--format", "jsonl").output
    assert [json.loads(line)["text"] for line in got.splitlines()] == page


def test_api_paragraph_takes_a_jiu_box(citation_index: Path) -> None:
    import warnings

    pytest.importorskip("fastapi")
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2")  # starlette 1.x prefers httpx2
        from fastapi.testclient import TestClient

    from search.web import create_app

    client = TestClient(create_app(citation_index), base_url="http://localhost")
    answer = client.get("/api/paragraph",
                        params={"citation": "JIU/REP/2025/2, Recommendation 1"})
    assert answer.status_code == 200
    assert answer.json()["citation"] == "JIU/REP/2025/2, Recommendation 1"


@pytest.mark.parametrize(("citation", "suggested"), [
    ("S/RES/2777 3", "S/RES/2777 (2025)"),
    ("A/80/15 5", "A/80/15 (Part II)"),
    ("E/ICEF/672 3", "E/ICEF/672 (Première partie)"),
])
def test_a_symbol_printed_with_a_suffix_is_suggested(citation_index: Path, citation: str,
                                                     suggested: str) -> None:
    result = run(citation_index, "get", citation)
    assert result.exit_code == 1
    assert one_line_error(result).endswith(f"did you mean {suggested}?")


def test_a_missing_page_or_box_says_what_there_is(citation_index: Path) -> None:
    page = run(citation_index, "get", "S/2025/147, p. 9")
    assert one_line_error(page) == ("Error: S/2025/147 has no unnumbered block on page 9 "
                                    "(blocks on page 1)")
    box = run(citation_index, "get", "JIU/REP/2025/2, Recommendation 99")
    assert box.exit_code == 1 and "(labels: Recommendation 1, Recommendation 2" in box.output


@pytest.mark.parametrize("query", ["", "   ", '""', '"  "'])
def test_an_empty_query_without_a_filter_is_a_usage_error(sample_index: Path,
                                                         query: str) -> None:
    result = run(sample_index, "search", query)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert "the query is empty: give words to search for, or a filter" in one_line_error(result)


def test_an_empty_query_with_a_filter_lists_paragraphs(sample_index: Path) -> None:
    result = run(sample_index, "search", "", "--symbol", "A/99/215", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output)["total"] > 10
    assert run(sample_index, "search", "symbol:A/99/215").exit_code == 0
    assert run(sample_index, "recommendations", "").exit_code == 0


def test_a_misspelt_query_says_the_results_are_for_its_correction(sample_index: Path) -> None:
    text = run(sample_index, "search", "fishers coperatives", "-n", "1")
    assert text.exit_code == 0
    assert text.output.splitlines()[0] == ("Showing results for fishers cooperatives "
                                           "(no paragraph matches coperatives)")
    data = json.loads(run(sample_index, "search", "fishers coperatives", "--format",
                          "json").output)
    assert data["corrected_query"] == "fishers cooperatives"
    assert data["misspelt"] == ["coperatives"] and data["hits"]
    plain = json.loads(run(sample_index, "search", "fishers", "--format", "json").output)
    assert "corrected_query" not in plain


# -- smaller things -------------------------------------------------------------------------
@pytest.mark.parametrize("args", [["enfants", "--lang", "FR"], ["enfants lang:FR"],
                                  ["enfants Lang:Fr"]])
def test_language_codes_are_read_in_any_case(citation_index: Path, args: list[str]) -> None:
    result = run(citation_index, "search", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)["hits"]
    assert hits and {h["language"] for h in hits} == {"fr"}


def test_an_unknown_language_is_a_usage_error_listing_the_indexed_ones(
    citation_index: Path
) -> None:
    for command in ("search", "recommendations"):
        result = run(citation_index, command, "enfants", "--lang", "xx")
        assert result.exit_code == 2
        assert one_line_error(result) == ("Error: Invalid value for '--lang': no document in "
                                          "language 'xx': the index holds en, fr")


def test_an_offset_past_the_end_says_no_more_results(sample_index: Path) -> None:
    total = json.loads(run(sample_index, "search", "fishers", "--format", "json").output)["total"]
    result = run(sample_index, "search", "fishers", "--offset", "900")
    assert result.exit_code == 1
    assert one_line_error(result) == f"Error: no more results ({total} in all)"


def test_one_page_is_one_page(citation_index: Path) -> None:
    result = run(citation_index, "docs", "S/2025/147")
    assert "S/2025/147 (en)  1 page  " in result.output


def test_csv_has_the_recommendation_columns(citation_index: Path, tmp_path: Path) -> None:
    columns = ["addressees", "actions", "recommended_by", "instruments"]
    recommended = run(citation_index, "recommendations", "--symbol", "JIU/REP/2025/2",
                      "--format", "csv", "-n", "50")
    table = list(csv.DictReader(io.StringIO(recommended.output)))
    assert table and all(column in table[0] for column in columns)
    rows = {json.loads(line)["citation"]: json.loads(line) for line in run(
        citation_index, "recommendations", "--symbol", "JIU/REP/2025/2", "--format", "jsonl",
        "-n", "50").output.splitlines()}
    for row in table:
        for column in columns:
            assert row[column] == "; ".join(rows[row["citation"]][column])
    assert any(row["addressees"] for row in table)
    target = tmp_path / "out.csv"
    run(citation_index, "export", "--symbol", "JIU/REP/2025/2", "--format", "csv", "-o",
        str(target))
    exported = list(csv.DictReader(target.open(encoding="utf-8")))
    assert any(row["addressees"] and row["actions"] for row in exported)


def test_a_page_or_box_citation_in_the_search_box(citation_index: Path) -> None:
    page = json.loads(run(citation_index, "search", "S/2025/147, p. 1", "--format",
                          "json").output)
    assert {h["citation"] for h in page["hits"]} == {"S/2025/147, p. 1"}
    # no such box: the words are searched instead of an error
    words = run(citation_index, "search", "A/80/188 recommendation 5", "--format", "json")
    assert words.exit_code == 0 and json.loads(words.output)["hits"]
