"""Journey 3: a reader searches in Russian with an inflected word and opens a result."""

import pytest

from tests.e2e import content

pytestmark = pytest.mark.postgres


def test_reader_finds_an_article_by_another_form_of_a_word(page):
    content.news_section()
    page.goto("/")
    search_box = page.get_by_role("searchbox", name="Поиск по сайту")
    # The article says «периодики» (genitive); the reader types the instrumental case.
    search_box.fill("периодикой")
    search_box.press("Enter")
    page.wait_for_url("**/search/?q=*")

    assert page.get_by_role("heading", level=1).inner_text() == "Поиск"
    results = page.locator("main .search-results .search-result")
    assert results.count() >= 1
    result = results.get_by_role("link", name="Краеведческие чтения собрали сорок библиотек")
    assert result.is_visible()
    result.click()

    page.wait_for_url("**/news/kraevedcheskie-chteniya/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Краеведческие чтения собрали сорок библиотек"
    )
