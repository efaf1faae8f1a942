import datetime
from urllib.parse import quote

from django.test import override_settings
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
from taggit.models import Tag

from news.models import NewsIndexPage
from tests.factories import RegionFactory
from tests.news.factories import news_page

pytestmark = pytest.mark.django_db


def days_ago(days, hour=12):
    moment = timezone.localtime() - datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def titles(response):
    return [article.title for article in response.context["articles"]]


def test_listing_shows_newest_first(client, index):
    news_page(index, title="Старая", date=days_ago(30))
    news_page(index, title="Свежая", date=days_ago(1))
    news_page(index, title="Средняя", date=days_ago(10))
    response = client.get(index.url)
    assert response.status_code == 200
    assert titles(response) == ["Свежая", "Средняя", "Старая"]


def test_listing_excludes_draft_private_and_future_articles(client, index):
    news_page(index, title="Опубликованная")
    news_page(index, title="Черновик", publish=False)
    news_page(index, title="Завтрашняя", date=timezone.now() + datetime.timedelta(days=1))
    private = news_page(index, title="Для членов ассоциации")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert list(index.articles().values_list("title", flat=True)) == ["Опубликованная"]
    html = client.get(index.url).content.decode()
    assert "Опубликованная" in html
    for hidden in ("Черновик", "Завтрашняя", "Для членов ассоциации"):
        assert hidden not in html


def test_articles_of_a_private_section_stay_out_of_the_listing(index):
    news_page(index, title="Закрытая новость")
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    assert not NewsIndexPage.objects.get(pk=index.pk).articles().exists()


def test_filters_by_tag_region_year_and_month_combine(client, index):
    tver = RegionFactory(name="Тверская область", slug="tverskaya-oblast")
    novgorod = RegionFactory(name="Новгородская область", slug="novgorodskaya-oblast")
    june = timezone.make_aware(datetime.datetime(2025, 6, 8, 9, 2))
    news_page(index, title="Школа в Твери", date=june, regions=[tver], tags=["Школа руководителей"])
    news_page(index, title="Клуб в Твери", date=june, regions=[tver], tags=["Клуб методистов"])
    news_page(
        index,
        title="Школа в Новгороде",
        date=june,
        regions=[novgorod],
        tags=["Школа руководителей"],
    )
    news_page(
        index,
        title="Школа в Твери, осень",
        date=june.replace(month=10),
        regions=[tver],
        tags=["Школа руководителей"],
    )

    school_slug = Tag.objects.get(name="Школа руководителей").slug
    response = client.get(index.url, {"tag": school_slug})
    assert set(titles(response)) == {"Школа в Твери", "Школа в Новгороде", "Школа в Твери, осень"}
    response = client.get(index.url, {"tag": school_slug, "region": "tverskaya-oblast"})
    assert set(titles(response)) == {"Школа в Твери", "Школа в Твери, осень"}
    response = client.get(
        index.url,
        {"tag": school_slug, "region": "tverskaya-oblast", "year": "2025", "month": "6"},
    )
    assert titles(response) == ["Школа в Твери"]
    response = client.get(index.url, {"year": "2025", "month": "10"})
    assert titles(response) == ["Школа в Твери, осень"]
    response = client.get(index.url, {"year": "2024"})
    assert titles(response) == []
    assert "Июнь 2025" in response.content.decode()


def test_cyrillic_tags_get_readable_slugs(index):
    article = news_page(index, tags=["Модельная библиотека"])
    # Cyrillic slugs, or their Latin transliteration when the search app gives tags Latin ones.
    assert [tag.slug for tag in article.tags.all()] in (
        ["модельная-библиотека"],
        ["modelnaia-biblioteka"],
    )


@pytest.mark.postgres  # SQLite compares only ASCII letters without regard to case
def test_tags_are_one_case_insensitive_vocabulary(index):
    first = news_page(index, tags=["Модельная библиотека"])
    second = news_page(index, tags=["модельная библиотека"])
    assert list(first.tags.all()) == list(second.tags.all())


def test_tag_links_on_an_article_lead_to_the_tag_page_and_the_listing_filters_by_tag(client, index):
    article = news_page(index, title="Семинар", tags=["Семинары"])
    html = client.get(article.url).content.decode()
    slug = Tag.objects.get(name="Семинары").slug
    assert f'href="/ru/tags/{quote(slug)}/" rel="tag">Семинары</a>' in html
    response = client.get(index.url, {"tag": slug})
    assert titles(response) == ["Семинар"]


@override_settings(NEWS_PAGE_SIZE=2)
def test_listing_is_paginated(client, index):
    for day in range(5):
        news_page(index, title=f"Новость {day}", date=days_ago(day + 1))
    first = client.get(index.url)
    assert titles(first) == ["Новость 0", "Новость 1"]
    last = client.get(index.url, {"page": "3"})
    assert titles(last) == ["Новость 4"]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"page": "abc"}, 200),
        ({"page": "999"}, 200),
        ({"page": "-1"}, 200),
        ({"year": "abc"}, 404),
        ({"year": "20255"}, 404),
        ({"year": "2025", "month": "13"}, 404),
        ({"year": "2025", "month": "0"}, 404),
        ({"month": "5"}, 404),
        ({"tag": "no-such-tag"}, 404),
        ({"region": "no-such-region"}, 404),
        ({"tag": "<script>"}, 404),
    ],
)
def test_bad_filter_input_answers_a_page_or_404_never_500(client, index, query, status):
    news_page(index)
    assert client.get(index.url, query).status_code == status
