"""Document titles on real reports: the title a researcher would cite, read by hand from
page 1 of each PDF (/work/tools/pdftext.py and the rendered page).

The first four were wrong before: a name printed above the title in larger type (an
organisation, a committee on its report's cover, a UPR country) was taken for the whole
title, and a 1980 French scan gave its part label. The others were already right and
guard the kinds of title blocks the rule must leave alone: a document label under the
title ("Report of the Secretary-General"), a UPR working group report with its country,
an Official Records cover whose title is "Report of the ...", a draft decision under its
organisation, a Spanish secretariat paper, a resolution, a letter. Reports of ../shared
skip with a reason where it is missing.
"""

from __future__ import annotations

from functools import cache

import pytest

from indexer.masthead import _is_name, _recase
from indexer.model import Line, Page
from indexer.pipeline import extract

from .conftest import shared_path

TITLES = [
    # fixed: organisation above the title in larger type
    ("bulk", "DP_FPA_2025_5.en.pdf",
     "United Nations Population Fund: Annual report on the evaluation function, 2024"),
    # fixed: the committee's name on its Official Records cover, session dates cut
    ("corpus", "E_2025_22-EN.pdf",
     "Committee on Economic, Social and Cultural Rights: "
     "Report on the seventy-fifth and seventy-sixth sessions"),
    ("bulk", "E_2025_42.en.pdf",
     "United Nations Forum on Forests: Report on the twentieth session"),
    # fixed: the UPR country, then the kind of document
    ("corpus", "A_HRC_WG.6_48_SVN_2-EN.pdf",
     "Slovenia: Compilation of information prepared by the Office of the United Nations "
     "High Commissioner for Human Rights"),
    # fixed: a scan's title in capitals (OCR without accents) above its part label
    ("corpus", "E_ICEF_672_Part_I-FR.pdf", "Rapport du Directeur général sur l'état des travaux"),
    # already right: a label under the title is not part of it
    ("corpus", "E_2025_60-EN.pdf", "Economic, social and cultural rights"),
    ("bulk", "S_2025_350.en.pdf", "United Nations Disengagement Observer Force"),
    ("corpus", "E_2025_57-EN.pdf",
     "United Nations Sustainable Development Group System-wide Evaluation Office"),
    ("corpus", "A_AC.292_2024_3-ES.pdf",
     "Documento de antecedentes inicial sobre las capacidades necesarias para participar en "
     "un directorio mundial e intergubernamental de puntos de contacto"),
    # already right: UPR working group report, cover titled "Report of the ...", draft decision
    ("corpus", "A_HRC_59_15-EN.pdf", "Report of the Working Group on the Universal Periodic "
     "Review: Slovenia"),
    ("corpus", "A_80_44-EN.pdf", "Report of the Committee against Torture"),
    ("bulk", "E_2025_32 (Part II).en.pdf", "Report of the Committee on Non-Governmental "
     "Organizations on its 2025 resumed session"),
    ("bulk", "E_ICEF_2025_L.13.en.pdf", "United Nations Children’s Fund: Update on "
     "implementation efforts on the repositioning of the United Nations development system"),
    ("bulk", "S_RES_2769 (2025).en.pdf", "Resolution 2769 (2025)"),
    ("bulk", "A_79_729.en.pdf", "Letter dated 17 January 2025 from the Permanent Representative "
     "of Azerbaijan to the United Nations addressed to the Secretary-General"),
    # session dates closing a title are no part of it
    ("bulk", "DP_2025_20.en.pdf", "Report of the annual session 2025"),
    # capitals recased from the text, acronyms and roman numerals kept
    ("bulk", "TD_B_CN.4_48.en.pdf", "Review of the work programme of the Standing Committee "
     "with special emphasis on the preparations for UNCTAD IX"),
]


@cache
def _title(folder: str, name: str) -> str:
    return extract(shared_path(folder, name)).title


@pytest.mark.parametrize(("folder", "name", "expected"), TITLES, ids=[t[1] for t in TITLES])
def test_title_of_real_report(folder: str, name: str, expected: str) -> None:
    assert _title(folder, name) == expected


def test_name_is_an_organisation_body_or_country() -> None:
    """Only a proper name leads a smaller title; a title about a subject does not."""
    assert _is_name("United Nations Population Fund")
    assert _is_name("Committee on Economic, Social and Cultural Rights")
    assert _is_name("Slovenia")
    assert not _is_name("Economic, social and cultural rights")
    assert not _is_name("Report of the Co-Coordinators for Evaluation and Publicity")
    assert not _is_name("Resolution 2769 (2025)")


def test_recase_follows_the_text() -> None:
    """Case and accents come from the text's own lines, capital lines are no evidence."""
    lines = [Line("RAPPORT DU DIRECTEUR GENERAL", 1),
             Line("Le Directeur général a noté l'état des travaux du Conseil et de la CNUCED.", 2),
             Line("Le rapport du Directeur général sur l'état des travaux.", 2)]
    pages = [Page(1, lines[:1]), Page(2, lines[1:])]
    assert _recase("RAPPORT DU DIRECTEUR GENERAL SUR L'ETAT DES TRAVAUX DE LA CNUCED II",
                   pages) == "Rapport du Directeur général sur l'état des travaux de la CNUCED II"


@pytest.mark.parametrize(("printed", "recased"), [
    ("REPORT OF THE SECRETARY-GENERAL: PART I", "Report of the secretary-general: part I"),
    ("REPORT ON VOLUME V", "Report on volume V"),
    ("REVIEW OF THE WORK PROGRAMME FOR UNCTAD IX", "Review of the work programme for unctad IX"),
])
def test_a_one_letter_roman_numeral_stays_a_numeral(printed: str, recased: str) -> None:
    """With no text to learn the words' case from, words are lowered, but a numeral after
    "Part" or "Volume", or ending the title, keeps its capitals."""
    assert _recase(printed, []) == recased
