"""The content cache (home.caching) never shows readers something older than the last change.

The menu, breadcrumbs, language links and settings are cached between requests; every test
here first lets a request fill the cache, then changes something the way editors do and
checks the next request shows it.
"""

from wagtail.models import PageViewRestriction

import pytest

from home.models import AssociationSettings
from tests.factories import standard_page

pytestmark = pytest.mark.django_db


def menu_of(client, url):
    return client.get(url).content.decode().split('class="main-menu"')[1].split("</nav>")[0]


def test_a_published_menu_page_appears_in_the_menu_of_every_page(client, home):
    about = standard_page(home, title="Об ассоциации", slug="about", show_in_menus=True)
    assert "Членство" not in menu_of(client, about.url)
    standard_page(home, title="Членство", slug="membership", show_in_menus=True)
    assert "Членство" in menu_of(client, about.url)


def test_an_unpublished_page_leaves_the_menu(client, home):
    about = standard_page(home, title="Об ассоциации", slug="about", show_in_menus=True)
    membership = standard_page(home, title="Членство", slug="membership", show_in_menus=True)
    assert "Членство" in menu_of(client, about.url)
    membership.unpublish()
    assert "Членство" not in menu_of(client, about.url)


def test_a_renamed_section_is_renamed_in_the_breadcrumbs(client, home):
    section = standard_page(home, title="Деятельность", slug="work")
    child = standard_page(section, title="Семинары", slug="seminars")
    assert "Деятельность" in client.get(child.url).content.decode()
    section.title = "Проекты"
    section.save_revision().publish()
    html = client.get(child.url).content.decode()
    assert "Проекты" in html
    assert "Деятельность" not in html


def test_a_section_made_private_leaves_the_menu_and_asks_readers_to_sign_in(client, home):
    about = standard_page(home, title="Об ассоциации", slug="about", show_in_menus=True)
    section = standard_page(home, title="Для членов", slug="members-only", show_in_menus=True)
    inner = standard_page(section, title="Протоколы", slug="minutes")
    assert "Для членов" in menu_of(client, about.url)
    assert client.get(inner.url).status_code == 200

    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    assert "Для членов" not in menu_of(client, about.url)
    response = client.get(inner.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_an_alias_obeys_the_restrictions_of_its_source(client, home):
    """Wagtail's rule, kept by the one-query check (home.pages.SitePageMixin)."""
    section = standard_page(home, title="Раздел", slug="section")
    source = standard_page(section, title="Протоколы", slug="minutes")
    alias = source.create_alias(parent=home, update_slug="minutes-alias")
    assert client.get(alias.url).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=source, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(alias.url).status_code == 302
    assert list(alias.specific.get_view_restrictions()) == [restriction]
    assert list(source.get_view_restrictions()) == [restriction]


def test_changed_settings_show_on_the_next_page(client, home):
    client.get(home.url)
    settings = AssociationSettings.for_site(home.get_site())
    settings.short_name = "Новое краткое имя"
    settings.save()
    assert "Новое краткое имя" in client.get(home.url).content.decode()


def test_a_hit_costs_no_query_for_menu_settings_and_language_links(
    client, home, django_assert_max_num_queries
):
    section = standard_page(home, title="Раздел", slug="section", show_in_menus=True)
    child = standard_page(section, title="Страница", slug="page")
    client.get(child.url)
    # Site, locale, home page, two levels of routing, privacy check: nothing else.
    with django_assert_max_num_queries(8):
        assert client.get(child.url).status_code == 200
