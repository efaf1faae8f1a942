import importlib

from django.core.exceptions import ImproperlyConfigured
from django.core.management.sql import emit_post_migrate_signal
from django.test import override_settings

from wagtail.models import Site

import pytest

from home.sites import site_address

pytestmark = pytest.mark.django_db


def migrated():
    """What the end of every migrate does: the release step, `make run`."""
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")


@override_settings(SITE_URL="https://library-association.ru")
def test_absolute_links_name_the_configured_address_after_migrate(client, about):
    migrated()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("library-association.ru", 443)
    assert about.full_url == "https://library-association.ru/ru/about/"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://library-association.ru/ru/about/</loc>" in sitemap
    assert "localhost" not in sitemap


@override_settings(SITE_URL="http://127.0.0.1:8000")
def test_make_run_address_keeps_its_port(about):
    migrated()
    about.refresh_from_db()
    assert about.full_url == "http://127.0.0.1:8000/ru/about/"


def test_without_an_address_the_site_record_is_left_as_the_administrator_set_it(about):
    Site.objects.filter(is_default_site=True).update(hostname="lib.example.org", port=443)
    migrated()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("lib.example.org", 443)


@pytest.mark.parametrize("url", ["library-association.ru", "ftp://library-association.ru"])
def test_an_address_without_http_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        site_address(url)


def test_development_settings_point_at_runserver(monkeypatch):
    monkeypatch.delenv("DJANGO_SITE_URL", raising=False)
    monkeypatch.delenv("WAGTAILADMIN_BASE_URL", raising=False)
    dev = importlib.reload(importlib.import_module("association.settings.dev"))
    assert dev.SITE_URL == "http://127.0.0.1:8000"
    assert dev.WAGTAILADMIN_BASE_URL == "http://127.0.0.1:8000"
