"""Readers' reports of mistakes on pages and their questions to the association.

Questions are a plain model with a Django form rather than a wagtail.contrib.forms page:
FormSubmission keeps answers as one JSON blob, while staff need typed columns to filter
and a status to work through, the consent has to be recorded with its time, and the
spam checks (honeypot, signed timestamp, rate limit) sit in the form anyway.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

FRAGMENT_MAX_LENGTH = 1000
COMMENT_MAX_LENGTH = 2000


class TypoReport(models.Model):
    """A fragment a reader selected on a page with a mistake in it (Ctrl+Enter)."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        FIXED = "fixed", _("fixed")
        REJECTED = "rejected", _("rejected")

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="typo_reports",
    )
    url = models.CharField(_("address"), max_length=500, blank=True)
    fragment = models.TextField(_("fragment"), max_length=FRAGMENT_MAX_LENGTH)
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("mistake report")
        verbose_name_plural = _("mistake reports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.fragment[:60]


class Question(models.Model):
    """A question sent with the «Задать вопрос» form, with the reader's consent."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        ANSWERED = "answered", _("answered")

    name = models.CharField(pgettext_lazy("person", "name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    topic = models.CharField(_("topic"), max_length=200)
    question = models.TextField(_("question"), max_length=5000)
    language = models.CharField(_("language"), max_length=10, blank=True)
    consent_at = models.DateTimeField(
        _("consent to personal data processing given"),
        help_text=_("When the reader ticked the consent box (Federal Law 152-FZ)."),
    )
    privacy_policy_url = models.CharField(
        _("privacy policy the reader agreed to"), max_length=500, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.topic} ({self.name})"
