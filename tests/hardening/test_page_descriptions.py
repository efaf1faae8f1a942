"""Meeting, resolution and search pages describe themselves to search engines."""

import datetime
import re

import pytest

from programs.models.resolutions import ResolutionStatus
from tests.members.factories import resolution, resolution_index
from tests.programs.factories import club, meeting

pytestmark = pytest.mark.django_db


def description(response):
    html = response.content.decode()
    found = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert found, "no meta description"
    assert f'<meta property="og:description" content="{found.group(1)}">' in html or (
        "og:description" not in html
    )
    return found.group(1)


def test_a_meeting_is_described_by_its_theme_dates_and_place(client, home):
    page = meeting(
        club(home),
        theme="Краеведение в сельской библиотеке",
        start_date=datetime.date(2026, 3, 12),
        venue="Областная библиотека",
    )
    text = description(client.get(page.url))
    assert text.startswith("Краеведение в сельской библиотеке. 12")
    assert text.endswith("Областная библиотека")


def test_a_resolution_is_described_by_its_summary(client, home):
    page = resolution(resolution_index(home), ResolutionStatus.ADOPTED)
    text = description(client.get(page.url))
    assert text == "О развитии краеведческой работы муниципальных библиотек."


def test_an_editors_search_description_comes_first(client, home):
    page = resolution(
        resolution_index(home), ResolutionStatus.ADOPTED, search_description="Для поисковиков."
    )
    assert description(client.get(page.url)) == "Для поисковиков."


@pytest.mark.parametrize("query", ["", "?q=устав"])
def test_the_search_page_is_described(client, home, query):
    text = description(client.get(f"/ru/search/{query}"))
    assert text.startswith("Поиск по новостям")
