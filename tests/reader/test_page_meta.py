"""Every content page shows when it last changed, in the reader's language, and a way back up."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils import translation

import pytest

from tests.factories import standard_page

pytestmark = pytest.mark.django_db

MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture
def page(home):
    page = standard_page(home, title="Об ассоциации", slug="about")
    page.last_published_at = datetime(2024, 4, 12, 11, 30, tzinfo=ZoneInfo("UTC"))
    page.save(update_fields=["last_published_at"])
    return page


def test_standard_page_shows_last_change_in_russian(client, page):
    response = client.get(page.url)
    html = response.content.decode()
    assert "Последние изменения" in html
    assert '<time datetime="2024-04-12T14:30:00+03:00">12 апреля 2024, 14:30</time>' in html
    assert '<body id="top"' in html
    assert '<a href="#top">Наверх</a>' in html


def test_last_change_is_formatted_for_english(page):
    with translation.override("en"):
        html = render_to_string("home/includes/page_meta.html", {"page": page})
    assert "Last updated" in html
    assert "12 April 2024, 14:30" in html
    assert "Back to top" in html


def test_pages_without_a_page_object_have_no_stamp(client, home):
    response = client.get("/ru/search/?q=библиотека")
    assert response.status_code == 200
    assert "Последние изменения" not in response.content.decode()


def test_home_page_carries_the_stamp(client, home):
    home.save_revision().publish()
    html = client.get(home.url).content.decode()
    assert "Последние изменения" in html
    assert datetime.now(MOSCOW).strftime("%Y") in html
