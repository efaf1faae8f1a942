"""Query budgets: news pages cost at most 12 queries, however much they show.

Counted on the second request, as readers meet them: the first one after a publish fills
the content cache (menu, breadcrumbs, language links, settings, listing facets) and
renditions. The frame every page pays (site, locale, routing, privacy check) is printed
beside the totals with `pytest -s`.
"""

import datetime

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from home.demo import translate
from news.models import (
    NewsPage,
    NewsPageAuthor,
    NewsPageMentionedPerson,
    NewsPageOrganisation,
    NewsPageRelatedPage,
)
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    RegionFactory,
    standard_page,
    without_index_updates,
)
from tests.news.factories import ImageFactory, news_page

pytestmark = pytest.mark.django_db

BUDGET = 12
# The English home page, then English people, organisations, regions and related pages.
ENGLISH_LOOKUPS = 5


def queries(client, url):
    client.get(url)  # warm caches: renditions, site root paths, content cache
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@without_index_updates()
def add_articles(index, count, image):
    """Live articles without revisions: quick to create, identical to serve."""
    regions = [RegionFactory(), RegionFactory()]
    for number in range(count):
        article = NewsPage(
            title=f"Новость {number}",
            slug=f"bulk-{count}-{number}",
            lead="Коротко.",
            date=timezone.now() - datetime.timedelta(hours=number + 1),
            featured_image=image,
        )
        article.tags.add(f"тег {number % 4}", "общий")
        index.add_child(instance=article)
        article.regions.set(regions[: number % 3])
        article.save()
    image.get_renditions("fill-480x270")


@pytest.fixture
def frame(client, home):
    """Queries of a standard page at depth 3 and at depth 4."""
    parent = standard_page(home, title="Раздел", slug="section")
    child = standard_page(parent, title="Страница", slug="page")
    return {3: queries(client, parent.url), 4: queries(client, child.url)}


@override_settings(NEWS_PAGE_SIZE=30)
def test_news_index_costs_the_same_for_3_and_30_articles(client, index, frame):
    image = ImageFactory()
    add_articles(index, 3, image)
    with_3 = queries(client, index.url)
    add_articles(index, 27, image)
    with_30 = queries(client, index.url)
    print(f"news index: {with_30} queries, frame {frame[3]}")  # noqa: T201
    assert with_3 == with_30
    assert with_30 <= BUDGET


@without_index_updates()
def dressed_article(index, size):
    """An article with `size` authors, people mentioned, organisations, regions, related
    pages and tags."""
    article = news_page(index, title=f"Большая новость {size}", featured_image=ImageFactory())
    for number in range(size):
        person = PersonFactory(organisation=OrganisationFactory())
        NewsPageAuthor.objects.create(page=article, person=person, sort_order=number)
        mentioned = PersonFactory(organisation=person.organisation)
        NewsPageMentionedPerson.objects.create(page=article, person=mentioned, sort_order=number)
        article.regions.add(RegionFactory())
        NewsPageOrganisation.objects.create(
            page=article, organisation=person.organisation, sort_order=number
        )
        target = news_page(index, title=f"Связанная {size}-{number}")
        NewsPageRelatedPage.objects.create(page=article, target=target, sort_order=number)
        article.tags.add(f"тема {number}")
    article.save()
    return article


def test_news_page_costs_the_same_for_3_and_30_related_items(client, index, frame):
    small = dressed_article(index, 3)
    large = dressed_article(index, 30)
    with_3 = queries(client, small.url)
    with_30 = queries(client, large.url)
    print(f"news page: {with_30} queries, frame {frame[4]}")  # noqa: T201
    assert with_3 == with_30
    assert with_30 <= BUDGET


def test_home_news_block_and_feeds_cost_a_fixed_number_of_queries(client, home, index):
    image = ImageFactory()
    add_articles(index, 3, image)
    home_3, feed_3 = queries(client, home.url), queries(client, index.url + "rss/")
    add_articles(index, 27, image)
    assert queries(client, home.url) == home_3
    assert queries(client, index.url + "rss/") == feed_3


def test_an_english_article_costs_the_same_for_3_and_30_related_items(client, home, index):
    """English pages also pay for Wagtail's lookup of the English home page and for one query
    per kind of snippet or page swapped for its English version (authors, organisations,
    region, related pages), however many there are."""
    with without_index_updates():
        translate(home, {"Главная": "Home", "home": "home-en"})
        translate(index, {})
        small = dressed_article(index, 3)
        large = dressed_article(index, 30)
        english_small, english_large = translate(small, {}), translate(large, {})
    russian = queries(client, large.url)
    with_3 = queries(client, english_small.url)
    with_30 = queries(client, english_large.url)
    print(f"English news page: {with_30} queries, Russian {russian}")  # noqa: T201
    assert with_3 == with_30
    assert with_30 - russian <= ENGLISH_LOOKUPS
