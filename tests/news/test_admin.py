import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest
from taggit.models import Tag

from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from tests.factories import PersonFactory
from tests.news.factories import news_index, news_page

pytestmark = pytest.mark.django_db


class TestTreeRules(WagtailPageTestCase):
    def test_news_index_lives_under_a_home_page_and_holds_articles(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_one_news_index_per_language_tree(self):
        home = HomePage.objects.get(depth=2, locale__language_code="ru")
        news_index(home)
        assert not NewsIndexPage.can_create_at(home)


def article_form(**overrides):
    data = {
        "title": "Клуб методистов собрался в Кашине",
        "slug": "klub-metodistov-kashin",
        "date": "",
        "event_start": "",
        "event_end": "",
        "lead": "Ежегодное заседание делового клуба методистов прошло в Кашине.",
        "featured_image": "",
        "featured_image_alt": "",
        "featured_image_credit": "",
        "body": streamfield(
            [("paragraph", rich_text("<p>Участники приняли итоговый документ.</p>"))]
        ),
        "authors": inline_formset([]),
        "byline": "Пресс-служба ассоциации",
        "source_name": "",
        "source_url": "",
        "municipality": "Кашинский муниципальный округ",
        "organisations": inline_formset([]),
        "mentioned_people": inline_formset([]),
        "tags": "Клуб методистов, Итоговые документы",
        "related_pages": inline_formset([]),
        "age_rating": "12+",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_new_articles_start_with_the_sites_default_age_rating(client, index, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk)))
    assert response.status_code == 200
    assert response.context["form"].initial["age_rating"] == "16+"
    assert "Ежегодн" not in response.content.decode()


def test_editor_creates_previews_and_submits_and_a_moderator_publishes(
    client, index, editor, moderator
):
    person = PersonFactory(name="Ольга Петровна Смирнова")
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    data = article_form(authors=inline_formset([{"person": person.pk}]))

    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=("news", "newspage", index.pk))
    assert client.post(preview_url, data).json()["is_valid"]
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Клуб методистов собрался в Кашине" in preview.content.decode()

    response = client.post(add_url, {**data, "action-submit": "submit"})
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="klub-metodistov-kashin")
    assert not page.live

    client.force_login(moderator)
    task_state = page.current_workflow_state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.date == page.first_published_at
    assert [author.person for author in page.authors.all()] == [person]
    assert {tag.name for tag in page.tags.all()} == {"Клуб методистов", "Итоговые документы"}
    client.logout()
    assert client.get(page.url).status_code == 200


def test_editors_cannot_publish_directly(client, index, editor):
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    client.post(add_url, {**article_form(), "action-publish": "publish"})
    page = NewsPage.objects.get(slug="klub-metodistov-kashin")
    assert not page.live


def test_a_scheduled_article_waits_for_its_time(client, index, moderator):
    client.force_login(moderator)
    add_url = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    data = article_form(go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    response = client.post(add_url, {**data, "action-publish": "publish"})
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="klub-metodistov-kashin")
    assert not page.live
    assert page.scheduled_revision is not None
    assert not index.articles().exists()


def test_admin_news_listing_filters_by_tag_and_date(client, index, editor):
    news_page(index, title="Про школу", tags=["Школа руководителей"])
    news_page(
        index,
        title="Старая новость про клуб",
        tags=["Клуб методистов"],
        date=timezone.make_aware(datetime.datetime(2024, 3, 1, 12, 0)),
    )
    client.force_login(editor)
    url = reverse("news_articles:index")
    html = client.get(url).content.decode()
    assert "Про школу" in html and "Старая новость про клуб" in html

    school = Tag.objects.get(name="Школа руководителей")
    html = client.get(url, {"tags": school.pk}).content.decode()
    assert "Про школу" in html and "Старая новость про клуб" not in html

    html = client.get(url, {"date_from": "2024-01-01", "date_to": "2024-12-31"}).content.decode()
    assert "Про школу" not in html and "Старая новость про клуб" in html
