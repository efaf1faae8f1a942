import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock, LinkBlock
from home.caching import cached
from home.documents import extension_of, extract_pdf_text, validate_document_file
from home.feedback import Question, TypoReport  # noqa: F401 (registers the feedback models)
from home.pages import OneQueryChildRouteMixin, SitePageMixin
from home.tags import TagEnglishName  # noqa: F401 (registers the model)


class AgeRating(models.TextChoices):
    """Age marks required on Russian information products (Federal Law 436-FZ)."""

    ZERO = "0+", "0+"
    SIX = "6+", "6+"
    TWELVE = "12+", "12+"
    SIXTEEN = "16+", "16+"
    EIGHTEEN = "18+", "18+"


class HomePage(SitePageMixin, OneQueryChildRouteMixin, Page):
    """The front page of one language tree."""

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    hero_title = models.CharField(
        _("hero heading"),
        max_length=200,
        blank=True,
        help_text=_("Large heading at the top of the home page; the page title if empty."),
    )
    hero_text = models.TextField(
        _("hero text"),
        blank=True,
        help_text=_("One or two sentences about the association under the heading."),
    )
    featured_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("featured links"),
        help_text=_("Up to six links shown as cards under the heading."),
        max_num=6,
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Hero")),
        FieldPanel("featured_links"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]

    override_translatable_fields = [
        TranslatableField("hero_title"),
        TranslatableField("hero_text"),
        TranslatableField("featured_links"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(SitePageMixin, OneQueryChildRouteMixin, Page):
    """An ordinary content page: about the association, membership, contacts and the like."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=500,
        help_text=_("A short summary shown under the title and in search results."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    override_translatable_fields = [TranslatableField("lead"), TranslatableField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="site")
class AssociationSettings(BaseSiteSetting):
    """Contacts and marks shown in the header and footer of every page.

    Settings belong to the site, which serves both languages, so the few texts readers see
    have an English counterpart (`<field>_en`) instead of a translated copy of the settings.
    """

    name = models.CharField(_("full name"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    address = models.CharField(_("postal address"), max_length=255, blank=True)
    name_en = models.CharField(_("full name in English"), max_length=255, blank=True)
    short_name_en = models.CharField(_("short name in English"), max_length=60, blank=True)
    address_en = models.CharField(_("postal address in English"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    vk_url = models.URLField(_("VK page"), blank=True)
    telegram_url = models.URLField(_("Telegram channel"), blank=True)
    ok_url = models.URLField(_("Odnoklassniki page"), blank=True)
    rutube_url = models.URLField(_("Rutube channel"), blank=True)
    default_age_rating = models.CharField(
        _("default age rating"),
        max_length=3,
        choices=AgeRating.choices,
        default=AgeRating.SIXTEEN,
        help_text=_("Shown in the footer and used for materials without their own mark."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the consent boxes of the question and subscription forms."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("short_name")], heading=_("Name")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("short_name_en"), FieldPanel("address_en")],
            heading=_("In English"),
            help_text=_("Shown on the English pages; where empty, the Russian text is shown."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("vk_url"),
                FieldPanel("telegram_url"),
                FieldPanel("ok_url"),
                FieldPanel("rutube_url"),
            ],
            heading=_("Social networks"),
        ),
        FieldPanel("default_age_rating"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("association settings")

    @property
    def site_name(self):
        """The short name, else the full name, for the header, titles and calendars."""
        return self._in_active_language("short_name", "name") or gettext("Library association")

    @property
    def full_name(self):
        """The full name, else the short name, for the footer, feeds and publisher marks."""
        return self._in_active_language("name", "short_name") or gettext("Library association")

    @property
    def postal_address(self):
        return self._in_active_language("address")

    def _in_active_language(self, *fields):
        """The first of `fields` that is filled; on pages in any language but Russian their
        English counterparts come first, so an English name beats the Russian short name."""
        if get_language() != settings.LANGUAGE_CODE:
            fields = (*(f"{field}_en" for field in fields), *fields)
        for field in fields:
            if value := getattr(self, field):
                return value
        return ""

    @classmethod
    def for_site(cls, site):
        # Every page reads the settings (header, footer, meta tags); they change rarely, and
        # any save replaces the content version the cache key carries.
        if site is None:
            return super().for_site(site)
        return cached(
            None, f"settings:{site.pk}", lambda: super(AssociationSettings, cls).for_site(site)
        )


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


class AssociationDocument(AbstractDocument):
    """The documents library; files are served only through Wagtail's checking view.

    Files are checked by content on upload; replacing a file keeps the earlier one as a
    DocumentVersion; the text of PDFs is extracted for search.
    """

    file_updated_at = models.DateTimeField(_("file uploaded at"), null=True, editable=False)
    extracted_text = models.TextField(_("text of the file"), blank=True, editable=False)

    admin_form_fields = WagtailDocument.admin_form_fields

    search_fields = AbstractDocument.search_fields + [index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        super().clean()
        if self.file and not self.file._committed:
            try:
                validate_document_file(self.file)
            except ValidationError as error:
                raise ValidationError({"file": error.messages}) from error

    def save(self, *args, **kwargs):
        previous = None
        if self.pk:
            previous = (
                type(self)
                .objects.filter(pk=self.pk)
                .values("file", "file_size", "file_hash", "file_updated_at", "created_at")
                .first()
            )
        file_changed = not previous or previous["file"] != self.file.name
        if file_changed and self.file:
            if not self.file._committed:
                self._set_document_file_metadata()
            self.file_updated_at = timezone.now()
            is_pdf = extension_of(self.file.name) == "pdf"
            self.extracted_text = extract_pdf_text(self.file) if is_pdf else ""
        super().save(*args, **kwargs)
        if previous and file_changed and previous["file"]:
            DocumentVersion.objects.create(
                document=self,
                file=previous["file"],
                file_size=previous["file_size"],
                file_hash=previous["file_hash"],
                uploaded_at=previous["file_updated_at"] or previous["created_at"],
                replaced_by=getattr(self, "_replaced_by", None),
            )


class DocumentVersion(models.Model):
    """An earlier file of a document, kept when the file was replaced; staff only."""

    document = models.ForeignKey(
        AssociationDocument,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    file = models.FileField(_("file"), upload_to="documents", max_length=255)
    file_size = models.PositiveBigIntegerField(_("file size"), null=True)
    file_hash = models.CharField(max_length=40, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"))
    replaced_at = models.DateTimeField(_("replaced at"), default=timezone.now)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("replaced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("earlier version of a document")
        verbose_name_plural = _("earlier versions of documents")
        ordering = ["-replaced_at", "-pk"]

    def __str__(self):
        return f"{self.document} ({self.filename})"

    @property
    def filename(self):
        return os.path.basename(self.file.name)

    @property
    def url(self):
        return reverse("document_version", args=[self.pk])


@receiver(post_delete, sender=DocumentVersion)
def delete_version_file(sender, instance, **kwargs):
    transaction.on_commit(lambda: instance.file.delete(save=False))


class MemberProfile(models.Model):
    """Links a member's user account to the member organisation the person works for."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_profiles",
    )

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return f"{self.user} ({self.organisation or '—'})"


class DocumentDownload(models.Model):
    """One download of a document file: who, for which organisation, what and when.

    Names are copied so that the log stays readable after accounts or files are deleted.
    """

    downloaded_at = models.DateTimeField(_("downloaded at"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="document_downloads",
    )
    username = models.CharField(_("username"), max_length=150)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="document_downloads",
    )
    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    document = models.ForeignKey(
        AssociationDocument,
        verbose_name=_("document"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="downloads",
    )
    document_title = models.CharField(_("document"), max_length=255)
    version = models.ForeignKey(
        DocumentVersion,
        verbose_name=_("earlier version"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="downloads",
    )
    is_earlier_version = models.BooleanField(_("earlier version"), default=False)
    filename = models.CharField(_("file"), max_length=255)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("document download")
        verbose_name_plural = _("document downloads")
        ordering = ["-downloaded_at", "-pk"]

    def __str__(self):
        return f"{self.downloaded_at:%Y-%m-%d %H:%M} {self.username}: {self.filename}"

    @property
    def version_label(self):
        return _("earlier version") if self.is_earlier_version else _("current file")

    @property
    def page_url(self):
        return self.page.full_url if self.page else ""

    @classmethod
    def record(cls, request, document, version=None, page=None):
        user = request.user
        profile = MemberProfile.objects.filter(user=user).select_related("organisation").first()
        organisation = profile.organisation if profile else None
        return cls.objects.create(
            user=user,
            username=user.get_username(),
            organisation=organisation,
            organisation_name=str(organisation or ""),
            document=document,
            document_title=document.title[:255],
            version=version,
            is_earlier_version=version is not None,
            filename=(version.filename if version else document.filename)[:255],
            page=page,
        )
