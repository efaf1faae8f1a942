"""The association's name and address in the site settings have English counterparts, shown
wherever English pages name the association: header, title, footer, share tags, feeds,
structured data and calendars."""

import datetime
import json
import re

from django.utils import timezone, translation

import pytest

from home.demo import translate
from home.models import AssociationSettings
from tests.news.factories import news_index, news_page
from tests.programs.factories import programme, programme_index

pytestmark = pytest.mark.django_db

RUSSIAN = {
    "name": "Тверская региональная библиотечная ассоциация",
    "short_name": "ТРБА",
    "address": "170100, г. Тверь, Свободный переулок, д. 28",
}
ENGLISH = {
    "name_en": "Tver Regional Library Association",
    "short_name_en": "TRLA",
    "address_en": "28 Svobodny Lane, Tver",
}


@pytest.fixture
def association(home):
    settings = AssociationSettings.for_site(home.get_site())
    for field, value in {**RUSSIAN, **ENGLISH}.items():
        setattr(settings, field, value)
    settings.save()
    return settings


def json_ld(html):
    return json.loads(re.search(r'application/ld\+json"[^>]*>(.*?)</script>', html, re.S)[1])


def test_english_pages_name_the_association_in_english(client, association, home, english_home):
    html = client.get(english_home.url).content.decode()
    header = html.split('class="site-header"')[1].split("</header>")[0]
    footer = html.split('class="site-footer"')[1]
    assert re.search(r"<title>[^<]* — TRLA</title>", html)
    assert ">TRLA<" in header
    assert "Tver Regional Library Association" in footer and "28 Svobodny Lane, Tver" in footer
    assert '<meta property="og:site_name" content="Tver Regional Library Association">' in html
    for text in RUSSIAN.values():
        assert text not in html

    russian = client.get(home.url).content.decode()
    assert re.search(r"<title>[^<]* — ТРБА</title>", russian)
    assert RUSSIAN["name"] in russian and RUSSIAN["address"] in russian
    for text in ENGLISH.values():
        assert text not in russian


def test_english_names_fall_back_to_the_russian_text_only_where_empty(association):
    association.short_name_en = ""
    association.address_en = ""
    with translation.override("en"):
        # The English full name beats the Russian short name in the header.
        assert association.site_name == "Tver Regional Library Association"
        assert association.postal_address == RUSSIAN["address"]
    association.name_en = ""
    with translation.override("en"):
        assert association.site_name == "ТРБА"
    with translation.override("ru"):
        assert association.full_name == RUSSIAN["name"]


def test_without_names_the_site_is_called_a_library_association_in_each_language(home):
    settings = AssociationSettings.for_site(home.get_site())
    with translation.override("en"):
        assert settings.site_name == settings.full_name == "Library association"
    with translation.override("ru"):
        assert settings.site_name == "Ассоциация библиотек"


def test_english_feeds_and_structured_data_name_the_english_publisher(
    client, association, home, english_home
):
    index = news_index(home)
    english_index = translate(index, {"Новости": "News"})
    article = news_page(index, title="Семинар", slug="seminar")
    english = translate(article, {"Семинар": "Seminar"})

    publisher = json_ld(client.get(english.url).content.decode())["publisher"]
    assert publisher["name"] == "Tver Regional Library Association"
    assert json_ld(client.get(article.url).content.decode())["publisher"]["name"] == RUSSIAN["name"]

    atom = client.get(english_index.url + "atom/").content.decode()
    assert "<name>Tver Regional Library Association</name>" in atom
    assert RUSSIAN["name"] not in atom


def test_english_calendars_carry_the_english_name(client, association, home, english_home):
    index = programme_index(home)
    english_index = translate(index, {})
    programme(index, slug="school", start_date=timezone.localdate() + datetime.timedelta(days=9))
    calendar = client.get(english_index.url + "calendar/").content.decode()
    assert "X-WR-CALNAME:TRLA" in calendar
    assert "X-WR-CALNAME:ТРБА" in client.get(index.url + "calendar/").content.decode()
