"""Editors' translation workflow: drafts until published, synchronised fields, snippets."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

import pytest

from home.demo import translate
from home.models import StandardPage
from tests.factories import OrganisationFactory, PersonFactory, RegionFactory, standard_page
from tests.news.factories import news_index, news_page

pytestmark = pytest.mark.django_db


def test_translate_action_in_the_admin_creates_a_draft_of_a_live_page(
    client, superuser, english_home, home, english
):
    about = standard_page(home, title="Об ассоциации", slug="about", lead="Текст на русском")
    client.force_login(superuser)
    url = reverse("wagtail_localize:submit_page_translation", args=[about.pk])
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302
    copy = StandardPage.objects.get(locale=english, translation_key=about.translation_key)
    assert not copy.live
    assert client.get("/en/about/").status_code == 404
    client.logout()
    assert client.get("/en/about/").status_code == 404


def test_programmatic_translation_with_publish_false_stays_a_draft(home, english_home, english):
    about = standard_page(home, title="Об ассоциации", slug="about")
    source, _ = TranslationSource.get_or_create_from_instance(about)
    copy, created = source.create_or_update_translation(english, publish=False, fallback=True)
    assert created and not copy.live
    assert copy.title == "Об ассоциации"  # untranslated strings fall back to the source


def test_translating_a_page_of_an_untranslated_section_serves_no_russian_under_en(
    client, superuser, english_home, home, english
):
    section = standard_page(home, title="Документы", slug="documents", show_in_menus=True)
    charter = standard_page(section, title="Устав", slug="charter")
    client.force_login(superuser)
    url = reverse("wagtail_localize:submit_page_translation", args=[charter.pk])
    client.post(url, {"locales": [english.pk]})
    client.logout()
    alias = Page.objects.get(locale=english, translation_key=section.translation_key)
    assert alias.alias_of_id == section.pk and alias.live
    assert client.get(alias.url).status_code == 404
    menu = client.get("/en/").content.decode().split('class="main-menu"')[1].split("</nav>")[0]
    assert "Документы" not in menu


def test_synchronised_date_follows_the_russian_article_after_sync(
    home, english_home, django_capture_on_commit_callbacks
):
    index = news_index(home)
    translate(index, {"Новости": "News"})
    first_date = (timezone.now() - datetime.timedelta(days=3)).replace(microsecond=0)
    article = news_page(index, title="Семинар в Твери", slug="seminar", date=first_date)
    english_article = translate(article, {"Семинар в Твери": "A seminar in Tver"})
    assert english_article.date == first_date

    article.date = first_date - datetime.timedelta(days=30)
    article.save_revision().publish()
    english_article.refresh_from_db()
    assert english_article.date == first_date  # not before the translators sync

    source = TranslationSource.objects.get_for_instance(article)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(english_home.locale, publish=True, fallback=True)
    english_article.refresh_from_db()
    assert english_article.date == article.date
    assert english_article.title == "A seminar in Tver"


def test_sync_in_the_admin_without_publishing_leaves_english_pages_as_they_are(
    client, superuser, home, english_home
):
    about = standard_page(home, title="Об ассоциации", slug="about", lead="Старый текст")
    english_about = translate(about, {"Об ассоциации": "About", "Старый текст": "Old text"})
    about.lead = "Новый текст"
    about.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(about)
    client.force_login(superuser)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert client.post(url, {}).status_code == 302
    english_about.refresh_from_db()
    assert english_about.lead == "Old text"
    html = client.get("/en/about/").content.decode()
    assert "Old text" in html and "Новый текст" not in html


def test_publishing_sync_in_the_admin_applies_synchronised_fields(
    client, superuser, home, english_home, django_capture_on_commit_callbacks
):
    about = standard_page(home, title="Об ассоциации", slug="about", show_in_menus=False)
    english_about = translate(about, {"Об ассоциации": "About"})
    about.show_in_menus = True
    about.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(about)
    client.force_login(superuser)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    english_about.refresh_from_db()
    assert english_about.show_in_menus and english_about.title == "About"


def test_people_keep_their_organisation_and_show_it_in_the_readers_language(home):
    organisation = OrganisationFactory(name="Кимрская библиотека", short_name="Кимрская МЦБ")
    person = PersonFactory(name="Андрей Белов", position="методист", organisation=organisation)
    translate(organisation, {"Кимрская библиотека": "Kimry Library", "Кимрская МЦБ": "Kimry"})
    strings = {"Андрей Белов": "Andrei Belov", "методист": "methodologist"}
    english_person = translate(person, strings)
    assert english_person.organisation_id == organisation.pk  # synchronised, not translated
    with translation.override("en"):
        assert english_person.credentials == "methodologist, Kimry"
    with translation.override("ru"):
        assert person.credentials == "методист, Кимрская МЦБ"


def test_regions_keep_their_slug_in_every_language(home):
    region = RegionFactory(name="Тверская область", slug="tverskaya-oblast")
    english_region = translate(region, {"Тверская область": "Tver Region"})
    assert (english_region.name, english_region.slug) == ("Tver Region", "tverskaya-oblast")


def test_admin_speaks_russian_to_users_without_a_preference(client, superuser):
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="ru"' in html
    assert "Панель управления" in html
