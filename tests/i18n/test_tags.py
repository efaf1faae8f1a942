"""Tags are one vocabulary shared by both languages (one slug, one tag page); English pages
show a tag's English name where it has one, its Russian name otherwise."""

import json
import re

from django.core.cache import cache
from django.urls import reverse

import pytest
from taggit.models import Tag

from home.caching import content_version
from home.demo import translate
from home.i18n.tags import TagEnglishName
from tests.members.factories import resolution, resolution_index
from tests.news.factories import news_index, news_page
from tests.programs.factories import club, meeting, programme, programme_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(db):
    tag = Tag.objects.create(name="школа руководителей", slug="shkola-rukovoditelei")
    TagEnglishName.objects.create(tag=tag, name="school for managers")
    return tag


@pytest.fixture
def local_history(db):
    """A tag nobody has named in English yet."""
    return Tag.objects.create(name="краеведение", slug="kraevedenie")


@pytest.fixture
def articles(home, english_home, school, local_history):
    index = news_index(home)
    english_index = translate(index, {"Новости": "News"})
    article = news_page(index, title="Школа открылась", slug="school", tags=[school, local_history])
    english = translate(article, {"Школа открылась": "The school has opened"})
    return {"index": index, "english_index": english_index, "russian": article, "english": english}


def tag_list(html):
    return html.split('<ul class="tags"')[1].split("</ul>")[0]


def test_english_articles_name_their_tags_in_english(client, articles):
    html = client.get(articles["english"].url).content.decode()
    tags = tag_list(html)
    assert 'href="/en/tags/shkola-rukovoditelei/" rel="tag">school for managers<' in tags
    assert ">краеведение<" in tags  # no English name yet: the Russian one
    assert '<meta property="article:tag" content="school for managers">' in html
    structured = re.search(r'application/ld\+json"[^>]*>(.*?)</script>', html, re.S)[1]
    assert json.loads(structured)["keywords"] == ["school for managers", "краеведение"]

    russian = client.get(articles["russian"].url).content.decode()
    assert ">школа руководителей<" in tag_list(russian) and "school for managers" not in russian


def test_english_news_index_names_its_tags_and_tag_filter_in_english(client, articles):
    url = articles["english_index"].url
    cloud = client.get(url).content.decode().split('id="news-tags-heading"')[1]
    assert ">school for managers</a>" in cloud
    filtered = client.get(url, {"tag": "shkola-rukovoditelei"}).content.decode()
    assert re.search(r"<h1>News: school for managers</h1>", filtered)
    assert "RSS for «school for managers»" in filtered
    feed = client.get(url + "tag/shkola-rukovoditelei/rss/").content.decode()
    assert "<title>News: school for managers</title>" in feed
    assert "<category>school for managers</category>" in feed
    assert "школа руководителей" not in feed


def test_english_tag_pages_and_feeds_use_the_english_name(client, articles):
    html = client.get("/en/tags/shkola-rukovoditelei/").content.decode()
    assert "<h1>Tag “school for managers”</h1>" in html
    assert "школа руководителей" not in html
    feed = client.get("/en/tags/shkola-rukovoditelei/rss/").content.decode()
    assert "<title>Tag “school for managers”</title>" in feed
    assert "школа руководителей" not in feed
    russian = client.get("/ru/tags/shkola-rukovoditelei/").content.decode()
    assert "«школа руководителей»" in russian or "“школа руководителей”" in russian


def test_search_filter_offers_tags_in_the_readers_language(client, articles):
    cache.clear()  # the search page keeps its filter choices in the cache for minutes
    html = client.get("/en/search/", {"q": "school"}).content.decode()
    options = html.split('name="tag"')[1].split("</select>")[0]
    assert ">school for managers</option>" in options
    assert ">краеведение</option>" in options


def test_programme_meeting_and_resolution_tags_are_named_in_english(
    client, home, english_home, school
):
    index = programme_index(home)
    translate(index, {})
    english_programme = translate(programme(index, slug="school", tags=[school]), {})
    html = client.get(english_programme.url).content.decode()
    assert 'href="/en/tags/shkola-rukovoditelei/" rel="tag">school for managers<' in (
        tag_list(html)
    )

    club_page = club(home, slug="club")
    translate(club_page, {})
    english_meeting = translate(meeting(club_page, slug="meeting", tags=[school]), {})
    tags = tag_list(client.get(english_meeting.url).content.decode())
    assert 'href="/en/tags/shkola-rukovoditelei/" rel="tag">school for managers<' in tags

    register = resolution_index(home)
    translate(register, {})
    document = resolution(register, "adopted")
    document.tags.add(school)
    document.save_revision().publish()
    english_resolution = translate(document, {})
    tags = tag_list(client.get(english_resolution.url).content.decode())
    assert 'href="/en/tags/shkola-rukovoditelei/" rel="tag">school for managers<' in tags


def test_editors_give_a_tag_its_english_name_on_the_tags_form(client, superuser, local_history):
    client.force_login(superuser)
    url = reverse("wagtailsnippets_taggit_tag:edit", args=[local_history.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "краеведение", "name_en": "local history"})
    assert response.status_code == 302
    assert local_history.english_name.name == "local history"
    listing = client.get(reverse("wagtailsnippets_taggit_tag:list")).content.decode()
    assert "local history" in listing
    client.post(url, {"name": "краеведение", "name_en": ""})
    assert not TagEnglishName.objects.filter(tag=local_history).exists()


def test_a_changed_english_name_shows_at_once(client, articles, school):
    assert "school for managers" in client.get(articles["english"].url).content.decode()
    school.english_name.name = "managers' school"
    school.english_name.save()
    html = client.get(articles["english"].url).content.decode()
    assert "managers&#x27; school" in html and "school for managers" not in html


def test_a_changed_english_name_empties_the_page_cache(school):
    before = content_version()
    school.english_name.name = "managers' school"
    school.english_name.save()
    assert content_version() != before


def found_in(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return {result.page.pk: result.excerpt for result in response.context["described"]}


def test_english_pages_are_searched_and_excerpted_by_their_tags_english_names(client, articles):
    english, russian = articles["english"], articles["russian"]
    assert english.pk in found_in(client, "en", "managers")
    assert russian.pk in found_in(client, "ru", "руководителей")
    excerpt = found_in(client, "en", "managers")[english.pk]
    assert "<mark>managers</mark>" in excerpt
    assert "руководителей" not in excerpt  # the Russian tag name is not in the English index


def test_naming_a_tag_in_english_reindexes_the_english_pages(client, articles, local_history):
    assert articles["english"].pk not in found_in(client, "en", "heritage")
    TagEnglishName.objects.create(tag=local_history, name="local heritage")
    assert articles["english"].pk in found_in(client, "en", "heritage")
