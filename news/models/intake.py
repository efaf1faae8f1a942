"""The newsroom intake: member websites to watch and the articles found on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from home.models import Organisation


class IntakeSource(models.Model):
    """A member organisation's news feed or news listing page, read by the intake."""

    class Kind(models.TextChoices):
        FEED = "feed", _("RSS or Atom feed")
        LISTING = "listing", _("news listing page")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="intake_sources",
        help_text=_("The member whose news this is; its region is given to the drafts."),
    )
    name = models.CharField(
        _("source name"),
        max_length=255,
        help_text=_("Shown as «Источник» on the articles and used as their tag."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FEED)
    url = models.URLField(
        _("address"),
        max_length=500,
        help_text=_("Address of the feed or of the page listing the news."),
    )
    article_prefix = models.CharField(
        _("article addresses start with"),
        max_length=300,
        blank=True,
        help_text=_(
            "Listing pages only: the path articles live under, e.g. /news/. "
            "The listing's own path is used if empty."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    auto_draft = models.BooleanField(
        _("create drafts automatically"),
        default=True,
        help_text=_(
            "New articles become drafts sent to moderation at once; "
            "otherwise they wait in the queue for an editor to accept them."
        ),
    )
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_result = models.CharField(_("last result"), max_length=500, blank=True)
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("url"), FieldPanel("article_prefix")],
            heading=_("Where the news is"),
        ),
        FieldPanel("active"),
        FieldPanel("auto_draft"),
    ]

    class Meta:
        verbose_name = _("news source")
        verbose_name_plural = _("news sources")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Validators saved for another address or prefix would make the new one answer
        # "not modified" and never be read.
        if self.pk:
            before = IntakeSource.objects.filter(pk=self.pk).values("url", "article_prefix").first()
            if before and (before["url"], before["article_prefix"]) != (
                self.url,
                self.article_prefix,
            ):
                self.etag = self.last_modified = ""
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "etag", "last_modified"}
        super().save(*args, **kwargs)


class IntakeItem(models.Model):
    """One article found on a member's website, and what became of it."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IMPORTED = "imported", _("draft created")
        REJECTED = "rejected", _("rejected")
        FAILED = "failed", _("failed")
        CHANGED = "changed", _("changed at the source")

    source = models.ForeignKey(
        IntakeSource,
        verbose_name=_("source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    url = models.URLField(_("address"), max_length=500, db_index=True)
    canonical_url = models.URLField(_("canonical address"), max_length=500, blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    reason = models.TextField(_("reason"), blank=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    published_at = models.DateTimeField(_("publication date"), null=True, blank=True)
    data = models.JSONField(_("extracted fields"), default=dict, blank=True, editable=False)
    page = models.ForeignKey(
        "news.NewsPage",
        verbose_name=_("draft"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    etag = models.CharField(max_length=255, blank=True, editable=False)
    last_modified = models.CharField(max_length=64, blank=True, editable=False)
    found_at = models.DateTimeField(_("found"), auto_now_add=True)
    fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)

    panels = [FieldPanel("status"), FieldPanel("reason")]

    class Meta:
        verbose_name = _("intake item")
        verbose_name_plural = _("intake queue")
        ordering = ["-found_at", "-pk"]
        indexes = [models.Index(fields=["canonical_url"], name="news_intake_canonical")]

    def __str__(self):
        return self.title or self.url

    UNCERTAIN = {
        "date": _("no date on the page"),
        "title": _("title from the <title> tag"),
    }

    @property
    def to_check(self):
        """What the moderator should check: fields the page did not state clearly."""
        notes = [
            self.UNCERTAIN[name]
            for name in self.data.get("uncertain", [])
            if name in self.UNCERTAIN
        ]
        return "; ".join(str(note) for note in notes)
