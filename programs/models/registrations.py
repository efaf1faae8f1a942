"""Registration for programmes and club meetings: per-event settings and the registrations.

The settings live beside the page rather than on it: they are not content to be revised,
translated or published, every language version of an event shares one list of
registrations, and the settings row is what concurrent registrations lock to take places
one at a time (programs.registrations.services).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from programs.choices import Format

EVENT_PAGE_TYPES = ["programs.TrainingProgramPage", "programs.ClubMeetingPage"]


def default_retention_days():
    return settings.REGISTRATION_RETENTION_DAYS


class Ask(models.TextChoices):
    NO = "", _("not asked")
    OPTIONAL = "optional", _("optional")
    REQUIRED = "required", _("required")


class ExtraQuestionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("question"), max_length=200)
    label_en = blocks.CharBlock(
        label=_("question in English"),
        max_length=200,
        required=False,
        help_text=_("Shown on the English page; the Russian text is used when empty."),
    )
    required = blocks.BooleanBlock(label=_("answer required"), required=False)

    class Meta:
        icon = "help"
        label = _("question")


class RegistrationState(models.TextChoices):
    NOT_YET = "not_yet", _("opens later")
    OPEN = "open", _("open")
    WAITING_LIST = "waiting_list", _("waiting list")
    CLOSED = "closed", _("closed")


class RegistrationSettings(models.Model):
    """Registration on the site for one event: when, how many places, which questions."""

    page = models.OneToOneField(
        Page,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registration_settings",
        help_text=_("A training programme or a club meeting (its Russian version)."),
    )
    enabled = models.BooleanField(
        _("registration on the site"),
        default=True,
        help_text=_("Clear the box to hide the form without losing the registrations."),
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration stays open until the event starts."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    waiting_list = models.BooleanField(
        _("keep a waiting list"),
        default=True,
        help_text=_(
            "When the places are taken, further registrations wait; a cancellation "
            "gives the place to the first in the list, who is told by e-mail."
        ),
    )
    ask_position = models.CharField(
        _("position"), max_length=10, choices=Ask.choices, default=Ask.REQUIRED, blank=True
    )
    ask_organisation = models.CharField(
        _("organisation"), max_length=10, choices=Ask.choices, default=Ask.REQUIRED, blank=True
    )
    ask_region = models.CharField(
        _("region"), max_length=10, choices=Ask.choices, default=Ask.OPTIONAL, blank=True
    )
    ask_phone = models.CharField(
        _("phone"), max_length=10, choices=Ask.choices, default=Ask.OPTIONAL, blank=True
    )
    ask_attendance_mode = models.BooleanField(
        _("ask whether online or in person"),
        default=True,
        help_text=_("Only for events in the mixed format."),
    )
    extra_questions = StreamField(
        [("question", ExtraQuestionBlock())],
        blank=True,
        verbose_name=_("extra questions"),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("keep personal data, days after the event"),
        default=default_retention_days,
        help_text=_("Then the registrations are deleted by the scheduled clean-up."),
    )

    panels = [
        PageChooserPanel("page", EVENT_PAGE_TYPES),
        FieldPanel("enabled"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("waiting_list")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("ask_position"), FieldPanel("ask_organisation")]),
                FieldRowPanel([FieldPanel("ask_region"), FieldPanel("ask_phone")]),
                FieldPanel("ask_attendance_mode"),
                FieldPanel("extra_questions"),
            ],
            heading=_("Questions (name and e-mail are always asked)"),
        ),
        FieldPanel("retention_days"),
    ]

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["-pk"]

    def __str__(self):
        return self.page.title

    @classmethod
    def for_page(cls, page):
        """The settings of an event in any of its languages (they share one list)."""
        return (
            cls.objects.filter(page__translation_key=page.translation_key)
            .select_related("page")
            .first()
        )

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Registration closes before it opens.")})
        page_class = self.page.specific_class if self.page_id else None
        if page_class is not None and page_class._meta.label not in EVENT_PAGE_TYPES:
            raise ValidationError({"page": _("Choose a training programme or a club meeting.")})

    @cached_property
    def event(self):
        return self.page.specific

    @property
    def closes(self):
        """The moment registration closes: the set time, or when the event starts."""
        return self.closes_at or self.event.starts_at

    @property
    def asks_attendance_mode(self):
        return self.ask_attendance_mode and self.event.format == Format.MIXED

    def confirmed_count(self):
        if hasattr(self, "confirmed"):  # annotated by the event page's query
            return self.confirmed
        return self.registrations.filter(status=Registration.Status.CONFIRMED).count()

    def state(self, now=None):
        """The reader-facing state and, while places are limited, how many are left."""
        now = now or timezone.now()
        event = self.event
        if event.cancelled or not self.enabled or now >= self.closes:
            return RegistrationState.CLOSED, None
        if self.opens_at and now < self.opens_at:
            return RegistrationState.NOT_YET, None
        if self.capacity is None:
            return RegistrationState.OPEN, None
        left = max(self.capacity - self.confirmed_count(), 0)
        if left:
            return RegistrationState.OPEN, left
        if self.waiting_list:
            return RegistrationState.WAITING_LIST, 0
        return RegistrationState.CLOSED, 0

    def expires_at(self):
        """When the registrations' personal data is due for deletion."""
        return self.event.ends_at + datetime.timedelta(days=self.retention_days)


class Registration(models.Model):
    """One person's registration for an event, with their answers and consent."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        ONLINE = "online", _("online")

    event = models.ForeignKey(
        RegistrationSettings,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONFIRMED
    )
    name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation_name = models.CharField(_("organisation (typed)"), max_length=255, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    attendance_mode = models.CharField(
        _("takes part"), max_length=10, choices=Mode.choices, blank=True
    )
    answers = models.JSONField(_("answers to extra questions"), default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    consent_at = models.DateTimeField(
        _("consent to personal data processing given"),
        help_text=_("When the reader ticked the consent box (Federal Law 152-FZ)."),
    )
    privacy_policy_url = models.CharField(
        _("privacy policy the reader agreed to"), max_length=500, blank=True
    )
    attended = models.BooleanField(_("attended"), default=False)
    certificate_number = models.CharField(
        _("certificate number"), max_length=30, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at", "pk"]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        # No name: the label is copied into the admin's action log, which outlives the
        # registration's personal data.
        return f"№ {self.pk}: {self.event}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.attended and not self.certificate_number:
            # Numbered once, by the registration's id, so a certificate keeps its number.
            self.certificate_number = f"{self.created_at:%Y}-{self.pk:05d}"
            type(self).objects.filter(pk=self.pk).update(certificate_number=self.certificate_number)

    @property
    def organisation_display(self):
        return self.organisation.name if self.organisation else self.organisation_name

    @property
    def answers_text(self):
        return "; ".join(f"{question}: {answer}" for question, answer in self.answers.items())

    @property
    def is_active(self):
        return self.status != self.Status.CANCELLED
