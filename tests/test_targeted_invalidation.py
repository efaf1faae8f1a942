"""A publish drops from the page cache only the addresses that show the changed page
(home.invalidation): on the demo site, which addresses each page type's publish drops, and
how many copies stay valid."""

from django.test import Client, override_settings

from wagtail.models import Page

import pytest
from taggit.models import Tag

from news.models import NewsIndexPage, NewsPage
from programs.models import (
    ClubMeetingPage,
    ClubPage,
    ProgramIndexPage,
    ResolutionPage,
    TrainingProgramPage,
)
from tests import shared_redis
from tests.shared_redis import needs_redis

pytestmark = [needs_redis, pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


@pytest.fixture
def page_cache():
    """The page cache on Redis, as in production (the tests' local cache keeps 300 entries)."""
    prefix = shared_redis.prefix("invalidation")
    with override_settings(CACHES=shared_redis.cache_settings(prefix), PAGE_CACHE_ENABLED=True):
        yield
    shared_redis.delete_keys(prefix)


def demo_addresses():
    """Every public address of the demo site an anonymous reader may get from the cache."""
    addresses = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        url = page.url
        if url and not getattr(page, "is_future", False):
            addresses.add(url)
    for index in NewsIndexPage.objects.live():
        addresses.add(index.url + "rss/")
    for index in ProgramIndexPage.objects.live():
        addresses.add(index.url + "calendar/")
    for slug in Tag.objects.values_list("slug", flat=True):
        addresses.update({f"/ru/tags/{slug}/", f"/en/tags/{slug}/"})
    return sorted(addresses)


def served(client, addresses):
    """The cache's answer per address (hit, miss) of those that answered 200."""
    states = {}
    for address in addresses:
        response = client.get(address)
        if response.status_code == 200:
            states[address] = response.get("X-Page-Cache")
    return states


def first(model):
    return model.objects.live().public().filter(locale__language_code="ru").order_by("path")[0]


def republish(page):
    """An editor's edit of the text only, published."""
    page = page.specific
    page.save_revision().publish()


PAGES = {
    "article": lambda: NewsPage.objects.live()
    .filter(locale__language_code="ru")
    .order_by("-date")[3],
    "programme": lambda: first(TrainingProgramPage),
    "club meeting": lambda: first(ClubMeetingPage),
    "club": lambda: first(ClubPage),
    "resolution": lambda: first(ResolutionPage),
}

# Written from what each page shows, then checked against the run: the page and its
# ancestors (listings, feeds, the home page's sections), its translation and theirs, pages
# linked either way (related news, documents adopted at a meeting), its tags' pages in both
# languages, the calendar for events.
DROPPED = {
    "article": [
        "/en/tags/den-bibliotek/",
        "/en/tags/nagrady/",
        "/ru/",
        "/ru/news/",
        "/ru/news/library-day-2026-awards/",
        "/ru/news/rss/",
        "/ru/tags/den-bibliotek/",
        "/ru/tags/nagrady/",
    ],
    "programme": [
        *[
            f"/{language}{path}"
            for language in ("en", "ru")
            for path in (
                "/",
                "/news/",
                "/news/rss/",
                "/news/school-18-model-library/",
                "/programmes/",
                "/programmes/calendar/",
                "/programmes/school-18/",
                "/tags/modelnaia-biblioteka/",
                "/tags/shkola-rukovoditelei/",
            )
        ]
    ],
    "club meeting": [
        "/en/programmes/calendar/",
        "/en/tags/klub-metodistov/",
        "/ru/",
        "/ru/clubs/",
        "/ru/clubs/methodists-club/",
        "/ru/clubs/methodists-club/meeting-34/",
        "/ru/documents/",
        "/ru/documents/1-2023/",
        "/ru/programmes/calendar/",
        "/ru/tags/klub-metodistov/",
    ],
    "club": [
        f"/{language}{path}"
        for language in ("en", "ru")
        for path in (
            "/",
            "/clubs/",
            "/clubs/methodists-club/",
            "/news/",
            "/news/methodists-club-kashin/",
            "/news/rss/",
        )
    ],
    "resolution": [
        "/en/tags/kraevedenie/",
        "/ru/",
        "/ru/clubs/",
        "/ru/clubs/methodists-club/",
        "/ru/clubs/methodists-club/meeting-34/",
        "/ru/documents/",
        "/ru/documents/1-2023/",
        "/ru/documents/3-2024/",
        "/ru/tags/kraevedenie/",
    ],
}


def dropped_by(client, page):
    """The addresses whose cached copy a publish of `page` drops, and how many there are."""
    addresses = demo_addresses()
    served(client, addresses)
    before = served(client, addresses)
    assert set(before.values()) == {"hit"}, before
    republish(page)
    after = served(client, addresses)
    return sorted(address for address, state in after.items() if state != "hit"), len(after)


@pytest.mark.usefixtures("page_cache")
@pytest.mark.parametrize("kind", list(PAGES))
def test_a_publish_drops_only_the_addresses_that_show_the_page(kind):
    dropped, total = dropped_by(Client(), PAGES[kind]())
    assert dropped == sorted(DROPPED[kind])
    assert total > 100


@pytest.mark.usefixtures("page_cache")
def test_after_an_article_is_published_nine_in_ten_cached_copies_stay_valid():
    dropped, total = dropped_by(Client(), PAGES["article"]())
    assert (total - len(dropped)) / total >= 0.9
