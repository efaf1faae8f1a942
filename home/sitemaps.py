from django.conf import settings

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from home.i18n.languages import translated


class LocalizedSitemap(Sitemap):
    """Every language tree of the site, each address with its translations as alternates.

    Wagtail's sitemap covers only the descendants of the site's root page, that is the
    Russian tree; the English home page is a sibling of it. At most `limit` addresses a page:
    a larger site gets a sitemap index (home.views.sitemap), so no request lists them all.
    """

    limit = 1000

    def items(self):
        # Django asks for the items each time it builds the paginator: look them up once.
        if getattr(self, "_items_found", None) is None:
            self._items_found = self._find_items()
        return self._items_found

    def get_latest_lastmod(self):
        # Django would read every page to find it; the index's lastmod is optional.
        return None

    def _find_items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return translated(pages.live().public()).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        groups = {}
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        for item in self.paginator.page(page).object_list:
            location = item.get_full_url(self.request)
            groups.setdefault(item.translation_key, []).append((codes[item.locale_id], location))
        alternates_of = {}
        for versions in groups.values():
            if len(versions) < 2:
                continue
            alternates = [{"lang_code": code, "location": location} for code, location in versions]
            alternates += [
                {"lang_code": "x-default", "location": location}
                for code, location in versions
                if code == settings.LANGUAGE_CODE
            ]
            for _code, location in versions:
                alternates_of[location] = alternates
        for url in urls:
            url["alternates"] = alternates_of.get(url["location"], [])
        return urls
