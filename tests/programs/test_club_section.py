"""A section page (a standard page) lists the clubs among its children with their next meetings."""

import datetime

from django.utils import timezone

import pytest

from tests.factories import standard_page
from tests.programs.factories import club, meeting

pytestmark = pytest.mark.django_db


def days(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def test_a_clubs_section_lists_its_clubs_with_the_next_meeting(client, home):
    section = standard_page(home, title="Профессиональные клубы", slug="clubs")
    methodists = club(section, title="Деловой клуб методистов", periodicity="раз в год")
    meeting(methodists, title="Прошлое заседание", start_date=days(-30))
    meeting(methodists, title="Дальнее заседание", start_date=days(90))
    meeting(methodists, title="Ближнее заседание", start_date=days(20))
    meeting(methodists, title="Черновик", start_date=days(5), publish=False)
    club(section, title="Час неформального общения")

    html = client.get(section.url).content.decode()

    assert "Деловой клуб методистов" in html and "Час неформального общения" in html
    assert "раз в год" in html
    next_meeting = html.split("Деловой клуб методистов")[1].split("Час неформального")[0]
    assert "Ближнее заседание" in next_meeting
    assert "Дальнее заседание" not in html and "Черновик" not in html
    assert "Следующая встреча ещё не объявлена." in html


def test_a_standard_page_without_clubs_shows_no_club_list_and_stays_in_budget(
    client, home, django_assert_max_num_queries
):
    page = standard_page(home)
    client.get(page.url)
    with django_assert_max_num_queries(5):
        html = client.get(page.url).content.decode()
    assert "club-list" not in html


def test_a_private_club_is_not_listed(client, home):
    from wagtail.models import PageViewRestriction

    section = standard_page(home, title="Клубы", slug="clubs")
    hidden = club(section, title="Закрытый клуб")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    club(section, title="Открытый клуб")

    html = client.get(section.url).content.decode()

    assert "Открытый клуб" in html and "Закрытый клуб" not in html
