"""A page changed in another process shows at once on every page that shows it, although a
publish now drops only those pages (home.invalidation): one test per page type, its title
changed by another process (a second gunicorn worker, the scheduler), each page that shows
it read here from a page cache filled before."""

import datetime
from html import unescape

from django.test import Client, override_settings
from django.utils import timezone

import pytest

from programs.models import ResolutionPage
from tests import shared_redis
from tests.factories import add_page
from tests.members.factories import resolution, resolution_index
from tests.news.factories import news_index, news_page
from tests.production.faults import other_process
from tests.programs.factories import club, meeting, programme, programme_index
from tests.shared_redis import needs_redis

pytestmark = [
    needs_redis,
    pytest.mark.postgres,
    # Committed rows, which the other process reads, in a fresh copy of the migrated database.
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("fresh_database"),
]
NEW_TITLE = "Заголовок после правки"
SOON = timezone.localdate() + datetime.timedelta(days=20)


@pytest.fixture
def shared_cache():
    prefix = shared_redis.prefix("invalidation-across")
    with override_settings(CACHES=shared_redis.cache_settings(prefix), PAGE_CACHE_ENABLED=True):
        yield prefix
    shared_redis.delete_keys(prefix)


def retitled_elsewhere(page, prefix):
    other_process(
        f"""
        from wagtail.models import Page
        page = Page.objects.get(pk={page.pk}).specific
        page.title = {NEW_TITLE!r}
        page.save_revision().publish()
        """,
        redis_url=shared_redis.REDIS_URL,
        key_prefix=prefix,
    )


def shows_the_change_at_once(prefix, page, addresses):
    client = Client()
    for address in addresses:
        client.get(address)
        response = client.get(address)
        assert response["X-Page-Cache"] == "hit", address
        assert NEW_TITLE not in unescape(response.content.decode())
    retitled_elsewhere(page, prefix)
    stale = [
        address
        for address in addresses
        if NEW_TITLE not in unescape(client.get(address).content.decode())
    ]
    assert stale == []


def test_an_article(shared_cache, home):
    index = news_index(home)
    older = news_page(index, title="Раньше", date=timezone.now() - datetime.timedelta(days=3))
    article = news_page(index, title="Статья", tags=["краеведение"])
    programmes = programme_index(home)
    related = programme(programmes, start_date=SOON)
    related.related_news.create(news=article)
    related.save_revision().publish()
    addresses = [
        article.url,
        index.url,
        index.url + "rss/",
        "/ru/",
        older.url,  # its "next" link
        related.url,  # its related news
        "/ru/tags/kraevedenie/",
    ]
    shows_the_change_at_once(shared_cache, article, addresses)


def test_a_club_meeting(shared_cache, home):
    programmes = programme_index(home)
    club_page = club(home)
    event = meeting(club_page, start_date=SOON, tags=["клуб"])
    addresses = [event.url, club_page.url, "/ru/", programmes.url + "calendar/", "/ru/tags/klub/"]
    shows_the_change_at_once(shared_cache, event, addresses)


def test_a_programme(shared_cache, home):
    programmes = programme_index(home)
    event = programme(programmes, start_date=SOON, tags=["школа"])
    addresses = [
        event.url,
        programmes.url,
        programmes.url + "calendar/",
        "/ru/",
        "/ru/tags/shkola/",
    ]
    shows_the_change_at_once(shared_cache, event, addresses)


def test_a_resolution(shared_cache, home):
    index = resolution_index(home)
    older = resolution(index, "adopted", slug="old", number="1/2023")
    older.tags.add("краеведение")
    older.save_revision().publish()
    newer = add_page(
        index,
        ResolutionPage(
            title="Новая редакция",
            slug="new",
            number="2/2024",
            date=datetime.date(2024, 6, 1),
            status="adopted",
            summary="Новая редакция резолюции.",
            supersedes=older,
        ),
    )
    addresses = [older.url, index.url, newer.url, "/ru/tags/kraevedenie/"]
    shows_the_change_at_once(shared_cache, older, addresses)
