import sys

from django.contrib.sitemaps import views as sitemap_views
from django.db import InterfaceError, OperationalError
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.http.request import split_domain_port
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site

from home.caching import remembered
from home.invalidation import node_tags, note
from home.sitemaps import LocalizedSitemap

SITEMAPS = {"pages": LocalizedSitemap}


def serve(request, path):
    """Wagtail's page view, with the site, its home page and the view restrictions read from
    this process's memo instead of three queries on every request (home.caching.remembered).

    Wagtail's view does the rest (its hooks, the restrictions' check) with what is found here.
    """
    hostname = split_domain_port(request._get_raw_host())[0]
    site = remembered(
        request,
        f"site:{hostname}:{request.get_port()}",
        lambda: Site._find_for_request(request),
    )
    request._wagtail_site = site
    if site is None:
        raise Http404
    root = remembered(
        request,
        f"site-root:{site.pk}:{get_language()}",
        lambda: site.root_page.localized.specific,
    )
    try:
        route = root.route(request, [part for part in path.split("/") if part])
    except Http404:
        route = None
    request._wagtail_route_for_request = route
    if route is not None:
        page = route[0]
        note(request, *node_tags(page.path))
        restricted = remembered(request, "restricted-paths", _restricted_paths)
        # An alias obeys its source page's restrictions, which its own path does not tell.
        if page.alias_of_id is None and not page.path.startswith(restricted):
            page.known_unrestricted = True
    return wagtail_views.serve(request, path)


def sitemap(request):
    """The sitemap, or once the site outgrows one page of it, an index of its pages."""
    if "p" not in request.GET and LocalizedSitemap().paginator.num_pages > 1:
        return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")
    return sitemap_views.sitemap(request, SITEMAPS)


def _restricted_paths():
    """The paths of pages with view restrictions and of their aliases: what lies below any of
    them may be private (`SitePageMixin.get_view_restrictions` tells)."""
    restricted = PageViewRestriction.objects.values("page_id")
    pages = Page.objects.filter(Q(pk__in=restricted) | Q(alias_of__in=restricted))
    return tuple(pages.values_list("path", flat=True))


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /documents/",
        # The bare search page may be crawled; its results (any query string) may not.
        "Allow: /ru/search/$",
        "Disallow: /ru/search/",
        "Allow: /en/search/$",
        "Disallow: /en/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    """Browsers and crawlers that ask for /favicon.ico without reading the page's icon links."""
    return HttpResponseRedirect(static("icons/favicon.ico"))


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a context and without the request: the 500 page must work
    # when the database, the cache or the settings lookups are what failed.
    if isinstance(sys.exception(), OperationalError | InterfaceError):
        # The database is unreachable: a temporary condition, not a bug.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "60"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
