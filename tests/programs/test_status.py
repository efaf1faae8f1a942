"""Statuses and dates as readers see them, at the edges of days in Moscow time."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import translation

import pytest

from programs.dates import date_range
from programs.models import ClubMeetingPage, Status, TrainingProgramPage

# Page instances look up their content type, which needs the database once the content-type
# cache has been cleared (a transactional test's flush clears it).
pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")
UTC = datetime.UTC


def moscow(*args):
    return datetime.datetime(*args, tzinfo=MOSCOW)


def programme(**kwargs):
    kwargs.setdefault("title", "Школа руководителей")
    kwargs.setdefault("start_date", datetime.date(2024, 6, 19))
    kwargs.setdefault("end_date", datetime.date(2024, 6, 20))
    kwargs.setdefault("registration_url", "https://forms.example/school")
    return TrainingProgramPage(**kwargs)


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (moscow(2024, 6, 18, 23, 59, 59), Status.REGISTRATION_OPEN),
        (moscow(2024, 6, 19, 0, 0), Status.IN_PROGRESS),
        # 21:00 UTC on the 18th is already midnight of the 19th in Moscow.
        (datetime.datetime(2024, 6, 18, 21, 0, tzinfo=UTC), Status.IN_PROGRESS),
        (datetime.datetime(2024, 6, 18, 20, 59, tzinfo=UTC), Status.REGISTRATION_OPEN),
        (moscow(2024, 6, 20, 23, 59, 59), Status.IN_PROGRESS),
        (moscow(2024, 6, 21, 0, 0), Status.FINISHED),
    ],
)
def test_status_of_an_all_day_programme_changes_at_moscow_midnight(now, status):
    assert programme().get_status(now) == status


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (moscow(2024, 6, 10, 23, 59, 59), Status.REGISTRATION_OPEN),
        (moscow(2024, 6, 11, 0, 0), Status.REGISTRATION_CLOSED),
        (datetime.datetime(2024, 6, 10, 21, 0, tzinfo=UTC), Status.REGISTRATION_CLOSED),
        (moscow(2024, 6, 18, 12, 0), Status.REGISTRATION_CLOSED),
    ],
)
def test_registration_closes_after_the_deadline_day(now, status):
    page = programme(application_deadline=datetime.date(2024, 6, 10))
    assert page.get_status(now) == status


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (moscow(2024, 6, 19, 9, 59), Status.UPCOMING),
        (moscow(2024, 6, 19, 10, 0), Status.IN_PROGRESS),
        (moscow(2024, 6, 19, 16, 59), Status.IN_PROGRESS),
        (moscow(2024, 6, 19, 17, 0), Status.FINISHED),
    ],
)
def test_timed_meeting_is_in_progress_between_its_start_and_end_times(now, status):
    meeting = ClubMeetingPage(
        title="Заседание клуба",
        start_date=datetime.date(2024, 6, 19),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(17, 0),
    )
    assert meeting.get_status(now) == status


def test_programme_without_registration_is_simply_upcoming():
    page = programme(registration_url="", registration_contact="")
    assert page.get_status(moscow(2024, 6, 1)) == Status.UPCOMING


def test_cancelled_flag_wins_over_dates():
    page = programme(cancelled=True, cancellation_notice="Перенесено")
    assert page.get_status(moscow(2024, 6, 19, 12)) == Status.CANCELLED
    assert page.get_status(moscow(2025, 1, 1)) == Status.CANCELLED


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ((2024, 6, 19), None, "19 июня 2024"),
        ((2024, 6, 19), (2024, 6, 19), "19 июня 2024"),
        ((2024, 6, 19), (2024, 6, 20), "19–20 июня 2024"),
        ((2024, 6, 30), (2024, 7, 2), "30 июня – 2 июля 2024"),
        ((2024, 12, 30), (2025, 1, 10), "30 декабря 2024 – 10 января 2025"),
    ],
)
def test_dates_are_written_the_russian_way(start, end, text):
    with translation.override("ru"):
        assert date_range(datetime.date(*start), end and datetime.date(*end)) == text


def test_model_validation_rejects_an_end_before_the_start():
    from django.core.exceptions import ValidationError

    page = programme(end_date=datetime.date(2024, 6, 1))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end_date" in error.value.message_dict
