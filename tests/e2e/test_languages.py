"""Journey 4: a reader switches the language of an article that has a translation."""

from tests.e2e import content
from tests.text import plain


def test_reader_switches_an_article_to_its_english_translation(page):
    content.news_section()
    russian = content.article("kraevedcheskie-chteniya")
    english = content.in_language(russian, "en")

    page.goto(russian.url)
    assert page.locator("html").get_attribute("lang") == "ru"
    switcher = page.get_by_role("navigation", name="Язык")
    assert switcher.locator("[aria-current]").inner_text() == "Русский"
    switcher.get_by_role("link", name="English").click()

    page.wait_for_url(f"**{english.url}")
    assert english.url.startswith("/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert plain(page.get_by_role("heading", level=1).inner_text()) == (
        "Local history readings gather 40 libraries"
    )
    switcher = page.get_by_role("navigation", name="Language")
    assert switcher.locator("[aria-current]").inner_text() == "English"
    assert switcher.get_by_role("link", name="Русский").get_attribute("href") == russian.url
