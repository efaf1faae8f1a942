"""The readers' own records: subscribers to the news digest and daily read counts."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    """An address is stored only with consent, and deleted when it is not confirmed in time."""

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(_("language"), max_length=10)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    consent_at = models.DateTimeField(_("consent to personal data processing given"))
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("news subscriber")
        verbose_name_plural = _("news subscribers")

    def __str__(self):
        return self.email


class NewsPageReads(models.Model):
    """Daily read counts of an article, aggregated from cache counters (news.reader.reads)."""

    page = models.ForeignKey("news.NewsPage", on_delete=models.CASCADE, related_name="daily_reads")
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("reads"), default=0)

    class Meta:
        verbose_name = _("daily reads")
        verbose_name_plural = _("daily reads")
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="news_reads_one_row_a_day")
        ]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.count}"
