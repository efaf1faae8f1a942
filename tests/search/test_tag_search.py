"""Tags are searchable: pages are found by the words of their tags, and the index follows
every change of tags (modelcluster writes them after Wagtail has indexed the page row)."""

import datetime

from django.utils import timezone

from wagtail.models import Page
from wagtail.search.models import IndexEntry

import pytest
from taggit.models import Tag

from news.models import NewsPage
from tests.search.helpers import article, meeting, news_index, programme, resolution


def found(client, query):
    response = client.get("/ru/search/", {"q": query})
    assert response.status_code == 200
    return {result.page.slug for result in response.context["described"]}


@pytest.fixture
def tagged_local_history(home):
    """A page of each tagged type whose only mention of local history is its tag."""
    today = timezone.localdate()
    tags = ["краеведение"]
    article(news_index(home), "Открытие сезона", "season", "Итоги года.", tags=tags)
    programme(
        home, "Весенний курс", "course", "Занятия.", today + datetime.timedelta(days=30), tags=tags
    )
    meeting(
        home, "Третье заседание", "meeting", "Планы.", today - datetime.timedelta(days=3), tags=tags
    )
    resolution(home, "Резолюция", "resolution", "О планах.", datetime.date(2025, 3, 1), tags=tags)
    return {"season", "course", "meeting", "resolution"}


def test_pages_of_every_tagged_type_are_found_by_their_tags(client, tagged_local_history):
    assert found(client, "краеведение") == tagged_local_history


@pytest.mark.postgres
def test_tags_are_found_in_other_word_forms(client, tagged_local_history):
    assert found(client, "краеведению") == tagged_local_history
    assert found(client, "краеведения весенний") == {"course"}


def test_publishing_other_tags_updates_the_index(client, home):
    page = article(news_index(home), "Открытие сезона", "season", "Итоги.", tags=["краеведение"])
    page = NewsPage.objects.get(pk=page.pk)
    page.tags.set(["оцифровка"])
    revision = page.save_revision()
    assert found(client, "оцифровка") == set(), "a draft changes nothing readers see"
    revision.publish()
    assert found(client, "оцифровка") == {"season"}
    assert found(client, "краеведение") == set()


def test_renaming_a_tag_updates_the_index(client, home):
    article(news_index(home), "Открытие сезона", "season", "Итоги.", tags=["краеведение"])
    tag = Tag.objects.get(name="краеведение")
    tag.name = "оцифровка"
    tag.save()
    assert found(client, "оцифровка") == {"season"}


def test_deleting_a_tagged_page_leaves_nothing_in_the_index(home):
    page = article(news_index(home), "Открытие сезона", "season", "Итоги.", tags=["краеведение"])
    Page.objects.get(pk=page.pk).delete()
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()
