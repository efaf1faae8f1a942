"""Dates and numbers on event pages are written the way readers of each language write them:
the same synchronised facts read «19–20 июня 2024», «1 500» on the Russian page and
"19–20 June 2024", "1,500" on the English one."""

import datetime

import pytest

from home.demo import translate
from tests.programs.factories import club, meeting, programme, programme_index

pytestmark = pytest.mark.django_db

NBSP = "\xa0"


def facts(client, page):
    html = client.get(page.url).content.decode()
    return html.split('class="event-facts"')[1].split("</dl>")[0]


def test_programme_dates_hours_and_places_follow_the_language(client, home, english_home):
    index = programme_index(home)
    translate(index, {})
    school = programme(
        index,
        slug="school",
        start_date=datetime.date(2024, 6, 19),
        end_date=datetime.date(2024, 6, 20),
        hours=72,
        capacity=1500,
    )
    english_school = translate(school, {})

    russian = facts(client, school)
    assert "19–20 июня 2024" in russian
    assert "72 академических часа" in russian
    assert f"<dd>1{NBSP}500</dd>" in russian
    english = facts(client, english_school)
    assert "19–20 June 2024" in english
    assert "72 academic hours" in english
    assert "<dd>1,500</dd>" in english


def test_meeting_dates_and_participant_figures_follow_the_language(client, home, english_home):
    club_page = club(home, slug="club", founded_year=1993)
    english_club = translate(club_page, {})
    event = meeting(
        club_page,
        slug="meeting",
        start_date=datetime.date(2024, 6, 30),
        end_date=datetime.date(2024, 7, 2),
        participant_count=1250,
        organisations_count=36,
    )
    english_event = translate(event, {})

    russian = facts(client, event)
    assert "30 июня – 2 июля 2024" in russian
    assert f"1{NBSP}250 участников" in russian and "36 организаций" in russian
    english = facts(client, english_event)
    assert "30 June – 2 July 2024" in english
    assert "1,250 participants" in english and "36 organisations" in english

    # Years are no counts: never split into groups.
    assert "<dd>1993</dd>" in facts(client, club_page)
    assert "<dd>1993</dd>" in facts(client, english_club)
