import datetime
import xml.etree.ElementTree as ET
from urllib.parse import quote

from django.utils import timezone

from wagtail.models import PageViewRestriction

import feedparser
import pytest
from taggit.models import Tag

from news.models import NewsPageAuthor
from tests.factories import PersonFactory
from tests.news.factories import news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(index):
    signed = news_page(
        index,
        title="Клуб методистов принял итоговый документ",
        lead="Ежегодное заседание прошло в Кашине.",
        date=timezone.now() - datetime.timedelta(days=2),
        tags=["Клуб методистов"],
    )
    NewsPageAuthor.objects.create(page=signed, person=PersonFactory(name="Ольга Смирнова"))
    news_page(
        index,
        title="Неделя повышения квалификации",
        lead="Коллеги из пяти регионов учились в Москве.",
        byline="Пресс-служба ассоциации",
        date=timezone.now() - datetime.timedelta(days=1),
    )
    news_page(index, title="Черновик", publish=False)
    news_page(index, title="Будущая", date=timezone.now() + datetime.timedelta(days=3))
    private = news_page(index, title="Закрытая")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return signed


@pytest.mark.parametrize("feed", ["rss/", "atom/"])
def test_feeds_are_valid_and_list_public_articles_with_dates_leads_and_authors(
    client, index, articles, feed
):
    response = client.get(index.url + feed)
    assert response.status_code == 200
    ET.fromstring(response.content)  # noqa: S314 (our own feed; checks it is well-formed)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Новости"
    titles = [entry.title for entry in parsed.entries]
    assert titles == ["Неделя повышения квалификации", "Клуб методистов принял итоговый документ"]
    newest, signed = parsed.entries
    assert newest.link.startswith("http://") and index.url in newest.link
    assert signed.summary == "Ежегодное заседание прошло в Кашине."
    assert signed.author == "Ольга Смирнова"
    assert newest.author == "Пресс-служба ассоциации"
    assert signed.published_parsed or signed.updated_parsed
    assert [tag.term for tag in signed.tags] == ["Клуб методистов"]


@pytest.mark.parametrize("feed", ["rss/", "atom/"])
def test_tag_feeds_list_only_that_tag(client, index, articles, feed):
    slug = Tag.objects.get(name="Клуб методистов").slug
    response = client.get(f"{index.url}tag/{slug}/{feed}")
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    assert [entry.title for entry in parsed.entries] == ["Клуб методистов принял итоговый документ"]
    assert "Клуб методистов" in parsed.feed.title


def test_unknown_tag_feed_answers_404(client, index):
    assert client.get(f"{index.url}tag/нет-такого/rss/").status_code == 404


def test_index_announces_its_feeds(client, index, articles):
    html = client.get(index.url).content.decode()
    assert f'type="application/rss+xml" title="Новости (RSS)" href="{index.url}rss/">' in html
    assert f'type="application/atom+xml" title="Новости (Atom)" href="{index.url}atom/">' in html
    slug = Tag.objects.get(name="Клуб методистов").slug
    tagged = client.get(index.url, {"tag": slug}).content.decode()
    assert f'href="{index.url}tag/{quote(slug)}/rss/"' in tagged


def test_home_page_shows_pinned_news_first_then_the_latest(client, home, index, articles):
    news_page(
        index,
        title="Закреплённая новость",
        pinned=True,
        date=timezone.now() - datetime.timedelta(days=40),
    )
    news_page(index, title="Самая старая", date=timezone.now() - datetime.timedelta(days=50))
    html = client.get(home.url).content.decode()
    block = html.split('class="container home-section news-latest"')[1].split("</section>")[0]
    order = [
        block.index(title)
        for title in (
            "Закреплённая новость",
            "Неделя повышения квалификации",
            "Клуб методистов принял итоговый документ",
        )
    ]
    assert order == sorted(order)
    for hidden in ("Самая старая", "Черновик", "Будущая", "Закрытая"):
        assert hidden not in block
    assert f'href="{index.url}"' in block


def test_a_pinned_article_takes_its_place_by_date_after_its_deadline(client, home, index):
    news_page(
        index,
        title="Запись закончилась",
        pinned=True,
        pinned_until=timezone.now() - datetime.timedelta(days=1),
        date=timezone.now() - datetime.timedelta(days=60),
    )
    news_page(
        index,
        title="Запись идёт",
        pinned=True,
        pinned_until=timezone.now() + datetime.timedelta(days=1),
        date=timezone.now() - datetime.timedelta(days=70),
    )
    for number in range(3):
        news_page(
            index, title=f"Свежая {number}", date=timezone.now() - datetime.timedelta(days=number)
        )
    html = client.get(home.url).content.decode()
    block = html.split('class="container home-section news-latest"')[1].split("</section>")[0]
    assert "Запись идёт" in block
    assert "Запись закончилась" not in block


def test_sitemap_lists_public_articles_with_lastmod(client, index, articles):
    xml = client.get("/sitemap.xml").content.decode()
    assert "klub" not in xml  # slugs are generated, titles never appear in the sitemap
    root = ET.fromstring(xml)  # noqa: S314
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        url.find("s:loc", ns).text: url.find("s:lastmod", ns) for url in root.findall("s:url", ns)
    }
    public = list(index.articles())
    assert len(public) == 2
    for article in public:
        location = article.full_url
        assert location in entries
        assert entries[location] is not None
    from news.models import NewsPage

    for hidden in NewsPage.objects.exclude(pk__in=[article.pk for article in public]):
        assert hidden.full_url not in entries
