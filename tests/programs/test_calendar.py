"""iCalendar files: parsed back with icalendar, as a calendar application would."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

import icalendar
import pytest

from tests.programs.factories import club, meeting, programme

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def test_multi_day_programme_is_all_day_with_an_exclusive_end(client, index):
    page = programme(
        index,
        title="Школа руководителей",
        start_date=datetime.date(2024, 6, 19),
        end_date=datetime.date(2024, 6, 20),
        venue="Областная библиотека",
        address="Тверь, Свободный пер., 28",
        lead="Три дня практики",
    )
    (event,) = events(parse(client.get(page.url + "calendar/")))
    assert str(event["SUMMARY"]) == "Школа руководителей"
    assert str(event["UID"]) == f"{page.translation_key}@library-association"
    assert event.decoded("DTSTART") == datetime.date(2024, 6, 19)
    assert event.decoded("DTEND") == datetime.date(2024, 6, 21)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["LOCATION"]) == "Областная библиотека, Тверь, Свободный пер., 28"
    assert "Три дня практики" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(page.url)


def test_timed_meeting_uses_moscow_time_with_a_vtimezone(client, home):
    page = meeting(
        club(home),
        start_date=datetime.date(2024, 6, 19),
        start_time=datetime.time(15, 0),
        end_time=datetime.time(17, 0),
    )
    calendar = parse(client.get(page.url + "calendar/"))
    (event,) = events(calendar)
    moscow = ZoneInfo("Europe/Moscow")
    assert event.decoded("DTSTART") == datetime.datetime(2024, 6, 19, 15, tzinfo=moscow)
    assert event.decoded("DTEND") == datetime.datetime(2024, 6, 19, 17, tzinfo=moscow)
    assert event["DTSTART"].params["TZID"] == "Europe/Moscow"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]


def test_uid_survives_renaming_and_moving(client, index, home):
    page = programme(index, title="Старое название", slug="old")
    uid = str(events(parse(client.get(page.url + "calendar/")))[0]["UID"])
    page.title, page.slug = "Новое название", "new"
    page.save_revision().publish()
    page.refresh_from_db()
    assert str(events(parse(client.get(page.url + "calendar/")))[0]["UID"]) == uid


def test_feed_lists_upcoming_programmes_and_meetings_only(client, index, home):
    today = timezone.localdate()
    programme(index, title="Будущий вебинар", start_date=today + datetime.timedelta(days=5))
    programme(index, title="Прошедшая школа", start_date=today - datetime.timedelta(days=5))
    meeting(club(home), title="Будущее заседание", start_date=today + datetime.timedelta(days=9))
    calendar = parse(client.get(index.url + "calendar/"))
    assert sorted(str(event["SUMMARY"]) for event in events(calendar)) == [
        "Будущее заседание",
        "Будущий вебинар",
    ]


def test_cancelled_event_is_marked_cancelled(client, index):
    page = programme(index, cancelled=True, cancellation_notice="Перенесено")
    (event,) = events(parse(client.get(page.url + "calendar/")))
    assert str(event["STATUS"]) == "CANCELLED"


def test_pages_announce_their_calendar(client, index):
    page = programme(index)
    html = client.get(page.url).content.decode()
    assert f'<link rel="alternate" type="text/calendar" href="{page.url}calendar/"' in html
    assert "Добавить в календарь" in html
    index_html = client.get(index.url).content.decode()
    assert f'<link rel="alternate" type="text/calendar" href="{index.url}calendar/"' in index_html
