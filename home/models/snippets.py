"""Shared snippets: regions, organisations and people that pages of every app refer to."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class Region(TranslatableMixin, models.Model):
    """A region or municipal district that news and organisations belong to."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        help_text=_("Latin letters for addresses of filtered listings, e.g. tverskaya-oblast."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    # The slug stays the same in every language, so filtered addresses match.
    override_translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A library, library system or other body: a member of the association or a partner."""

    class Kind(models.TextChoices):
        LIBRARY_SYSTEM = "system", _("centralised library system")
        REGIONAL = "regional", _("regional library")
        FEDERAL = "federal", _("federal library")
        MUNICIPAL = "municipal", _("municipal library")
        CHILDREN = "children", _("children's library")
        SCHOOL = "school", _("school or college library")
        OTHER = "other", _("other organisation")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPAL)
    city = models.CharField(
        _("city or municipality"),
        max_length=120,
        blank=True,
        help_text=_("For example: Vyshny Volochyok or Kimry municipal district."),
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    member_since = models.PositiveSmallIntegerField(_("member since (year)"), null=True, blank=True)
    is_member = models.BooleanField(
        _("member of the association"),
        default=False,
        help_text=_("Members' staff may sign in and download final documents."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        MultiFieldPanel([FieldPanel("city"), FieldPanel("region")], heading=_("Location")),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("is_member"), FieldPanel("member_since")], heading=_("Membership")
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("is_member"),
    ]

    # Regions are a vocabulary per language (listings filter by them in the active one);
    # everything else about an organisation is a fact shared by its translations.
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("city"),
        TranslatableField("region"),
        SynchronizedField("kind"),
        SynchronizedField("website"),
        SynchronizedField("member_since"),
        SynchronizedField("is_member"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name


@register_snippet
class Person(TranslatableMixin, index.Indexed, models.Model):
    """A speaker, lecturer, author or coordinator, shown with position and organisation."""

    name = models.CharField(_("full name"), max_length=160)
    position = models.CharField(
        _("position"),
        max_length=255,
        blank=True,
        help_text=_("For example: chief librarian of the methodology department."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("position"),
        index.AutocompleteField("name"),
    ]

    # References to organisations and people are synchronised everywhere and shown in the
    # reader's language with `.localized`, so a page never waits for a snippet translation.
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("position"),
        SynchronizedField("organisation"),
        SynchronizedField("photo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def credentials(self):
        """Position and organisation in one line, as printed under a speaker's name."""
        organisation = self.organisation.localized if self.organisation else ""
        return ", ".join(part for part in (self.position, str(organisation)) if part)
