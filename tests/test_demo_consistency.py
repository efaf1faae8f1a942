"""`manage.py check_demo_content` passes on the demo as `make run` builds it, and fails on each
contradiction the communications staff found in it (issue 32), planted back one at a time."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

import pytest

from news.models import NewsPage
from programs.models import (
    ClubMeetingPage,
    RegistrationSettings,
    ResolutionPage,
    TrainingProgramPage,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def contradictions():
    with pytest.raises(CommandError) as failure:
        call_command("check_demo_content", stdout=StringIO())
    return str(failure.value)


def ru(model, slug):
    return model.objects.get(slug=slug, locale__language_code="ru")


@pytest.fixture
def old_templates(settings, tmp_path):
    """Templates put back as they were when the issue was filed, where the fault was markup."""

    def plant(name, text):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        templates = [dict(engine) for engine in settings.TEMPLATES]
        templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
        settings.TEMPLATES = templates

    return plant


def test_the_demo_is_consistent():
    output = StringIO()
    call_command("check_demo_content", stdout=output)
    assert "consistent" in output.getvalue()


def test_an_announcement_of_a_session_no_programme_holds():
    TrainingProgramPage.objects.filter(slug="school-19").update(edition=20)
    assert "XIX session no programme holds" in contradictions()


def test_a_report_dated_before_its_event():
    article = ru(NewsPage, "school-18-model-library")
    NewsPage.objects.filter(pk=article.pk).update(
        date=timezone.make_aware(datetime.datetime(2025, 2, 14, 17, 30))
    )
    assert "before the event it reports" in contradictions()


def test_a_report_naming_other_dates_than_its_event():
    article = ru(NewsPage, "school-18-model-library")
    NewsPage.objects.filter(pk=article.pk).update(event_start=datetime.date(2025, 2, 12))
    assert "runs" in contradictions()


def test_resolutions_out_of_order_within_a_year():
    later = ru(ResolutionPage, "3-2024")
    ResolutionPage.objects.filter(pk=later.pk).update(date=datetime.date(2024, 1, 10))
    message = contradictions()
    assert "№ 3/2024 is dated before № 2/2024" in message
    assert "outside the meeting that adopted it" in message


def test_an_address_that_disagrees_with_the_number():
    first = ru(ResolutionPage, "1-2023")
    ResolutionPage.objects.filter(pk=first.pk).update(number="1/2025")
    message = contradictions()
    assert "№ 1/2025 lives at …/1-2023/" in message
    assert "in another year" in message


def test_a_club_meeting_on_a_sunday():
    meeting = ru(ClubMeetingPage, "meeting-36")
    sunday = meeting.start_date + datetime.timedelta(days=6 - meeting.start_date.weekday())
    ClubMeetingPage.objects.filter(pk=meeting.pk).update(
        start_date=sunday, end_date=sunday + datetime.timedelta(days=1)
    )
    assert "meets on a Sunday" in contradictions()


def test_registration_open_on_the_label_but_full_on_the_form():
    internship = ru(TrainingProgramPage, "children-library-internship")
    TrainingProgramPage.objects.filter(pk=internship.pk).update(
        registration_url="https://forms.example/children-internship", capacity=15
    )
    assert RegistrationSettings.objects.filter(page=internship).exists()
    message = contradictions()
    assert "labelled «идёт регистрация», but its form is waiting_list" in message
    assert "promises 15 places, its form 3" in message


def test_a_cancelled_event_offered_for_a_calendar(old_templates):
    old_templates(
        "programs/includes/calendar_link.html",
        '<p><a href="calendar/" download>Добавить в календарь</a></p>',
    )
    assert "cancelled «Семинар «Библиотечный волонтёр»» offers" in contradictions()


def test_where_adopted_on_a_document_not_adopted_and_a_second_text_heading(old_templates):
    old_templates(
        "programs/resolution_page.html",
        "<dl><dt>Где принят</dt></dl><h2>Полный текст</h2><h2>Текст</h2>",
    )
    message = contradictions()
    assert "«Где принят» on 4/2025, which is not adopted" in message
    assert "«Полный текст» and «Текст» on 1/2023" in message


def test_a_draft_put_to_the_members_discussion_that_members_cannot_read():
    ResolutionPage.objects.filter(slug="4-2025").update(
        summary="Проект модельного стандарта вынесен на обсуждение членов ассоциации."
    )
    assert "put to the members' discussion" in contradictions()


def test_tag_chips_leading_to_the_news_listing(old_templates):
    old_templates(
        "news/news_page.html",
        '<ul class="tags"><li><a href="/ru/news/?tag=nagrady" rel="tag">награды</a></li></ul>',
    )
    assert "links to /ru/news/?tag=nagrady, not to its tag page" in contradictions()
