"""The HTML edition in a real browser (Debian's Chromium through Playwright), as a reader
uses it: filter the index, open a document, switch views, follow a footnote and back,
open a register entry, search; and axe-core on every page finds no serious problem.
Screenshots go to tests/output/html/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tei_edition.config import load_edition
from tei_edition.render import RenderOptions, get_writer
from tei_edition.render.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "html" / "edition"
SHOTS = ROOT / "tests" / "output" / "html"
SIGNS_ID = "d1950-10-20_test-sender_test-recipient"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser-site")
    get_writer("html").write(load_corpus(load_edition(FIXTURE / "edition.toml")), RenderOptions(out=out))
    return out


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    requests: list[str] = []
    opened.on("request", lambda request: requests.append(request.url))
    yield opened
    context.close()
    assert [url for url in requests if not url.startswith("file:")] == [], "the site asked the network"


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_index_filters_documents(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    rows = page.locator("#documents-table tbody tr")
    expect(rows).to_have_count(6)  # five documents and the message one of them quotes
    page.select_option("#filter-sender", "kim-il-sung")
    expect(page.locator("#documents-table tbody tr:visible")).to_have_count(1)
    expect(page.locator("#filter-count")).to_have_text("1 of 6 documents shown")
    shot(page, "index-filtered")
    page.select_option("#filter-sender", "")
    page.select_option("#filter-year", "1950")
    expect(page.locator("#documents-table tbody tr:visible")).to_have_count(6)
    page.get_by_role("link", name="Cable, Gromyko to Stalin (test fixture with every editorial sign)").click()
    expect(page).to_have_url((site / f"{SIGNS_ID}.html").as_uri())


def test_switching_views_hides_deletions_and_shows_additions_and_is_remembered(page: Page, site: Path) -> None:
    page.goto((site / f"{SIGNS_ID}.html").as_uri())
    reading = page.locator("#reading-view")
    diplomatic = page.locator("#diplomatic-view")
    expect(reading).to_be_visible()
    expect(diplomatic).to_be_hidden()
    expect(reading).not_to_contain_text("hasty")
    expect(reading).to_contain_text("decision was carefully")
    shot(page, "document-reading")
    page.check("#view-diplomatic")
    expect(reading).to_be_hidden()
    expect(diplomatic.locator("del", has_text="hasty")).to_be_visible()
    added = diplomatic.locator("ins", has_text="carefully")
    expect(added).to_have_attribute("title", "Added in hand 1 (unidentified), at the top")
    shot(page, "document-diplomatic")
    page.reload()
    expect(page.locator("#view-diplomatic")).to_be_checked()
    expect(diplomatic).to_be_visible()


def test_views_switch_without_javascript(browser: Browser, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / f"{SIGNS_ID}.html").as_uri())
    expect(page.locator("#diplomatic-view")).to_be_hidden()
    page.check("#view-diplomatic")
    expect(page.locator("#diplomatic-view")).to_be_visible()
    expect(page.locator("#reading-view")).to_be_hidden()
    context.close()


def test_footnote_and_back(page: Page, site: Path) -> None:
    page.goto((site / f"{SIGNS_ID}.html").as_uri())
    page.locator("#fn-1-ref").click()
    expect(page).to_have_url(f"{(site / f'{SIGNS_ID}.html').as_uri()}#fn-1")
    expect(page.locator("#fn-1")).to_contain_text("Translator’s note.")
    expect(page.locator("#fn-1")).to_be_in_viewport()
    page.locator("#fn-1 .backref-reading").click()
    expect(page).to_have_url(f"{(site / f'{SIGNS_ID}.html').as_uri()}#fn-1-ref")
    expect(page.locator("#fn-1-ref")).to_be_in_viewport()


def test_register_entry_leads_to_the_passage(page: Page, site: Path) -> None:
    page.goto((site / f"{SIGNS_ID}.html").as_uri())
    page.locator("#reading-view a.persName", has_text="Filippov").first.click()
    expect(page).to_have_url((site / "persons.html").as_uri() + "#stalin")
    entry = page.locator("#stalin")
    expect(entry).to_be_in_viewport()
    expect(entry.locator(".name-forms")).to_contain_text("Fyn Si")
    shot(page, "register-stalin")
    entry.locator(f"a[href^='{SIGNS_ID}.html#']").first.click()
    target = page.url.split("#")[1]
    expect(page.locator(f"[id='{target}']")).to_be_in_viewport()


def test_search_finds_a_word_of_a_document(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.fill("#quick-q", "recieved")  # a word only the test document has
    page.press("#quick-q", "Enter")
    expect(page.locator("#search-results li")).to_have_count(1)
    expect(page.locator("#search-results li a")).to_have_attribute("href", f"{SIGNS_ID}.html")
    page.fill("#search-q", "hasty decision")  # a deleted word: found in the diplomatic text
    page.press("#search-q", "Enter")
    expect(page.locator("#search-results li")).to_have_count(1)
    shot(page, "search")
    page.fill("#search-q", "товарищу")  # Russian, any case: the snippet carries its language
    page.press("#search-q", "Enter")
    expect(page.locator("#search-results li")).to_have_count(1)
    expect(page.locator("#search-results li p")).to_have_attribute("lang", "ru")


def test_phone_width_stacks_versions(browser: Browser, site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto((site / "d1950-10-01_stalin_mao-zedong.html").as_uri())
    versions = page.locator("#reading-view .version")
    expect(versions).to_have_count(2)
    first, second = versions.nth(0).bounding_box(), versions.nth(1).bounding_box()
    assert second["y"] > first["y"] + first["height"] - 1  # stacked
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "document-phone")
    context.close()
    wide = browser.new_context(viewport={"width": 1400, "height": 900})
    page = wide.new_page()
    page.goto((site / "d1950-10-01_stalin_mao-zedong.html").as_uri())
    versions = page.locator("#reading-view .version")
    assert versions.nth(0).bounding_box()["y"] == versions.nth(1).bounding_box()["y"]  # side by side
    shot(page, "document-parallel")
    wide.close()


def test_no_serious_accessibility_violations_in_the_example_edition(browser: Browser, tmp_path: Path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    edition = load_edition(ROOT / "edition.toml")
    corpus = load_corpus(edition)
    if not corpus.documents:
        pytest.skip("the example edition has no converted documents yet (make convert)")
    get_writer("html").write(corpus, RenderOptions(out=tmp_path))
    page = browser.new_page()
    serious = []
    for html in sorted(tmp_path.glob("*.html")):
        page.goto(html.as_uri())
        serious += [f"{html.name}: {v['id']} ({v['impact']})" for v in Axe().run(page).response["violations"]
                    if v["impact"] in ("serious", "critical")]
    page.close()
    assert serious == []


PAGES = [f"{SIGNS_ID}.html", "d1950-10-01_stalin_mao-zedong.html", "index.html", "persons.html",
         "places.html", "organisations.html", "conventions.html", "search.html"]


def test_no_page_is_wider_than_a_phone(browser: Browser, site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    too_wide = []
    for name in PAGES:
        page.goto((site / name).as_uri())
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide.append(f"{name}: {width}px")
    context.close()
    assert too_wide == []


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(page: Page, site: Path, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto((site / name).as_uri())
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    if name == f"{SIGNS_ID}.html":
        page.check("#view-diplomatic")
        diplomatic = Axe().run(page).response["violations"]
        assert [v["id"] for v in diplomatic if v["impact"] in ("serious", "critical")] == []
