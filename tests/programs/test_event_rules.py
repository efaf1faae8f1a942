"""Editors' rules for dates: planned months, agenda days, adoption dates; Russian messages."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from programs.models import ClubMeetingPage, DatePrecision, ResolutionStatus
from tests.members.factories import resolution, resolution_index
from tests.programs.factories import club, meeting, programme

pytestmark = pytest.mark.django_db


def errors(page):
    with translation.override("ru"), pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict


def test_a_planned_month_spans_the_month_and_takes_no_time(home):
    page = ClubMeetingPage(
        title="Час", slug="hour", start_date=datetime.date(2027, 3, 17), date_precision="month"
    )
    page.clean()
    assert (page.start_date, page.end_date) == (
        datetime.date(2027, 3, 1),
        datetime.date(2027, 3, 31),
    )

    page.start_time = datetime.time(15)
    assert errors(page)["start_time"] == [
        "У мероприятия, запланированного на месяц, ещё нет времени начала."
    ]
    page.start_time, page.end_date = None, datetime.date(2027, 5, 2)
    assert "заканчивается в том же месяце" in errors(page)["end_date"][0]


def test_planned_months_stay_in_listings_but_out_of_calendar_files(client, home, index):
    hours = club(home)
    planned = meeting(
        hours,
        title="Очередной час",
        start_date=datetime.date(2099, 3, 1),
        end_date=datetime.date(2099, 3, 31),
        date_precision=DatePrecision.MONTH,
    )
    dated = meeting(hours, title="Час с датой", start_date=datetime.date(2099, 1, 20))

    assert planned in ClubMeetingPage.objects.upcoming()
    calendar = client.get(index.url + "calendar/").content.decode()
    assert "Час с датой" in calendar and "Очередной час" not in calendar
    assert client.get(dated.url + "calendar/").status_code == 200
    assert client.get(planned.url + "calendar/").status_code == 404


def test_agenda_days_must_fall_within_the_meeting():
    page = ClubMeetingPage(
        title="Заседание",
        slug="meeting",
        start_date=datetime.date(2024, 6, 19),
        end_date=datetime.date(2024, 6, 20),
        agenda=[("day", {"date": datetime.date(2024, 6, 21), "venue": "Музей"})],
    )
    assert errors(page)["start_date"] == ["День программы (21.06.2024) выходит за даты встречи."]


def test_old_agendas_without_days_render_as_one_list(client, home):
    page = meeting(
        club(home),
        agenda=[
            (
                "talk",
                {"title": "Доклад", "speakers": [], "description": "", "online": False},
            )
        ],
    )
    html = client.get(page.url).content.decode()
    assert "Доклад" in html and "agenda-day" not in html
    assert [day.day for day in page.agenda_days()] == [None]


def test_an_adopted_documents_date_falls_within_its_event(home, index):
    event = programme(
        index, start_date=datetime.date(2024, 10, 16), end_date=datetime.date(2024, 10, 18)
    )
    documents = resolution_index(home)
    adopted = resolution(
        documents, ResolutionStatus.ADOPTED, date=datetime.date(2024, 10, 18), adopted_at=event
    )
    adopted.full_clean()

    adopted.date = datetime.date(2024, 10, 12)
    assert errors(adopted)["date"] == [
        "Дата принятия не попадает в даты мероприятия, на котором принят документ "
        "(16–18 октября 2024)."
    ]
    # A draft carries the date of the draft, before the event.
    draft = resolution(
        documents,
        ResolutionStatus.DRAFT,
        slug="draft",
        date=datetime.date(2024, 9, 1),
        adopted_at=event,
    )
    draft.full_clean()
