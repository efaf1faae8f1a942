"""Administrators' view of background work: letters (with their state and last error) and
the task queue. Only superusers hold the permissions these listings need."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from django_tasks_db.models import DBTaskResult

from home.backups.models import BackupRun
from home.jobs.models import Letter


def read_only(*names):
    return [FieldPanel(name, read_only=True) for name in names]


class LetterViewSet(SnippetViewSet):
    model = Letter
    icon = "mail"
    menu_label = _("Letters")
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "recipients", "key"]
    panels = read_only(
        "subject",
        "recipients",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "give_up_at",
        "sent_at",
        "key",
    )


class TaskResultViewSet(SnippetViewSet):
    model = DBTaskResult
    icon = "cogs"
    menu_label = _("Task queue")
    list_display = ["task_path", "status", "enqueued_at", "run_after", "finished_at"]
    list_filter = ["status", "task_path"]
    ordering = ["-enqueued_at"]
    panels = read_only(
        "task_path",
        "status",
        "args_kwargs",
        "enqueued_at",
        "run_after",
        "started_at",
        "finished_at",
        "worker_ids",
        "exception_class_path",
        "traceback",
    )


class BackupRunViewSet(SnippetViewSet):
    model = BackupRun
    icon = "download"
    menu_label = _("Backups")
    list_display = ["started_at", "status", "trigger", "name", "database_bytes", "media_files"]
    list_filter = ["status"]
    panels = read_only(
        "started_at",
        "finished_at",
        "status",
        "trigger",
        "name",
        "target",
        "encrypted",
        "database_bytes",
        "media_bytes",
        "media_files",
        "pruned",
        "error",
    )


class BackgroundWorkViewSetGroup(SnippetViewSetGroup):
    items = (LetterViewSet, TaskResultViewSet, BackupRunViewSet)
    menu_icon = "cogs"
    menu_label = _("Background work")
    menu_name = "background-work"
    menu_order = 9000
