"""Journeys 1 and 2: a reader finds news from the home page, by tag, by year, page by page."""

import pytest

from tests.e2e import content
from tests.e2e.helpers import assert_accessible
from tests.text import plain


@pytest.fixture
def news(site_url):
    return content.news_section()


def listing_titles(page):
    return [
        plain(text) for text in page.locator("main .listing .news-card__title").all_inner_texts()
    ]


def test_reader_follows_the_latest_news_and_its_tag_to_the_tag_listing(news, page):
    page.goto("/")
    latest = page.locator(".news-latest .news-card__title a").first
    assert plain(latest.inner_text()) == "Краеведческие чтения собрали сорок библиотек"
    latest.click()

    page.wait_for_url("**/news/kraevedcheskie-chteniya/")
    assert plain(page.get_by_role("heading", level=1).inner_text()) == (
        "Краеведческие чтения собрали сорок библиотек"
    )
    assert page.get_by_text("Библиотекари обсудили оцифровку местной периодики.").is_visible()
    tags = page.locator("main ul.tags a[rel=tag]")
    assert tags.all_inner_texts() == [content.LOCAL_HISTORY, "Периодика"]

    # Tags lead to one place from every kind of page: the tag's own listing.
    tags.filter(has_text=content.LOCAL_HISTORY).click()
    page.wait_for_url("**/ru/tags/*/")
    heading = f"Материалы по теме «{content.LOCAL_HISTORY}»"
    assert plain(page.get_by_role("heading", level=1).inner_text()) == heading
    assert [plain(text) for text in page.locator("main .listing h2").all_inner_texts()] == [
        "Краеведческие чтения собрали сорок библиотек",
        "Краеведы Кимр издали сборник",
    ]

    page.get_by_role("link", name="Краеведы Кимр издали сборник").click()
    page.wait_for_url("**/news/*/")
    assert (
        plain(page.get_by_role("heading", level=1).inner_text()) == "Краеведы Кимр издали сборник"
    )


def test_reader_filters_news_by_tag_and_year_and_pages_through(news, page, settings):
    settings.NEWS_PAGE_SIZE = 2
    page.goto(news.url)
    assert len(listing_titles(page)) == 2

    page.locator("section ul.tags a", has_text=content.SEMINARS).click()
    page.wait_for_url("**/news/?tag=*")
    page.locator("#news-year").select_option("2024")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/news/?*year=2024*")

    seen = listing_titles(page)
    assert seen == ["Семинар методистов № 5", "Семинар методистов № 4"]
    pagination = page.get_by_role("navigation").filter(has=page.locator(".pagination"))
    assert pagination.locator("[aria-current=page]").inner_text() == "1"
    while pagination.locator("a[rel=next]").count():
        pagination.locator("a[rel=next]").click()
        page.wait_for_load_state()
        assert "year=2024" in page.url and "tag=" in page.url
        seen += listing_titles(page)
    assert seen == [f"Семинар методистов № {number}" for number in range(5, 0, -1)]
    assert pagination.locator("[aria-current=page]").inner_text() == "3"
    assert page.locator("#news-year").input_value() == "2024"
    assert_accessible(page)
