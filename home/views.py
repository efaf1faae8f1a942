import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


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
