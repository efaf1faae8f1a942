"""Members' documents with their earlier versions, member profiles and the download log."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.search import index

from home.members.documents import extension_of, extract_pdf_text, validate_document_file


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

    # Organisations are named as "home.Organisation" here and below: home.models imports this
    # module to register its models, so this module must not need home.models to load.

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    organisation = models.ForeignKey(
        "home.Organisation",
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
        "home.Organisation",
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
