from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.reports import DocumentDownloadReportView
from home.roles import is_editorial


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
