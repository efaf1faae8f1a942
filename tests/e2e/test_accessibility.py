"""axe-core finds no WCAG 2.2 A/AA violation on each kind of page, in both languages, and the
header works from the keyboard alone."""

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest

from home.models import HomePage, StandardPage
from tests.e2e.helpers import assert_accessible, assert_focus_visible

LANGUAGES = ["ru", "en"]


def live_page(model, language, **filters):
    page = model.objects.live().public().filter(**filters).order_by("path").first()
    if page is None:
        pytest.skip(f"the demo content has no live {model.__name__}")
    if language == "ru":
        return page
    translated = page.get_translation_or_none(Locale.objects.get(language_code=language))
    if translated is None or not translated.live:
        pytest.skip(f"the demo content has no {language} translation of {model.__name__}")
    return translated


def url_in(language, name, query=""):
    with translation.override(language):
        return reverse(name) + query


PAGES = {
    "home": lambda language: live_page(HomePage, language).url,
    "standard": lambda language: live_page(StandardPage, language, slug="about").url,
    "search": lambda language: url_in(
        language, "search", "?q=" + ("библиотека" if language == "ru" else "library")
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGES)
def test_page_has_no_wcag_violations(demo, page, kind, language):
    url = PAGES[kind](language)
    response = page.goto(url)
    assert response.status == 200, url
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_not_found_page_has_no_wcag_violations(demo, page):
    response = page.goto("/ru/no-such-page/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Страница не найдена"
    assert_accessible(page)


def test_header_works_from_the_keyboard_alone(demo, page):
    page.goto(live_page(HomePage, "ru").url)
    menu_items = page.locator(".main-menu a")
    expected_menu = menu_items.all_inner_texts()
    assert expected_menu, "the main menu is empty"

    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    assert skip_link.inner_text() == "Перейти к содержанию"
    assert_focus_visible(page)

    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => ({id: document.activeElement.id, text: document.activeElement.innerText,"
            " menu: !!document.activeElement.closest('.main-menu')})"
        )
        assert_focus_visible(page)
        reached.append(focused)
        if focused["menu"] and focused["text"] == expected_menu[-1]:
            break
    assert any(item["id"] == "site-search-q" for item in reached), reached
    assert [item["text"] for item in reached if item["menu"]] == expected_menu

    # Back to the search box, type a query and submit it with Enter.
    page.locator("#site-search-q").focus()
    page.keyboard.type("ассоциация")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.get_by_role("heading", level=1).inner_text() == "Поиск"
    assert page.locator("#site-search-q").input_value() == "ассоциация"


def test_skip_link_moves_focus_to_the_main_content(demo, page):
    page.goto(live_page(StandardPage, "ru", slug="about").url)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
