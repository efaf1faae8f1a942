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
    # Site, locale, home page, one query per level of routing, privacy check: no more.
    with django_assert_max_num_queries(6):
        assert client.get(child.url).status_code == 200


def test_a_renamed_or_moved_page_is_routed_by_its_new_address(client, home):
    """The home page learns its children's types from the cache (home.pages)."""
    about = standard_page(home, title="Об ассоциации", slug="about")
    other = standard_page(home, title="Раздел", slug="section")
    assert client.get("/ru/about/").status_code == 200
    about.slug = "ob-assotsiatsii"
    about.save_revision().publish()
    assert client.get("/ru/about/").status_code == 404
    assert client.get("/ru/ob-assotsiatsii/").status_code == 200
    about.refresh_from_db()
    about.move(other, pos="last-child")
    old_address = client.get("/ru/ob-assotsiatsii/")  # Wagtail's automatic redirect
    assert (old_address.status_code, old_address["Location"]) == (
        301,
        "/ru/section/ob-assotsiatsii/",
    )
    assert client.get("/ru/section/ob-assotsiatsii/").status_code == 200


def test_unknown_addresses_answer_404_and_leave_nothing_in_the_cache(client, home):
    from django.core.cache import cache

    keys_before = set(cache._cache)
    assert client.get("/ru/no-such-page/").status_code == 404
    assert not [key for key in set(cache._cache) - keys_before if "child-type" in key]


@pytest.mark.parametrize("address", ["/ru/two%20words/", "/ru/" + "a" * 300 + "/", "/ru/%0A/"])
@pytest.mark.filterwarnings("error::django.core.cache.backends.base.CacheKeyWarning")
def test_odd_addresses_answer_404_without_odd_cache_keys(client, home, address):
    assert client.get(address).status_code == 404
