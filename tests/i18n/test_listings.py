"""Listings, feeds, calendars, search and tag pages show the active language only, with dates
written the way readers of that language write them."""

import datetime
import zoneinfo

from django.utils import timezone

import pytest
from taggit.models import Tag

from home.demo import translate
from programs.models import TrainingProgramLecturer
from tests.factories import PersonFactory
from tests.news.factories import news_index, news_page
from tests.programs.factories import programme, programme_index
from tests.text import plain

pytestmark = pytest.mark.django_db

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")


@pytest.fixture
def news(home, english_home):
    """A Russian news section with one translated article and one in Russian only."""
    index = news_index(home)
    english_index = translate(index, {"Новости": "News"})
    tag = Tag.objects.create(name="семинар", slug="seminar")
    translated = news_page(
        index,
        title="Областной семинар методистов",
        slug="seminar",
        lead="Методисты собрались в Твери.",
        date=datetime.datetime(2023, 6, 8, 11, 0, tzinfo=MOSCOW),
        tags=[tag],
    )
    english = translate(
        translated,
        {
            "Областной семинар методистов": "Regional seminar of methodologists",
            "Методисты собрались в Твери.": "Methodologists met in Tver.",
        },
    )
    russian_only = news_page(
        index,
        title="Новости районной библиотеки",
        slug="district",
        date=timezone.now() - datetime.timedelta(days=2),
        tags=[tag],
    )
    return {
        "index": index,
        "english_index": english_index,
        "translated": translated,
        "english": english,
        "russian_only": russian_only,
        "tag": tag,
    }


def test_news_listings_show_the_language_of_their_tree(client, news):
    english = client.get(news["english_index"].url).content.decode()
    assert "Regional seminar of methodologists" in english
    assert "Областной семинар" not in english and "Новости районной" not in english
    russian = client.get(news["index"].url).content.decode()
    assert "Областной семинар методистов" in russian and "Новости районной библиотеки" in russian
    assert "Regional seminar" not in russian


def test_home_page_news_block_shows_the_active_language(client, news, english_home):
    html = client.get(english_home.url).content.decode()
    assert "Regional seminar of methodologists" in html
    assert "Новости районной библиотеки" not in html


def test_news_feeds_carry_their_language_only(client, news):
    feed = client.get(news["english_index"].url + "rss/").content.decode()
    assert "Regional seminar of methodologists" in feed
    assert "Новости районной" not in feed and "Областной семинар" not in feed
    russian_feed = client.get(news["index"].url + "rss/").content.decode()
    assert "Regional seminar" not in russian_feed


def test_tag_pages_and_tag_feeds_list_the_active_language(client, news):
    html = client.get("/en/tags/seminar/").content.decode()
    assert "Regional seminar of methodologists" in html
    assert "Новости районной библиотеки" not in html
    feed = client.get("/en/tags/seminar/rss/").content.decode()
    assert "Regional seminar of methodologists" in feed and "Новости районной" not in feed
    russian = client.get("/ru/tags/seminar/").content.decode()
    assert "Новости районной библиотеки" in russian and "Regional seminar" not in russian


def test_search_finds_pages_of_the_active_language_only(client, news):
    html = client.get("/en/search/", {"q": "methodologists"}).content.decode()
    assert "Regional seminar of methodologists" in html
    html = client.get("/ru/search/", {"q": "семинар"}).content.decode()
    assert "Областной семинар методистов" in html and "Regional seminar" not in html


def test_article_dates_are_written_for_the_readers_language(client, news):
    assert "8 June 2023" in client.get(news["english"].url).content.decode()
    assert "8 июня 2023" in client.get(news["translated"].url).content.decode()


@pytest.fixture
def programmes(home, english_home):
    index = programme_index(home)
    english_index = translate(index, {"Повышение квалификации": "Training"})
    school = programme(
        index,
        title="Школа руководителей библиотек",
        slug="school",
        start_date=timezone.localdate() + datetime.timedelta(days=30),
    )
    english_school = translate(school, {"Школа руководителей библиотек": "School for Managers"})
    programme(
        index,
        title="Вебинар по краеведению",
        slug="webinar",
        start_date=timezone.localdate() + datetime.timedelta(days=40),
    )
    return {"index": index, "english_index": english_index, "school": english_school}


def test_programme_listing_and_calendar_show_the_language_of_their_tree(client, programmes):
    html = client.get(programmes["english_index"].url).content.decode()
    assert "School for Managers" in html and "Вебинар по краеведению" not in html
    calendar = client.get(programmes["english_index"].url + "calendar/").content.decode()
    assert "School for Managers" in calendar and "Вебинар" not in calendar
    russian = plain(client.get(programmes["index"].url).content.decode())
    assert "Вебинар по краеведению" in russian and "School for Managers" not in russian


def test_home_page_programmes_block_shows_the_active_language(client, programmes, english_home):
    html = client.get(english_home.url).content.decode()
    assert "School for Managers" in html and "Вебинар по краеведению" not in html


def test_event_dates_are_written_for_the_readers_language(client, home, english_home):
    index = programme_index(home)
    translate(index, {})
    event = programme(index, slug="june", start_date=datetime.date(2023, 6, 8))
    english_event = translate(event, {})
    assert "8 June 2023" in client.get(english_event.url).content.decode()
    assert "8 июня 2023" in client.get(event.url).content.decode()


def test_people_on_english_event_pages_are_shown_in_english(client, home, english_home):
    person = PersonFactory(name="Андрей Белов", position="методист")
    translate(person, {"Андрей Белов": "Andrei Belov", "методист": "methodologist"})
    index = programme_index(home)
    translate(index, {})
    event = programme(index, slug="school", lecturers=[TrainingProgramLecturer(person=person)])
    english_event = translate(event, {})
    assert english_event.lecturers.get().person == person  # the reference is synchronised
    assert "Andrei Belov" in client.get(english_event.url).content.decode()
    assert "Андрей Белов" in client.get(event.url).content.decode()
