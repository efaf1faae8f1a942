import re

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import standard_page

pytestmark = pytest.mark.django_db


def without_nonce(content):
    return re.sub(rb'nonce="[^"]*"', b'nonce=""', content)


def test_second_anonymous_request_is_served_from_cache_without_queries(
    client, page_cache, about, django_assert_num_queries
):
    first = client.get(about.url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get(about.url)

    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    # Every page carries the inline script of the low vision mode, whose nonce is fresh on each hit.
    assert without_nonce(second.content) == without_nonce(first.content)
    assert second["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in second
    assert second["X-Content-Type-Options"] == "nosniff"


def test_publishing_a_page_changes_what_is_served(client, page_cache, home, about):
    client.get(home.url)
    assert "Об ассоциации" in client.get(about.url).content.decode()

    about.title = "Об ассоциации библиотек"
    about.save_revision().publish()

    response = client.get(about.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Об ассоциации библиотек" in response.content.decode()
    # The home page (its menu lists the page) was cached before and is rendered afresh.
    assert client.get(home.url)["X-Page-Cache"] == "miss"


def test_unpublished_and_deleted_pages_are_not_served_from_cache(client, page_cache, home):
    draft_soon = standard_page(home, title="Устав", slug="charter")
    gone_soon = standard_page(home, title="Отчёт", slug="report")
    url, gone_url = draft_soon.url, gone_soon.url
    assert client.get(url).status_code == 200
    assert client.get(gone_url).status_code == 200

    draft_soon.unpublish()
    gone_soon.delete()

    assert client.get(url).status_code == 404
    assert client.get(gone_url).status_code == 404


def test_moving_a_page_invalidates_the_cache(client, page_cache, home, about):
    section = standard_page(home, title="Документы", slug="documents-section")
    assert client.get(home.url)["X-Page-Cache"] == "miss"
    assert client.get(home.url)["X-Page-Cache"] == "hit"

    about.move(section, pos="last-child")

    assert client.get(home.url)["X-Page-Cache"] == "miss"


def test_signed_in_users_are_never_served_from_or_stored_in_cache(
    client, page_cache, about, member
):
    client.force_login(member)
    for _ in range(2):
        response = client.get(about.url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response

    client.logout()
    assert client.get(about.url)["X-Page-Cache"] == "miss"


def test_requests_with_a_session_or_messages_cookie_bypass_the_cache(client, page_cache, about):
    client.get(about.url)
    client.cookies["sessionid"] = "anything"
    assert "X-Page-Cache" not in client.get(about.url)
    del client.cookies["sessionid"]
    client.cookies["messages"] = "pending"
    assert "X-Page-Cache" not in client.get(about.url)


def test_password_protected_page_is_not_cached(client, page_cache, about):
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response = client.get(about.url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_group_restricted_page_is_not_cached(client, page_cache, about):
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(about.url)
    assert response.status_code == 302
    assert "X-Page-Cache" not in response


def test_admin_documents_health_and_posts_are_not_cached(client, page_cache, about, superuser):
    for url in ("/admin/login/", "/healthz", "/robots.txt"):
        assert "X-Page-Cache" not in client.get(url)
    assert "X-Page-Cache" not in client.post(about.url)


def test_page_cache_is_off_unless_enabled(client, about):
    assert "X-Page-Cache" not in client.get(about.url)


@override_settings(PAGE_CACHE_ENABLED=True)
def test_scheduled_page_goes_live_after_the_scheduler_runs(client, home):
    page = standard_page(home, title="Анонс конференции", slug="conference")
    page.unpublish()
    client.get(home.url)  # cached without the page in the menu
    page.title = "Конференция 2027"
    page.save_revision(approved_go_live_at=timezone.now() - timezone.timedelta(minutes=1))
    assert client.get("/ru/conference/").status_code == 404

    call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    response = client.get("/ru/conference/")
    assert response.status_code == 200
    assert "Конференция 2027" in response.content.decode()


@override_settings(PAGE_CACHE_ENABLED=True)
def test_cached_page_gets_a_fresh_csp_nonce_on_every_hit():
    from django.core.cache import cache
    from django.http import HttpResponse
    from django.test import RequestFactory

    from association.cache import PageCacheMiddleware
    from association.middleware import ContentSecurityPolicyMiddleware

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}" src="/static/a.js"></script>')

    site = ContentSecurityPolicyMiddleware(PageCacheMiddleware(view))
    cache.clear()
    nonces = []
    for expected in ("miss", "hit", "hit"):
        response = site(RequestFactory().get("/ru/news/"))
        assert response["X-Page-Cache"] == expected
        nonce = response.content.decode().split('nonce="')[1].split('"')[0]
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        if expected == "hit":
            assert int(response["Content-Length"]) == len(response.content)
        nonces.append(nonce)
    assert len(set(nonces)) == 3
    cache.clear()


@pytest.fixture
def echo_site(page_cache):
    """The page cache in front of a view that shows the query it saw and counts its renders."""
    from django.http import HttpResponse

    from association.cache import PageCacheMiddleware

    renders = []

    def view(request):
        renders.append(request.get_full_path())
        return HttpResponse(f"<p>{request.get_full_path()}</p>")

    return PageCacheMiddleware(view), renders


def get(site, path, **extra):
    from django.test import RequestFactory

    return site(RequestFactory().get(path, **extra))


def test_tracking_parameters_never_reach_the_page_and_share_its_cached_copy(echo_site):
    site, renders = echo_site
    first = get(site, "/ru/news/?utm_source=newsletter&page=2&fbclid=abc")
    assert first["X-Page-Cache"] == "miss"
    assert first.content == b"<p>/ru/news/?page=2</p>"

    for path in ("/ru/news/?page=2", "/ru/news/?yclid=1&page=2", "/ru/news/?page=2&utm_medium=x"):
        response = get(site, path)
        assert response["X-Page-Cache"] == "hit"
        assert response.content == b"<p>/ru/news/?page=2</p>"
    assert renders == ["/ru/news/?page=2"]


def test_parameter_order_does_not_make_another_copy(echo_site):
    site, renders = echo_site
    assert get(site, "/ru/news/?page=2&tag=school")["X-Page-Cache"] == "miss"
    assert get(site, "/ru/news/?tag=school&page=2")["X-Page-Cache"] == "hit"
    assert len(renders) == 1


@pytest.mark.parametrize(
    ("path", "extra"),
    [
        ("/ru/news/?sort=title", {}),  # no page reads it
        ("/ru/news/?page=1&page=2", {}),
        ("/ru/news/?q=" + "а" * 600, {}),
        ("/ru/news/", {"HTTP_HOST": "testserver:8080"}),
        ("/ru/news/", {"HTTP_HOST": "mirror.example.org"}),
    ],
)
@override_settings(ALLOWED_HOSTS=["testserver", ".example.org"])
def test_odd_queries_and_hosts_are_served_without_the_cache(echo_site, path, extra):
    site, renders = echo_site
    for _ in range(2):
        response = get(site, path, **extra)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    assert len(renders) == 2


@override_settings(PAGE_CACHE_MAX_VARIANTS=3)
def test_an_address_keeps_a_bounded_number_of_query_variants(echo_site):
    site, renders = echo_site
    assert get(site, "/ru/news/")["X-Page-Cache"] == "miss"
    for page in range(1, 6):
        response = get(site, f"/ru/news/?page={page}")
        assert response.get("X-Page-Cache") == ("miss" if page <= 3 else None)
    assert get(site, "/ru/news/?page=1")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in get(site, "/ru/news/?page=5")
    assert get(site, "/ru/news/")["X-Page-Cache"] == "hit"
    assert get(site, "/ru/programmes/?page=9")["X-Page-Cache"] == "miss"


def test_a_real_page_linked_with_tracking_parameters_comes_from_the_cache(
    client, page_cache, about
):
    assert client.get(about.url)["X-Page-Cache"] == "miss"
    response = client.get(about.url + "?utm_source=vk&utm_campaign=news")
    assert response["X-Page-Cache"] == "hit"
    assert "utm_" not in response.content.decode()
