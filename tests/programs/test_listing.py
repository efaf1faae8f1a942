"""The programmes listing, club pages and the home page sections: order, filters, visibility."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from programs.models import Format, TrainingProgramPage
from tests.programs.factories import club, meeting, programme
from tests.text import plain

pytestmark = pytest.mark.django_db


def days(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def titles(response, context_name="programmes"):
    return [page.title for page in response.context[context_name]]


def test_upcoming_and_ongoing_come_first_soonest_first_then_past_latest_first(client, index):
    programme(index, title="Прошлогодний", start_date=days(-400))
    programme(index, title="Будущий дальний", start_date=days(60))
    programme(index, title="Идёт сейчас", start_date=days(-1), end_date=days(1))
    programme(index, title="Недавний", start_date=days(-10), end_date=days(-9))
    programme(index, title="Будущий ближний", start_date=days(5))
    response = client.get(index.url)
    assert response.status_code == 200
    assert titles(response) == [
        "Идёт сейчас",
        "Будущий ближний",
        "Будущий дальний",
        "Недавний",
        "Прошлогодний",
    ]
    assert "Предстоящие и текущие" in response.content.decode()


def test_past_programmes_are_grouped_by_year(client, index):
    programme(index, title="Весна 2023", start_date=datetime.date(2023, 4, 1))
    programme(index, title="Осень 2022", start_date=datetime.date(2022, 10, 1))
    html = client.get(index.url).content.decode()
    assert "Прошедшие программы 2023 года" in html
    assert html.index("Весна 2023") < html.index("Прошедшие программы 2022 года")
    assert html.index("Прошедшие программы 2022 года") < html.index("Осень 2022")


def test_filters_by_format_kind_and_year(client, index):
    programme(
        index,
        title="Вебинар",
        kind=TrainingProgramPage.Kind.WEBINAR,
        format=Format.ONLINE,
        start_date=datetime.date(2024, 3, 1),
    )
    programme(
        index,
        title="Школа",
        kind=TrainingProgramPage.Kind.SCHOOL,
        format=Format.IN_PERSON,
        start_date=datetime.date(2023, 3, 1),
    )
    assert titles(client.get(index.url, {"format": "online"})) == ["Вебинар"]
    assert titles(client.get(index.url, {"kind": "school"})) == ["Школа"]
    assert titles(client.get(index.url, {"year": "2024"})) == ["Вебинар"]
    assert titles(client.get(index.url, {"year": "2024", "kind": "school"})) == []


def test_filters_by_tag(client, index):
    tagged = programme(index, title="С тегом", tags=["краеведение"])
    programme(index, title="Без тега")
    slug = tagged.tags.get().slug
    assert titles(client.get(index.url, {"tag": slug})) == ["С тегом"]
    # The programme's tag chip leads to the tag page, as every tag chip does.
    assert f'href="/ru/tags/{slug}/" rel="tag"' in client.get(tagged.url).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "-1"},
        {"format": "teleport"},
        {"kind": ["school", "x"]},
        {"page": "0"},
        {"page": "999"},
        {"page": "abc"},
        {"tag": "<script>"},
    ],
)
def test_bad_query_parameters_never_break_the_listing(client, index, query):
    programme(index, title="Семинар")
    response = client.get(index.url, query)
    assert response.status_code in (200, 404)


def test_listing_and_calendar_hide_drafts_private_and_silently_cancelled(client, index):
    programme(index, title="Опубликованный", start_date=days(10))
    programme(index, title="Черновик", start_date=days(10), publish=False)
    private = programme(index, title="Для членов", start_date=days(10))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    hidden = programme(index, title="Отменён молча", start_date=days(10), cancelled=True)
    programme(
        index,
        title="Отменён с объявлением",
        start_date=days(10),
        cancelled=True,
        cancellation_notice="Переносится на осень.",
    )
    assert sorted(titles(client.get(index.url))) == ["Опубликованный", "Отменён с объявлением"]
    feed = client.get(index.url + "calendar/").content.decode()
    assert "Опубликованный" in feed
    assert "Черновик" not in feed and "Для членов" not in feed and "Отменён молча" not in feed
    assert client.get(hidden.url).status_code == 404
    assert client.get(hidden.url + "calendar/").status_code == 404


def test_cancelled_programme_with_a_notice_shows_status_and_notice(client, index):
    page = programme(
        index, start_date=days(10), cancelled=True, cancellation_notice="Переносится на осень."
    )
    html = client.get(page.url).content.decode()
    assert "Переносится на осень." in html
    assert "отменено" in html.lower()


def test_club_lists_its_visible_meetings_newest_first(client, home):
    page = club(home, title="Клуб методистов")
    meeting(page, title="34-е заседание", number=34, start_date=datetime.date(2024, 5, 1))
    meeting(page, title="36-е заседание", number=36, start_date=days(30))
    meeting(page, title="35-е заседание", number=35, start_date=datetime.date(2025, 5, 1))
    meeting(page, title="Черновик", start_date=days(40), publish=False)
    response = client.get(page.url, {"page": "x"})
    assert response.status_code == 200
    assert titles(response, "meetings") == ["36-е заседание", "35-е заседание", "34-е заседание"]


def test_home_page_shows_upcoming_programmes_and_meetings_only(client, home, index):
    programme(index, title="Будущая стажировка", start_date=days(3))
    programme(index, title="Прошедшая школа", start_date=days(-30))
    page = club(home)
    meeting(page, title="Будущее заседание", start_date=days(7))
    meeting(page, title="Прошлое заседание", start_date=days(-7))
    html = client.get(home.url).content.decode()
    assert "Будущая стажировка" in html
    assert "Будущее заседание" in html
    assert "Прошедшая школа" not in html
    assert "Прошлое заседание" not in html


def test_a_cancelled_event_takes_no_place_among_the_upcoming_on_the_home_page(client, home, index):
    programme(
        index,
        title="Отменённый семинар",
        start_date=days(2),
        cancelled=True,
        cancellation_notice="Семинар перенесён на весну.",
    )
    programme(index, title="Будущая стажировка", start_date=days(3))
    page = club(home)
    meeting(
        page,
        title="Отменённое заседание",
        start_date=days(4),
        cancelled=True,
        cancellation_notice="Заседание отменено.",
    )
    html = client.get(home.url).content.decode()
    assert "Будущая стажировка" in html
    assert "Отменённый семинар" not in html
    assert "Отменённое заседание" not in html


def test_meeting_page_shows_agenda_in_order_with_speakers(client, home):
    from tests.factories import PersonFactory

    person = PersonFactory(name="Ольга Петровна Смирнова", position="директор")
    page = meeting(
        club(home),
        theme="Методист и модельная библиотека",
        start_date=datetime.date(2024, 6, 19),
        end_date=datetime.date(2024, 6, 20),
        agenda=[
            ("talk", {"title": "Итоги года", "speakers": [{"person": person}]}),
            (
                "round_table",
                {
                    "title": "Методист как наставник",
                    "speakers": [
                        {
                            "free_name": "Галина Зуева",
                            "position": "заведующая отделом",
                            "organisation": "Новгородская областная библиотека",
                        }
                    ],
                    "online": True,
                },
            ),
            ("quiz", {"title": "Краеведческая викторина"}),
        ],
    )
    html = plain(client.get(page.url).content.decode())
    assert "19–20 июня 2024" in html
    assert html.index("Итоги года") < html.index("Методист как наставник")
    assert html.index("Методист как наставник") < html.index("Краеведческая викторина")
    credentials = f"директор, {person.organisation}"
    assert f'Смирнова</span>, <span class="speaker__credentials">{credentials}</span>' in html
    assert "заведующая отделом, Новгородская областная библиотека" in html
    assert "Круглый стол" in html
    assert "Онлайн" in html


def test_sitemap_leaves_out_silently_cancelled_programmes(client, index):
    shown = programme(index, slug="shown")
    programme(index, slug="hidden-one", cancelled=True)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert shown.url in sitemap
    assert "hidden-one" not in sitemap
