"""Witnesses in the HTML edition: a document found in several sources is one page with its
variants marked, each witness's own text, and two witnesses side by side; the index lists
it once with its witnesses, and lists a message quoted in a document under its own date.

Static checks read the pages with lxml; the switches are tried in a real browser (Debian's
Chromium through Playwright), with and without JavaScript, and axe checks each state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from playwright.sync_api import Browser, Page, expect

from tei_edition.collate import witness_text
from tei_edition.config import load_edition
from tei_edition.render import RenderOptions, get_writer
from tei_edition.render.corpus import load_corpus
from tei_edition.xmlio import NSMAP, parse_xml

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "html" / "edition"
TELEGRAM = "d1950-10-01_stalin_mao-zedong"  # four witnesses: A, D (English), B, C (Russian)
CARRIER = "d1950-10-03_roshchin_stalin"  # quotes Mao's message of 2 October


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("witness-site")
    get_writer("html").write(load_corpus(load_edition(FIXTURE / "edition.toml")), RenderOptions(out=out))
    return out


def _page(site: Path, name: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / name)).getroot()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


# the document page


def test_the_page_lists_the_witnesses_with_their_publications(site: Path) -> None:
    page = _page(site, f"{TELEGRAM}.html")
    items = page.xpath("//section[@class='metadata']//li[starts-with(@id, 'wit-')]")
    assert [item.xpath("string(strong)") for item in items] == ["A", "B", "C", "D"]
    assert "Russian transcription 2" in items[2].text_content()
    assert "digitalarchive.wilsoncenter.org/document/113729" in items[2].text_content()
    assert "Document 10" in items[3].text_content()


def test_variants_are_marked_with_every_witness_reading(site: Path) -> None:
    page = _page(site, f"{TELEGRAM}.html")
    reading = page.xpath("//div[@id='reading-view']")[0]
    place = reading.xpath(".//span[contains(@class, 'app-substantive')][mark[.='оторвался']]")[0]
    readings = place.xpath("span[@role='tooltip']")[0]
    assert "B: “оторвался”; C: “оторван”" in readings.text_content()
    button = place.xpath("button")[0]
    assert button.get("aria-describedby") == readings.get("id")
    # The button is the note's place in the text: the textual note links back to it.
    note = page.xpath(f"//li[@id='{button.get('id').removesuffix('-ref')}']")[0]
    assert f"#{button.get('id')}" in note.xpath("a/@href")
    # Minor variants are classed so that the switch can unmark them; substantive ones are not.
    kinds = {cls for cls in reading.xpath(".//span[contains(@class, 'app-minor')]/@class")}
    assert {"app app-punctuation app-minor", "app app-case app-minor", "app app-word-division app-minor"} <= kinds
    assert "app-minor" not in place.get("class")


@pytest.mark.parametrize("wit", ["wit-A", "wit-B", "wit-C", "wit-D"])
def test_each_witness_text_gives_back_that_witness_word_for_word(site: Path, wit: str) -> None:
    """The page's text of a witness against the converter's reconstruction (`witness_text`),
    letters and digits in order (the page brackets supplied words: no other difference)."""
    tei = parse_xml(FIXTURE / "xml" / "1950-10-01_stalin_mao-zedong.xml").getroot()
    divs = [div for div in tei.iterfind("tei:text/tei:body/tei:div", NSMAP) if f"#{wit}" in div.get("source", "").split()]
    assert divs
    expected = "".join(_letters(witness_text(div, wit)) for div in divs)
    block = _page(site, f"{TELEGRAM}.html").xpath(f"//div[@id='{wit}-text']")[0]
    shown = "".join(_letters(node.text_content() if isinstance(node, lxml.html.HtmlElement) else str(node))
                    for section in block.xpath(".//section")
                    for node in section.xpath("node()[not(self::h3)][not(self::span[@class='pb'])]"))
    assert shown == expected


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


def test_the_synopsis_marks_the_words_in_which_two_witnesses_differ(site: Path) -> None:
    page = _page(site, f"{TELEGRAM}.html")
    table = page.xpath("//div[@id='synopsis-wit-B-wit-C']//table")[0]
    assert [th.text_content() for th in table.xpath("thead//th")] == ["B: Russian transcription 1", "C: Russian transcription 2"]
    rows = table.xpath("tbody/tr")
    tei = parse_xml(FIXTURE / "xml" / "1950-10-01_stalin_mao-zedong.xml").getroot()
    ru = tei.xpath("tei:text/tei:body/tei:div[@xml:lang='ru']", namespaces=NSMAP)[0]
    assert len(rows) == len([b for b in ru if b.tag.split("}")[1] != "pb"])  # one row per block
    marked = [[" ".join(m.text_content().split()) for m in td.xpath(".//mark[contains(@class, 'differs')]")]
              for td in table.xpath("tbody/tr/td")]
    left = [word for cell in marked[0::2] for word in cell]
    right = [word for cell in marked[1::2] for word in cell]
    assert {"оторвался", "войсковые", "приказ"} <= set(left) and "оторван" not in left
    assert {"оторван", "воинственные", "приказа"} <= set(right)
    # Words both witnesses share are not marked; C's page break stands in C's column only.
    assert "Москвы" not in left + right
    assert [td.xpath("count(.//span[@class='pb'])") for td in table.xpath("tbody/tr/td")].count(1.0) == 1
    page_cell = table.xpath("tbody/tr/td[.//span[@class='pb']]")[0]
    assert page_cell.getparent().index(page_cell) == 1


# the index


def test_the_index_lists_the_telegram_once_with_its_witnesses(site: Path) -> None:
    index = _page(site, "index.html")
    rows = index.xpath(f"//table[@id='documents-table']//tr[.//a[starts-with(@href, '{TELEGRAM}.html')]]")
    assert len(rows) == 1
    assert "4 witnesses: A (English translation), B (Russian transcription 1), C (Russian transcription 2), D" in rows[0].text_content()


def test_the_index_lists_the_quoted_message_under_its_own_date_pointing_into_its_carrier(site: Path) -> None:
    index = _page(site, "index.html")
    body = index.xpath("//table[@id='documents-table']/tbody")[0]
    dates = [row.xpath("string(td[1]//time/@datetime)") for row in body.xpath("tr")]
    quoted = body.xpath("tr[contains(@class, 'embedded')]")
    assert len(quoted) == 1
    row = quoted[0]
    assert row.xpath("string(td[1]//time/@datetime)") == "1950-10-02"
    assert row.xpath("string(td[1])") == "2 October 1950"
    assert [td.text_content() for td in row.xpath("td[2] | td[3]")] == ["Mao Zedong", "Iosif V. Stalin"]
    assert dates == sorted(dates)  # in date order with the documents
    href = row.xpath("string(td[4]/a/@href)")
    assert href == f"{CARRIER}.html#{CARRIER}-q1"
    carrier = _page(site, f"{CARRIER}.html")
    quoted = carrier.xpath(f"//figure[@id='{CARRIER}-q1']")[0]
    assert quoted.xpath("string(figcaption)") == "Quoted message: Mao Zedong to Iosif V. Stalin, 2 October 1950"
    assert "We await your reply" in quoted.xpath("string(blockquote)")
    assert carrier.xpath(f"//section[@class='metadata']//a[@href='#{CARRIER}-q1']")  # and its metadata too
    assert row.get("data-sender") == "mao-zedong" and row.get("data-kind") == "Quoted message"


# in a browser


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def _shown_text(page: Page) -> str:
    """The words of the text section the reader sees (hidden blocks, and the letters of
    the variants' buttons, left out)."""
    return page.evaluate("""() => {
        const walker = document.createTreeWalker(document.querySelector("section.text"), NodeFilter.SHOW_TEXT);
        const shown = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (parent.checkVisibility() && !parent.closest("button")) { shown.push(node.data); }
        }
        return shown.join(" ");
    }""")


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){word}(?!\w)", text) is not None


def test_switching_to_a_witness_shows_its_words_and_is_remembered(page: Page, site: Path) -> None:
    page.goto((site / f"{TELEGRAM}.html").as_uri())
    collated = _shown_text(page)
    assert _has_word(collated, "оторвался") and _has_word(collated, "войсковые")
    page.check("#text-wit-C")
    expect(page.locator("#wit-C-text")).to_be_visible()
    expect(page.locator("#reading-view")).to_be_hidden()
    shown = _shown_text(page)
    assert _has_word(shown, "оторван") and _has_word(shown, "воинственные")
    assert not _has_word(shown, "оторвался") and not _has_word(shown, "войсковые")
    assert not _has_word(shown, "Moscow")  # C is Russian: the English versions are not its text
    page.check("#text-wit-B")
    shown = _shown_text(page)
    assert _has_word(shown, "оторвался") and not _has_word(shown, "оторван")
    page.reload()
    expect(page.locator("#text-wit-B")).to_be_checked()
    expect(page.locator("#wit-B-text")).to_be_visible()
    page.check("#text-collated")
    expect(page.locator("#reading-view")).to_be_visible()


def test_witnesses_and_synopsis_switch_without_javascript(browser: Browser, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / f"{TELEGRAM}.html").as_uri())
    expect(page.locator("#wit-C-text")).to_be_hidden()
    page.check("#text-wit-C")
    expect(page.locator("#wit-C-text")).to_be_visible()
    assert not _has_word(_shown_text(page), "оторвался")
    page.check("#text-synopsis-wit-B-wit-C")
    synopsis = page.locator("#synopsis-wit-B-wit-C")
    expect(synopsis).to_be_visible()
    expect(page.locator("#wit-C-text")).to_be_hidden()
    expect(page.locator("#reading-view")).to_be_hidden()
    context.close()


def test_collated_and_synoptic_views(page: Page, site: Path) -> None:
    page.goto((site / f"{TELEGRAM}.html").as_uri())
    page.check("#text-synopsis-wit-B-wit-C")
    synopsis = page.locator("#synopsis-wit-B-wit-C")
    expect(synopsis).to_be_visible()
    expect(page.locator("#reading-view")).to_be_hidden()
    row = synopsis.locator("tbody tr", has_text="оторван")
    expect(row.locator("td").nth(0).locator("mark.differs")).to_contain_text(["оторвался"])
    expect(row.locator("td").nth(1).locator("mark.differs")).to_contain_text(["оторван"])
    left, right = (row.locator("td").nth(i).bounding_box() for i in (0, 1))
    assert left["y"] == right["y"] and right["x"] > left["x"] + left["width"] - 1  # side by side
    page.check("#text-synopsis-wit-A-wit-D")
    english = page.locator("#synopsis-wit-A-wit-D")
    expect(english).to_be_visible()
    expect(synopsis).to_be_hidden()
    expect(english.locator("mark.differs", has_text="Chemulp'o")).to_be_visible()
    page.check("#text-collated")
    expect(english).to_be_hidden()
    expect(page.locator("#reading-view")).to_be_visible()


def test_readings_show_on_hover_click_and_keyboard(page: Page, site: Path) -> None:
    page.goto((site / f"{TELEGRAM}.html").as_uri())
    place = page.locator("#reading-view .app", has=page.locator("mark", has_text="оторвался"))
    readings = place.locator(".app-readings")
    expect(readings).to_be_hidden()
    place.locator("mark").hover()
    expect(readings).to_be_visible()
    expect(readings).to_contain_text("C: “оторван”")
    page.mouse.move(0, 0)
    expect(readings).to_be_hidden()
    button = place.locator("button")
    button.click()
    expect(readings).to_be_visible()
    expect(button).to_have_attribute("aria-expanded", "true")
    page.mouse.move(0, 0)
    expect(readings).to_be_visible()  # pinned
    page.keyboard.press("Escape")
    expect(readings).to_be_hidden()
    page.locator("#show-minor").focus()
    for _ in range(200):  # the keyboard reaches the button
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    expect(button).to_be_focused()
    expect(readings).to_be_visible()


def test_minor_variants_can_be_unmarked(page: Page, site: Path) -> None:
    page.goto((site / f"{TELEGRAM}.html").as_uri())
    minor = page.locator("#reading-view .app-minor .app-button").first
    substantive = page.locator("#reading-view .app-substantive .app-button").first
    expect(minor).to_be_visible()
    page.uncheck("#show-minor")
    expect(minor).to_be_hidden()
    expect(substantive).to_be_visible()
    page.reload()
    expect(page.locator("#show-minor")).not_to_be_checked()
    expect(minor).to_be_hidden()


def test_a_quoted_message_in_the_index_leads_into_its_carrier(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.locator("#documents-table tr.embedded a").click()
    expect(page).to_have_url((site / f"{CARRIER}.html").as_uri() + f"#{CARRIER}-q1")
    expect(page.locator(f"[id='{CARRIER}-q1']")).to_be_in_viewport()


@pytest.mark.parametrize("choice", ["text-collated", "text-wit-C", "text-synopsis-wit-B-wit-C"])
def test_no_serious_accessibility_violations_in_each_text(page: Page, site: Path, choice: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto((site / f"{TELEGRAM}.html").as_uri())
    page.check(f"#{choice}")
    violations = Axe().run(page).response["violations"]
    serious = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_a_link_back_to_a_variant_shows_the_collated_text(page: Page, site: Path) -> None:
    page.goto((site / f"{TELEGRAM}.html").as_uri())
    page.check("#text-wit-C")
    expect(page.locator("#reading-view")).to_be_hidden()
    note = page.locator("ol.textual-notes li", has_text="“оторван”")
    note.locator("a.backref-reading").click()
    expect(page.locator("#text-collated")).to_be_checked()
    target = page.url.split("#")[1]
    expect(page.locator(f"[id='{target}']")).to_be_in_viewport()


# the apparatus in the plain-text and PDF editions


def test_the_text_edition_ends_with_the_apparatus_one_line_per_place(tmp_path: Path) -> None:
    import docutils.core
    import io

    from tei_edition.render.text import write as write_text

    corpus = load_corpus(load_edition(FIXTURE / "edition.toml"))
    write_text(corpus, RenderOptions(out=tmp_path))
    text = (tmp_path / f"{TELEGRAM}.txt").read_text(encoding="utf-8")
    apparatus = text[text.index("Apparatus\n"):].splitlines()
    assert "- [n] оторвался] оторван C" in apparatus
    assert "- [e] Jemulpo [Incheon]] Chemulp'o [Inchon] D" in apparatus
    assert "- [g] Greetings,] om. D" in apparatus
    warnings = io.StringIO()
    docutils.core.publish_doctree(text, settings_overrides={"warning_stream": warnings, "report_level": 1})
    assert warnings.getvalue() == ""
