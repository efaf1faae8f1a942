"""The editors' shortcuts and the admin's Russian on the pages the journeys visit
(tests/e2e/test_editor.py counts the actions in a browser)."""

import re

from django.core import mail
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale
from wagtail.users.models import UserProfile

import pytest

from home.models import AssociationSettings, Region
from news.models import NewsPage
from tests.factories import UserFactory
from tests.news.factories import ImageFactory, news_index, news_page
from tests.programs.factories import club, programme_index

pytestmark = pytest.mark.django_db

# Forms Wagtail's or Django's own Russian produces, wrong in case, number or word.
WRONG_RUSSIAN = [
    "Добавить Автор",
    "Добавить Организация",
    "Добавить Упоминаемое лицо",
    "Добавить Связанная страница",
    "Критерий поиска",
    ">Загрузка</button>",  # the upload button and tab; «Загрузка» alone is right for «Loading»
    '>Загрузка<div class="w-tabs__errors"',
    ">---------</option>",
    "Страница '",
    "\u200b",
]
# English that would show through where a translation is missing.
UNTRANSLATED = [
    "Quick actions",
    "Add news",
    "Add programme",
    "Add meeting",
    "Add document",
    "Editors' guide",
    "Add an author",
    "Search term",
    ">Upload<",
    "Your decision",
    "Approve and publish",
    "Send back with the comment",
    "News subscribers",
    "Awaiting your review",
]


def assert_reads_right(html, where):
    text = re.sub(r"\s*<\s*", "<", re.sub(r"\s*>\s*", ">", " ".join(html.split())))
    wrong = [form for form in WRONG_RUSSIAN + UNTRANSLATED if form in text]
    assert not wrong, f"{where}: {wrong}"


@pytest.fixture
def sections(home):
    return {
        "news": news_index(home),
        "programmes": programme_index(home),
        "club": club(home, title="Клуб методистов", slug="club"),
    }


def test_the_dashboard_adds_news_in_its_one_section(client, editor, sections):
    english = Locale.objects.get_or_create(language_code="en")[0]
    sections["news"].copy_for_translation(english, copy_parents=True)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    add_news = reverse("wagtailadmin_pages:add", args=("news", "newspage", sections["news"].pk))
    assert f'href="{add_news}"' in html
    assert "Добавить новость" in html and "Добавить программу" in html
    assert "Добавить заседание" in html
    assert reverse("editors_guide") in html
    assert_reads_right(html, "dashboard")


def test_the_menu_item_goes_straight_to_the_add_form(client, editor, sections):
    client.force_login(editor)
    response = client.get(reverse("quick_add", args=("news",)))
    assert response.status_code == 302
    assert response.url.endswith(f"/pages/add/news/newspage/{sections['news'].pk}/")


def test_a_quick_add_without_permission_is_not_offered(client, member, sections):
    user = UserFactory(is_staff=False)
    client.force_login(user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_the_add_form_has_no_autosave_and_reads_right(client, editor, sections):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", sections["news"].pk))
    html = client.get(url).content.decode()
    assert "data-w-autosave-interval-value" not in html
    assert "Добавить автора" in html and "Добавить связанную страницу" in html
    assert "Знак сайта по умолчанию" in html
    assert_reads_right(html, "add form")


def test_the_edit_form_keeps_autosave(client, editor, sections):
    article = news_page(sections["news"], slug="seminar")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert "data-w-autosave-interval-value" in html


def test_submitting_a_new_article_returns_to_the_news_list_with_it_marked(client, editor, sections):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", sections["news"].pk))
    form = client.get(url).context["form"]
    data = {
        "title": "Итоги года",
        "slug": "itogi-goda",
        "lead": "Коротко.",
        "body-count": "0",
        "tags": "краеведение",
        "action-submit": "1",
    }
    for name in form.formsets:
        data[f"{name}-TOTAL_FORMS"] = "0"
        data[f"{name}-INITIAL_FORMS"] = "0"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    article = NewsPage.objects.get(slug="itogi-goda")
    assert response.url == f"{reverse('news_articles:index')}?highlight={article.pk}"
    assert article.current_workflow_state.status == "in_progress"


def test_regions_are_offered_once_in_the_default_language(client, editor, sections):
    english = Locale.objects.get_or_create(language_code="en")[0]
    region = Region.objects.create(name="Тверская область", slug="tverskaya-oblast")
    translated = region.copy_for_translation(english)
    translated.name = "Tver Region"
    translated.save()
    article = news_page(sections["news"], slug="region-news")
    article.regions.add(translated)
    article.save()
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    assert html.count("Тверская область") == 1
    assert "Tver Region" not in html
    assert re.search(rf'value="{region.pk}"[^>]*checked', html)


def test_the_image_chooser_says_upload_in_the_imperative(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert "Загрузить" in html
    assert_reads_right(html, "image chooser")


def test_the_admin_script_catalogue_has_no_wrong_plural(client, editor):
    client.force_login(editor)
    script = client.get("/admin/jsi18n/").content.decode("unicode_escape")
    assert "новых элементов в этом меню" not in script
    assert "новое в этом меню" in script


def test_the_admin_speaks_russian_to_an_english_browser(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert "Быстрые действия" in html.content.decode()


def test_english_is_a_personal_choice(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Quick actions" in html


def test_the_admin_and_letters_take_the_name_from_the_settings(client, editor, home):
    association = AssociationSettings.for_site(home.get_site())
    association.name = "Тверская региональная библиотечная ассоциация"
    association.save()
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<title>Панель управления - Тверская региональная библиотечная ассоциация" in html
    assert "Ассоциация библиотек" not in html


def test_a_submission_reaches_the_administrator_once_without_hidden_spaces(
    client, editor, moderator, superuser, sections, task_queue
):
    article = news_page(sections["news"], slug="letters")
    mail.outbox.clear()
    with translation.override("ru"):
        article.save_revision(user=editor)
        article.get_workflow().start(article, editor)
    assert not mail.outbox  # stored as letters for the worker (home.jobs), not sent yet
    task_queue()
    to_admin = [letter for letter in mail.outbox if superuser.email in letter.to]
    assert len(to_admin) == 1
    for letter in mail.outbox:
        assert "\u200b" not in letter.subject + letter.body
    assert "отправлена на проверку" in to_admin[0].subject


def test_the_comparison_offers_the_moderators_decision(client, editor, moderator, sections):
    article = news_page(sections["news"], slug="diff")
    article.lead = "Новый анонс."
    revision = article.save_revision(user=editor)
    article.get_workflow().start(article, editor)
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:revisions_compare", args=(article.pk, "live", revision.pk))
    html = client.get(url).content.decode()
    assert "Одобрить и опубликовать" in html and "Вернуть с комментарием" in html
    assert_reads_right(html, "comparison")
    task_state = article.current_workflow_state.current_task_state
    reject = reverse(
        "wagtailadmin_pages:workflow_action", args=(article.pk, "reject", task_state.pk)
    )
    response = client.post(reject, {"comment": "Допишите анонс.", "next": "/admin/"}, follow=True)
    assert "возвращена автору на доработку" in response.content.decode()


def test_the_guide_is_served_in_the_admin(client, editor):
    client.force_login(editor)
    html = client.get(reverse("editors_guide")).content.decode()
    assert "Руководство редактора" in html
    assert reverse("editors_guide_page", args=("news",)) in html
    missing = client.get(reverse("editors_guide_page", args=("no-such",)), follow=True)
    assert missing.status_code == 404
    picture = client.get(reverse("editors_guide_image", args=("..x.png",)), follow=True)
    assert picture.status_code == 404


def test_a_picture_uploaded_with_a_description_needs_no_second_alt_text(sections):
    image = ImageFactory(description="Читальный зал")
    article = news_page(sections["news"], slug="alt", featured_image=image)
    assert article.image_alt == "Читальный зал"
