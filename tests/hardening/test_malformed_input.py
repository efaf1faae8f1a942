"""Malformed input is refused at its cause with a 4xx, and by one site-wide guard."""

from django.http import Http404, QueryDict
from django.urls import Resolver404, resolve

import pytest
from axes.models import AccessAttempt

from association.throttling import login_username
from news.queries import NewsFilters
from programs.models.resolutions import ResolutionFilterForm, ResolutionStatus
from tests.factories import PASSWORD, UserFactory
from tests.members.factories import resolution, resolution_index
from tests.news.factories import news_index, news_page

pytestmark = pytest.mark.django_db

SUPERSCRIPT_TWO = "%C2%B2"


@pytest.mark.parametrize(
    "url",
    [
        "/ru/news/?tag=%00",
        "/ru/documents/?q=a%00b",
        "/ru/tags/%00/",
        "/ru/tags/%00/rss/",
        "/ru/subscription/confirm/%00/",
        "/ru/news/?year=%FF",
        "/ru/%FF/",
        "/ru/x%C3%28/",
    ],
)
def test_nul_or_invalid_utf8_in_path_or_query_answers_400_in_russian(client, url):
    path, _, query = url.partition("?")
    response = client.get(path, QUERY_STRING=query)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Неверный запрос" in response.content.decode()


def test_the_guard_answers_in_english_under_the_english_prefix(client):
    response = client.get("/en/news/", QUERY_STRING="tag=%00")
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_the_guard_lets_readable_unicode_through(client, home):
    index = news_index(home)
    news_page(index, title="Новость")
    assert client.get("/ru/news/", {"tag": "школа"}).status_code == 404
    assert client.get("/ru/news/%D1%88%D0%BA%D0%BE%D0%BB%D0%B0/").status_code == 404
    assert client.get("/ru/news/").status_code == 200


@pytest.mark.parametrize("value", ["\x00", "a\x00b", "x" * 101, "../x"])
@pytest.mark.parametrize("name", ["tag", "region"])
def test_news_filters_refuse_values_no_slug_can_have(name, value):
    with pytest.raises(Http404):
        NewsFilters.from_query(QueryDict(mutable=True) | {name: value}, None)


@pytest.mark.parametrize("value", ["²", "٢٠٢٥", "２０２５", "-1", "1e3", "9" * 30])
def test_news_dates_refuse_anything_but_ascii_digits(client, home, value):
    news_index(home)
    for query in ({"year": value}, {"year": "2025", "month": value}):
        assert client.get("/ru/news/", query).status_code == 404
    query = {"year": "2025", "month": "3", "day": value}
    assert client.get("/ru/news/", query).status_code == 404
    assert client.get("/ru/news/", {"year": "2025", "month": "2", "day": "29"}).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"year": "0"},
        {"year": "10000"},
        {"year": "999999999999"},
        {"year": "²"},
        {"event": "²"},
        {"event": "٣"},
        {"event": "99999999999999999999"},
        {"status": "🙂"},
    ],
)
def test_the_register_ignores_filters_that_do_not_parse(client, home, query):
    register = resolution_index(home)
    shown = resolution(register, ResolutionStatus.ADOPTED, title="Резолюция о чтении")
    response = client.get(register.url, query)
    assert response.status_code == 200
    assert shown.title in response.content.decode()


def test_the_register_form_keeps_the_values_that_parse():
    form = ResolutionFilterForm(QueryDict("year=2025&event=%C2%B2&status=adopted&q=+устав+"))
    assert form.filters() == {"year": 2025, "status": "adopted", "q": "устав"}


@pytest.mark.parametrize(
    "path",
    [
        "/ru/tags/a\x00b/",
        "/ru/tags/a\x00b/rss/",
        "/ru/tags/" + "x" * 101 + "/",
        "/ru/subscription/confirm/a\x00b/",
        "/ru/subscription/unsubscribe/tok\x00en/",
        "/ru/subscription/confirm/" + "x" * 65 + "/",
    ],
)
def test_tag_and_token_routes_take_only_slug_shaped_words(path):
    try:
        match = resolve(path)
    except Resolver404:
        return
    # Longer words fall through to Wagtail's pages, which answer 404.
    assert match.url_name == "wagtail_serve"


def test_a_tag_page_still_takes_cyrillic_slugs():
    assert resolve("/ru/tags/школа/").kwargs == {"slug": "школа"}


def test_an_overlong_user_name_is_refused_before_signing_in(client):
    UserFactory(username="member")
    response = client.post("/ru/account/login/", {"username": "x" * 300, "password": PASSWORD})
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert not AccessAttempt.objects.exists()


def test_axes_records_at_most_255_characters_of_any_user_name(client, rf):
    request = rf.post("/admin/login/", {"username": "x" * 300})
    assert login_username(request, {"username": "x" * 300}) == "x" * 255
    assert login_username(request) == "x" * 255
    response = client.post("/admin/login/", {"username": "x" * 300, "password": "wrong"})
    assert response.status_code == 200


FORMS = [
    "/ru/feedback/question/",
    "/ru/feedback/mistake/",
    "/ru/subscription/",
    "/ru/account/login/",
    "/ru/account/password-reset/",
    "/en/feedback/question/",
]
TOKEN = "abcdefghijklmnopqrstuvwxyz012345"


@pytest.mark.parametrize("charset", ["utf-16", "utf-32", "windows-1251", "no-such-charset"])
@pytest.mark.parametrize("url", FORMS)
def test_a_form_sent_in_an_unreadable_charset_answers_400_not_500(url, charset):
    from django.test import Client

    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.cookies["csrftoken"] = TOKEN
    response = client.generic(
        "POST",
        url,
        f"name=x&email=a%40library.example&csrfmiddlewaretoken={TOKEN}".encode(),
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 400


def test_a_form_declared_utf_8_is_read(client):
    response = client.generic(
        "POST",
        "/ru/feedback/mistake/",
        "fragment=Ассоцияция".encode(),
        content_type="application/x-www-form-urlencoded; charset=UTF-8",
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 200
