import pytest

from home import demo as home_demo
from programs import demo
from programs.models import ClubMeetingPage, ClubPage, Status, TrainingProgramPage

pytestmark = pytest.mark.django_db


class Command:
    def progress(self, message):
        pass


def test_demo_content_is_idempotent_and_covers_every_status(client):
    home_demo.load(Command())
    demo.load(Command())
    counts = (
        TrainingProgramPage.objects.count(),
        ClubPage.objects.count(),
        ClubMeetingPage.objects.count(),
    )
    demo.load(Command())
    assert counts == (
        TrainingProgramPage.objects.count(),
        ClubPage.objects.count(),
        ClubMeetingPage.objects.count(),
    )
    assert counts[0] >= 4 and counts[1] == 2 and counts[2] == 6
    statuses = {page.status for page in TrainingProgramPage.objects.all()}
    assert {Status.FINISHED, Status.IN_PROGRESS, Status.REGISTRATION_OPEN} <= statuses
    assert {page.format for page in TrainingProgramPage.objects.all()} == {
        "in_person",
        "online",
        "mixed",
    }
    for club in ClubPage.objects.all():
        meetings = ClubMeetingPage.objects.child_of(club)
        assert meetings.count() == 3
        assert sum(meeting.status == Status.UPCOMING for meeting in meetings) == 1
    for page in [*TrainingProgramPage.objects.all(), *ClubMeetingPage.objects.all()]:
        assert client.get(page.url).status_code == 200
