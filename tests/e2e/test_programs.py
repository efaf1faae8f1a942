"""Journey 5: a reader opens an upcoming programme and adds it to a calendar (.ics)."""

import datetime
from pathlib import Path

from django.utils import timezone

import pytest
from icalendar import Calendar

from tests.text import plain

programs = pytest.importorskip("programs.models", reason="the programmes have not landed yet")


def test_reader_downloads_the_calendar_file_of_an_upcoming_programme(page):
    programme = programs.TrainingProgramPage.objects.visible().upcoming().first()
    assert programme is not None, "the demo content has no upcoming programme"
    index = programme.get_parent()

    page.goto("/")
    page.get_by_role("navigation", name="Главное меню").get_by_role(
        "link", name=index.title
    ).click()
    page.wait_for_url(f"**{index.url}")
    upcoming = page.locator("main .listing").first
    upcoming.get_by_role("link", name=programme.title).click()
    page.wait_for_url(f"**{programme.url}")
    assert plain(page.get_by_role("heading", level=1).inner_text()) == programme.title

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Добавить в календарь").click()
    download = download_info.value
    assert download.suggested_filename == f"{programme.slug}.ics"
    calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == programme.title
    start = events[0].decoded("DTSTART")
    if isinstance(start, datetime.datetime):
        start = timezone.localtime(start).date()
    assert start == programme.start_date
