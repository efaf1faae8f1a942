"""axe-core finds no WCAG 2.2 A/AA violation on each kind of page, in both languages, and the
header works from the keyboard alone."""

import warnings
from urllib.parse import quote

from django.urls import NoReverseMatch, reverse
from django.utils import translation

import pytest

from home.models import StandardPage
from tests.e2e import content
from tests.e2e.helpers import ARTIFACTS, assert_focus_visible, axe_violations

LANGUAGES = ["ru", "en"]


def url_in(language, name, *args, query=""):
    with translation.override(language):
        return reverse(name, args=args) + query


def home(language):
    return content.in_language(content.russian_home(), language).url


def standard(language):
    return content.in_language(
        StandardPage.objects.get(slug="about", locale__language_code="ru"), language
    ).url


def news_listing(language):
    return content.in_language(content.news_section(), language).url


def article(language):
    content.news_section()
    return content.in_language(content.article("kraevedcheskie-chteniya"), language).url


def tag(language):
    index = content.in_language(content.news_section(), language)
    slug = content.tag_slug(content.LOCAL_HISTORY)
    try:
        return url_in(language, "tag", slug)
    except NoReverseMatch:
        # Before the site-wide tag pages: the news listing of one tag.
        return index.url + "?tag=" + quote(slug)


def programme(language):
    return content.in_language(content.upcoming("TrainingProgramPage"), language).url


def meeting(language):
    return content.in_language(content.upcoming("ClubMeetingPage"), language).url


def resolution(language):
    return content.in_language(content.resolutions()["adopted"], language).url


def search(language):
    query = "?q=" + ("библиотеками" if language == "ru" else "library")
    return url_in(language, "search", query=query)


def sign_in(language):
    return url_in(language, "account_login")


def not_found(language):
    return f"/{language}/no-such-page/"


PAGES = {
    "home": home,
    "standard": standard,
    "news_listing": news_listing,
    "article": article,
    "tag": tag,
    "programme": programme,
    "meeting": meeting,
    "resolution": resolution,
    "search": search,
    "sign_in": sign_in,
    "not_found": not_found,
}
STATUS = {"not_found": 404}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_kind_of_page_has_no_wcag_violations(page, language):
    # One journey per language through all page kinds: building the site once is what
    # costs, checking a page is quick. Every page is checked before the test fails.
    problems, unchecked = [], []
    for kind, url_of in PAGES.items():
        try:
            url = url_of(language)
        except pytest.skip.Exception as reason:
            unchecked.append(f"{kind}: {reason}")
            continue
        response = page.goto(url)
        page.screenshot(path=str(ARTIFACTS / f"a11y-{language}-{kind}.png"), full_page=True)
        if response.status != STATUS.get(kind, 200):
            problems.append(f"{kind}: {url} answered {response.status}")
            continue
        if page.locator("html").get_attribute("lang") != language:
            problems.append(f"{kind}: {url} is not marked lang={language}")
        if page.locator("h1").count() != 1:
            problems.append(f"{kind}: {url} has {page.locator('h1').count()} h1 headings")
        problems += [f"{kind}: {violation}" for violation in axe_violations(page)]
    assert not problems, "\n".join(problems)
    if unchecked:
        warnings.warn("pages not checked: " + "; ".join(unchecked), stacklevel=1)


def test_header_works_from_the_keyboard_alone(page):
    page.goto(home("ru"))
    menu_items = page.locator(".main-menu a")
    expected_menu = menu_items.all_inner_texts()
    assert expected_menu, "the main menu is empty"

    page.keyboard.press("Tab")
    assert page.locator(":focus").inner_text() == "Перейти к содержанию"
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

    # Back to the search box with Shift+Tab, type a query and submit it with Enter.
    for _ in range(40):
        if page.evaluate("() => document.activeElement.id") == "site-search-q":
            break
        page.keyboard.press("Shift+Tab")
    page.keyboard.type("ассоциация")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.get_by_role("heading", level=1).inner_text() == "Поиск"
    # The search page has one search box, its own, holding the query.
    assert page.locator("#search-q").input_value() == "ассоциация"

    # The skip link takes keyboard users past the header to the content.
    page.goto(home("ru"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
