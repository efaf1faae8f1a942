"""The admin report of document downloads, with filters and CSV / XLSX export."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

import django_filters

from home.members.models import AssociationDocument, DocumentDownload
from home.members.roles import is_editorial
from home.models import Organisation


class DocumentDownloadFilterSet(WagtailFilterSet):
    downloaded_at = django_filters.DateFromToRangeFilter(
        label=_("Downloaded at"), widget=DateRangePickerWidget
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=lambda request: Organisation.objects.filter(
            document_downloads__isnull=False
        ).distinct(),
    )
    user = django_filters.ModelChoiceFilter(
        label=_("User"),
        queryset=lambda request: get_user_model()
        .objects.filter(document_downloads__isnull=False)
        .distinct(),
    )
    document = django_filters.ModelChoiceFilter(
        label=_("Document"),
        queryset=lambda request: AssociationDocument.objects.filter(
            downloads__isnull=False
        ).distinct(),
    )
    is_earlier_version = django_filters.BooleanFilter(label=_("Earlier version"))

    class Meta:
        model = DocumentDownload
        fields = ["downloaded_at", "organisation", "user", "document", "is_earlier_version"]


class DocumentDownloadReportView(ReportView):
    page_title = _("Document downloads")
    header_icon = "download"
    index_url_name = "document_downloads_report"
    index_results_url_name = "document_downloads_report_results"
    filterset_class = DocumentDownloadFilterSet
    default_ordering = "-downloaded_at"
    columns = [
        DateColumn("downloaded_at", label=_("Downloaded at"), sort_key="downloaded_at"),
        Column("username", label=_("User"), sort_key="username"),
        Column("organisation_name", label=_("Organisation"), sort_key="organisation_name"),
        Column("document_title", label=_("Document"), sort_key="document_title"),
        Column("filename", label=_("File")),
        Column("version_label", label=_("Version")),
    ]
    list_export = [
        "downloaded_at",
        "username",
        "organisation_name",
        "document_title",
        "filename",
        "version_label",
        "page_url",
    ]
    export_headings = {
        "downloaded_at": _("Downloaded at"),
        "username": _("User"),
        "organisation_name": _("Organisation"),
        "document_title": _("Document"),
        "filename": _("File"),
        "version_label": _("Version"),
        "page_url": _("Page"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_editorial(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return DocumentDownload.objects.select_related("page")

    def get_filename(self):
        return f"document-downloads-{datetime.date.today():%Y-%m-%d}"
