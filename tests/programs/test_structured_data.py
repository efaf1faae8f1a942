"""schema.org Event markup, read back from the page as a search engine would."""

import datetime
import json
import re

import pytest

from programs.models import Format, TrainingProgramHost
from tests.factories import OrganisationFactory
from tests.programs.factories import club, meeting, programme

pytestmark = pytest.mark.django_db


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json" nonce="[^"]*">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_training_programme_is_an_education_event(client, index):
    host = OrganisationFactory(name="Российская государственная библиотека")
    page = programme(
        index,
        title="Библиотека как центр общественной жизни",
        start_date=datetime.date(2024, 6, 17),
        end_date=datetime.date(2024, 6, 21),
        format=Format.MIXED,
        venue="РГБ",
        address="Москва, ул. Воздвиженка, 3/5",
        online_url="https://events.example/week",
        hosts=[TrainingProgramHost(organisation=host)],
    )
    data = json_ld(client.get(page.url))
    assert data["@type"] == "EducationEvent"
    assert data["name"] == "Библиотека как центр общественной жизни"
    assert data["startDate"] == "2024-06-17"
    assert data["endDate"] == "2024-06-21"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    place, virtual = data["location"]
    assert place == {"@type": "Place", "name": "РГБ", "address": "Москва, ул. Воздвиженка, 3/5"}
    assert virtual == {"@type": "VirtualLocation", "url": "https://events.example/week"}
    assert data["organizer"]["name"] == "Российская государственная библиотека"


def test_cancelled_online_meeting_with_times(client, home):
    host = OrganisationFactory(name="ЦБС г. Вышний Волочёк")
    page = meeting(
        club(home),
        start_date=datetime.date(2024, 6, 19),
        start_time=datetime.time(15, 0),
        end_time=datetime.time(17, 0),
        format=Format.ONLINE,
        host_organisation=host,
        cancelled=True,
        cancellation_notice="Перенесено",
    )
    data = json_ld(client.get(page.url))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-06-19T15:00:00+03:00"
    assert data["endDate"] == "2024-06-19T17:00:00+03:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["location"]["@type"] == "VirtualLocation"
    assert data["organizer"]["name"] == "ЦБС г. Вышний Волочёк"


def test_markup_cannot_break_out_of_the_script_element(client, index):
    page = programme(index, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(client.get(page.url))["name"] == "</script><script>alert(1)</script>"
