"""Daily read counts of articles, aggregated from cache counters (news.reads)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsPageReads(models.Model):
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
