"""The web app through an HTTP client: pages, JSON API, errors, safety, `paraindex serve`.

The hostile-report tests index a generated text report whose paragraphs hold
XSS payloads, then check every page that shows them, and every payload sent
as a query, for markup that was not escaped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner


def _missing(*modules: str) -> str | None:
    """Why these tests cannot run here, or None. Without the web extra they skip, visibly;
    in CI (PARAINDEX_REQUIRE_BROWSER=1) each fails with the reason, and the rest runs on."""
    for module in modules:
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed: pip install -e '.[web,test]'"
    return None


REQUIRED = os.environ.get("PARAINDEX_REQUIRE_BROWSER") == "1"
MISSING = _missing("fastapi", "httpx")
if MISSING and not REQUIRED:
    pytest.skip(MISSING, allow_module_level=True)

from bs4 import BeautifulSoup  # noqa: E402

from indexer.batch import index_paths  # noqa: E402
from indexer.records import DocumentInfo  # noqa: E402
from search.cli import cli  # noqa: E402
from search.service import FACETS  # noqa: E402

if not MISSING:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2")  # starlette 1.x prefers httpx2
        from fastapi.testclient import TestClient
    from search.web import create_app
    from search.web.links import highlight, parse_paragraph_path


@pytest.fixture(autouse=True, scope="module")
def _web_extra_needed() -> None:
    if MISSING:
        pytest.fail(f"{MISSING} (PARAINDEX_REQUIRE_BROWSER=1)", pytrace=False)


CORPUS = Path(__file__).resolve().parent.parent / "corpus"

#: XSS payloads, each indexed as the text of one paragraph of a generated report
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "'><script>alert(4)</script>",
    "<iframe src=javascript:alert(5)></iframe>",
    "javascript:alert(6)",
    '<a href="javascript:alert(7)">click</a>',
    "<body onload=alert(8)>",
    "<style>body{display:none}</style>",
    "[[<script>alert(10)</script>]]",
    "]]<script>alert(11)</script>[[",
    "<mark onmouseover=alert(12)>x</mark>",
    "&lt;script&gt;alert(13)&lt;/script&gt;",
    "<scr<script>ipt>alert(14)</script>",
    "{{ 7*7 }} {% raw %}",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(16)>",
    "<svg><script>alert&#40;17&#41;</script>",
    "<input autofocus onfocus=alert(18)>",
    "<details open ontoggle=alert(19)>",
    '<object data="data:text/html,<script>alert(20)</script>">',
    "<ScRiPt>alert(21)</sCrIpT>",
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=//evil.example">',
    "<form action=//evil.example><button>go</button></form>",
    "<a href=//evil.example>[[x]]</a>",
    "</textarea></code></p><script>alert(26)</script>",
]
HOSTILE_SYMBOL = "A/99/901"


def write_hostile_report(directory: Path) -> Path:
    """A plain-text report (GA layout) with one payload per numbered paragraph."""
    lines = [
        "United Nations                                     A/99/901", "",
        "General Assembly                                   Distr.: General",
        "                                                   1 July 2099", "",
        "Ninety-ninth session", "",
        "      Hostile markup in report text", "",
        "      Report of the Secretary-General", "",
        'I.  Introduction <b onclick="alert(0)">bold</b>', "",
    ]
    for number, payload in enumerate(PAYLOADS, 1):
        lines += [f"{number}.  The delegation quoted the phrase {payload} during the debate "
                  f"on hostile markup number {number}.", ""]
    path = directory / "A_99_901-EN.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_client(index_dir: Path, **kwargs: Any) -> TestClient:
    return TestClient(create_app(index_dir), base_url="http://localhost", **kwargs)


@pytest.fixture(scope="module")
def sample(sample_index: Path) -> TestClient:
    return make_client(sample_index)


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    report = write_hostile_report(folder)
    index = folder / "index"
    summary = index_paths(index, [report])
    assert not summary.failed, summary.failed
    return index


@pytest.fixture(scope="module")
def hostile(hostile_index: Path) -> TestClient:
    return make_client(hostile_index)


@pytest.fixture(scope="module")
def real(real_index: Path) -> TestClient:
    return make_client(real_index)


def cli_json(index: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--index", str(index), *args], obj={})
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def soup(response: Any) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


# -- markup safety ------------------------------------------------------------------------
OWN_SCRIPTS = {"/static/app.js"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "svg", "math", "base", "img", "style",
                  "textarea", "mglyph", "mtext", "frame", "frameset", "applet"}
OWN_FORMS = {"/", "/documents"}
URL_ATTRIBUTES = {"href", "src", "action", "data", "poster", "srcset", "xlink:href", "background"}
OWN_INPUTS = {"q", "symbol", "section", "lang", "recommendations", "body", "addressee",
              "size"}


def assert_no_injected_markup(html: str) -> None:
    """Only the page's own elements: no payload became a tag or an attribute."""
    page = BeautifulSoup(html, "html.parser")
    assert "<script>alert" not in html.lower()
    for tag in page.find_all(True):
        assert tag.name not in FORBIDDEN_TAGS, str(tag)[:200]
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), str(tag)[:200]
            assert name.lower() not in ("style", "srcdoc", "formaction"), str(tag)[:200]
            if name.lower() in URL_ATTRIBUTES:  # the others (value, aria-label) are data
                url = str(value)
                assert url.startswith(("/", "#", "http://localhost")), str(tag)[:200]
                assert "javascript:" not in url.lower() and "evil.example" not in url, str(tag)
        if tag.name == "script":
            assert tag.get("src") in OWN_SCRIPTS and not tag.string, str(tag)[:200]
        if tag.name == "mark":
            assert not tag.attrs and not tag.find(True), str(tag)
        if tag.name == "form":
            assert tag.get("action") in OWN_FORMS, str(tag)
        if tag.name in ("input", "select"):
            assert tag.get("name") in OWN_INPUTS, str(tag)
        if tag.name == "meta":
            assert set(tag.attrs) <= {"charset", "name", "content"}, str(tag)
        if tag.name == "details":
            assert tag.get("class") == ["filters"], str(tag)
    assert len(page.find_all("body")) == 1 and len(page.find_all("form")) <= 2


@pytest.mark.parametrize("number", range(1, len(PAYLOADS) + 1))
def test_payload_paragraph_page_shows_the_text_as_text(hostile: TestClient, number: int) -> None:
    response = hostile.get(f"/{HOSTILE_SYMBOL}/{number}")
    assert response.status_code == 200
    assert_no_injected_markup(response.text)
    text = soup(response).select_one("div.text").get_text(" ", strip=True)
    assert PAYLOADS[number - 1] in text  # shown, character for character, as text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_as_query_is_escaped_everywhere(hostile: TestClient, payload: str) -> None:
    page = hostile.get("/", params={"q": payload, "size": 50})
    assert page.status_code in (200, 400), page.text[:300]
    assert_no_injected_markup(page.text)
    box = soup(page).select_one("input#q")
    assert box["value"] == payload  # echoed into the box as an attribute value, intact
    api = hostile.get("/api/search", params={"q": payload})
    assert api.status_code in (200, 400)
    assert api.headers["content-type"] == "application/json"
    for name in ("symbol", "section", "addressee", "body"):
        filtered = hostile.get("/", params={"q": "hostile", name: payload})
        assert filtered.status_code in (200, 400, 404)
        assert_no_injected_markup(filtered.text)
    missing = hostile.get("/" + payload.replace("?", "").replace("#", ""))
    assert missing.status_code in (404, 400)
    assert_no_injected_markup(missing.text)


def test_every_payload_highlighted_in_one_results_page(hostile: TestClient) -> None:
    for query in ("hostile markup", "script", "alert", "evil", "onerror", "click", "mark"):
        response = hostile.get("/", params={"q": query, "size": 100})
        assert response.status_code == 200
        assert_no_injected_markup(response.text)
    everything = hostile.get("/", params={"q": "delegation quoted", "size": 100})
    assert len(soup(everything).select("li.hit")) == len(PAYLOADS)
    assert soup(everything).select("p.snippet mark")


def test_payloads_in_document_pages_and_json(hostile: TestClient) -> None:
    for url in ("/documents", f"/documents/{HOSTILE_SYMBOL}"):
        response = hostile.get(url)
        assert response.status_code == 200
        assert_no_injected_markup(response.text)
    api = hostile.get(f"/api/paragraph/{HOSTILE_SYMBOL}/1")
    assert api.json()["text"].count(PAYLOADS[0]) == 1  # JSON is data: sent verbatim
    assert api.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    ("snippet", "html"),
    [
        ("a [[b]] c", "a <mark>b</mark> c"),
        ("[[<b>]]", "<mark>&lt;b&gt;</mark>"),
        ("<[[script]]>x</[[script]]>", "&lt;<mark>script</mark>&gt;x&lt;/<mark>script</mark>&gt;"),
        ("[[a\" onmouseover=\"x]]", "<mark>a&#34; onmouseover=&#34;x</mark>"),
        ("]] [[", "]] [["),
        ("&amp; [[&]]", "&amp;amp; <mark>&amp;</mark>"),
    ],
)
def test_highlight_escapes_before_marking(snippet: str, html: str) -> None:
    assert str(highlight(snippet)) == html


# -- the search page ------------------------------------------------------------------------
def test_blank_search_page_introduces(sample: TestClient) -> None:
    response = sample.get("/")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("form[role=search] input#q[name=q]")
    assert page.select_one("label[for=q]")
    assert not page.select("li.hit")
    assert "reports" in page.select_one("section.intro").get_text()


@pytest.mark.parametrize("q", ["", "   "])
def test_an_empty_query_shows_the_form_and_the_api_refuses_it(sample: TestClient,
                                                              q: str) -> None:
    page = soup(sample.get("/", params={"q": q}))
    assert page.select_one("form[role=search] input#q") and not page.select("li.hit")
    answer = sample.get("/api/search", params={"q": q})
    assert answer.status_code == 400
    assert answer.json()["detail"].startswith("the query is empty: give words to search for")
    listed = sample.get("/api/search", params={"q": q, "symbol": "A/99/215"})
    assert listed.status_code == 200 and listed.json()["total"] > 10


def test_a_misspelt_query_shows_it_is_answered_for_the_correction(sample: TestClient) -> None:
    page = soup(sample.get("/", params={"q": "fishers coperatives"}))
    assert page.select_one("h1").get_text(" ", strip=True).endswith(
        "for fishers cooperatives")
    note = page.select_one("p.suggestion").get_text("", strip=False)
    assert note == "Showing results for fishers cooperatives (no paragraph matches coperatives)"
    data = sample.get("/api/search", params={"q": "fishers coperatives"}).json()
    assert (data["corrected_query"], data["misspelt"]) == ("fishers cooperatives",
                                                           ["coperatives"])


def test_search_page_is_a_shareable_link(sample: TestClient) -> None:
    response = sample.get("/?q=fishers")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("input#q")["value"] == "fishers"
    hits = page.select("li.hit")
    assert 0 < len(hits) <= 20
    first = hits[0]
    link = first.select_one("h2 a")
    assert re.fullmatch(r"/A/99/215/(annex/I/)?\d+", link["href"])
    assert re.fullmatch(r"A/99/215, (annex, )?para\. \d+", link.get_text())
    assert first.select_one("p.meta").get_text(strip=True)  # section and page
    assert first.select("p.snippet mark")
    assert page.select_one("aside.facets")


def test_search_hits_match_the_cli(sample: TestClient, sample_index: Path) -> None:
    api = sample.get("/api/search", params={"q": "fishers", "size": 10}).json()
    cli_out = cli_json(sample_index, "search", "fishers", "--format", "json")
    assert api["total"] == cli_out["total"]
    assert [h["citation"] for h in api["hits"]] == [h["citation"] for h in cli_out["hits"]]
    for mine, theirs in zip(api["hits"], cli_out["hits"], strict=True):
        assert set(mine) - set(theirs) == {"url"}
        assert {k: mine[k] for k in theirs} == theirs


def shown_count(page: Any) -> int:
    """The number in the results heading ("1,234 paragraphs", "about 12,000 paragraphs")."""
    words = page.select_one("h1.count").get_text().split()
    return int((words[1] if words[0] == "about" else words[0]).replace(",", ""))


def test_facet_links_narrow_the_results(sample: TestClient) -> None:
    base = sample.get("/?q=workers")
    total = shown_count(soup(base))
    links = soup(base).select("aside.facets a")
    assert any("symbol=" in a["href"] for a in links)
    assert any("body=" in a["href"] for a in links)
    for link in links:
        narrowed = sample.get(link["href"])
        assert narrowed.status_code == 200
        page = soup(narrowed)
        count = shown_count(page)
        assert 0 < count <= total
        assert page.select("ul.chips li")  # the filter shows, with a link to remove it
        query = parse_qs(urlsplit(link["href"]).query)
        if "symbol" in query:
            cited = [a.get_text() for a in page.select("li.hit h2 a")]
            assert cited and all(c.startswith(query["symbol"][0] + ",") for c in cited)
        remove = page.select_one("ul.chips a")["href"]
        assert "symbol=" not in remove and "body=" not in remove


def test_filters(sample: TestClient) -> None:
    only = soup(sample.get("/?q=States&recommendations=1"))
    hits = only.select("li.hit")
    assert hits and all(h.select_one(".tag") for h in hits)
    doc = soup(sample.get("/?q=States&symbol=E/C.12/*"))
    assert all(a.get_text().startswith("E/C.12/99/3") for a in doc.select("li.hit h2 a"))
    section = sample.get("/api/search", params={"q": "States", "section": "recommendations"})
    assert all(any("ecommendation" in s for s in h["section"]) for h in section.json()["hits"])
    french = sample.get("/api/search", params={"q": "States", "lang": "fr"})
    assert french.status_code == 400  # not an empty list: say which languages there are
    assert french.json()["detail"] == "no document in language 'fr': the index holds en"
    upper = sample.get("/api/search", params={"q": "States", "lang": "EN"}).json()
    assert upper["hits"] and all(h["language"] == "en" for h in upper["hits"])
    languages = [o["value"] for o in only.select("select#f-lang option")]
    assert languages == ["", "en"]


def test_an_estimated_total_says_about(sample: TestClient,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import indexer.store.estimate as estimate
    import indexer.store.searching as searching

    query = {"q": "States AND rights"}  # not only words: Whoosh's matchers, 58 matches
    exact = sample.get("/api/search", params=query).json()
    assert exact["total_estimated"] is False
    assert not soup(sample.get("/", params=query)).select_one("h1.count").get_text().startswith(
        "about")
    monkeypatch.setattr(searching, "EXACT_COUNT_LIMIT", 0)
    monkeypatch.setattr(estimate, "SAMPLE_DOCS", 64)  # the sample index is ~190 documents
    estimated = sample.get("/api/search", params=query).json()
    assert estimated["total_estimated"] is True and estimated["total"] > 0
    heading = soup(sample.get("/", params=query)).select_one("h1.count").get_text()
    assert heading.startswith("about ") and shown_count(soup(sample.get("/", params=query))) > 0


def test_paging(sample: TestClient) -> None:
    first = sample.get("/api/search", params={"q": "States", "size": 5}).json()
    second = sample.get("/api/search", params={"q": "States", "size": 5, "page": 2}).json()
    assert len(first["hits"]) == len(second["hits"]) == 5
    assert {h["citation"] for h in first["hits"]}.isdisjoint(h["citation"] for h in second["hits"])
    page = soup(sample.get("/?q=States&size=5&page=2"))
    assert page.select_one("ol.hits")["start"] == "6"
    assert page.select_one("a[rel=prev]") and page.select_one("a[rel=next]")


@pytest.mark.parametrize("params", [
    {"page": 0}, {"page": 1001}, {"size": 0}, {"size": 101}, {"page": "two"},
    {"recommendations": "perhaps"}, {"q": "x" * 1001},
])
def test_page_and_size_are_bounded(sample: TestClient, params: dict[str, Any]) -> None:
    api = sample.get("/api/search", params={"q": "fishers", **params})
    assert api.status_code == 400
    assert api.json()["detail"]
    page = sample.get("/", params={"q": "fishers", **params})
    assert page.status_code == 400
    assert soup(page).select_one("p.error").get_text(strip=True)


@pytest.mark.parametrize(("query", "words"), [
    ("(" * 14 + "fishers" + ")" * 14, "nests"),
    ("*", "wildcards"),
    ("a*", "wildcard"),
    ("fishers body:<b>", "body code"),
])
def test_bad_queries_answer_400_with_a_message(sample: TestClient, query: str,
                                               words: str) -> None:
    body = "<b>" if "body:" in query else None
    params = {"q": query.split(" body:")[0], **({"body": body} if body else {})}
    api = sample.get("/api/search", params=params)
    assert api.status_code == 400
    assert words in api.json()["detail"]
    page = sample.get("/", params=params)
    assert page.status_code == 400
    assert words in soup(page).select_one("p.error").get_text()
    assert soup(page).select_one("input#q")["value"] == params["q"]


# -- paragraphs ---------------------------------------------------------------------------
def test_paragraph_page(sample: TestClient) -> None:
    response = sample.get("/A/99/215/27")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("h1").get_text(strip=True) == "A/99/215, para. 27"
    assert page.select_one("code#citation").get_text() == "A/99/215, para. 27"
    button = page.select_one("button.copy")
    assert button.has_attr("hidden") and button["data-copy"] == "citation"
    for anchor in ("sub-a", "sub-b", "sub-b-i", "sub-b-ii", "sub-c"):
        assert page.select_one(f"p#{anchor}"), anchor
    assert page.select_one("p#sub-b-i")["class"] == ["part", "level-2"]
    assert page.select_one("nav.neighbours a[rel=prev]")["href"] == "/A/99/215/26"
    assert page.select_one("nav.neighbours a[rel=next]")["href"] == "/A/99/215/28"
    similar = page.select("section.similar li a")
    assert similar and not any(a["href"].startswith("/A/99/215/") for a in similar)
    assert page.select_one("nav.crumbs a")["href"] == "/documents/A/99/215"
    original = [a["href"] for a in page.select("dl.facts a") if "/original/" in a["href"]]
    assert original == ["/original/A/99/215@en#page=7"]


@pytest.mark.parametrize(("path", "citation"), [
    ("A/99/215/27", "A/99/215, para. 27"),
    ("A/99/215/annex/I/3", "A/99/215, annex, para. 3"),
    ("A/HRC/98/41/38.12", "A/HRC/98/41, para. 38.12"),
    ("E/C.12/99/3/20", "E/C.12/99/3, para. 20"),
    ("A/99/330/22", "A/99/330, para. 22"),
])
def test_paragraph_addresses(sample: TestClient, path: str, citation: str) -> None:
    page = sample.get(f"/{path}")
    assert page.status_code == 200
    assert soup(page).select_one("h1").get_text(" ", strip=True).startswith(citation)
    api = sample.get(f"/api/paragraph/{path}").json()
    assert api["citation"] == citation
    assert api["url"] == f"/{path}"
    assert sample.get("/api/paragraph", params={"citation": citation}).json() == api


def test_paragraph_json_matches_cli_get(sample: TestClient, sample_index: Path) -> None:
    api = sample.get("/api/paragraph", params={"citation": "A/99/215 27 (b)"}).json()
    theirs = cli_json(sample_index, "get", "A/99/215 27 (b)", "--format", "json")
    assert set(api) - set(theirs) == {"url", "previous", "next"}
    assert {k: api[k] for k in theirs} == theirs
    assert api["previous"] == {"citation": "A/99/215, para. 26", "url": "/A/99/215/26"}
    assert api["subparagraph"] == "(b)"


def test_paragraphs_returns_every_paragraph_a_citation_names(sample: TestClient) -> None:
    answer = sample.get("/api/paragraphs", params={"citation": "A/99/215, paras. 27-29"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["citation"] == "A/99/215, paras. 27-29"
    assert [p["citation"] for p in body["paragraphs"]] == [
        "A/99/215, para. 27", "A/99/215, para. 28", "A/99/215, para. 29"]
    one = sample.get("/api/paragraph", params={"citation": "A/99/215 28"}).json()
    assert body["paragraphs"][1] == one
    missing = sample.get("/api/paragraphs", params={"citation": "A/99/215 27, 999"})
    assert missing.status_code == 404 and "no paragraph 999" in missing.json()["detail"]


@pytest.mark.parametrize(("path", "target", "status"), [
    ("/a/99/215/27", "/A/99/215/27", 308),
    ("/A/99/215/annex/3", "/A/99/215/annex/I/3", 308),
    ("/A/99/215/27/", "/A/99/215/27", 308),
    ("/A/99/215", "/documents/A/99/215", 303),
    ("/documents/A/HRC/*", "/documents?symbol=A%2FHRC%2F%2A", 303),
])
def test_redirects_to_the_canonical_address(sample: TestClient, path: str, target: str,
                                            status: int) -> None:
    response = sample.get(path, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (status, target)


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/paragraph?citation=A/99/215 999", 404, "no paragraph 999"),
    ("/api/paragraph?citation=A/99/21 5", 404, "did you mean A/99/215"),
    ("/api/paragraph?citation=nothing at all", 400, "does not start with a UN document symbol"),
    ("/api/paragraph?citation=A/99/215 27-29", 400, "names 3 paragraphs: /api/paragraphs"),
    ("/api/paragraph?citation=A/99/215 27 (z)", 404, "no sub-paragraph (z)"),
    ("/api/paragraph/A/99/215", 404, "no document A/99 in the index"),
    ("/api/paragraph/A/99/215/x", 404, "not a paragraph address"),
    ("/api/similar?citation=A/99/215 999", 404, "no paragraph 999"),
    ("/api/documents?symbol=X/1/2", 404, "no document"),
    ("/api/search?q=fishers&symbol=X/1/2", 404, "no document"),
    ("/A/99/215/999", 404, "no paragraph 999"),
    ("/documents/X/1/2", 404, "no document"),
    ("/nothing-here", 404, "neither a paragraph"),
])
def test_unknown_things_answer_404_and_bad_ones_400(sample: TestClient, url: str, status: int,
                                                   words: str) -> None:
    response = sample.get(url)
    assert response.status_code == status
    message = (response.json()["detail"] if url.startswith("/api/")
               else soup(response).select_one("p.error").get_text())
    assert words in message


def test_parse_paragraph_path() -> None:
    assert parse_paragraph_path("A/57/292/69").citation().numbers == ["69"]
    address = parse_paragraph_path("A/HRC/EMRIP/2025/2/annex/I/12")
    assert (address.symbol, address.annex, address.number) == ("A/HRC/EMRIP/2025/2", "I", "12")
    assert parse_paragraph_path("A/HRC/59/15/140.12").number == "140.12"
    assert parse_paragraph_path("A/79/352/annex/4").annex == "I"
    assert parse_paragraph_path("A/57/292").symbol == "A/57"  # a document: tried after
    for bad in ("", "69", "A/57/292/x", "A/57/292/12345", "A/57/292/annex/II"):
        assert parse_paragraph_path(bad) is None, bad


# -- documents, recommendations, similar --------------------------------------------------
def test_documents_json_and_pages(sample: TestClient, sample_index: Path) -> None:
    data = sample.get("/api/documents").json()
    assert data["total"] == len(data["documents"]) >= 4
    fields = set(DocumentInfo.__dataclass_fields__)
    theirs = {d["symbol"]: d for d in cli_json(sample_index, "docs", "--format", "json")}
    for doc in data["documents"]:
        assert set(doc) == fields | {"url", "original_url"}
        assert {k: doc[k] for k in theirs[doc["symbol"]]} == theirs[doc["symbol"]]
        page = sample.get(doc["url"])
        assert page.status_code == 200
        assert soup(page).select_one("h1").get_text() == doc["symbol"]
        assert doc["quality"]["summary"] in page.text
    listing = soup(sample.get("/documents"))
    assert len(listing.select("table.documents tbody tr")) == data["total"]
    assert sample.get("/api/documents", params={"symbol": "A/HRC/*"}).json()["total"] == 1


def test_document_page_sections_link_to_paragraphs(sample: TestClient) -> None:
    page = soup(sample.get("/documents/A/99/215"))
    rows = page.select("table.sections tbody tr")
    assert len(rows) >= 10
    hrefs = [a["href"] for a in page.select("table.sections a")]
    assert "/A/99/215/1" in hrefs and "/A/99/215/annex/I/1" in hrefs
    for href in hrefs:
        assert sample.get(href).status_code == 200, href
    assert page.select_one("a[href^='/original/']")["href"] == "/original/A/99/215@en"
    assert "Extraction quality" in page.get_text()


def test_recommendations_api(sample: TestClient) -> None:
    data = sample.get("/api/recommendations", params={"facets": "true", "size": 50}).json()
    assert data["total"] > 0 and all(h["is_recommendation"] for h in data["hits"])
    assert set(data["facets"]) == set(FACETS)
    assert data["facets"]["bodies"]  # counted from the documents, not left empty
    ranked = sample.get("/api/recommendations", params={"q": "fishers"}).json()
    assert ranked["hits"] and all(h["is_recommendation"] for h in ranked["hits"])
    assert ranked["facets"] == {}


def test_similar_api(sample: TestClient) -> None:
    data = sample.get("/api/similar", params={"citation": "A/99/215, para. 27", "limit": 3})
    hits = data.json()["hits"]
    assert 0 < len(hits) <= 3
    assert all(h["symbol"] != "A/99/215" and h["url"].startswith("/") for h in hits)


# -- files, hosts, headers, errors --------------------------------------------------------
def test_original_files_by_document_id_only(sample: TestClient) -> None:
    pdf = sample.get("/original/A/99/215@en")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content == (CORPUS / "A_99_215-EN.pdf").read_bytes()
    text = sample.get("/original/A/99/330@en")
    assert text.headers["content-type"] == "text/plain; charset=utf-8"
    docx = sample.get("/original/E/C.12/99/3@en")
    assert docx.headers["content-disposition"].startswith("attachment")
    assert docx.headers["content-security-policy"] == "sandbox"
    for attempt in ("/original/../../../etc/passwd", "/original/%2Fetc%2Fpasswd",
                    "/original/A/99/215@en/../../../../etc/passwd", "/original/",
                    "/original/" + str(CORPUS / "A_99_215-EN.pdf"),
                    "/original/..%2F..%2Fpyproject.toml", "/static/../pyproject.toml"):
        response = sample.get(attempt)
        assert response.status_code in (404, 400), attempt
        assert b"%PDF" not in response.content and b"root:" not in response.content


def test_host_header_is_checked(sample_index: Path) -> None:
    app = create_app(sample_index)
    for host in ("localhost", "127.0.0.1", "[::1]"):
        assert TestClient(app, base_url=f"http://{host}:8765").get("/").status_code == 200
    for host in ("evil.example", "localhost.evil.example", "192.168.1.5"):
        response = TestClient(app, base_url=f"http://{host}").get("/api/documents")
        assert response.status_code == 400, host
    wider = create_app(sample_index, allowed_hosts=["reports.lan"])
    assert TestClient(wider, base_url="http://reports.lan").get("/").status_code == 200


def test_security_headers(sample: TestClient) -> None:
    for url in ("/", "/A/99/215/27", "/api/documents", "/openapi.json", "/nothing"):
        headers = sample.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert "server" not in headers


def test_openapi_describes_the_api(sample: TestClient) -> None:
    spec = sample.get("/openapi.json").json()
    assert {"/api/search", "/api/paragraph", "/api/paragraphs", "/api/paragraph/{path}",
            "/api/recommendations", "/api/documents", "/api/similar"} == set(spec["paths"])
    for operations in spec["paths"].values():
        responses = operations["get"]["responses"]
        assert "422" not in responses and {"200", "400", "404"} <= set(responses)
    hit = spec["components"]["schemas"]["Hit"]["properties"]
    assert {"citation", "paragraph", "section", "page", "snippet", "score"} <= set(hit)
    assert sample.get("/docs").status_code == 404  # no interactive docs loading CDN scripts


def test_unexpected_errors_show_no_traceback(sample_index: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from search.service import Paraindex

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(Paraindex, "search", broken)
    client = make_client(sample_index, raise_server_exceptions=False)
    for url in ("/api/search?q=x", "/?q=x"):
        response = client.get(url)
        assert response.status_code == 500
        assert "secret internals" not in response.text and "Traceback" not in response.text


def test_pages_answer_head(sample: TestClient) -> None:
    for url in ("/", "/A/99/215/27", "/documents"):
        assert sample.head(url).status_code == 200


def test_new_documents_show_without_a_restart(tmp_path: Path) -> None:
    index = tmp_path / "index"
    index_paths(index, [write_hostile_report(tmp_path)])
    client = make_client(index)
    assert client.get("/api/documents").json()["total"] == 1
    copy = tmp_path / "more"
    copy.mkdir()
    shutil.copy(CORPUS / "A_99_330-EN.txt", copy)
    index_paths(index, [copy])
    assert client.get("/api/documents").json()["total"] == 2
    assert client.get("/A/99/330/22").status_code == 200


# -- the command --------------------------------------------------------------------------
@pytest.fixture()
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """`uvicorn.run` replaced: what `paraindex serve` would have served, and how."""
    import uvicorn

    calls: dict[str, Any] = {}

    def fake_run(app: Any, **kwargs: Any) -> None:
        calls["app"] = app
        calls.update(kwargs)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setattr("search.cli._check_port", lambda host, port: None)  # ports may be busy
    yield calls


def test_serve_on_a_port_in_use_says_so_in_one_line(sample_index: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["--index", str(sample_index), "serve", "--port",
                                          str(port)], obj={})
    assert result.exit_code == 1
    assert result.output == (f"Error: port {port} on 127.0.0.1 is already in use (another "
                             "`paraindex serve`?): stop it or choose another with --port\n")


def test_serve_binds_loopback_by_default(served: dict[str, Any], sample_index: Path) -> None:
    result = CliRunner().invoke(cli, ["--index", str(sample_index), "serve"], obj={})
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 8765)
    assert "http://127.0.0.1:8765/" in result.output and "Warning" not in result.output
    client = TestClient(served["app"], base_url="http://127.0.0.1:8765")
    assert client.get("/api/documents").status_code == 200
    assert TestClient(served["app"], base_url="http://evil.example").get("/").status_code == 400


def test_serve_warns_when_exposed(served: dict[str, Any], sample_index: Path) -> None:
    result = CliRunner().invoke(cli, ["--index", str(sample_index), "serve", "--host", "0.0.0.0",
                                      "--port", "9000", "--allow-host", "reports.lan"], obj={})
    assert result.exit_code == 0, result.output
    assert "Warning: listening on 0.0.0.0" in result.output
    assert (served["host"], served["port"]) == ("0.0.0.0", 9000)
    client = TestClient(served["app"], base_url="http://reports.lan:9000")
    assert client.get("/").status_code == 200


def test_serve_on_ipv6_loopback(served: dict[str, Any], sample_index: Path) -> None:
    result = CliRunner().invoke(cli, ["--index", str(sample_index), "serve", "--host", "::1"],
                                obj={})
    assert result.exit_code == 0 and "Warning" not in result.output
    assert "http://[::1]:8765/" in result.output
    assert TestClient(served["app"], base_url="http://[::1]:8765").get("/").status_code == 200


def test_serve_open_starts_a_browser(served: dict[str, Any], sample_index: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    monkeypatch.setattr(threading, "Timer", lambda delay, call, args: type(
        "Now", (), {"start": lambda self: call(*args)})())
    result = CliRunner().invoke(cli, ["--index", str(sample_index), "serve", "--open",
                                      "--port", "8800"], obj={})
    assert result.exit_code == 0, result.output
    assert opened == ["http://127.0.0.1:8800/"]


def test_serve_without_an_index(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--index", str(tmp_path / "none"), "serve"], obj={})
    assert result.exit_code == 1
    assert "no paraindex index" in result.output


def test_serve_without_the_web_extra(sample_index: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "search.web" or m.startswith("search.web.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "fastapi", None)
    result = CliRunner().invoke(cli, ["--index", str(sample_index), "serve"], obj={})
    assert result.exit_code == 1
    assert "pip install 'paraindex[web]'" in result.output and "fastapi" in result.output


# -- the real reports ---------------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.parametrize("path", [
    "A/HRC/EMRIP/2025/2/annex/I/12",
    "A/HRC/59/15/140.12",
    "A/80/188/59",
    "A/80/74-E/2025/53/9",
    "A/79/7/Add.13/5",
])
def test_real_paragraph_pages(real: TestClient, path: str) -> None:
    api = real.get(f"/api/paragraph/{path}")
    assert api.status_code == 200, api.text
    page = real.get(api.json()["url"])
    assert page.status_code == 200
    assert soup(page).select_one("code#citation").get_text() == api.json()["citation"]
    assert_no_injected_markup(page.text)


@pytest.mark.shared
def test_real_document_pages_and_hit_links(real: TestClient) -> None:
    documents = real.get("/api/documents").json()["documents"]
    assert len(documents) >= 20
    for doc in documents:  # symbols with spaces, brackets and accents among them
        page = real.get(doc["url"])
        assert page.status_code == 200, doc["symbol"]
        assert soup(page).select_one("h1").get_text() == doc["symbol"]
        first = soup(page).select_one("table.sections a")
        if first:
            shown = soup(real.get(first["href"])).select_one("code#citation").get_text()
            assert shown.startswith(doc["symbol"] + ","), first["href"]
        assert real.get(doc["original_url"]).status_code == 200
    results = real.get("/api/search", params={"q": "human rights defenders", "size": 40,
                                              "facets": "true"}).json()
    assert results["facets"]["documents"] and results["facets"]["bodies"]
    for hit in results["hits"]:
        response = real.get(hit["url"])
        assert response.status_code == 200, hit["url"]
        if hit["paragraph"]:
            shown = soup(response).select_one("code#citation").get_text()
            assert shown == hit["citation"]


def test_empty_form_fields_redirect_to_the_short_link(sample: TestClient) -> None:
    response = sample.get("/?q=fishers&symbol=&section=&lang=&recommendations=1",
                          follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/?q=fishers&recommendations=1"
    assert sample.get("/?q=&symbol=", follow_redirects=False).headers["location"] == "/"


def test_a_running_server_sees_documents_indexed_after_it_started(tmp_path: Path) -> None:
    from indexer.batch import index_paths

    from .test_batch_helpers import write_reports

    reports, index = tmp_path / "reports", tmp_path / "index"
    write_reports(reports, 2)
    index_paths(index, [reports])
    client = make_client(index)
    assert client.get("/api/documents").json()["total"] == 2
    assert client.get("/api/paragraph", params={"citation": "A/90/5 3"}).status_code == 404
    assert client.get("/api/search", params={"q": "report symbol:A/90/*"}).json()["total"] > 0

    write_reports(reports, 2, start=5)
    index_paths(index, [reports])  # another run while the server is up
    assert client.get("/api/documents").json()["total"] == 4
    assert client.get("/api/paragraph", params={"citation": "A/90/5 3"}).status_code == 200
    found = client.get("/api/search", params={"q": "report symbol:A/90/5"}).json()
    assert found["total"] > 0
    pattern = client.get("/api/search", params={"q": "report", "symbol": "A/90/*"}).json()
    assert {hit["symbol"] for hit in pattern["hits"]} >= {"A/90/5", "A/90/6"}
