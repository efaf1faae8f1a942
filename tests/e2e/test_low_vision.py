"""The low vision mode (версия для слабовидящих): a reader turns it on from the header with
the keyboard, each setting changes what the browser draws, the choice survives navigation
and reloads without touching the page cache, and every template stays readable with it."""

import json
import re

from django.apps import apps
from django.test import override_settings

import pytest

from tests.e2e import content
from tests.e2e.helpers import ARTIFACTS, assert_focus_visible, axe_violations
from tests.e2e.test_accessibility import (
    article,
    home,
    meeting,
    news_listing,
    programme,
    resolution,
    search,
    sign_in,
    standard,
    tag,
)

SCHEMES = {
    "bw": ("rgb(0, 0, 0)", "rgb(255, 255, 255)"),
    "wb": ("rgb(255, 255, 255)", "rgb(0, 0, 0)"),
    "blue": ("rgb(6, 52, 98)", "rgb(157, 209, 255)"),
    "brown": ("rgb(77, 75, 67)", "rgb(247, 243, 214)"),
    "green": ("rgb(169, 228, 77)", "rgb(59, 39, 22)"),
}
NARROW = {"width": 320, "height": 640}
TOGGLE = "Версия для слабовидящих"
NORMAL = "Обычная версия"
# Root sizes of the three steps: body text (1.0625rem) of 16, 20 and 26 pt.
STEPS = [16 * 4 / 3 / 1.0625, 20 * 4 / 3 / 1.0625, 26 * 4 / 3 / 1.0625]
SMALLEST_TEXT = """() => Math.min(...[...document.querySelectorAll("main *, .site-footer *")]
    .filter(element => element.closest("h1, h2, h3, h4") === null
        && element.offsetParent !== null
        && [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim()))
    .map(element => parseFloat(getComputedStyle(element).fontSize)))"""


def stored(settings):
    """A script that leaves `settings` in localStorage, as a previous visit would have."""
    return f"localStorage.setItem('lowVision', {json.dumps(json.dumps(settings))})"


def style_of(page, selector, *properties):
    return page.locator(selector).first.evaluate(
        "(element, properties) => { const style = getComputedStyle(element);"
        " return properties.map(name => style.getPropertyValue(name)); }",
        list(properties),
    )


def root_font_size(page):
    return float(style_of(page, "html", "font-size")[0].removesuffix("px"))


def live_region(page):
    return page.locator("[data-lv-status]")


def choose(panel, group, option):
    panel.get_by_role("group", name=group).get_by_role("radio", name=option).check()


def mode_classes(page):
    """The mode's classes on <html> (the site adds others, such as `js`)."""
    classes = (page.locator("html").get_attribute("class") or "").split()
    return sorted(name for name in classes if name.startswith("lv-"))


def test_reader_turns_the_mode_on_with_the_keyboard_and_every_setting_changes_the_page(page):
    # The home page: text, links and a news photo from the demo content.
    page.goto(home("ru"))
    toggle = page.locator("[data-lv-toggle]")
    assert toggle.inner_text() == TOGGLE
    assert toggle.get_attribute("aria-expanded") == "false"
    assert root_font_size(page) == 16

    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.hasAttribute('data-lv-toggle')"):
            break
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    panel = page.get_by_role("region", name="Настройки для слабовидящих")
    assert panel.is_visible()
    # Focus moves to the first group, where the arrow keys pick a font size.
    assert page.evaluate("() => document.activeElement.name") == "size"
    sizes, smallest = [], []
    for _ in range(3):
        page.keyboard.press("ArrowRight")
        sizes.append(root_font_size(page))
        smallest.append(page.evaluate(SMALLEST_TEXT) * 3 / 4)  # in points
    assert sizes == pytest.approx(STEPS, abs=0.05)
    # No text on the page (meta lines, captions, labels) is smaller than the step's size.
    assert smallest == pytest.approx([16, 20, 26], abs=0.05)
    # While the mode is on the header says how to leave it.
    assert toggle.inner_text() == "Настройки для слабовидящих"
    assert page.get_by_role("button", name=NORMAL).is_visible()
    assert page.evaluate("() => document.activeElement.value") == "3"
    assert_focus_visible(page)
    expect_text(live_region(page), "Размер шрифта: 200%")

    paragraph = "main p"
    for scheme, label in [
        ("wb", "Белым по чёрному"),
        ("blue", "Тёмно-синим по голубому"),
        ("brown", "Коричневым по бежевому"),
        ("green", "Зелёным по тёмно-коричневому"),
        ("bw", "Чёрным по белому"),
    ]:
        choose(panel, "Цвета", label)
        text, background = SCHEMES[scheme]
        for selector in ["body", ".site-header", "main a", ".site-footer", paragraph]:
            assert style_of(page, selector, "color", "background-color") == [
                text,
                background,
            ], (scheme, selector)
        expect_text(live_region(page), f"Цвета: {label}")

    font = root_font_size(page)
    body_font = float(style_of(page, paragraph, "font-size")[0].removesuffix("px"))
    choose(panel, "Межбуквенный интервал", "Большой")
    letter, word = style_of(page, paragraph, "letter-spacing", "word-spacing")
    assert float(letter.removesuffix("px")) == pytest.approx(0.25 * body_font, abs=0.1)
    assert float(word.removesuffix("px")) > 0
    choose(panel, "Межстрочный интервал", "Большой")
    line_height = float(style_of(page, paragraph, "line-height")[0].removesuffix("px"))
    assert line_height == pytest.approx(2.2 * body_font, abs=0.5)

    images = page.locator("main img")
    assert images.count(), "the home page shows no image"
    assert style_of(page, "main img", "filter") == ["none"]
    choose(panel, "Изображения", "Чёрно-белые")
    assert style_of(page, "main img", "filter") == ["grayscale(1)"]
    choose(panel, "Изображения", "Не показывать")
    assert not images.first.is_visible()
    assert font == pytest.approx(STEPS[2], abs=0.05)

    # Escape closes the panel and gives focus back to the header control.
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.hasAttribute('data-lv-toggle')")

    chosen = "lv-js lv-on lv-size-3 lv-scheme-bw lv-spacing-2 lv-leading-2 lv-images-off"
    assert mode_classes(page) == sorted(chosen.split())

    # Another page, then a reload: the same view, and the panel shows the same choices.
    page.get_by_role("navigation", name="Главное меню").get_by_role("link").first.click()
    page.wait_for_load_state()
    for step in ("navigated", "reloaded"):
        assert mode_classes(page) == sorted(chosen.split()), step
        assert root_font_size(page) == pytest.approx(STEPS[2], abs=0.05), step
        assert style_of(page, "body", "color", "background-color") == list(SCHEMES["bw"])
        toggle.click()
        assert panel.get_by_role("radio", name="200%").is_checked(), step
        assert panel.get_by_role("radio", name="Чёрным по белому").is_checked(), step
        toggle.click()
        page.reload()

    toggle.click()
    panel.get_by_role("button", name="Вернуть обычный вид").click()
    page.wait_for_function("() => !/lv-(size|scheme)/.test(document.documentElement.className)")
    assert root_font_size(page) == 16
    assert panel.get_by_role("radio", name="Цвета сайта").is_checked()
    assert page.evaluate("() => localStorage.getItem('lowVision')") is None
    expect_text(live_region(page), "Обычный вид восстановлен")
    page.reload()
    assert mode_classes(page) == ["lv-js"]


def expect_text(locator, text):
    from playwright.sync_api import expect

    expect(locator).to_have_text(text)


def test_the_mode_is_drawn_before_the_script_loads_and_speaks_english(new_page):
    """The inline script in <head> applies the stored choice (under the site's real CSP):
    with the panel's script held back, the page is already drawn in the chosen mode."""
    page = new_page(bypass_csp=False)
    page.add_init_script(stored({"size": "2", "scheme": "wb"}))
    held = []
    page.route("**/js/low-vision*.js", lambda route: held.append(route))
    # Deferred scripts hold back DOMContentLoaded, so wait for the drawn page instead.
    page.goto(home("en"), wait_until="commit")
    page.wait_for_selector("footer", state="attached")
    page.wait_for_function("() => document.styleSheets.length >= 2")
    assert held, "the panel's script was not requested"
    assert root_font_size(page) == pytest.approx(STEPS[1], abs=0.05)
    assert style_of(page, "body", "color", "background-color") == list(SCHEMES["wb"])
    held[0].continue_()
    page.wait_for_load_state("load")  # the panel's script has run
    page.get_by_role("button", name="Low vision settings").click()
    panel = page.get_by_role("region", name="Low vision settings")
    assert panel.get_by_role("radio", name="150%").is_checked()
    assert panel.get_by_role("radio", name="White on black").is_checked()


def test_the_cached_page_is_the_same_for_every_reader(new_page, site_url):
    url = home("ru")
    with override_settings(PAGE_CACHE_ENABLED=True):
        plain = new_page("plain", bypass_csp=False)
        first = plain.goto(url)
        assert first.headers["x-page-cache"] == "miss"

        reader = new_page("reader", bypass_csp=False)
        reader.add_init_script(stored({"size": "3", "scheme": "blue"}))
        second = reader.goto(url)
        assert second.headers["x-page-cache"] == "hit"
        assert root_font_size(reader) == pytest.approx(STEPS[2], abs=0.05)
        assert style_of(reader, "body", "background-color") == [SCHEMES["blue"][1]]

    def without_nonce(body):
        return re.sub(rb'nonce="[^"]*"', b"", body)

    assert without_nonce(second.body()) == without_nonce(first.body())
    for header in ("cache-control", "vary", "content-type", "content-security-policy"):
        assert (header in second.headers) == (header in first.headers), header
    assert second.headers.get("cache-control") == first.headers.get("cache-control")
    assert second.headers.get("vary") == first.headers.get("vary")


def test_without_javascript_a_plain_high_contrast_stylesheet_is_offered(new_page):
    page = new_page(java_script_enabled=False)
    page.goto(home("ru"))
    assert not page.get_by_role("button", name=TOGGLE).is_visible()
    link = page.locator('link[rel="alternate stylesheet"]')
    assert link.get_attribute("title") == TOGGLE
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert "#000" in response.text()


def test_without_javascript_a_link_turns_the_mode_on_and_off(new_page, site_url):
    page = new_page(java_script_enabled=False)
    with override_settings(PAGE_CACHE_ENABLED=True):
        page.goto(standard("ru"))
        page.get_by_role("link", name=TOGGLE).click()
        page.wait_for_load_state()
        assert page.url.endswith(standard("ru"))
        assert {"lv-size-2", "lv-scheme-bw"} <= set(mode_classes(page))
        assert root_font_size(page) == pytest.approx(STEPS[1], abs=0.05)
        assert style_of(page, "body", "color", "background-color") == list(SCHEMES["bw"])
        # Other pages keep the mode, around the page cache; the link now leads back.
        page.goto(home("ru"))
        assert "lv-size-2" in mode_classes(page)
        page.get_by_role("link", name=NORMAL).click()
        page.wait_for_load_state()
        assert mode_classes(page) == []
        assert page.get_by_role("link", name=TOGGLE).is_visible()


AXE_PAGES = {
    "home": home,
    "article": article,
    "programme": programme,
    "resolution": resolution,
}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_each_colour_scheme_has_no_wcag_violations(new_page, scheme):
    page = new_page(scheme)
    page.add_init_script(stored({"scheme": scheme}))
    content.news_section()
    problems = []
    for kind, url_of in AXE_PAGES.items():
        page.goto(url_of("ru"))
        assert style_of(page, "body", "background-color") == [SCHEMES[scheme][1]]
        if kind == "home":
            # The open panel too.
            page.locator("[data-lv-toggle]").click()
        page.screenshot(path=str(ARTIFACTS / f"low-vision-{scheme}-{kind}.png"), full_page=True)
        problems += [f"{kind}: {violation}" for violation in axe_violations(page)]
    assert not problems, "\n".join(problems)


def programmes(language):
    model = apps.get_model("programs", "ProgramIndexPage")
    return content.in_language(
        model.objects.live().filter(locale__language_code="ru").first(), language
    ).url


def club(language):
    model = apps.get_model("programs", "ClubPage")
    return content.in_language(
        model.objects.live().filter(locale__language_code="ru").first(), language
    ).url


def resolution_index(language):
    return content.in_language(content.resolutions()["adopted"].get_parent(), language).url


EVERY_TEMPLATE = {
    "home": home,
    "news_listing": news_listing,
    "article": article,
    "programmes": programmes,
    "programme": programme,
    "club": club,
    "meeting": meeting,
    "resolution_index": resolution_index,
    "resolution": resolution,
    "search": search,
    "tag": tag,
    "standard": standard,
    "sign_in": sign_in,
}
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")].filter(element => {
        const box = element.getBoundingClientRect();
        return box.width && (box.right > width + 1 || box.left < -1)
            && getComputedStyle(element).position !== "absolute"
            && !element.closest(".visually-hidden, [hidden]");
    });
    return {
        scroll: document.documentElement.scrollWidth,
        width,
        wide: wide.slice(0, 5).map(element => element.outerHTML.slice(0, 120)),
    };
}"""


def test_every_template_fits_320_px_at_200_percent(new_page):
    page = new_page("narrow", viewport=NARROW, is_mobile=True, has_touch=True)
    # The largest of everything: text, letter spacing and line height.
    page.add_init_script(stored({"size": "3", "scheme": "bw", "spacing": "2", "leading": "2"}))
    content.news_section()
    problems = []
    for kind, url_of in EVERY_TEMPLATE.items():
        page.goto(url_of("ru"))
        assert root_font_size(page) == pytest.approx(STEPS[2], abs=0.05), kind
        if kind == "home":
            page.locator("[data-lv-toggle]").click()
        page.screenshot(path=str(ARTIFACTS / f"low-vision-320-{kind}.png"), full_page=True)
        found = page.evaluate(OVERFLOW)
        if found["scroll"] > found["width"] or found["wide"]:
            problems.append(f"{kind}: {found}")
        header = page.get_by_role("banner")
        controls = [
            header.locator("[data-lv-toggle]"),
            header.get_by_role("button", name=NORMAL),
            header.get_by_role("button", name="Меню", exact=True),
        ]
        if kind != "search":  # the search page has its own box and no second one in the header
            search_button = header.get_by_role("button", name="Поиск", exact=True)
            # On phones the search box opens from its button.
            search_button.click()
            controls += [
                search_button,
                header.get_by_role("searchbox", name="Поиск по сайту"),
                header.get_by_role("button", name="Найти"),
            ]
        for control in controls:
            box = control.bounding_box()
            if not box or box["x"] < 0 or box["x"] + box["width"] > NARROW["width"]:
                problems.append(f"{kind}: {control} is cut off: {box}")
    assert not problems, "\n".join(problems)
