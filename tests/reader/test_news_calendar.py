"""The news calendar: a month grid where days with news link to that day's articles."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

import pytest

from tests.news.factories import news_index, news_page

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")


def moscow(year, month, day, hour=12):
    return datetime.datetime(year, month, day, hour, tzinfo=MOSCOW)


@pytest.fixture
def index(home):
    return news_index(home)


def calendar_html(response):
    html = response.content.decode()
    return html[html.index('<section class="news-calendar"') : html.index("</table>")]


def test_month_with_news_links_its_days_to_the_day_listing(client, index):
    news_page(index, title="Семинар методистов", date=moscow(2024, 4, 12))
    news_page(index, title="Ещё одна апрельская", date=moscow(2024, 4, 12, 18))
    news_page(index, title="Школа руководителей", date=moscow(2024, 4, 25, 0))
    news_page(index, title="Майская", date=moscow(2024, 5, 3))
    response = client.get(index.url, {"year": "2024", "month": "4"})
    html = calendar_html(response)
    assert '<span class="news-calendar__month">Апрель 2024</span>' in html
    assert 'href="?year=2024&amp;month=3"' in html
    assert 'href="?year=2024&amp;month=5"' in html
    headers = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]
    assert html.count('<th scope="col">') == 7
    assert [html.index(f">{name}</abbr>") for name in headers] == sorted(
        html.index(f">{name}</abbr>") for name in headers
    )
    assert '<abbr title="Понедельник">Пн</abbr>' in html
    # 1 April 2024 is a Monday: the first cell of the first row.
    assert "<tbody> <tr> <td>1</td>" in " ".join(html.split())
    assert '<a href="?year=2024&amp;month=4&amp;day=12"' in html
    assert '<a href="?year=2024&amp;month=4&amp;day=25"' in html
    assert "day=3" not in html
    assert "<td>13</td>" in html
    assert html.count("&amp;day=") == 2


def test_day_link_lists_that_days_news_only(client, index):
    news_page(index, title="Семинар методистов", date=moscow(2024, 4, 12))
    news_page(index, title="Вечерняя новость", date=moscow(2024, 4, 12, 23))
    news_page(index, title="Соседний день", date=moscow(2024, 4, 13, 0))
    response = client.get(index.url, {"year": "2024", "month": "4", "day": "12"})
    titles = [article.title for article in response.context["articles"]]
    assert titles == ["Вечерняя новость", "Семинар методистов"]
    assert 'day=12" rel="nofollow" aria-current="date"' in calendar_html(response)


def test_month_without_news_has_no_day_links(client, index):
    news_page(index, title="Апрельская", date=moscow(2024, 4, 12))
    response = client.get(index.url, {"year": "2024", "month": "2"})
    html = calendar_html(response)
    assert "Февраль 2024" in html
    assert "&amp;day=" not in html
    assert "<td>29</td>" in html  # a leap year


def test_current_month_by_default_without_a_link_to_the_future(client, index):
    moment = timezone.localtime() - datetime.timedelta(minutes=1)
    news_page(index, title="Сегодняшняя", date=moment)
    html = calendar_html(client.get(index.url))
    month = moment.date().replace(day=1)
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    assert f'href="?year={previous.year}&amp;month={previous.month}"' in html
    assert "»" not in html
    assert f'<a href="?year={month.year}&amp;month={month.month}&amp;day={moment.day}"' in html


@pytest.mark.parametrize(
    "query",
    [
        {"year": "2024", "month": "2", "day": "30"},
        {"year": "2023", "month": "2", "day": "29"},
        {"year": "2024", "month": "4", "day": "0"},
        {"year": "2024", "month": "4", "day": "x"},
        {"year": "2024", "day": "5"},
    ],
)
def test_impossible_days_answer_404(client, index, query):
    assert client.get(index.url, query).status_code == 404


def test_english_calendar_has_english_names(client, index):
    from django.template.loader import render_to_string
    from django.utils import translation

    from news.calendar import month_calendar

    with translation.override("en"):
        html = render_to_string(
            "news/includes/calendar.html", {"calendar": month_calendar(index.articles(), 2024, 4)}
        )
    assert "April 2024" in html
    assert ">Mon</abbr>" in html


def test_calendar_opens_on_the_latest_month_with_news_rather_than_an_empty_one(client, index):
    news_page(index, title="Апрельская", date=moscow(2024, 4, 12))
    html = calendar_html(client.get(index.url))
    assert '<span class="news-calendar__month">Апрель 2024</span>' in html
    assert '<a href="?year=2024&amp;month=4&amp;day=12"' in html
