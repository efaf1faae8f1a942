"""A site larger than one sitemap page gets a sitemap index, so no request lists every page."""

import pytest

from home.sitemaps import LocalizedSitemap
from tests.factories import standard_page

pytestmark = pytest.mark.django_db


def test_a_small_site_keeps_one_sitemap(client, home):
    standard_page(home)
    xml = client.get("/sitemap.xml").content.decode()
    assert "<urlset" in xml
    assert "/ru/about/" in xml


def test_a_site_larger_than_a_sitemap_page_gets_an_index_of_bounded_pages(
    client, home, monkeypatch
):
    for number in range(3):
        standard_page(home, title=f"Страница {number}", slug=f"page-{number}")
    monkeypatch.setattr(LocalizedSitemap, "limit", 2)
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    assert "/sitemap-pages.xml?p=2" in index
    second = client.get("/sitemap-pages.xml", {"p": 2}).content.decode()
    assert second.count("<url>") == 2
