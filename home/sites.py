"""The site's public address (DJANGO_SITE_URL) written into Wagtail's default Site.

Feeds, the sitemap, canonical and hreflang links and calendars use the Site's host name and
port for absolute links, so they must name where the site really answers, not the
`localhost:80` the first migration created.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Site


def site_address(url):
    """(host name, port) of an http(s) address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(f"DJANGO_SITE_URL must be an http(s) address, not {url!r}")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def apply_site_url(sender=None, **kwargs):
    """After every migrate (the release step, `make run`): the default Site gets SITE_URL."""
    if not settings.SITE_URL or (sender is not None and sender.name != "home"):
        return
    hostname, port = site_address(settings.SITE_URL)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
