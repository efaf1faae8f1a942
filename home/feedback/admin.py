"""Admin listings of mistake reports and questions: staff only change the status."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters

from home.feedback.models import Question, TypoReport


def read_only(*names):
    return [FieldPanel(name, read_only=True) for name in names]


class TypoReportFilterSet(WagtailFilterSet):
    page = django_filters.ModelChoiceFilter(
        label=_("page"),
        queryset=lambda request: Page.objects.filter(typo_reports__isnull=False).distinct(),
    )

    class Meta:
        model = TypoReport
        fields = ["status", "page"]


class TypoReportViewSet(SnippetViewSet):
    model = TypoReport
    icon = "warning"
    menu_label = _("Mistake reports")
    list_display = ["fragment", "page", "comment", "status", "created_at"]
    filterset_class = TypoReportFilterSet
    search_fields = ["fragment", "comment"]
    panels = [*read_only("fragment", "comment", "page", "url", "created_at"), FieldPanel("status")]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["topic", "name", "email", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["topic", "name", "email", "question"]
    panels = [
        *read_only("name", "email", "topic", "question", "consent_at", "privacy_policy_url"),
        *read_only("language", "created_at"),
        FieldPanel("status"),
    ]


class FeedbackViewSetGroup(SnippetViewSetGroup):
    items = (TypoReportViewSet, QuestionViewSet)
    menu_icon = "mail"
    menu_label = _("Readers' feedback")
    menu_name = "feedback"
    menu_order = 250
