"""The header's sign-in link and signed-in state, and the low-vision link for readers without
scripts: personal parts of every page that the page cache and the shared fragments must never
hand to anyone else."""

from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

import pytest

from home.lowvision import COOKIE
from tests.factories import standard_page
from tests.members.factories import member_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return standard_page(home, title="Об ассоциации", slug="about")


@pytest.fixture
def caches_on():
    """The page cache and the shared fragments switched on, empty before and after."""
    cache.clear()
    with override_settings(PAGE_CACHE_ENABLED=True, SHARED_FRAGMENTS=True):
        yield
    cache.clear()


def header(response):
    html = response.content.decode()
    return html[html.index('<header class="site-header"') : html.index("</header>")]


def test_a_reader_gets_a_sign_in_link_back_to_the_page(client, about):
    part = header(client.get(about.url))
    login = reverse("account_login")
    assert f'href="{login}?next=/ru/about/"' in part
    assert ">Войти<" in part
    assert "Вы вошли как" not in part


def test_a_member_sees_who_is_signed_in_and_can_sign_out(client, about):
    client.force_login(member_user("anna", first_name="Анна", last_name="Смирнова"))
    part = header(client.get(about.url))
    assert "Вы вошли как Анна Смирнова." in part
    assert f'action="{reverse("account_logout")}"' in part
    assert "csrfmiddlewaretoken" in part
    assert ">Выйти<" in part
    assert ">Войти<" not in part


def test_a_signed_in_name_never_reaches_another_reader_through_the_caches(client, caches_on, about):
    anna = member_user("anna", first_name="Анна", last_name="Смирнова")
    boris = member_user("boris", first_name="Борис", last_name="Петров")
    assert client.get(about.url)["X-Page-Cache"] == "miss"
    client.force_login(anna)
    for _ in range(2):  # the second request is made from the member's shared fragments
        response = client.get(about.url)
        assert "X-Page-Cache" not in response
        assert "Вы вошли как Анна Смирнова." in header(response)
    client.force_login(boris)
    part = header(client.get(about.url))
    assert "Борис Петров" in part
    assert "Анна" not in part
    client.logout()
    client.cookies.clear()
    response = client.get(about.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Вы вошли как" not in response.content.decode()
    assert ">Войти<" in header(response)


def test_the_no_script_link_turns_the_low_vision_mode_on_around_the_page_cache(
    client, caches_on, about
):
    plain = client.get(about.url)
    assert plain["X-Page-Cache"] == "miss"
    assert 'class="lv-link"' in header(plain)
    response = client.get(reverse("low_vision"), {"mode": "on", "next": about.url})
    assert response.status_code == 302
    assert response["Location"] == about.url
    assert client.cookies[COOKIE].value == "size-2 scheme-bw"

    shown = client.get(about.url)
    assert "X-Page-Cache" not in shown
    html = shown.content.decode()
    assert '<html lang="ru" class="lv-on lv-size-2 lv-scheme-bw">' in html
    assert "Обычная версия</a>" in header(shown)

    client.get(reverse("low_vision"), {"mode": "off", "next": about.url})
    back = client.get(about.url)
    assert back["X-Page-Cache"] == "hit"
    assert '<html lang="ru">' in back.content.decode()


def test_the_low_vision_link_never_sends_a_reader_to_another_site(client):
    response = client.get(reverse("low_vision"), {"mode": "on", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_a_forged_low_vision_cookie_adds_only_known_classes(client, about):
    client.cookies[COOKIE] = 'size-3 "><script> scheme-wb'
    html = client.get(about.url).content.decode()
    assert '<html lang="ru" class="lv-on lv-size-3 lv-scheme-wb">' in html
