from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

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
