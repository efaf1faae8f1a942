"""The admin as the communications staff read it: Russian words where Wagtail's are wrong or
missing, one word for tags, the site's name, and no third-party avatars."""

import importlib

from django.apps import apps
from django.conf import settings
from django.urls import reverse

from wagtail.models import Site, Workflow

import pytest
from taggit.models import Tag

from tests.factories import standard_page
from tests.programs.factories import programme, programme_index

pytestmark = pytest.mark.django_db


def submitted_page(client, home, editor):
    page = standard_page(home, title="О клубе методистов", slug="about-club")
    page.save_revision(user=editor)
    home.get_workflow().start(page, editor)
    return page


def test_the_workflow_is_named_moderation_on_the_submit_button(client, home, editor):
    assert home.get_workflow().name == "Модерация"
    page = programme(programme_index(home))
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "Отправить на проверку (Модерация)" in html
    assert "Теги" in html and "Метки" not in html


def test_the_dashboard_is_titled_with_the_site_name_and_shows_pages_to_review(
    client, home, editor, moderator
):
    # The heading is the site's name, not whatever the Site record was last called.
    Site.objects.filter(is_default_site=True).update(site_name="localhost")
    page = submitted_page(client, home, editor)
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    heading = f'<h1 class="w-h1 w-mt-0"> {settings.WAGTAIL_SITE_NAME} </h1>'
    assert heading in " ".join(html.split())
    assert "Ждут вашей проверки" in html and "В ожидании вашего отзыва" not in html
    assert page.title in html
    assert "gravatar" not in html


def test_approving_a_page_is_confirmed(client, home, editor, moderator):
    page = submitted_page(client, home, editor)
    task_state = page.current_workflow_state.current_task_state
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = client.post(url, {"comment": ""}, follow=True)
    assert "Страница «О клубе методистов» одобрена." in response.content.decode()


def test_page_listings_count_in_russian(client, home, moderator):
    for number in range(3):
        standard_page(home, title=f"Раздел {number}", slug=f"section-{number}")
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_explore", args=(home.pk,))).content.decode()
    text = " ".join(html.split())
    assert "1–3 из 3 (" in text
    assert " of 3 " not in text


def test_tag_names_are_unique_whatever_their_case(client, superuser):
    Tag.objects.create(name="Школа руководителей", slug="shkola-rukovoditelei")
    client.force_login(superuser)
    response = client.post(
        reverse("wagtailsnippets_taggit_tag:add"),
        {"name": "школа руководителей", "slug": "shkola", "name_en": ""},
    )
    assert response.status_code == 200
    assert "Тег «школа руководителей» уже есть." in response.content.decode()
    assert Tag.objects.count() == 1


def test_the_migration_merges_tags_differing_in_case(home):
    first = standard_page(home, slug="first")
    second = standard_page(home, slug="second")
    kept = Tag.objects.create(name="Школа руководителей", slug="school")
    duplicate = Tag.objects.create(name="школа руководителей", slug="school-2")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    TaggedItem.objects.create(tag=kept, content_object=first)
    TaggedItem.objects.create(tag=duplicate, content_object=first)
    TaggedItem.objects.create(tag=duplicate, content_object=second)

    migration = importlib.import_module("search.migrations.0003_merge_tags_differing_in_case")
    migration.merge_tags_differing_in_case(apps, None)

    assert list(Tag.objects.values_list("name", flat=True)) == ["Школа руководителей"]
    assert sorted(TaggedItem.objects.values_list("object_id", flat=True)) == sorted(
        [first.pk, second.pk]
    )


def test_no_workflow_keeps_the_old_name():
    assert not Workflow.objects.filter(name="Согласование модераторами").exists()
