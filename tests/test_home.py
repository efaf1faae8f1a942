from django.test import override_settings

from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.models import AssociationSettings, HomePage, StandardPage
from tests.factories import PersonFactory, add_page, standard_page

pytestmark = pytest.mark.django_db


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_lives_only_at_the_root_of_a_language_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_editor_can_create_a_standard_page_under_home(self):
        self.login()
        home = HomePage.objects.get(depth=2)
        self.assertCanCreate(
            home,
            StandardPage,
            {
                "title": "Членство",
                "slug": "membership-test",
                "lead": "Кто может вступить",
                "body-count": "0",
                "action-publish": "publish",
            },
        )


def test_migration_replaces_the_welcome_page_with_a_russian_home_page(home):
    assert home.locale.language_code == "ru"
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()
    assert home.get_site().is_default_site


def test_every_page_type_renders(client, home):
    page = standard_page(
        home,
        body=[
            ("heading", {"text": "История", "level": "h2"}),
            ("paragraph", "<p>Основана в 1993 году.</p>"),
            ("quote", {"text": "Вместе сильнее", "author": "Правление", "position": ""}),
            ("facts", {"title": "", "facts": [{"term": "Год", "value": "1993"}]}),
        ],
    )
    response = client.get(home.url)
    assert response.status_code == 200
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h2>История</h2>" in html
    assert "<dt>Год</dt><dd>1993</dd>" in html


def test_base_layout_is_accessible_and_localised(client, home):
    html = client.get(home.url).content.decode()
    assert '<html lang="ru">' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert 'role="search"' in html
    assert html.count("<h1") == 1


def test_main_menu_lists_live_public_pages_shown_in_menus(client, home):
    standard_page(home, title="Членство", slug="membership", show_in_menus=True)
    standard_page(home, title="Скрытая", slug="hidden", show_in_menus=False)
    draft = StandardPage(title="Черновик", slug="draft", show_in_menus=True)
    add_page(home, draft, publish=False)
    private = standard_page(home, title="Для своих", slug="private", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    menu = client.get(home.url).content.decode().split('class="main-menu"')[1].split("</nav>")[0]
    assert "Членство" in menu
    assert "Скрытая" not in menu
    assert "Черновик" not in menu
    assert "Для своих" not in menu


def test_breadcrumbs_lead_home(client, home):
    parent = standard_page(home, title="Об ассоциации", slug="about")
    child = standard_page(parent, title="История", slug="history")
    html = client.get(child.url).content.decode()
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert "Главная" in crumbs or "Home" in crumbs
    assert "Об ассоциации" in crumbs
    assert 'aria-current="page">История' in crumbs


def test_footer_shows_site_settings_and_age_rating(client, home):
    settings = AssociationSettings.for_site(home.get_site())
    settings.name = "Тверская региональная библиотечная ассоциация"
    settings.phone = "+7 (4822) 11-22-33"
    settings.default_age_rating = "12+"
    settings.save()
    html = client.get(home.url).content.decode()
    footer = html.split('class="site-footer"')[1]
    assert "Тверская региональная библиотечная ассоциация" in footer
    assert "+7 (4822) 11-22-33" in footer
    assert 'class="age-rating"' in footer and ">12+<" in footer


def test_unknown_address_answers_with_the_sites_own_404(client, home):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


@override_settings(DEBUG=False)
def test_500_page_renders_without_touching_the_database(django_assert_num_queries):
    from django.test import RequestFactory

    from home.views import server_error

    with django_assert_num_queries(0):
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Сайт временно недоступен" in response.content.decode()


def test_bare_root_redirects_by_browser_language(client, home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/ru/"
    assert client.get("/")["Location"] == "/ru/"


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_robots_txt_lets_crawlers_reach_the_search_page_but_not_its_results(client):
    rules = client.get("/robots.txt").content.decode().splitlines()
    for language in ("ru", "en"):
        assert f"Allow: /{language}/search/$" in rules
        assert f"Disallow: /{language}/search/" in rules


def test_person_credentials_combine_position_and_organisation():
    person = PersonFactory(position="директор", organisation__short_name="ЦБС г. Кимры")
    assert person.credentials == "директор, ЦБС г. Кимры"


def test_link_block_needs_exactly_one_target():
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import LinkBlock

    block = LinkBlock()
    for page, url in ((None, ""), (Page.objects.get(depth=2), "https://example.org/")):
        value = block.to_python({"title": "Ссылка", "page": page and page.pk, "url": url})
        with pytest.raises(StructBlockValidationError):
            block.clean(value)


def test_layout_of_a_standard_page_stays_within_its_query_budget(
    client, home, django_assert_max_num_queries
):
    page = standard_page(home, show_in_menus=True)
    client.get(page.url)
    # Site, locale, home page, routing and the privacy check; settings, menu, breadcrumbs,
    # switcher and hreflang come from the content cache (home.caching) after the first request.
    with django_assert_max_num_queries(5):
        assert client.get(page.url).status_code == 200
