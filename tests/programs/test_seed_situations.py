"""Programmes and meetings as the member libraries' news tell them: every fact is shown back.

One page per situation found in real regional news: a seminar of the school for library
heads, a two-day annual meeting of the methodists' club at two venues, a week-long
programme of a federal library for several regions, and a district's informal hour held
every two months whose next date is only planned for a month.
"""

import datetime
import json

from django.utils import translation

import pytest

from programs.models import DatePrecision, ResolutionStatus, Status, TrainingProgramHost
from tests.factories import OrganisationFactory
from tests.members.factories import resolution, resolution_index
from tests.programs.factories import club, meeting, programme
from tests.text import plain

pytestmark = pytest.mark.django_db
NBSP = "\xa0"


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return plain(response.content.decode())


def json_ld(html):
    return json.loads(
        html.split('<script type="application/ld+json"')[1].split(">", 1)[1].split("</script>")[0]
    )


def speaker(name, position="", organisation=""):
    return {"person": None, "free_name": name, "position": position, "organisation": organisation}


def item(kind, title, start, end, speakers=()):
    return (
        kind,
        {
            "start_time": datetime.time(*start),
            "end_time": datetime.time(*end),
            "title": title,
            "speakers": list(speakers),
            "description": "",
            "online": False,
        },
    )


def test_a_seminar_of_the_school_for_library_heads(client, index):
    regional = OrganisationFactory(
        name="Приморская краевая публичная библиотека им. А. М. Горького"
    )
    seminar = programme(
        index,
        title="XVIII Школа руководителей библиотек",
        kind="school",
        edition=18,
        start_date=datetime.date(2020, 9, 24),
        end_date=datetime.date(2020, 9, 25),
        venue="Конференц-зал краевой библиотеки",
        address="г. Владивосток, ул. Светланская, д. 1",
        participant_count=1787,
        municipality_count=44,
        hosts=[TrainingProgramHost(organisation=regional)],
        tags=["Школа руководителей"],
    )
    html = page_html(client, seminar)

    assert "XVIII Школа руководителей библиотек" in html
    assert "24–25 сентября 2020" in html
    assert "Конференц-зал краевой библиотеки, г. Владивосток, ул. Светланская, д. 1" in html
    assert regional.name in html
    assert "1 787 участников" in html  # with a no-break space, read as text by page_html
    assert "из 44 муниципальных образований" in html
    assert "Школа руководителей" in html
    data = json_ld(html)
    assert data["startDate"] == "2020-09-24" and data["endDate"] == "2020-09-25"


def test_the_methodists_annual_meeting_over_two_days_at_two_venues(client, home):
    methodists = club(home, title="Деловой клуб методистов", periodicity="раз в год")
    annual = meeting(
        methodists,
        title="36-е заседание Делового клуба методистов",
        number=36,
        theme="Методист и модельная библиотека",
        start_date=datetime.date(2024, 6, 19),
        end_date=datetime.date(2024, 6, 20),
        venue="Областная библиотека",
        participant_count=58,
        organisations_count=36,
        municipality_count=33,
        participants_note="33 библиотечные системы и 3 областные библиотеки",
        agenda=[
            (
                "day",
                {"date": datetime.date(2024, 6, 19), "venue": "Актовый зал областной библиотеки"},
            ),
            item(
                "talk",
                "Мониторинг муниципальных библиотек",
                (10,),
                (10, 30),
                [speaker("Н. Н. Ткаченко", "главный библиотекарь", "Областная библиотека")],
            ),
            item("round_table", "Методист как наставник", (11,), (13,)),
            ("day", {"date": datetime.date(2024, 6, 20), "venue": "Краеведческий музей"}),
            item("business_game", "Планируем год в округе", (10,), (12,)),
            item("other", "Принятие итогового документа", (12,), (12, 30)),
        ],
    )
    documents = resolution_index(home)
    adopted = resolution(
        documents,
        ResolutionStatus.ADOPTED,
        title="О методическом сопровождении модельных библиотек",
        number="7/2024",
        date=datetime.date(2024, 6, 20),
        adopted_at=annual,
    )
    adopted.full_clean()  # the adoption date falls within the meeting
    html = page_html(client, annual)

    assert "19–20 июня 2024" in html
    assert "Методист и модельная библиотека" in html
    assert "58 участников, 36 организаций из 33 муниципальных образований" in html
    assert "33 библиотечные системы и 3 областные библиотеки" in html
    first_day, second_day = html.split('class="agenda-day"')[1:]
    assert "Среда, 19 июня" in first_day and "Актовый зал областной библиотеки" in first_day
    assert "Мониторинг муниципальных библиотек" in first_day
    assert "Н. Н. Ткаченко" in first_day and "главный библиотекарь" in first_day
    assert "Круглый стол" in first_day and "Методист как наставник" in first_day
    assert "Четверг, 20 июня" in second_day and "Краеведческий музей" in second_day
    assert "Деловая игра" in second_day and "Планируем год в округе" in second_day
    assert "№ 7/2024 · О методическом сопровождении модельных библиотек" in second_day


def test_a_federal_librarys_week_for_several_regions(client, index):
    federal = OrganisationFactory(name="Российская государственная библиотека", city="Москва")
    regional = OrganisationFactory(name="Тверская областная библиотека")
    week = programme(
        index,
        title="Библиотека как центр общественной жизни",
        kind="courses",
        lead="Для библиотекарей Тверской, Новгородской и Псковской областей.",
        start_date=datetime.date(2027, 6, 7),
        end_date=datetime.date(2027, 6, 13),
        format="mixed",
        venue="Российская государственная библиотека",
        online_url="https://events.example/week",
        hours=36,
        certificate="qualification",
        participant_count=57,
        municipality_count=21,
        hosts=[
            TrainingProgramHost(organisation=federal),
            TrainingProgramHost(organisation=regional),
        ],
    )
    html = page_html(client, week)

    assert "7–13 июня 2027" in html
    assert "Тверской, Новгородской и Псковской областей" in html
    assert federal.name in html and regional.name in html
    assert "36 академических часов" in html
    assert "57 участников из 21 муниципального образования" in html
    data = json_ld(html)
    assert data["@type"] == "EducationEvent"
    assert {organiser["name"] for organiser in data["organizer"]} == {federal.name, regional.name}


def test_a_districts_bimonthly_informal_hour_planned_for_a_month(client, home):
    hours = club(home, title="Час неформального общения", periodicity="раз в два месяца")
    planned = meeting(
        hours,
        title="Очередной час неформального общения",
        start_date=datetime.date(2027, 3, 1),
        end_date=datetime.date(2027, 3, 31),
        date_precision=DatePrecision.MONTH,
        recurrence_note="раз в два месяца",
        venue="Центральная библиотека",
    )
    html = page_html(client, planned)

    assert '<time datetime="2027-03">Март 2027</time> (день пока не назначен)' in html
    assert "раз в два месяца" in html
    assert "Добавить в календарь" not in html and "text/calendar" not in html
    assert planned.get_status(datetime.datetime(2027, 3, 15, tzinfo=datetime.UTC)) == (
        Status.UPCOMING
    )
    data = json_ld(html)
    assert data["startDate"] == "2027-03" and "endDate" not in data
    assert client.get(planned.url + "calendar/").status_code == 404
    with translation.override("ru"):
        assert "Март 2027" in page_html(client, hours)
