"""Every kind of page at a phone's and a laptop's width, in both languages: nothing scrolls
sideways, the header leaves the page its room (at most a quarter of the screen) and on a laptop
keeps its tools on one row beside the name, the same in Russian and English, each page has
exactly one search landmark, and a screenshot of each page is kept in test-artifacts/e2e/
(layout-<width>-<language>-<kind>.png) for people to look at."""

import pytest

from home.models import StandardPage
from tests.e2e import content
from tests.e2e.helpers import ARTIFACTS
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

WIDTHS = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}
HEADER_SHARE = 0.25


def programmes(language):
    return content.in_language(content.upcoming("TrainingProgramPage").get_parent(), language).url


def club_section(language):
    return content.in_language(
        StandardPage.objects.get(slug="clubs", locale__language_code="ru"), language
    ).url


def club(language):
    return content.in_language(content.upcoming("ClubMeetingPage").get_parent(), language).url


def resolution_index(language):
    return content.in_language(content.resolutions()["adopted"].get_parent(), language).url


PAGES = {
    "home": home,
    "news-index": news_listing,
    "article": article,
    "programmes": programmes,
    "programme": programme,
    "club-section": club_section,
    "club": club,
    "meeting": meeting,
    "resolution-index": resolution_index,
    "resolution": resolution,
    "search": search,
    "tag": tag,
    "standard": standard,
    "sign-in": sign_in,
}

# A full-page screenshot does not scroll, so lazy pictures below the first screen would show
# as empty frames: they are loaded first, as a reader scrolling down would.
SHOW_PICTURES = """async () => {
    for (const img of document.querySelectorAll('img[loading=lazy]')) img.loading = 'eager';
    await Promise.all([...document.images].map(img => img.decode().catch(() => null)));
    await document.fonts.ready;
}"""

MEASURE = """() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    header: document.querySelector('.site-header').getBoundingClientRect().height,
    row: document.querySelector('.site-header__inner').getBoundingClientRect().height,
    searches: document.querySelectorAll('[role=search], search').length,
    wide: [...document.querySelectorAll('main *')]
        .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3).map(el => el.outerHTML.slice(0, 120)),
})"""


# The laptop header's first row: the mark and the name, search, languages and the low-vision
# control side by side (a second row of tools would double it).
DESKTOP_ROW = 96


@pytest.mark.parametrize("language", ["ru", "en"])
@pytest.mark.parametrize("device", WIDTHS)
def test_every_template_fits_the_screen_with_a_compact_header(new_page, device, language):
    viewport = WIDTHS[device]
    page = new_page(f"{device}-{language}", viewport=viewport, is_mobile=device == "phone")
    problems = []
    for kind, url_of in PAGES.items():
        response = page.goto(url_of(language))
        if response.status != 200:
            problems.append(f"{kind}: {page.url} answered {response.status}")
            continue
        page.evaluate(SHOW_PICTURES)
        page.screenshot(
            path=str(ARTIFACTS / f"layout-{viewport['width']}-{language}-{kind}.png"),
            full_page=True,
        )
        sizes = page.evaluate(MEASURE)
        if sizes["scroll"] > sizes["width"]:
            problems.append(
                f"{kind}: {page.url} scrolls sideways ({sizes['scroll']} > {sizes['width']} px):"
                f" {sizes['wide']}"
            )
        if sizes["header"] > viewport["height"] * HEADER_SHARE:
            problems.append(
                f"{kind}: the header is {sizes['header']:.0f} px of {viewport['height']} px"
            )
        if device == "laptop" and sizes["row"] > DESKTOP_ROW:
            problems.append(f"{kind}: the header's tools wrap ({sizes['row']:.0f} px high)")
        if sizes["searches"] != 1:
            problems.append(f"{kind}: {sizes['searches']} search landmarks")
    assert not problems, "\n".join(problems)
