"""Admin of the intake: sources, the queue with bulk accept and reject, one-page import."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, StatusTagColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.permissions import get_permission_name
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from news.intake import service, tasks
from news.models import IntakeItem, IntakeSource

LIST_URL = "wagtailsnippets_news_intakeitem:list"
IMPORT_URL = "wagtailsnippets_news_intakeitem:import"
IMPORT_STATUS_URL = "wagtailsnippets_news_intakeitem:import_status"


class ImportForm(forms.Form):
    url = forms.URLField(
        label=_("Article address"),
        max_length=500,
        assume_scheme="https",
        help_text=_("A news article on a member's website; its draft goes to moderation."),
    )
    source = forms.ModelChoiceField(
        label=_("Source"),
        queryset=IntakeSource.objects.select_related("organisation"),
        required=False,
        help_text=_("Gives the draft the source's name, organisation and region."),
    )


def refusal(request):
    """The way back for a user who may not import articles; None for one who may."""
    if request.user.has_perm(get_permission_name("add", IntakeItem)):
        return None
    messages.error(request, _("Sorry, you do not have permission to access this area."))
    return redirect("wagtailadmin_home")


class ImportView(WagtailAdminTemplateMixin, FormView):
    """Paste one article's address: its import goes on the task queue (ImportStatusView)."""

    form_class = ImportForm
    template_name = "news/intake/import.html"
    page_title = _("Import one article")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if refused := refusal(request):
            return refused
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse(LIST_URL), "label": _("Intake queue")},
            {"url": "", "label": self.page_title},
        ]

    def form_valid(self, form):
        source = form.cleaned_data["source"]
        result = tasks.import_article.enqueue(
            form.cleaned_data["url"], source.pk if source else None, self.request.user.pk
        )
        if not result.is_finished:
            messages.info(self.request, _("The article is queued for import."))
            return redirect(IMPORT_STATUS_URL, result.id)
        if result.status == TaskResultStatus.SUCCESSFUL:
            outcome = result.return_value
            item = IntakeItem.objects.filter(pk=outcome["item"]).first()
            if item is not None and outcome["outcome"] == service.Outcome.FAILED:
                form.add_error("url", item.reason)
                return self.form_invalid(form)
        return report_import(self.request, result)


def report_import(request, result):
    """Tell the editor what became of an import that has finished: honestly."""
    if result.status != TaskResultStatus.SUCCESSFUL:
        messages.error(request, _("The import failed; it can be tried again."))
        return redirect(IMPORT_URL)
    item = IntakeItem.objects.filter(pk=result.return_value["item"]).first()
    outcome = result.return_value["outcome"]
    if item is None:
        messages.error(request, _("The import failed; it can be tried again."))
    elif outcome == service.Outcome.IMPORTED:
        messages.success(request, _("Draft «%(title)s» sent to moderation.") % {"title": item})
    elif outcome == service.Outcome.FAILED:
        messages.error(request, _("Not imported: %(reason)s") % {"reason": item.reason})
        return redirect(IMPORT_URL)
    else:
        messages.info(
            request,
            _("This article is already in the queue: %(status)s. No new draft was made.")
            % {"status": item.get_status_display()},
        )
    return redirect(LIST_URL)


class ImportStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Where an editor waits for a queued import: its state, then what became of it."""

    template_name = "news/intake/import_status.html"
    page_title = _("Import one article")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if refused := refusal(request):
            return refused
        try:
            self.result = tasks.import_article.get_result(kwargs["result_id"])
        except (TaskResultDoesNotExist, ValueError, ValidationError):
            raise Http404 from None
        if self.result.is_finished:
            return report_import(request, self.result)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        waiting = self.result.status == TaskResultStatus.READY
        return super().get_context_data(
            **kwargs,
            state=_("waiting in the queue") if waiting else _("being imported"),
            url=self.result.args[0],
        )


class IntakeIndexView(IndexView):
    @property
    def header_buttons(self):
        return [
            HeaderButton(_("Import one article"), url=reverse(IMPORT_URL), icon_name="download")
        ]


class DraftColumn(Column):
    cell_template_name = "news/intake/draft_cell.html"


class IntakeItemViewSet(SnippetViewSet):
    model = IntakeItem
    icon = "tasks"
    menu_label = _("Intake queue")
    index_view_class = IntakeIndexView
    list_display = [
        "__str__",
        "source",
        StatusTagColumn(
            "status",
            label=pgettext_lazy("intake queue column", "Status"),
            accessor="get_status_display",
            primary=lambda item: item.status in ("new", "changed", "failed"),
        ),
        "reason",
        Column("to_check", label=pgettext_lazy("intake queue column", "To check")),
        "published_at",
        DraftColumn("page", label=pgettext_lazy("intake queue column", "Draft")),
        "found_at",
    ]
    list_filter = ["status", "source"]
    search_fields = ["title", "url"]
    ordering = ["-found_at", "-pk"]
    panels = [
        FieldPanel("url", read_only=True),
        FieldPanel("title", read_only=True),
        FieldPanel("page", read_only=True),
        FieldPanel("status"),
        FieldPanel("reason"),
    ]

    def get_queryset(self, request):
        return IntakeItem.objects.select_related("source")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", ImportView.as_view(), name="import"),
            path("import/<str:result_id>/", ImportStatusView.as_view(), name="import_status"),
        ]


class IntakeSourceViewSet(SnippetViewSet):
    model = IntakeSource
    icon = "link-external"
    menu_label = _("News sources")
    list_display = [
        "name",
        "organisation",
        "kind",
        BooleanColumn("active", label=capfirst(_("active"))),
        "last_fetched_at",
        "last_result",
    ]
    list_filter = ["kind", "active"]
    search_fields = ["name", "url"]

    def get_queryset(self, request):
        return IntakeSource.objects.select_related("organisation")


class IntakeViewSetGroup(SnippetViewSetGroup):
    items = (IntakeItemViewSet, IntakeSourceViewSet)
    menu_icon = "download"
    menu_label = _("Member news")
    menu_name = "news-intake"
    menu_order = 160


class IntakeBulkAction(SnippetBulkAction):
    models = [IntakeItem]
    template_name = "news/intake/confirm_bulk_action.html"

    def check_perm(self, obj):
        return self.request.user.has_perm(get_permission_name("change", IntakeItem))


class AcceptBulkAction(IntakeBulkAction):
    display_name = _("Accept")
    action_type = "accept"
    aria_label = _("Make drafts of the selected articles and send them to moderation")
    action_priority = 10

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        # Making a draft downloads its pictures from the member's site: a task, not here.
        new = [item.pk for item in objects if item.status == IntakeItem.Status.NEW]
        if new:
            tasks.accept_items.enqueue(new, user.pk if user else None)
        return len(new), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d article accepted: its draft is being made for moderation.",
            "%(count)d articles accepted: their drafts are being made for moderation.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectBulkAction(IntakeBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected articles: they will not be imported")
    action_priority = 20
    classes = {"serious"}

    @classmethod
    def execute_action(cls, objects, **kwargs):
        open_items = [item for item in objects if item.status in ("new", "failed")]
        rejected = [service.reject(item) for item in open_items]
        return len(rejected), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d article rejected.", "%(count)d articles rejected.", num_parent_objects
        ) % {"count": num_parent_objects}


class ReadNowBulkAction(SnippetBulkAction):
    """Read the selected sources now: the reading is queued, never done in the request."""

    models = [IntakeSource]
    template_name = "news/intake/confirm_bulk_action.html"
    display_name = _("Read now")
    action_type = "read_now"
    aria_label = _("Read the selected sources now (in the background)")
    action_priority = 10

    def check_perm(self, obj):
        return self.request.user.has_perm(get_permission_name("change", IntakeSource))

    @classmethod
    def execute_action(cls, objects, **kwargs):
        tasks.read_sources.enqueue([source.pk for source in objects])
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d source queued for reading.",
            "%(count)d sources queued for reading.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
