"""The record of each backup run, shown to administrators in «Фоновые задачи»."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class BackupRun(models.Model):
    """One backup: when, where to, how big, and whether it succeeded."""

    class Status(models.TextChoices):
        RUNNING = "running", pgettext_lazy("backup", "running")
        SUCCEEDED = "succeeded", pgettext_lazy("backup", "succeeded")
        FAILED = "failed", pgettext_lazy("backup", "failed")

    class Trigger(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        MANUAL = "manual", _("by hand")

    started_at = models.DateTimeField(_("backup started"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("backup finished"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RUNNING
    )
    trigger = models.CharField(
        _("started by"), max_length=10, choices=Trigger.choices, default=Trigger.SCHEDULED
    )
    name = models.CharField(_("backup name"), max_length=40, blank=True)
    target = models.CharField(_("target"), max_length=500, blank=True)
    encrypted = models.BooleanField(_("encrypted"), default=False)
    database_bytes = models.BigIntegerField(_("database dump, bytes"), null=True, blank=True)
    media_bytes = models.BigIntegerField(_("media archive, bytes"), null=True, blank=True)
    media_files = models.PositiveIntegerField(_("files in media"), null=True, blank=True)
    pruned = models.CharField(_("older backups deleted"), max_length=2000, blank=True)
    error = models.TextField(_("error message"), blank=True)

    class Meta:
        app_label = "home"
        ordering = ["-started_at", "-pk"]
        verbose_name = _("backup")
        verbose_name_plural = _("backups")

    def __str__(self):
        return self.name or str(self.started_at)

    @property
    def seconds(self):
        if self.finished_at is None:
            return None
        return round((self.finished_at - self.started_at).total_seconds(), 1)
