import pytest
from taggit.models import Tag

from home.demo import load_app
from programs.models import (
    ClubMeetingPage,
    ClubPage,
    DatePrecision,
    ResolutionPage,
    Status,
    TrainingProgramPage,
)

# Each test starts from the module's copy of the whole demo (tests.demo_site) and loads the
# programmes again where it proves that a second load changes nothing.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


class Command:
    def progress(self, message):
        pass


def test_demo_content_is_idempotent_and_covers_every_status(client):
    # The Russian demo; a few of its pages also have English versions.
    russian = {"locale__language_code": "ru"}
    counts = (
        TrainingProgramPage.objects.filter(**russian).count(),
        ClubPage.objects.filter(**russian).count(),
        ClubMeetingPage.objects.filter(**russian).count(),
    )
    load_app("programs", Command())
    assert counts == (
        TrainingProgramPage.objects.filter(**russian).count(),
        ClubPage.objects.filter(**russian).count(),
        ClubMeetingPage.objects.filter(**russian).count(),
    )
    assert counts[0] >= 4 and counts[1] == 2 and counts[2] == 6
    statuses = {page.status for page in TrainingProgramPage.objects.all()}
    assert {Status.FINISHED, Status.IN_PROGRESS, Status.REGISTRATION_OPEN} <= statuses
    assert {page.format for page in TrainingProgramPage.objects.all()} == {
        "in_person",
        "online",
        "mixed",
    }
    for club in ClubPage.objects.filter(**russian):
        meetings = ClubMeetingPage.objects.child_of(club)
        assert meetings.count() == 3
        assert sum(meeting.status == Status.UPCOMING for meeting in meetings) == 1
    for page in [*TrainingProgramPage.objects.all(), *ClubMeetingPage.objects.all()]:
        assert client.get(page.url).status_code == 200


def test_demo_registrations_show_every_state_and_are_idempotent(client):
    from programs.models import Registration, RegistrationSettings, RegistrationState
    from programs.registrations import services

    counts = (RegistrationSettings.objects.count(), Registration.objects.count())
    load_app("programs", Command())
    assert counts == (RegistrationSettings.objects.count(), Registration.objects.count())
    states = {s.page.slug: s.state()[0] for s in RegistrationSettings.objects.all()}
    assert states == {
        "school-18": RegistrationState.CLOSED,
        "children-library-internship": RegistrationState.WAITING_LIST,
        "meeting-36": RegistrationState.OPEN,
    }
    meeting = ClubMeetingPage.objects.get(slug="meeting-36", locale__language_code="ru")
    html = client.get(meeting.url).content.decode()
    assert "58 мест осталось" in html
    assert 'name="attendance_mode"' in html
    attendee = Registration.objects.filter(attended=True).first()
    link = f"/ru/registration/r/{services.make_token(attendee)}/certificate/"
    assert client.get(link)["Content-Type"] == "application/pdf"
    school = TrainingProgramPage.objects.get(slug="school-18", locale__language_code="ru")
    # Without a figure entered by the editors, the marked attendance is shown.
    TrainingProgramPage.objects.filter(pk=school.pk).update(participant_count=None)
    assert "2 участника" in client.get(school.url).content.decode()


def test_demo_content_uses_the_new_fields_and_contradicts_nothing():
    meetings = list(ClubMeetingPage.objects.all())
    programmes = list(TrainingProgramPage.objects.all())
    assert any(page.date_precision == DatePrecision.MONTH for page in meetings)
    assert any(page.recurrence_note for page in meetings)
    for pages in (meetings, programmes):
        assert any(page.participant_count for page in pages)
        assert any(page.municipality_count for page in pages)
    assert any(block.block_type == "day" for page in meetings for block in page.agenda)
    for page in [*meetings, *programmes]:
        page.full_clean()
    for resolution in ResolutionPage.objects.all():
        resolution.full_clean()  # adoption dates fall within the adopting events
    names = [tag.name.casefold() for tag in Tag.objects.all()]
    assert len(names) == len(set(names))
    assert not any("осень" in page.cancellation_notice for page in programmes)
