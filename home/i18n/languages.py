"""The site's languages as readers see them: which versions of a page exist and where they are.

A page "exists" in a language when its translation there is live, public and not a mere alias
of the original: wagtail-localize creates aliases of untranslated parent pages, which would
show the Russian text under an English address.
"""

from django.conf import settings
from django.db.models import F, Q
from django.urls import Resolver404, resolve, translate_url
from django.utils.translation import get_language

from wagtail.models import Locale, Site

from home.caching import cached


def translated(pages):
    """`pages` without aliases standing in for a translation that does not exist yet."""
    return pages.exclude(Q(alias_of__isnull=False) & ~Q(alias_of__locale=F("locale")))


def locale_codes(request=None):
    """Language codes of the site's locales by id, from the content cache."""
    return cached(
        request, "locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
    )


def version_urls(request, page):
    """Where the live, public versions of `page` are, by language code, the page included.

    Cached until the next content change: the switcher and the hreflang links of every
    page need them, and each lookup costs two queries.
    """
    site = Site.find_for_request(request)

    def build():
        versions = translated(page.get_translations(inclusive=True).live().public())
        return {
            version.locale.language_code: {
                "url": version.get_url(request),
                "full_url": version.get_full_url(request),
            }
            for version in versions.select_related("locale")
        }

    return cached(request, f"versions:{site.pk if site else 0}:{page.pk}", build)


def language_links(request, page=None):
    """One entry per language of the site: where the reader goes to read this in it.

    The translation of `page` when it is published, otherwise the same view in the other
    language for views outside the page tree (search), otherwise that language's home page.
    Languages with no home page yet are left out.
    """
    site = Site.find_for_request(request)
    if site is None:
        return []
    current = get_language()
    homes = version_urls(request, site.root_page)
    versions = version_urls(request, page) if page is not None and page.pk else {}
    view_url = None if page is not None else _view_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        if code in versions:
            url = versions[code]["url"]
        elif view_url is not None:
            url = translate_url(view_url, code)
        elif code in homes:
            url = homes[code]["url"]
        elif code != current:
            continue
        else:
            url = request.get_full_path()
        links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links


def _view_url(request):
    """The request's address when a Django view (not the page tree) answered it."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name == "wagtail_serve":
        return None
    return request.get_full_path()


def alternate_links(request, page):
    """`hreflang` alternates of `page`: every published version and x-default (Russian)."""
    if page is None or not page.pk:
        return []
    versions = version_urls(request, page)
    if len(versions) < 2:
        return []
    links = [
        {"hreflang": code, "href": versions[code]["full_url"]}
        for code, _name in settings.LANGUAGES
        if code in versions
    ]
    if settings.LANGUAGE_CODE in versions:
        default = versions[settings.LANGUAGE_CODE]["full_url"]
        links.append({"hreflang": "x-default", "href": default})
    return links
