"""Small golden cases, one per layout trap of real UN reports.

Each case is a few lines of text in the shape the trap takes in real reports,
run through the whole extraction (``extract_source``) or the stage it concerns.
"""

from __future__ import annotations

import pytest

from indexer.clauses import ends_sentence
from indexer.furniture import (
    drop_glued_markers,
    find_running_furniture,
    furniture_tokens,
    printed_page_number,
)
from indexer.model import ExtractedDocument, Line, Page, Paragraph, SourceDocument
from indexer.pipeline import extract, extract_source
from indexer.readers.text import _page
from indexer.symbols import find_symbols, normalise_symbol, symbol_key, symbol_matches
from indexer.textjoin import join_lines

from .conftest import shared_path


def document(*pages: str) -> ExtractedDocument:
    """Extract a document given as page texts (form-feed pages of a text file)."""
    source = SourceDocument("A_99_1-EN.txt", "txt", [_page(i, p) for i, p in enumerate(pages, 1)])
    return extract_source(source)


def para(doc: ExtractedDocument, number: str, annex: str | None = None) -> Paragraph:
    found = [p for p in doc.paragraphs if p.number == number and p.annex == annex]
    assert len(found) == 1, f"paragraph {number} (annex {annex}) found {len(found)} times"
    return found[0]


def numbers(doc: ExtractedDocument, annex: str | None = None) -> list[str]:
    return [p.number for p in doc.paragraphs if p.number and p.annex == annex]


HEADER = "A/99/1\n"


# -- symbols -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("a / 57 / 292", "A/57/292"),
        ("A/79/7/ADD.13", "A/79/7/Add.13"),
        ("A/80/74-E/2025/53", "A/80/74-E/2025/53"),
        ("e/c.12/gc/27", "E/C.12/GC/27"),
        ("JIU/REP/2025/2", "JIU/REP/2025/2"),
        ("S/RES/2769 (2025)", "S/RES/2769 (2025)"),
        ("A/80/15 (part II)", "A/80/15 (Part II)"),
        ("A/HRC/WG.6/48/SVN/2", "A/HRC/WG.6/48/SVN/2"),
    ],
)
def test_symbols_are_normalised_in_one_place(raw: str, canonical: str) -> None:
    assert normalise_symbol(raw) == canonical
    assert symbol_key(raw) == symbol_key(canonical)


def test_symbols_in_running_text_stop_at_punctuation() -> None:
    text = "(see A/78/155, A/HRC/24/41 and A/HRC/41/54). resolution 56/232. (A/75/181/Rev.1).2"
    assert find_symbols(text) == ["A/78/155", "A/HRC/24/41", "A/HRC/41/54", "A/75/181/Rev.1"]


@pytest.mark.parametrize(
    ("pattern", "symbol", "matches"),
    [
        ("A/HRC/*", "A/HRC/59/15", True),
        ("a/hrc/59/*", "A/HRC/59/15", True),
        ("*/Add.1", "A/79/7/Add.1", True),
        ("*/Add.1", "A/79/7/Add.13", False),
        ("E/2025/53", "A/80/74-E/2025/53", True),
        ("A/HRC/*", "A/80/188", False),
    ],
)
def test_symbol_patterns_match_whole_parts(pattern: str, symbol: str, matches: bool) -> None:
    assert symbol_matches(pattern, symbol) is matches


# -- page furniture ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "printed"),
    [
        ("25-11710 3/25", "3"),
        ("2 GE.25-02819", "2"),
        ("GE.25-02819 11", "11"),
        ("Page 14", "14"),
        ("17", "17"),
        ("25-10679 iii", "iii"),
    ],
)
def test_page_numbers_are_read_from_headers_and_footers(line: str, printed: str) -> None:
    tokens = furniture_tokens(line)
    assert tokens is not None
    assert printed_page_number(tokens) == printed


@pytest.mark.parametrize(
    "line", ["*2511710*", "25-11710 (E) 180825", "GE.08-14662 (E) 220808", "A/80/188",
             "Please recycle", "/...", "/6 25-05771"],  # its "4" read on a line apart
)
def test_furniture_lines_are_recognised(line: str) -> None:
    assert furniture_tokens(line) is not None


@pytest.mark.parametrize("line", ["1. The Committee", "In 2025 the", "See A/80/188 para. 3"])
def test_text_is_not_furniture(line: str) -> None:
    assert furniture_tokens(line) is None


def _laid_out(*pages: list[tuple[str, float]]) -> list[Page]:
    """A4 pages of (text, y) lines at the text margin, body lines 14 points apart."""
    return [Page(i, [Line(text, i, x=72.0, y=y, size=10.0) for text, y in lines], 842.0, 595.0)
            for i, lines in enumerate(pages, 1)]


def _body(page: int, top: float = 760.0) -> list[tuple[str, float]]:
    return [(f"Body text of page {page}, line {n}, that runs on.", top - 14 * n)
            for n in range(40)]


def _running_texts(pages: list[Page]) -> list[str]:
    found = find_running_furniture(pages)
    return [line.text for page in pages for line in page.lines if id(line) in found.lines]


def test_a_header_repeated_above_the_text_of_every_page_is_running() -> None:
    pages = _laid_out(*[[(f"POLICYBRIEF | No. 49, 2025 {i}", 800.0), ("unu.edu/ias", 34.0)]
                        + _body(i) for i in range(1, 6)])
    assert _running_texts(pages) == [
        text for i in range(1, 6) for text in (f"POLICYBRIEF | No. 49, 2025 {i}", "unu.edu/ias")]
    assert find_running_furniture(pages).printed == {i: str(i) for i in range(1, 6)}


def test_odd_and_even_headers_each_recur_on_their_pages() -> None:
    pages = _laid_out(*[[("Report of the Board" if i % 2 else "Chapter on finance", 800.0)]
                        + _body(i) for i in range(1, 9)])
    assert len(_running_texts(pages)) == 8


def test_lines_that_open_pages_where_other_pages_start_their_text_stay() -> None:
    # "Recommendations" at the top of two pages; "Figure N" heading three of eight
    two = _laid_out(*[([("Recommendations", 760.0)] if i in (2, 3) else []) + _body(i, 746.0)
                      for i in range(1, 5)])
    assert _running_texts(two) == []
    figures = _laid_out(*[([(f"Figure {i}", 760.0)] + _body(i, 746.0)) if i in (2, 4, 6)
                          else _body(i) for i in range(1, 9)])
    assert _running_texts(figures) == []


def test_too_few_pages_give_no_running_header() -> None:
    pages = _laid_out(*[[("Short brief", 800.0)] + _body(i) for i in range(1, 3)])
    assert _running_texts(pages) == []


def test_a_repeated_note_line_and_a_table_row_at_the_page_edge_stay() -> None:
    # the last line of a note that recurs on every other page, where other notes stand on
    # the other pages: it goes on from the note's first line right above it
    note = _laid_out(*[_body(i)[:30] + ([(f"{i} Adopted under the Convention; see", 73.0),
                                         ("FCCC/CP/2015/10/Add.1, decision 1/CP.21.", 59.0)]
                                        if i % 2 else [(f"{i} See {name}.", 87.0),
                                                       (f"{i + 1} Ibid., {name}.", 73.0)])
                       for i, name in enumerate(["", "Geneva", "", "Rome", "", "Paris", "", "Oslo"],
                                                start=1)])
    assert _running_texts(note) == []
    # a table's column heads, side by side at the top of each page
    table = _laid_out(*[[("Country", 800.0), ("Representative", 800.0)] + _body(i)
                        for i in range(1, 6)])
    for page in table:
        page.lines[1].x = 300.0
    assert _running_texts(table) == []


def test_glued_note_markers_are_dropped_where_sizes_are_unknown() -> None:
    assert drop_glued_markers("minerals5 or reliance") == "minerals or reliance"
    assert drop_glued_markers("(A/HRC/59/42).4 There") == "(A/HRC/59/42). There"
    assert drop_glued_markers("see A/75/181/Rev.1 The") == "see A/75/181/Rev.1 The"
    assert drop_glued_markers("G20 and CO2") == "G20 and CO2"


def test_running_header_footer_and_notes_stay_out_of_paragraphs() -> None:
    doc = document(
        HEADER + "I. Introduction\n1. The first paragraph opens here and runs on\n"
        "to the end of the page with a marker5\n__________\n5 See the note text.\n"
        "99-10001 (E) 010199\n*9910001*\n",
        HEADER + "2/3 99-10001\nand continues on the second page.\n2. Second paragraph.\n",
    )
    first = para(doc, "1")
    assert first.text == ("The first paragraph opens here and runs on to the end of the page "
                          "with a marker and continues on the second page.")
    assert (first.page, first.page_end) == (1, 2)
    assert first.printed_page_end == "2"
    assert [(n.number, n.text) for n in doc.footnotes] == [("5", "See the note text.")]
    assert "99-10001" not in " ".join(p.text for p in doc.paragraphs)


# -- numbering -----------------------------------------------------------------------------
def test_numbers_in_running_text_do_not_start_paragraphs() -> None:
    doc = document(
        HEADER + "1. The Assembly adopted the text in\n2001. The Committee then met again\n"
        "and noted resolution 56/232.\n2. The next paragraph follows.\n3. Third paragraph.\n"
    )
    assert numbers(doc) == ["1", "2", "3"]
    assert "2001. The Committee" in para(doc, "1").text


def test_a_numbered_list_inside_a_paragraph_does_not_break_the_numbering() -> None:
    doc = document(
        HEADER + "1. One.\n2. Two.\n3. Three.\n4. Four.\n"
        "5. The Working Group made these recommendations:\n1. To ratify the Convention.\n"
        "2. To adopt a plan.\n3. To report back.\n6. The State under review answered.\n"
        "7. It thanked the delegations.\n"
    )
    assert numbers(doc) == ["1", "2", "3", "4", "5", "6", "7"]
    assert "3. To report back." in para(doc, "5").text


def test_a_list_in_a_document_without_paragraph_numbers_is_not_numbering() -> None:
    # "Areas of work:" then short items "1." ... "3.", and later a list restarting at "1.":
    # lists, so "3." does not run over the rest of the document
    doc = document(
        HEADER + "Quadrennial reports\n",
        HEADER + "Center for Family Studies\nThe Center is a research institute.\n"
        "Areas of work:\n1. Research;\n2. Advocacy;\n"
        "3. Training.\nSignificant changes in the organization\nA new office.\n"
        "Contribution to the work of the United Nations\n1. A workshop was held.\n"
        "2. A talk was given.\nThe Centre also met the Council.\n"
    )
    assert numbers(doc) == []
    assert "work:\n1. Research;\n2. Advocacy;\n3. Training." in doc.paragraphs[0].text


def test_paragraphs_after_a_list_in_the_summary_keep_their_numbers() -> None:
    doc = document(
        HEADER + "Summary\nThe Committee recommends:\n1. To ratify;\n2. To report.\n",
        HEADER + "".join(f"{n}. Paragraph {n} of the report.\n" for n in range(1, 6)),
    )
    assert numbers(doc) == ["1", "2", "3", "4", "5"]


def test_list_items_inside_a_paragraph_open_lines_but_a_wrapped_year_does_not() -> None:
    text = join_lines(["the following recommendations were made:", "1. To ratify the",
                       "Convention. (India)", "2. To adopt a plan. (Chile)", "adopted in",
                       "2015. It was"])
    assert text == ("the following recommendations were made:\n1. To ratify the Convention."
                    " (India)\n2. To adopt a plan. (Chile) adopted in 2015. It was")
    assert join_lines(["it was adopted in", "2015. It was", "2. Then"]) == (
        "it was adopted in 2015. It was 2. Then")


def test_numbered_sub_heading_is_a_heading_not_a_paragraph() -> None:
    doc = document(
        HEADER + "I. Introduction\nA. Context\n6. Sexual exploitation arises from power.\n"
        "1. Key frameworks for protection\n7. The foundational policy is a bulletin.\n"
        "8. Other documents matter too.\n"
    )
    assert numbers(doc) == ["6", "7", "8"]
    assert para(doc, "7").section == ["I. Introduction", "A. Context",
                                      "1. Key frameworks for protection"]


def test_contents_page_is_read_not_indexed() -> None:
    doc = document(
        HEADER + "Contents\nParagraphs Page\nI. Introduction ........ 1–2 2\n"
        "II. Conclusions and recommendations ........ 3–4 2\n",
        HEADER + "I. Introduction\n1. One.\n2. Two.\nII. Conclusions and recommendations\n"
        "3. Three.\n4. Four.\n",
    )
    assert numbers(doc) == ["1", "2", "3", "4"]
    assert doc.quality.contents_disagreements == []
    assert para(doc, "3").section == ["II. Conclusions and recommendations"]


def test_quality_report_lists_disagreements_with_contents() -> None:
    doc = document(
        HEADER + "Contents\nI. Introduction ........ 1–3 2\nII. Recommendations ........ 4–5 2\n",
        HEADER + "I. Introduction\n1. One.\n2. Two.\nII. Recommendations\n3. Three.\n4. Four.\n",
    )
    assert len(doc.quality.contents_disagreements) == 2
    assert "found paras 1–2" in doc.quality.contents_disagreements[0]


def test_quality_report_shows_gaps() -> None:
    doc = document(HEADER + "1. One.\n2. Two.\n5. Five.\n6. Six.\n7. Seven.\n8. Eight.\n")
    assert doc.quality.gaps == [(3, 4)]
    assert "gaps: 3–4" in doc.quality.summary()


# -- headings ------------------------------------------------------------------------------
def test_letter_i_after_h_is_a_sub_section_not_roman_one() -> None:
    lines = ["I. Introduction", "1. Opening."]
    for n, letter in enumerate("ABCDEFGHI", start=2):
        lines += [f"{letter}. Topic {letter}", f"{n}. Text about {letter}."]
    lines += ["II. Conclusions", "11. Closing."]
    doc = document(HEADER + "\n".join(lines) + "\n")
    assert para(doc, "10").section == ["I. Introduction", "I. Topic I"]
    assert para(doc, "11").section == ["II. Conclusions"]


def test_roman_heading_is_never_a_paragraph() -> None:
    doc = document(HEADER + "1. One.\nII. Second chapter\n2. Two.\n")
    assert numbers(doc) == ["1", "2"]
    assert para(doc, "2").section == ["II. Second chapter"]


# -- paragraphs ----------------------------------------------------------------------------
def test_line_end_hyphens_are_repaired() -> None:
    assert join_lines(["a human rights-based decision-", "making process"]) == (
        "a human rights-based decision-making process")
    assert join_lines(["the life -", "supporting systems"]) == "the life-supporting systems"
    assert join_lines(["the system -wide review"]) == "the system-wide review"


def test_sub_paragraphs_are_addressable() -> None:
    doc = document(
        HEADER + "8. States should:\n(a) Ratify the Convention;\n(b) Adopt a plan that:\n"
        "(i) Covers women;\n(ii) Covers children;\n(c) Report back.\n9. Next.\n"
    )
    paragraph = para(doc, "8")
    assert [s.label for s in paragraph.subparagraphs] == ["(a)", "(b)", "(b) (i)", "(b) (ii)",
                                                        "(c)"]
    assert paragraph.subparagraph_text("(b) (ii)") == "(ii) Covers children;"
    assert paragraph.subparagraph_text("(a)") == "(a) Ratify the Convention;"


def test_annex_numbering_restarts_without_colliding() -> None:
    doc = document(
        HEADER + "1. Body one.\n2. Body two.\n3. Body three.\n",
        HEADER + "Annex\nAdvice of the Expert Mechanism\n1. Annex one.\n2. Annex two.\n",
    )
    assert numbers(doc) == ["1", "2", "3"]
    assert numbers(doc, "I") == ["1", "2"]
    assert para(doc, "1", "I").text == "Annex one."
    assert para(doc, "1", "I").section == ["Annex. Advice of the Expert Mechanism"]


def test_upr_recommendations_are_paragraphs_of_their_own() -> None:
    doc = document(
        HEADER + "II. Conclusions and/or recommendations\n140. The following recommendations "
        "will be examined:\n140.1 Ratify the Convention (Algeria) (Cabo Verde);\n"
        "140.2 Adopt a plan\n(Egypt);\n141. All conclusions reflect the position of States.\n"
    )
    assert numbers(doc) == ["140", "140.1", "140.2", "141"]
    assert para(doc, "140.2").text == "Adopt a plan (Egypt);"


def test_unnumbered_text_is_kept_as_blocks() -> None:
    doc = document(HEADER + "Summary\nThe present report reviews progress.\n\n"
                   "I. Introduction\n1. One.\n")
    blocks = [p for p in doc.paragraphs if p.number is None]
    assert any("reviews progress" in b.text for b in blocks)
    assert blocks[0].section == ["Summary"]


def test_lost_line_breaks_are_restored() -> None:
    flat = ("A/57/292 end of paragraph sixty-three carried over. 64. The Special Rapporteur "
            "draws attention to migrant women and the many forms of discrimination they face "
            "in domestic work. 65. She notes that many countries lack a strategy to combat "
            "smuggling. VI. Recommendations 66. The Special Rapporteur recommends that States "
            "ratify the Convention and protect the rights of all migrant workers. 17")
    doc = document(flat)
    assert numbers(doc) == ["64", "65", "66"]
    assert para(doc, "66").section == ["VI. Recommendations"]
    assert para(doc, "64").printed_page == "17"
    assert not para(doc, "66").text.endswith("17")


# -- the seed page -------------------------------------------------------------------------
def test_seed_page_whose_line_breaks_were_lost() -> None:
    doc = extract(shared_path("samples", "A_57_292-page17-flattened.txt"))
    assert doc.symbol == "A/57/292"
    assert numbers(doc) == [str(n) for n in range(64, 78)]
    carried = [p for p in doc.paragraphs if p.number is None]
    assert carried and carried[0].text.startswith("relating to the Status of Refugees of 1951")
    for n in range(64, 69):
        assert para(doc, str(n)).section == []
    for n in range(69, 78):
        assert para(doc, str(n)).section == ["VI. Recommendations"]
        assert para(doc, str(n)).is_recommendation
    assert all(p.printed_page == "17" for p in doc.paragraphs)
    assert para(doc, "77").text.endswith("should also be recognized.")
    assert para(doc, "69").text.startswith("The Special Rapporteur strongly recommends")


def test_annex_list_of_one_liners_is_not_paragraphs() -> None:
    names = "\n".join(f"{n}. Country {n} 4 June 1992" for n in range(1, 9))
    body = HEADER + "1. Body one.\n2. Body two.\n"
    doc = document(body, HEADER + f"ANNEX\nSignatures\n{names}\n")
    assert numbers(doc, "I") == []
    assert "Country 5" in " ".join(p.text for p in doc.paragraphs if p.annex == "I")


def test_annex_paragraphs_with_short_chapeaux_are_paragraphs() -> None:
    body = "".join(
        f"{n}. The Committee recommended that States Parties:\n(a) Amend law {n};\n"
        f"(b) Review policy {n}.\n" for n in range(1, 7)
    )
    doc = document(HEADER + "1. Body one.\n2. Body two.\n",
                   HEADER + f"Annex\nSelected advice\n{body}")
    assert numbers(doc, "I") == [str(n) for n in range(1, 7)]
    assert [s.label for s in para(doc, "3", "I").subparagraphs] == ["(a)", "(b)"]


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("A-80-74", "A/80/74"), ("A_80_74", "A/80/74"), ("A/80/74–E/2025/53", "A/80/74-E/2025/53"),
     ("a-hrc-59-15", "A/HRC/59/15")],
)
def test_symbols_typed_with_dashes_or_underscores(typed: str, canonical: str) -> None:
    assert normalise_symbol(typed) == canonical
    assert symbol_matches(typed, canonical)


def test_html_report_with_headings_and_numbered_paragraphs(tmp_path) -> None:
    page = tmp_path / "A_99_7-EN.html"
    page.write_text(
        "<html><head><title>x</title><script>alert('no')</script><style>p{}</style></head>"
        "<body><p>United Nations A/99/7</p><h1>Rights of fishers</h1>"
        "<h2>I. Introduction</h2><p>1. The present report reviews the rights of fishers.</p>"
        "<p>2. It draws on submissions from States.</p>"
        "<h2>II. Conclusions and recommendations</h2>"
        "<p>3. States should:</p><p>(a) Protect tenure;</p><p>(b) Inspect vessels.</p>"
        "</body></html>", encoding="utf-8")
    doc = extract(page)
    assert doc.symbol == "A/99/7"
    assert numbers(doc) == ["1", "2", "3"]
    assert para(doc, "3").section == ["II. Conclusions and recommendations"]
    assert [s.label for s in para(doc, "3").subparagraphs] == ["(a)", "(b)"]
    assert para(doc, "1").page is None  # HTML has no physical pages
    assert "alert" not in " ".join(p.text for p in doc.paragraphs)


@pytest.mark.parametrize(("line", "ends"), [
    ("It ends here.", True), ("He said “stop.”", True), ("Why?", True),
    ("the principle of “do no harm”", False),  # the sentence goes on over the page
    ("take the following steps:", False),  # a lead-in: its list is on the next page
    ("as noted in para.", False), ("see No.", False),
])
def test_a_page_break_splits_a_block_only_after_a_finished_sentence(line: str,
                                                                     ends: bool) -> None:
    assert ends_sentence(line) is ends
