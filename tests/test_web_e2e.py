"""End to end in real headless Chromium (Debian's ``chromium``, driven by Playwright).

A real server (uvicorn on a free loopback port) serves the sample index; the
browser searches, filters, opens a paragraph, copies its citation and follows
"similar", by mouse, by keyboard alone, without JavaScript and on a phone-sized
screen; the hostile report's payloads must never run.

Playwright never downloads a browser here: it starts the system's Chromium
(``PARAINDEX_CHROMIUM``, else ``chromium`` on PATH). Without one the tests
skip with the reason; with PARAINDEX_REQUIRE_BROWSER=1 (CI) they fail.
Set PARAINDEX_SCREENSHOT_DIR=docs to refresh docs/search.png and docs/paragraph.png.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]
STEP_TIMEOUT_MS = 15_000


def _chromium() -> str | None:
    chosen = os.environ.get("PARAINDEX_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _problem() -> str | None:
    """Why the browser tests cannot run here, or None."""
    for module in ("fastapi", "uvicorn", "playwright"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed: pip install -e '.[web,test]'"
    if _chromium() is None:
        return "no Chromium found: apt-get install chromium (or set PARAINDEX_CHROMIUM)"
    return None


CHROMIUM = _chromium()
PROBLEM = _problem()
if PROBLEM and os.environ.get("PARAINDEX_REQUIRE_BROWSER") != "1":
    pytest.skip(PROBLEM, allow_module_level=True)

from indexer.batch import index_paths  # noqa: E402

if not PROBLEM:
    import uvicorn
    from playwright.sync_api import Browser, Page, sync_playwright

    from search.web import create_app


@pytest.fixture(autouse=True, scope="module")
def _browser_needed() -> None:
    if PROBLEM:  # only in CI (PARAINDEX_REQUIRE_BROWSER=1): fail each test, run the rest
        pytest.fail(f"{PROBLEM} (PARAINDEX_REQUIRE_BROWSER=1)", pytrace=False)


def _api_tests() -> Any:
    """tests/test_web_api.py, for its payloads (pytest 9 puts no test folder on sys.path)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "paraindex_web_api_tests", Path(__file__).with_name("test_web_api.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_shared = _api_tests()
PAYLOADS: list[str] = _shared.PAYLOADS
write_hostile_report = _shared.write_hostile_report


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(index_dir: Path) -> Iterator[str]:
    """A real uvicorn server on loopback, in a thread, for the module's tests."""
    port = _free_port()
    config = uvicorn.Config(create_app(index_dir), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def site(sample_index: Path) -> Iterator[str]:
    yield from _serve(sample_index)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("hostile-e2e")
    index = folder / "index"
    summary = index_paths(index, [write_hostile_report(folder)])
    assert not summary.failed
    yield from _serve(index)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium with a new empty profile (Playwright makes one per launch)."""
    playwright = sync_playwright().start()
    try:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    except Exception as error:  # present but broken: a failure, not a skip
        playwright.stop()
        pytest.fail(f"Chromium at {CHROMIUM} did not start: {error}", pytrace=False)
    yield launched
    launched.close()
    playwright.stop()


def _page(browser: Browser, base_url: str, **options: Any) -> Page:
    context = browser.new_context(base_url=base_url, **options)
    page = context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    return page


@pytest.fixture()
def page(browser: Browser, site: str) -> Iterator[Page]:
    page = _page(browser, site, viewport={"width": 1200, "height": 900})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    page.context.close()
    assert not errors, errors


def _hits(page: Page) -> list[str]:
    return page.locator("li.hit h2 a").all_inner_texts()


def test_search_filter_open_copy_and_follow_similar(page: Page) -> None:
    # 1. search from the box: the results are a link
    page.goto("/")
    page.get_by_label("Search paragraphs").fill("fishers")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/\?q=fishers$"))
    everything = _hits(page)
    assert everything and all(c.startswith("A/99/215") for c in everything)
    assert page.locator("li.hit p.snippet mark").count() > 0

    # 2. filter: recommendations only
    page.locator("details.filters summary").click()
    page.get_by_label("Recommendations only").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"recommendations=1"))
    assert page.locator("li.hit").count() == page.locator("li.hit .tag").count() > 0

    # 3. a facet narrows the results, and shows as a removable filter
    page.locator("aside.facets a").first.click()
    page.wait_for_url(re.compile(r"(symbol|body)="))
    assert page.locator("ul.chips li").count() >= 2

    # 4. open a paragraph
    first = page.locator("li.hit h2 a").first
    citation = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/A/99/215/"))
    assert page.locator("h1").inner_text().startswith(citation)

    # 5. copy its citation
    page.get_by_role("button", name="Copy citation").click()
    page.locator("#copy-status", has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == citation

    # 6. follow "similar" to another report
    similar = page.locator("section.similar li a").first
    target = similar.inner_text()
    similar.click()
    page.wait_for_url(lambda url: "/A/99/215/" not in url)
    assert page.locator("code#citation").inner_text() == target
    assert not target.startswith("A/99/215,")


def test_keyboard_alone(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(12):
        if page.evaluate("document.activeElement.id") == "q":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("migrant workers")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=migrant\+workers"))
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('li.hit h2')"):
            break
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # where the focus is can be seen
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/[A-Z].*/\d+(\.\d+)?$"))
    assert page.locator("code#citation").is_visible()


def test_search_and_reading_without_javascript(browser: Browser, site: str) -> None:
    page = _page(browser, site, java_script_enabled=False)
    page.goto("/")
    page.fill("#q", "heat")
    page.click("form.search button[type=submit]")
    page.wait_for_url(re.compile(r"q=heat"))
    assert _hits(page)
    page.locator("li.hit h2 a").first.click()
    page.wait_for_url(re.compile(r"/A/99/330/"))
    assert not page.get_by_role("button", name="Copy citation").is_visible()
    page.locator("code#citation").click()  # one click selects the whole citation (CSS)
    selected = page.evaluate("getSelection().toString()")
    assert selected == page.locator("code#citation").inner_text()
    page.locator("nav.neighbours a[rel=next]").click()
    assert page.locator("h1").is_visible()
    page.context.close()


@pytest.mark.parametrize("path", ["/?q=fishers", "/A/99/215/27", "/documents/A/99/215"])
def test_readable_on_a_phone(browser: Browser, site: str, path: str) -> None:
    page = _page(browser, site, viewport={"width": 360, "height": 740}, is_mobile=True,
                 has_touch=True, device_scale_factor=2)
    page.goto(path)
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 360, f"{path} scrolls sideways ({wide}px on a 360px screen)"
    assert page.locator("main").bounding_box()["width"] <= 360
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 16
    page.context.close()


def test_no_payload_runs_in_the_browser(browser: Browser, hostile_site: str) -> None:
    page = _page(browser, hostile_site)
    dialogs: list[str] = []
    problems: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    urls = ["/?q=hostile+markup&size=50", "/?q=script+alert&size=50", "/documents",
            "/documents/A/99/901"]
    urls += [f"/A/99/901/{n}" for n in range(1, len(PAYLOADS) + 1)]
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("document.querySelectorAll('script').length") == 1, url
        assert page.evaluate("document.querySelectorAll('iframe,object,embed,img,base').length")\
            == 0, url
        assert page.url.startswith(hostile_site), url  # no redirect by <meta refresh>
    for payload in PAYLOADS:
        page.goto(f"/?q={payload.replace('#', '').replace('&', '').replace('?', '')}")
    assert not dialogs, dialogs
    assert not [p for p in problems if "Content Security Policy" in p], problems
    page.context.close()


def test_screenshots(browser: Browser, site: str, tmp_path: Path) -> None:
    """docs/search.png and docs/paragraph.png, refreshed when PARAINDEX_SCREENSHOT_DIR is set."""
    target = Path(os.environ.get("PARAINDEX_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    page = _page(browser, site, viewport={"width": 1200, "height": 860})
    page.goto("/?q=migrant+workers")
    page.screenshot(path=target / "search.png")
    page.goto("/A/99/215/27")
    page.screenshot(path=target / "paragraph.png")
    page.context.close()
    for name in ("search.png", "paragraph.png"):
        assert (target / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
