"""What readers see of the two languages: addresses, the switcher, hreflang, the sitemap."""

from wagtail.models import PageViewRestriction

import pytest

from home.demo import translate
from home.i18n.languages import translated
from tests.factories import standard_page

pytestmark = pytest.mark.django_db


def switcher(html):
    return html.split('class="language-switcher"')[1].split("</nav>")[0]


@pytest.fixture
def about(home):
    return standard_page(home, title="Об ассоциации", slug="about", lead="О нас")


@pytest.fixture
def about_en(english_home, about):
    return translate(about, {"Об ассоциации": "About the association", "О нас": "About us"})


def test_each_language_tree_lives_under_its_prefix(client, about_en):
    assert about_en.url == "/en/about/"
    html = client.get("/en/about/").content.decode()
    assert '<html lang="en">' in html
    assert "About us" in html
    assert '<html lang="ru">' in client.get("/ru/about/").content.decode()


def test_addresses_without_a_prefix_redirect_by_browser_language(client, about_en):
    assert client.get("/about/")["Location"] == "/ru/about/"
    assert client.get("/about/", HTTP_ACCEPT_LANGUAGE="en-US,en")["Location"] == "/en/about/"
    assert client.get("/about/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/ru/about/"


def test_switcher_leads_to_the_translation_of_the_page(client, about_en):
    links = switcher(client.get("/ru/about/").content.decode())
    assert 'href="/en/about/" hreflang="en"' in links
    assert '<span aria-current="true" lang="ru">' in links
    links = switcher(client.get("/en/about/").content.decode())
    assert 'href="/ru/about/" hreflang="ru"' in links


def test_switcher_falls_back_to_the_other_home_page_without_a_published_translation(
    client, english_home, about
):
    assert 'href="/en/" hreflang="en"' in switcher(client.get("/ru/about/").content.decode())
    draft = translate(about, {"Об ассоциации": "About"}, publish=False)
    assert not draft.live
    assert 'href="/en/" hreflang="en"' in switcher(client.get("/ru/about/").content.decode())


def test_switcher_ignores_private_translations(client, about_en):
    PageViewRestriction.objects.create(page=about_en, restriction_type="login")
    assert 'href="/en/" hreflang="en"' in switcher(client.get("/ru/about/").content.decode())


def test_switcher_is_hidden_while_there_is_no_english_site(client, about):
    assert "language-switcher" not in client.get("/ru/about/").content.decode()


def test_switcher_keeps_the_query_of_views_outside_the_page_tree(client, english_home):
    links = switcher(client.get("/ru/search/?q=школа").content.decode())
    assert 'href="/en/search/?q=' in links


def test_hreflang_lists_every_published_version_and_russian_as_default(client, about_en):
    html = client.get("/en/about/").content.decode()
    assert '<link rel="alternate" hreflang="ru" href="http://localhost/ru/about/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://localhost/en/about/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://localhost/ru/about/">' in html


def test_untranslated_pages_have_no_alternates(client, english_home, about):
    translate(about, {}, publish=False)
    assert 'rel="alternate" hreflang' not in client.get("/ru/about/").content.decode()


def test_sitemap_lists_both_languages_with_alternates(client, about_en, home):
    standard_page(home, title="Контакты", slug="contacts")
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/ru/about/</loc>" in xml
    assert "<loc>http://localhost/en/about/</loc>" in xml
    assert "<loc>http://localhost/en/</loc>" in xml
    about_entry = xml.split("<loc>http://localhost/en/about/</loc>")[1].split("</url>")[0]
    assert 'hreflang="ru" href="http://localhost/ru/about/"' in about_entry
    assert 'hreflang="x-default" href="http://localhost/ru/about/"' in about_entry
    contacts = xml.split("<loc>http://localhost/ru/contacts/</loc>")[1].split("</url>")[0]
    assert "hreflang" not in contacts


def test_sitemap_leaves_out_draft_translations(client, english_home, about):
    translate(about, {}, publish=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/about/" not in xml


def test_aliases_of_untranslated_parents_do_not_count_as_translations(english_home, home):
    parent = standard_page(home, title="Документы", slug="documents")
    child = standard_page(parent, title="Устав", slug="charter")
    alias = parent.copy_for_translation(english_home.locale, alias=True)
    assert alias.live and alias.alias_of_id == parent.pk
    pages = type(parent).objects.filter(pk__in=[alias.pk, child.pk])
    assert list(translated(pages)) == [child]
