"""Shared fragments (home.fragments): rendered pages reuse their shared HTML, never stale, never
someone else's.

Each test turns the fragments on, lets a request store a page's fragments, then checks what
the next request (of the same or another user) gets.
"""

import re

from django.test import override_settings
from django.urls import reverse

from wagtail.contrib.search_promotions.models import QueryDailyHits

import pytest

from programs.models import ResolutionStatus
from tests.factories import UserFactory
from tests.members.factories import member_user, resolution, resolution_index
from tests.news.factories import news_index, news_page
from tests.programs.factories import club, meeting, programme, programme_index
from tests.programs.registration_helpers import event_with_registration

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments")]


@pytest.fixture
def fragments():
    with override_settings(SHARED_FRAGMENTS=True):
        yield


def without_nonces(html):
    """The page without what differs on every response by design: the CSP nonce and the
    masked CSRF token of the header's sign-out form (a live part)."""
    html = re.sub(r'nonce="[^"]*"', 'nonce=""', html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken"', html)


def test_a_members_second_request_reuses_the_page_with_fewer_queries(
    client, home, member, django_assert_max_num_queries
):
    index = news_index(home)
    for number in range(5):
        news_page(index, title=f"Новость {number}", regions=[])
    client.force_login(member)
    first = client.get(index.url)
    with override_settings(SHARED_FRAGMENTS=False):
        fresh = client.get(index.url)
    # The session, its user and the page the address names (remembered from now on):
    # nothing of the listing, no role or permission query (home.caching.remembered).
    with django_assert_max_num_queries(3):
        second = client.get(index.url)
    assert without_nonces(second.content.decode()) == without_nonces(fresh.content.decode())
    assert without_nonces(first.content.decode()) == without_nonces(fresh.content.decode())
    assert "Новость 4" in second.content.decode()


def test_a_publish_refreshes_every_page_that_shows_the_article(client, home, member):
    index = news_index(home)
    article = news_page(index, title="Конкурс чтецов", regions=[])
    client.force_login(member)
    pages = [home.url, index.url, article.url, index.url + "rss/"]
    for url in pages:
        assert "Конкурс чтецов" in client.get(url).content.decode()

    article.title = "Конкурс юных чтецов"
    article.save_revision().publish()

    for url in pages:
        assert "Конкурс юных чтецов" in client.get(url).content.decode(), url


def test_an_unpublished_article_leaves_the_listing(client, home):
    index = news_index(home)
    article = news_page(index, title="Конкурс чтецов", regions=[])
    assert "Конкурс чтецов" in client.get(index.url).content.decode()
    article.unpublish()
    assert "Конкурс чтецов" not in client.get(index.url).content.decode()


def test_one_members_registration_form_is_never_served_to_another(client, home):
    index = programme_index(home)
    page, _settings = event_with_registration(index, capacity=5)
    anna = member_user("anna", first_name="Анна", last_name="Смирнова")
    boris = member_user("boris", first_name="Борис", last_name="Петров")

    client.force_login(anna)
    html = client.get(page.url).content.decode()
    assert "anna@library.example" in html
    client.force_login(boris)
    second = client.get(page.url)
    html = second.content.decode()
    assert "boris@library.example" in html
    assert "anna@library.example" not in html
    assert "Анна" not in html
    # The rest of the page was shared; it is still kept a minute at most, privately.
    assert second.wsgi_request._shared_fragments.hit
    assert "max-age=60" in second["Cache-Control"]
    assert "private" in second["Cache-Control"]


def test_the_places_left_are_counted_on_every_request(client, home, member):
    from tests.programs.registration_helpers import registration

    index = programme_index(home)
    page, event_settings = event_with_registration(index, capacity=5)
    client.force_login(member)
    assert "5 мест" in client.get(page.url).content.decode()
    registration(event_settings, status="confirmed")
    assert "4 места" in client.get(page.url).content.decode()


def test_a_page_without_registration_keeps_its_fragments_without_a_token(client, home, member):
    index = programme_index(home)
    page = programme(index, title="Курс краеведения")
    client.force_login(member)
    client.get(page.url)
    response = client.get(page.url)
    assert response.wsgi_request._shared_fragments.hit
    assert "Курс краеведения" in response.content.decode()


def test_a_signed_in_name_and_form_are_never_shared(client, home):
    index = resolution_index(home)
    anna = member_user("anna", first_name="Анна", last_name="Смирнова")
    boris = member_user("boris", first_name="Борис", last_name="Петров")
    client.force_login(anna)
    assert "Анна Смирнова" in client.get(index.url).content.decode()
    client.force_login(boris)
    html = client.get(index.url).content.decode()
    assert "Борис Петров" in html
    assert "Анна" not in html


def test_what_an_editor_may_read_is_never_shown_to_a_member_or_a_reader(client, home, editor):
    index = resolution_index(home)
    draft = resolution(index, ResolutionStatus.DRAFT)
    download = draft.url + "download/"
    client.force_login(editor)
    assert download in client.get(draft.url).content.decode()
    client.force_login(member_user("anna"))
    assert download not in client.get(draft.url).content.decode()
    client.logout()
    assert download not in client.get(draft.url).content.decode()


def test_a_members_download_link_is_not_shown_to_a_reader_nor_to_a_non_member(client, home):
    index = resolution_index(home)
    adopted = resolution(index, ResolutionStatus.ADOPTED)
    client.force_login(member_user("anna"))
    assert "Скачать PDF" in client.get(adopted.url).content.decode()
    client.force_login(UserFactory(username="guest"))
    assert "Скачать PDF" not in client.get(adopted.url).content.decode()
    client.logout()
    assert "Скачать PDF" not in client.get(adopted.url).content.decode()


def test_the_userbar_is_an_editors_only(client, home, editor, member):
    client.force_login(editor)
    assert "wagtail-userbar" in client.get(home.url).content.decode()
    client.force_login(member)
    assert "wagtail-userbar" not in client.get(home.url).content.decode()


def test_a_repeated_search_is_still_counted(client, home):
    index = news_index(home)
    news_page(index, title="Библиотечная ночь", regions=[])
    url = reverse("search") + "?q=ночь"
    first = client.get(url)
    second = client.get(url)
    assert second.wsgi_request._shared_fragments.hit
    assert without_nonces(first.content.decode()) == without_nonces(second.content.decode())
    assert sum(QueryDailyHits.objects.values_list("hits", flat=True)) == 2


def test_odd_query_parameters_are_not_stored(client, home):
    index = news_index(home)
    response = client.get(index.url + "?anything=1")
    assert response.status_code == 200
    assert response.wsgi_request._shared_fragments is None


def test_a_deep_page_with_ready_fragments_is_found_in_one_query_and_moves_with_it(
    client, home, member, django_assert_max_num_queries
):
    section = club(home, title="Клубы")
    first_club = club(section, title="Клуб методистов")
    other_club = club(section, title="Клуб библиографов")
    event = meeting(first_club, title="Встреча в Торжке")
    client.force_login(member)
    address = event.url
    assert client.get(address).status_code == 200
    # The walk costs a query per level; with the fragments ready the remembered page is read
    # once, so a meeting four levels down costs no more than a listing one level down.
    with django_assert_max_num_queries(3):
        assert "Встреча в Торжке" in client.get(address).content.decode()

    event.move(other_club, pos="last-child")
    event.refresh_from_db()
    moved = client.get(address)
    assert (moved.status_code, moved["Location"]) == (301, event.url)
    assert "Встреча в Торжке" in client.get(event.url).content.decode()
