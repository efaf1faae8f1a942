"""Journey 8: on a 375 px phone the menu, listings and articles are usable without
scrolling sideways."""

import pytest

from tests.e2e import content
from tests.e2e.helpers import PHONE, assert_no_horizontal_scroll
from tests.text import plain


@pytest.fixture
def phone(new_page):
    return new_page(viewport=PHONE, is_mobile=True, has_touch=True)


def test_phone_reader_uses_the_menu_and_reads_pages_without_sideways_scroll(phone):
    phone.goto("/")
    assert_no_horizontal_scroll(phone)
    menu = phone.get_by_role("navigation", name="Главное меню")
    search_box = phone.get_by_role("searchbox", name="Поиск по сайту")
    # The header is one row: the menu and the search box open from their buttons.
    assert not menu.is_visible() and not search_box.is_visible()
    menu_button = phone.get_by_role("button", name="Меню")
    menu_button.tap()
    assert menu_button.get_attribute("aria-expanded") == "true"
    links = menu.get_by_role("link")
    assert links.count() >= 3
    for link in links.all():
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box

    menu.get_by_role("link", name="Об ассоциации").tap()
    phone.wait_for_url("**/about/")
    assert plain(phone.get_by_role("heading", level=1).inner_text()) == "Об ассоциации"
    assert_no_horizontal_scroll(phone)

    phone.get_by_role("button", name="Поиск").tap()
    assert search_box.is_visible()
    assert phone.evaluate("() => document.activeElement.id") == "site-search-q"
    search_box.fill("библиотеки")
    search_box.press("Enter")
    phone.wait_for_url("**/search/?q=*")
    assert_no_horizontal_scroll(phone)


def test_phone_reader_reads_the_news_listing_and_an_article(phone):
    index = content.news_section()
    phone.goto(index.url)
    assert_no_horizontal_scroll(phone)
    phone.locator("#news-year").select_option("2024")
    phone.locator("form.filters button[type=submit]").tap()
    phone.wait_for_url("**/news/?*year=2024*")
    assert_no_horizontal_scroll(phone)
    first = phone.locator("main .listing .news-card__title a").first
    title = plain(first.inner_text())
    first.tap()
    phone.wait_for_url("**/news/*/")
    assert plain(phone.get_by_role("heading", level=1).inner_text()) == title
    assert_no_horizontal_scroll(phone)
