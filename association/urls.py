from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from association import health
from home import lowvision as home_lowvision
from home import views as home_views
from home.editing import CreateWithoutAutosaveView
from home.members import downloads as home_downloads
from news.reader import reads as news_reads
from programs import access as programs_access

urlpatterns = [
    # Wagtail's add form at its own address, without autosave (home.editing).
    path(
        f"{settings.ADMIN_PATH}/pages/add/<slug:content_type_app_name>/"
        "<slug:content_type_model_name>/<int:parent_page_id>/",
        require_admin_access(CreateWithoutAutosaveView.as_view()),
    ),
    path(f"{settings.ADMIN_PATH}/", include(wagtailadmin_urls)),
    path(
        "documents/versions/<int:version_id>/",
        home_downloads.document_version,
        name="document_version",
    ),
    path(
        "documents/resolutions/<int:document_id>/",
        programs_access.resolution_file,
        name="resolution_file",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": home_views.SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("news-reads/<int:page_id>/", news_reads.read_beacon, name="news_read_beacon"),
    path(".well-known/security.txt", health.security_txt, name="security_txt"),
]


def media_patterns():
    """Development only: images served from MEDIA_ROOT, and nothing else.

    Documents must go through Wagtail's permission-checking serve view, as in production
    where the web server serves the two image folders alone. Only a plain file name right
    inside one of them matches: no empty, dot or dot-dot segment can lead elsewhere.
    """
    return [
        re_path(
            r"^media/(?P<path>(?:original_images|images)/(?!\.)[^/]+)$",
            lambda request, path: serve(request, path, document_root=settings.MEDIA_ROOT),
        ),
    ]


if settings.DEBUG:
    urlpatterns += media_patterns()

urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("account/", include("home.members.urls")),
    path("low-vision/", home_lowvision.switch, name="low_vision"),
    path("feedback/", include("home.feedback.urls")),
    path("subscription/", include("news.reader.urls")),
    path("registration/", include("programs.registrations.urls")),
    # Wagtail's helpers (the password form of protected pages posts to _util/...) before
    # the page view, whose pattern would take their addresses for a page path and 404.
    *[pattern for pattern in wagtail_urls.urlpatterns if str(pattern.pattern).startswith("_util/")],
    # Before Wagtail's own page view, at the same addresses (home.views.serve).
    re_path(wagtail_urls.serve_pattern, home_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
