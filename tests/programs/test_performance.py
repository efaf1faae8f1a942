"""Query budgets: programme and meeting pages cost at most 12 queries, for 3 or 30 items.

Counted on the second request, after the first has filled the content cache, as for news;
the frame every page pays (site, locale, routing, privacy check) is printed beside the totals
with `pytest -s`.
"""

import datetime

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

import pytest

from programs.models import TrainingProgramHost, TrainingProgramLecturer
from tests.factories import PersonFactory, standard_page, without_index_updates
from tests.programs.factories import club, meeting, programme

pytestmark = pytest.mark.django_db

BUDGET = 12
AGENDA_KINDS = ["talk", "round_table", "business_game", "quiz", "excursion", "pause", "other"]


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def frame(client, home):
    parent = standard_page(home, title="Раздел", slug="section")
    child = standard_page(parent, title="Страница", slug="page")
    grandchild = standard_page(child, title="Подстраница", slug="subpage")
    return {
        3: queries(client, parent.url),
        4: queries(client, child.url),
        5: queries(client, grandchild.url),
    }


@pytest.fixture
def people(db):
    return [PersonFactory() for _ in range(3)]


@without_index_updates()
def fill(index, club_page, people, count):
    """`count` programmes and meetings, each with `count` modules or agenda items."""
    for number in range(count):
        start = datetime.date(2024, 1, 1) + datetime.timedelta(days=number * 20)
        person = people[number % 3]
        last_programme = programme(
            index,
            start_date=start,
            tags=["школа", f"тег {number % 4}"],
            hosts=[TrainingProgramHost(organisation=person.organisation)],
            lecturers=[TrainingProgramLecturer(person=p) for p in people],
            modules=[
                ("module", {"title": f"Занятие {n}", "lecturers": [{"person": people[n % 3]}]})
                for n in range(count)
            ],
        )
        last_meeting = meeting(
            club_page,
            start_date=start,
            host_organisation=person.organisation,
            tags=["клуб"],
            agenda=[
                (
                    AGENDA_KINDS[n % len(AGENDA_KINDS)],
                    {"title": f"Пункт {n}", "speakers": [{"person": people[n % 3]}]},
                )
                for n in range(count)
            ],
        )
    return last_programme, last_meeting


def measure(client, home, index, people, count, prefix):
    club_page = club(home, slug=f"club-{prefix}")
    last_programme, last_meeting = fill(index, club_page, people, count)
    return {
        "index": queries(client, index.url),
        "programme": queries(client, last_programme.url),
        "club": queries(client, club_page.url),
        "meeting": queries(client, last_meeting.url),
        "programme.ics": queries(client, last_programme.url + "calendar/"),
        "feed.ics": queries(client, index.url + "calendar/"),
    }


@override_settings(LISTING_PAGE_SIZE=30)
def test_pages_cost_the_same_for_3_and_30_items_within_budget(client, home, index, frame, people):
    few = measure(client, home, index, people, 3, "few")
    index.get_children().delete()
    many = measure(client, home, index, people, 30, "many")
    print(f"\nframe {frame}\n3 items {few}\n30 items {many}")  # noqa: T201
    assert few == many
    assert many["index"] <= BUDGET
    assert many["club"] <= BUDGET
    assert many["programme"] <= BUDGET
    assert many["meeting"] <= BUDGET
    assert many["programme.ics"] <= BUDGET
    assert many["feed.ics"] <= BUDGET


def test_home_page_sections_cost_the_same_for_3_and_30_events(client, home, index, people):
    club_page = club(home)
    fill(index, club_page, people, 3)
    few = queries(client, home.url)
    fill(index, club_page, people, 27)
    assert queries(client, home.url) == few
