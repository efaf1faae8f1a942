"""One tag vocabulary across page types: slugs, tag pages, feeds and the popular tags."""

import datetime

from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

import feedparser
import pytest
from taggit.models import Tag

from news.models import NewsPageTag
from programs.models import ClubMeetingPageTag, TrainingProgramPageTag
from search.pages import tag_through_models
from tests.search.helpers import (
    article,
    english_home,
    make_private,
    meeting,
    news_index,
    page,
    programme,
)


@pytest.fixture
def tagged(home):
    today = timezone.localdate()
    index = news_index(home)
    return {
        "article": article(
            index,
            "Новость о школе",
            "school-news",
            "Школа открыта.",
            timezone.now() - datetime.timedelta(days=10),
            tags=["Школа руководителей"],
        ),
        "programme": programme(
            home,
            "Школа руководителей 2026",
            "school",
            "Программа.",
            today + datetime.timedelta(days=30),
            tags=["Школа руководителей"],
        ),
        "meeting": meeting(
            home,
            "Заседание клуба",
            "meeting",
            "Школа и клуб",
            today - datetime.timedelta(days=3),
            tags=["Школа руководителей", "Методика"],
        ),
        "draft": article(
            index, "Черновик", "draft", "Черновик.", tags=["Школа руководителей"], publish=False
        ),
    }


def test_tag_tables_of_every_page_type_are_discovered():
    assert {NewsPageTag, TrainingProgramPageTag, ClubMeetingPageTag} <= set(tag_through_models())


def test_cyrillic_tags_get_latin_slugs(db):
    assert Tag.objects.create(name="Школа руководителей").slug == "shkola-rukovoditelei"
    assert Tag.objects.create(name="Щёлково, ёжики и Юрьев день").slug == (
        "shchelkovo-ezhiki-i-iurev-den"
    )
    assert Tag.objects.create(name="IT").slug == "it"


def test_tags_that_transliterate_alike_get_distinct_slugs(db):
    first = Tag.objects.create(name="Ёлка")
    second = Tag.objects.create(name="Елка")
    assert first.slug == "elka"
    assert second.slug == "elka-2"


@pytest.mark.postgres
def test_tags_differing_only_in_case_are_one_tag(home):
    """PostgreSQL compares Cyrillic case-insensitively; SQLite only folds ASCII letters."""
    assert settings.TAGGIT_CASE_INSENSITIVE
    index = news_index(home)
    first = article(index, "Первая", "first", "Текст.", tags=["Школа руководителей"])
    second = article(index, "Вторая", "second", "Текст.", tags=["ШКОЛА РУКОВОДИТЕЛЕЙ"])
    assert list(first.tags.all()) == list(second.tags.all())
    assert Tag.objects.count() == 1


def test_tag_page_lists_every_type_newest_first_without_drafts(client, tagged):
    response = client.get(reverse("tag", args=["shkola-rukovoditelei"]))
    assert response.status_code == 200
    titles = [item.title for item in response.context["items"]]
    assert titles == ["Школа руководителей 2026", "Заседание клуба", "Новость о школе"]
    assert b"noindex" not in response.content
    assert b'type="application/rss+xml"' in response.content


def test_tag_page_leaves_out_private_and_other_language_pages(client, tagged, english):
    make_private(tagged["meeting"].get_parent())
    english_page = page(english_home(english), "School", "school", "School.")
    response = client.get(reverse("tag", args=["shkola-rukovoditelei"]))
    titles = [item.title for item in response.context["items"]]
    assert "Заседание клуба" not in titles
    assert english_page.title not in titles


def test_tag_page_paginates_and_survives_bad_page_numbers(client, tagged):
    for number in ("0", "abc", "999"):
        url = reverse("tag", args=["shkola-rukovoditelei"])
        assert client.get(url, {"page": number}).status_code == 200


def test_unknown_tag_is_404(client, db):
    assert client.get(reverse("tag", args=["no-such-tag"])).status_code == 404
    assert client.get(reverse("tag_feed", args=["no-such-tag"])).status_code == 404


def test_tag_feed_is_rss_of_the_same_items(client, tagged):
    response = client.get(reverse("tag_feed", args=["shkola-rukovoditelei"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.feed.title == "Материалы по теме «Школа руководителей»"
    assert [entry.title for entry in feed.entries] == [
        "Школа руководителей 2026",
        "Заседание клуба",
        "Новость о школе",
    ]
    assert feed.entries[0].link.startswith("http://testserver/ru/")


def test_popular_tags_counts_uses_across_types(rf, tagged):
    request = RequestFactory().get("/ru/")
    with translation.override("ru"):
        html = Template("{% load search_tags %}{% popular_tags 10 %}").render(
            Context({"request": request})
        )
    assert html.index("Школа руководителей") < html.index("Методика")
    assert 'href="/ru/tags/shkola-rukovoditelei/"' in html


def test_popular_tags_is_empty_without_tags(db):
    with translation.override("ru"):
        html = Template("{% load search_tags %}{% popular_tags 5 %}").render(Context({}))
    assert html.strip() == ""


def test_search_can_be_narrowed_to_a_tag(client, tagged):
    response = client.get("/ru/search/", {"q": "школа", "tag": "shkola-rukovoditelei"})
    titles = {result.page.title for result in response.context["described"]}
    assert titles == {"Школа руководителей 2026", "Новость о школе", "Заседание клуба"}
