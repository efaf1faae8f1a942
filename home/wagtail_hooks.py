from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from home import guide
from home.editing import (
    QuickAddPanel,
    quick_add_menu,
    quick_add_view,
    return_to_the_list,
    submit_first,
)
from home.feedback.admin import FeedbackViewSetGroup
from home.i18n.tags_admin import TagViewSet
from home.jobs.admin import BackgroundWorkViewSetGroup
from home.members.reports import DocumentDownloadReportView
from home.members.roles import is_editorial


@hooks.register("register_admin_urls")
def register_download_report_urls():
    return [
        path(
            "reports/document-downloads/",
            DocumentDownloadReportView.as_view(),
            name="document_downloads_report",
        ),
        path(
            "reports/document-downloads/results/",
            DocumentDownloadReportView.as_view(results_only=True),
            name="document_downloads_report_results",
        ),
    ]


class EditorialMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editorial(request.user)


@hooks.register("register_reports_menu_item")
def register_download_report_menu_item():
    return EditorialMenuItem(
        _("Document downloads"),
        reverse("document_downloads_report"),
        name="document-downloads",
        icon_name="download",
        order=1300,
    )


@hooks.register("before_serve_page")
def refuse_aliases_of_untranslated_pages(page, request, serve_args, serve_kwargs):
    """wagtail-localize stands in aliases for untranslated parents of a translated page;
    served, they would show the Russian text under an English address."""
    if page.alias_of_id and page.alias_of.locale_id != page.locale_id:
        raise Http404


register_snippet(FeedbackViewSetGroup)
register_snippet(TagViewSet)
register_snippet(BackgroundWorkViewSetGroup)


@hooks.register("register_admin_urls")
def register_editing_urls():
    return [
        path("quick-add/<slug:name>/", quick_add_view, name="quick_add"),
        path("guide/", guide.guide_page, name="editors_guide"),
        path("guide/img/<str:filename>", guide.guide_image, name="editors_guide_image"),
        path("guide/<slug:slug>/", guide.guide_page, name="editors_guide_page"),
    ]


@hooks.register("register_admin_menu_item")
def register_quick_add_menu():
    return quick_add_menu()


@hooks.register("register_help_menu_item")
def register_editors_guide_menu_item():
    return MenuItem(_("Editors' guide"), reverse("editors_guide"), icon_name="help", order=1050)


@hooks.register("construct_homepage_panels")
def add_quick_add_panel(request, panels):
    panels.append(QuickAddPanel(request))


hooks.register("after_create_page", return_to_the_list)
hooks.register("construct_page_action_menu", submit_first)


@hooks.register("insert_global_admin_css")
def editing_css():
    return format_html('<link rel="stylesheet" href="{}">', static("home/css/admin.css"))


@hooks.register("insert_global_admin_js")
def editing_js():
    return format_html('<script src="{}" defer></script>', static("home/js/admin.js"))
