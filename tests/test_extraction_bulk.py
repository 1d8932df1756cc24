"""Every real report of ../shared extracts without an exception, and the quality report
flags the ones whose numbering looks wrong (the report a user with 5,000 PDFs reads)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.errors import NoTextLayerError, UnreadableFileError
from indexer.model import ExtractedDocument
from indexer.pipeline import extract

from .conftest import shared_path


@pytest.fixture(scope="module")
def every_report() -> dict[str, ExtractedDocument | UnreadableFileError]:
    files = sorted(shared_path("corpus").glob("*.pdf")) + sorted(shared_path("bulk").glob("*.pdf"))
    results: dict[str, ExtractedDocument | UnreadableFileError] = {}
    for path in files:
        try:
            results[path.name] = extract(path)
        except UnreadableFileError as error:  # any other exception fails the test run
            results[path.name] = error
    return results


def test_all_185_reports_extract_or_fail_with_a_named_reason(every_report: dict) -> None:
    assert len(every_report) == 185
    failures = {name: r for name, r in every_report.items() if isinstance(r, Exception)}
    # the one scan without a text layer is refused for that reason, naming the file
    assert list(failures) == ["A_45_696_Add.1.en.pdf"]
    error = failures["A_45_696_Add.1.en.pdf"]
    assert isinstance(error, NoTextLayerError)
    assert "A_45_696_Add.1.en.pdf" in str(error)


def test_reports_with_clean_numbering_are_not_flagged(every_report: dict) -> None:
    for name in ("A_80_188-EN.pdf", "A_HRC_59_15-EN.pdf", "E_CN.6_2025_3-EN.pdf",
                 "S_2025_415.en.pdf", "DP_2025_20.en.pdf", "A_80_81.en.pdf"):
        document = every_report[name]
        assert document.quality.ok, (name, document.quality.summary())


def test_sparse_or_unnumbered_long_documents_are_flagged(every_report: dict) -> None:
    # a 27-page letter and a 53-page compilation of national messages: no paragraph numbers
    for name in ("S_2025_107.en.pdf", "E_HLPF_2025_5.en.pdf"):
        document = every_report[name]
        assert not document.quality.ok
        assert "numbered paragraphs in" in document.quality.summary()


def test_most_reports_have_whole_numbering(every_report: dict) -> None:
    documents = [r for r in every_report.values() if not isinstance(r, Exception)]
    numbered = [d for d in documents if d.quality.paragraphs >= 10]
    whole = [d for d in numbered if not d.quality.gaps and d.quality.first == "1"]
    assert len(numbered) >= 70
    assert len(whole) / len(numbered) >= 0.95, [d.symbol for d in numbered if d not in whole]


def test_symbols_come_from_the_documents_not_their_file_names(every_report: dict) -> None:
    # A_80_61.en.pdf holds E/2025/48 and A_79_992.en.pdf holds S/2025/503 (see bulk/SOURCES.md)
    assert every_report["A_80_61.en.pdf"].symbol == "E/2025/48"
    assert every_report["A_79_992.en.pdf"].symbol == "S/2025/503"
    documents = [r for r in every_report.values() if not isinstance(r, Exception)]
    from_name = [d.path for d in documents if d.symbol_from_filename]
    assert len(from_name) <= 3, from_name
    assert all(Path(p).exists() for p in from_name)


@pytest.mark.parametrize(("name", "title"), [
    ("A_79_729.en.pdf", "Letter dated 17 January 2025 from the Permanent Representative of "
                        "Azerbaijan to the United Nations addressed to the Secretary-General"),
    ("S_2025_147.en.pdf", "Letter dated 7 March 2025 from the Secretary-General addressed to "
                          "the President of the Security Council"),
    ("A_80_1.en.pdf", "Report of the Secretary-General on the work of the Organization"),
    ("S_2025_450.en.pdf", "Credentials of the deputy representative of Algeria on the "
                          "Security Council"),
    ("A_80_66.en.pdf", "Note verbale dated 18 February 2025 from the Permanent Mission of Chile "
                       "to the United Nations addressed to the President of the General Assembly"),
])
def test_title_keeps_lines_that_alone_look_like_a_label_or_masthead(
    every_report: dict, name: str, title: str
) -> None:
    assert every_report[name].title == title


def test_title_is_not_the_wrapped_line_of_a_numbered_heading(every_report: dict) -> None:
    document = every_report["E_2025_L.16.en.pdf"]
    assert document.title.startswith("Ministerial declaration of the high-level segment")
    assert document.title.endswith("for leaving no one behind”")
    # and that heading heads the first paragraphs again
    assert document.paragraphs[0].section[0].startswith("I. Current trends")


def test_no_title_starts_or_ends_mid_sentence(every_report: dict) -> None:
    documents = [r for r in every_report.values() if not isinstance(r, Exception)]
    cut = [
        d.title for d in documents
        if re.match(r"[a-z]+ ", d.title)  # (a web address opens one non-UN paper)
        or d.title.rsplit(" ", 1)[-1] in {"the", "of", "on", "to", "and", "for", "from", "by"}
    ]
    assert cut == []


_LEADERS_RE = re.compile(r"(?:\.\s?){6,}|…{3,}")


@pytest.mark.parametrize("name", [
    "E_ICEF_2025_11.en.pdf",  # agenda items wrapped over two lines, no dots on the first
    "E_C.2_2025_2_Add.2.en.pdf",  # the same in a list of organizations
    "E_C.2_2025_2_Add.7.en.pdf",  # entries without leader dots: "1. Tourner la page 2"
    "E_2025_42.en.pdf",  # an entry wrapped over nine lines
    "DP_2025_20.en.pdf",  # "Contents Page" on one line
    "A_80_10-EN.pdf",  # "Summary of contents" before the contents
])
def test_contents_lines_are_not_paragraphs(every_report: dict, name: str) -> None:
    document = every_report[name]
    assert not [p.text[:80] for p in document.paragraphs if _LEADERS_RE.search(p.text)]
    if name == "E_C.2_2025_2_Add.7.en.pdf":
        assert "Tourner la page 2" not in [p.text for p in document.paragraphs]


def test_agenda_annotations_follow_the_contents(every_report: dict) -> None:
    paragraphs = every_report["E_ICEF_2025_11.en.pdf"].paragraphs
    numbered = {p.number: p for p in paragraphs if p.number}
    assert numbered["2"].text.startswith("Opening statements by the President")
    assert numbered["2"].page == 3
    assert numbered["21"].page == numbered["21"].page_end == 8
    assert len(numbered["21"].text) < 1000


def test_symbol_printed_on_page_one_wins_over_the_file_names_qualifier(
    every_report: dict,
) -> None:
    # the file is JIU_NOTE_2022_1_Rev.1(review).en.pdf; page 1 prints JIU/NOTE/2022/1/Rev.1
    document = every_report["JIU_NOTE_2022_1_Rev.1(review).en.pdf"]
    assert document.symbol == "JIU/NOTE/2022/1/Rev.1"
    assert not document.symbol_from_filename


def test_running_header_with_a_chapter_and_lowercase_page_marks_are_furniture(
    every_report: dict,
) -> None:
    # "DP/OPS/2025/12 I." heads the pages of chapter I; "page 5" the pages of a 1994 report
    numbered = {p.number: p for p in every_report["DP_OPS_2025_12.en.pdf"].paragraphs}
    for number in ("34", "69", "83"):
        assert not numbered[number].text.endswith("DP/OPS/2025/12 I."), number
    document = every_report["TD_B_CN.4_36.en.pdf"]
    numbered = {p.number: p for p in document.paragraphs}
    assert numbered["10"].text.endswith("relevant documentation for the Conference.")
    assert numbered["11"].section == ["Chapter II PORTS"]
    # with the page marks gone, "Annex." listed last on the contents page opens no annex
    document = every_report["TD_B_CN.4_48.en.pdf"]
    assert document.paragraphs[0].annex is None
    assert [s.path[0] for s in document.sections if s.path[0].startswith("Chapter")][:2] == [
        "Chapter I SHIPPING", "Chapter II PORTS AND PORT SERVICES"]


def test_a_page_mark_split_from_its_page_number_is_furniture(every_report: dict) -> None:
    """On the photograph pages of three letters the text layer gives "4" and "/6 25-05771"
    (page 4 of 6 and the print job) on lines apart: neither is text."""
    for name in ("A_79_847.en.pdf", "A_79_856.en.pdf", "A_79_942.en.pdf"):
        texts = [p.text for p in every_report[name].paragraphs]
        assert not [t for t in texts if re.search(r"(?:^|\s)/\d{1,2} 25-\d{5}", t)], name


@pytest.mark.parametrize(("name", "number", "heading"), [
    ("A_80_10-EN.pdf", "161", "(p) Future programme of work"),
    ("E_HLPF_2025_3_Add.1.en.pdf", "34", "(b) Discussion and trends"),
])
def test_lettered_heading_in_heading_type_is_a_heading(
    every_report: dict, name: str, number: str, heading: str
) -> None:
    numbered = {p.number: p for p in every_report[name].paragraphs if p.annex is None}
    assert not numbered[number].text.endswith(heading)
    following = numbered[str(int(number) + 1)]
    assert following.section[-1] == heading


def test_italic_notes_heading_opens_the_endnotes(every_report: dict) -> None:
    last = every_report["A_HRC_WG.6_48_SVN_2-EN.pdf"].paragraphs[-1]
    assert last.number == "82"
    assert last.text.endswith("protection guarantees contained therein.")


def test_a_run_of_note_markers_goes_whole(every_report: dict) -> None:
    # "erosion.27,28,29 New approaches": the commas are set small with the numbers
    numbered = {p.number: p for p in every_report["A_CONF.230_2025_10.en.pdf"].paragraphs}
    assert "coastal erosion. New approaches" in numbered["36"].text
    assert not re.search(r"\s,\d", numbered["36"].text)


def test_chapters_head_their_sections(every_report: dict) -> None:
    # A/80/10: each "Chapter N <topic>" is the parent of its "A. Introduction"; chapter V
    # follows a quoted resolution whose page ends in a short note rule "--"
    document = every_report["A_80_10-EN.pdf"]
    numbered = {p.number: p for p in document.paragraphs if p.annex is None}
    assert numbered["30"].section[:2] == [
        "Chapter IV Sea-level rise in relation to international law", "A. Introduction"]
    assert numbered["78"].section[:2] == [
        "Chapter V Immunity of State officials from foreign criminal jurisdiction",
        "A. Introduction"]
    assert numbered["77"].text.endswith("in relation to international law.")
    assert numbered["185"].page == numbered["185"].page_end == 45
    assert len(numbered["185"].text) < 1000


def test_a_note_carried_over_from_the_page_before_is_a_note(every_report: dict) -> None:
    # A/80/10 PDF page 56 opens its notes with the rest of note 110, then note 111
    document = every_report["A_80_10-EN.pdf"]
    texts = [p.text for p in document.paragraphs if p.page and p.page <= 57 <= p.page_end]
    assert not [t for t in texts if "Khurts Bat" in t]
    assert any("Khurts Bat" in note.text for note in document.footnotes)


@pytest.mark.parametrize("name", [
    "E_C.2_2025_2_Add.1.en.pdf", "E_C.2_2025_2_Add.2.en.pdf", "E_C.2_2025_2_Add.5.en.pdf",
    "E_C.2_2025_2_Add.7.en.pdf", "E_HLPF_2025_5.en.pdf",
])
def test_a_short_list_introduced_by_a_colon_is_not_the_paragraph_numbering(
    every_report: dict, name: str
) -> None:
    # quadrennial reports and national messages number no paragraphs: "Areas of work:" then
    # an indented "1. Theoretical and observational research;" ... "6." is a list, and so is
    # a later list that restarts at "1."; before, "6." ran over PDF pages 2-25 (59,721 chars)
    document = every_report[name]
    assert not [p.number for p in document.paragraphs if p.number]
    assert max(len(p.text) for p in document.paragraphs) < 5000
    if name == "E_C.2_2025_2_Add.2.en.pdf":
        texts = [p.text for p in document.paragraphs]
        assert any(t.startswith("1. Theoretical and observational research;") for t in texts)
        assert any(t.startswith("2. Centro UNESCO de Donostia") for t in texts)


def test_an_agenda_at_the_text_margin_keeps_its_numbers(every_report: dict) -> None:
    # "... as set out below:" then "1. Election of officers." at the margin: the agenda items
    numbered = [p.number for p in every_report["E_2025_L.24.en.pdf"].paragraphs if p.number]
    assert numbered == [str(n) for n in range(1, 13)]


def test_a_carried_note_with_a_wrapped_line_opening_with_a_date_is_a_note(
    every_report: dict
) -> None:
    # A/80/10 PDF page 53: the notes open with the rest of note 96, one of whose wrapped
    # lines starts "27 January 1994, ..."; only "97 ...", hanging out of the notes' left
    # edge, opens a note. Before, 5,637 chars of notes were a block of the body
    document = every_report["A_80_10-EN.pdf"]
    texts = [p.text for p in document.paragraphs]
    assert not [t[:80] for t in texts if "Mobutu v. SA Cotoni" in t or "Lafontant" in t]
    assert any("Mobutu v. SA Cotoni" in note.text for note in document.footnotes)
    commentary = next(t for t in texts if t.startswith("(7) All of the above-mentioned"))
    assert commentary.endswith("preceded the judgment by the International Court of Justice "
                               "in the Arrest Warrant case.")
    annexed = {p.number: p for p in document.paragraphs if p.annex == "III"}
    assert len(annexed["45"].text) < 1000


def test_a_numbered_list_inside_a_paragraph_keeps_one_item_a_line(every_report: dict) -> None:
    # A/HRC/8/25 para. 56: 28 recommendations "1. To set up ... (India)" ... printed as a list
    # inside one paragraph; each item opens a line of the text, the paragraph stays one
    numbered = {p.number: p for p in every_report["A_HRC_8_25-EN.pdf"].paragraphs if p.number}
    lines = numbered["56"].text.split("\n")
    assert lines[0].endswith("Northern Ireland:")
    assert lines[1].startswith("1. To set up a strategic oversight body")
    assert lines[1].endswith("(India)")
    assert lines[2].startswith("2. To address the high incarceration rate")
    assert [line.split(".")[0] for line in lines[1:29]] == [str(n) for n in range(1, 29)]
    assert numbered["57"].text.startswith("The response of the United Kingdom")


@pytest.mark.parametrize("parts", [("bulk", "DP_2025_20.en.pdf"), ("bulk", "DP_OPS_2025_12.en.pdf"),
                                   ("bulk", "A_CONF.230_2025_INF_1.en.pdf")])
def test_a_job_number_with_a_letter_or_star_is_furniture(parts: tuple[str, str]) -> None:
    """"25-11430X (E) 230725" and "25-07155* (E) 300525" are print job numbers: they were kept
    as a block of their own, or opened the first block."""
    for paragraph in extract(shared_path(*parts)).paragraphs:
        assert not re.search(r"\b\d{2}-\d{5}[A-Z*]\s?\(E\)", paragraph.text), paragraph.text


@pytest.mark.parametrize("parts", [("bulk", "S_RES_2777 (2025).en.pdf"),
                                   ("corpus", "A_80_44-EN.pdf"), ("bulk", "E_2025_33.en.pdf")])
def test_an_adoption_line_or_an_imprint_heads_no_section(parts: tuple[str, str]) -> None:
    """A resolution's "Adopted by the Security Council at its 9880th meeting, on" and an
    official record's "United Nations • New York, 2025" are in heading type, not headings."""
    for paragraph in extract(shared_path(*parts)).paragraphs:
        for heading in paragraph.section:
            assert not heading.startswith("Adopted by") and "New York, 2025" not in heading


def test_a_running_header_of_another_form_is_furniture(every_report: dict) -> None:
    # a UNU-IAS brief heads pages 2-4 with "POLICYBRIEF | No. 49, 2025 3" and foots all four
    # with "unu.edu/ias": neither is a section heading, a title line or paragraph text
    document = every_report["UNDoc-4077798.en.pdf"]
    assert not document.title.startswith("unu.edu")
    assert all("unu.edu/ias" not in p.text and "POLICYBRIEF" not in p.text
               for p in document.paragraphs)
    assert not any("POLICYBRIEF" in " ".join(p.section) for p in document.paragraphs)
    numbered = {p.number: p for p in document.paragraphs if p.number}
    assert sorted(numbered) == ["1", "2", "3", "4"]
    assert all(p.section == ["Policy Recommendations"] for p in numbered.values())
    # paragraph 1 goes on past the page break; the page number printed in the header is read
    assert (numbered["1"].page, numbered["1"].page_end) == (2, 3)
    assert numbered["1"].text.endswith("emergency aid can be deployed in a more timely and "
                                       "effective way.")
    assert numbered["2"].printed_page == "3"
    # the page-1 box ends a sentence; page 2 opens mid-sentence: not the box's last bullet
    bullet = next(p for p in document.paragraphs if p.text.startswith("• Develop capacity"))
    assert bullet.page_end == 1
    # a JIU note's footer and the two-line header of its complementary file (page 1 prints
    # the footer in two pieces, which no other page repeats: it stays there)
    document = every_report["JIU_NOTE_2022_1_Rev.1(review).en.pdf"]
    assert not any("Click to" in p.text or "Project A.457" in p.text
                   or any("Click to" in s for s in p.section)
                   for p in document.paragraphs if p.page > 1)


@pytest.mark.parametrize(("name", "text"), [
    ("S_2025_107.en.pdf", "Date of submission to the mechanism"),  # a long table's head
    ("E_ICEF_2025_4.en.pdf", "Actions taken and implementation stage"),  # the same, landscape
    ("A_HRC_59_L.17.en.pdf", "FCCC/CP/2015/10/Add.1, decision 1/CP.21."),  # a repeated note
])
def test_lines_repeated_at_a_page_edge_that_are_not_running_stay(
    every_report: dict, name: str, text: str
) -> None:
    document = every_report[name]
    found = sum(p.text.count(text) for p in document.paragraphs)
    found += sum(note.text.count(text) for note in document.footnotes)
    assert found >= 3, (name, text, found)


@pytest.mark.parametrize(("name", "pattern", "count"), [
    ("A_80_81.en.pdf", r"Target \d+\.\w+", 99),
    ("A_80_74_Add.1.en.pdf", r"Figure \d+", 23),
])
def test_headings_that_open_several_pages_stay(
    every_report: dict, name: str, pattern: str, count: int
) -> None:
    # "Target 2.3", "Figure 5" open many pages, at the height where other pages' text starts
    paragraphs = every_report[name].paragraphs
    text = " ".join([p.text for p in paragraphs] + [s for p in paragraphs for s in p.section])
    assert len(set(re.findall(pattern, text))) == count
