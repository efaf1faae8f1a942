"""Letters waiting for, or done with, delivery by the task worker."""

import pickle

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Letter(models.Model):
    """One e-mail message; the row is the truth about it, whatever happened to its tasks."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    # Idempotency key: the same key never makes a second letter.
    key = models.CharField(_("key"), max_length=200, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    recipients = models.TextField(_("recipients"), blank=True)
    message = models.BinaryField(editable=False)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    give_up_at = models.DateTimeField(_("retried until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        app_label = "home"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self):
        return self.subject or self.key

    @classmethod
    def pack(cls, email):
        return pickle.dumps(email, pickle.HIGHEST_PROTOCOL)

    def email(self):
        return pickle.loads(bytes(self.message))  # noqa: S301 - written by Letter.pack only
