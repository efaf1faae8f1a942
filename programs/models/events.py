"""What training programmes and club meetings share: dates, format, venue, status, calendars."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.pages import SitePageMixin, public_pages
from home.related import TopicPageMixin
from programs import dates
from programs.calendar import calendar_response
from programs.choices import DatePrecision, Format, Status
from programs.registrations import display as registration
from programs.structured_data import event_json_ld

# Seconds an event page with registration may be kept by the page cache and browsers.
REGISTRATION_STATE_MAX_AGE = 60


def site_zone():
    return timezone.get_default_timezone()


def local_today():
    return timezone.localdate(timezone.now(), site_zone())


class EventPageQuerySet(PageQuerySet):
    def visible(self):
        """Live public events; a cancelled one only while its cancellation notice explains it."""
        return public_pages(self.live()).exclude(cancelled=True, cancellation_notice="")

    def with_final_day(self):
        return self.annotate(final_day=Coalesce("end_date", "start_date"))

    def upcoming(self, today=None):
        """Events not over yet (ongoing ones included), the soonest first."""
        today = today or local_today()
        return (
            self.with_final_day().filter(final_day__gte=today).order_by("start_date", "start_time")
        )


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventPage(SitePageMixin, TopicPageMixin, RoutablePageMixin, Page):
    """Abstract base of programmes and meetings: when, where, in which format, and status."""

    linked_pages_relation, linked_page_field = "related_news", "news"

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day event.")
    )
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Moscow time. Leave empty if the event takes whole days."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    venue = models.CharField(
        _("venue"),
        max_length=255,
        blank=True,
        help_text=_("For example: conference hall of the regional library."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(
        _("online broadcast link"),
        blank=True,
        help_text=_("A link to the broadcast or video conference for online participants."),
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "For an event whose day is not fixed yet: choose «month only» and give any day "
            "of the planned month as the start date."
        ),
    )
    recurrence_note = models.CharField(
        _("recurrence"),
        max_length=255,
        blank=True,
        help_text=_("For a recurring event, for example: once every two months."),
    )
    # Named as the attendance records of registrations will name it, so they can fill it in.
    participant_count = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    municipality_count = models.PositiveSmallIntegerField(
        _("municipalities"),
        null=True,
        blank=True,
        help_text=_("How many municipalities (districts and towns) took part."),
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    cancellation_notice = models.TextField(
        _("cancellation notice"),
        blank=True,
        help_text=_(
            "A cancelled event stays on the site with this notice; "
            "without a notice it is hidden from readers."
        ),
    )

    objects = EventPageManager()

    when_panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("date_precision"), FieldPanel("recurrence_note")]),
    ]
    where_panels = [
        FieldPanel("format"),
        FieldPanel("venue"),
        FieldPanel("address"),
        FieldPanel("online_url"),
    ]
    cancellation_panel = MultiFieldPanel(
        [FieldPanel("cancelled"), FieldPanel("cancellation_notice")], heading=_("Cancellation")
    )

    # Set by the subclasses: the schema.org type of the event.
    schema_type = "Event"

    # When, in which format and whether it takes place is shared by every language version;
    # the subclasses extend this list with their own fields.
    override_translatable_fields = [
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_time"),
        SynchronizedField("format"),
        SynchronizedField("online_url"),
        SynchronizedField("cancelled"),
        SynchronizedField("date_precision"),
        SynchronizedField("participant_count"),
        SynchronizedField("municipality_count"),
        TranslatableField("recurrence_note"),
        TranslatableField("venue"),
        TranslatableField("address"),
        TranslatableField("cancellation_notice"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.is_month_only:
            self.clean_planned_month()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is earlier than the start date.")
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Give the start time too.")
        elif (
            self.start_time
            and self.end_time
            and self.last_day == self.start_date
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = _("The end time is not later than the start time.")
        if errors:
            raise ValidationError(errors)

    def clean_planned_month(self):
        """A planned month spans the whole month, so listings keep the event until it ends."""
        errors = {}
        if self.start_time or self.end_time:
            errors["start_time"] = _("An event planned for a month has no start time yet.")
        if self.start_date:
            first = self.start_date.replace(day=1)
            last = dates.last_day_of_month(first)
            if self.end_date and not first <= self.end_date <= last:
                errors["end_date"] = _(
                    "An event planned for a month ends in the same month; leave the end date empty."
                )
            self.start_date, self.end_date = first, last
        if errors:
            raise ValidationError(errors)

    @property
    def is_month_only(self):
        return self.date_precision == DatePrecision.MONTH

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def is_timed(self):
        return self.start_time is not None

    @property
    def starts_at(self):
        return datetime.datetime.combine(
            self.start_date, self.start_time or datetime.time(), site_zone()
        )

    @property
    def ends_at(self):
        """The first moment after the event: the end time, or midnight after the last day."""
        if self.end_time:
            return datetime.datetime.combine(self.last_day, self.end_time, site_zone())
        next_day = self.last_day + datetime.timedelta(days=1)
        return datetime.datetime.combine(next_day, datetime.time(), site_zone())

    @property
    def is_hidden(self):
        return self.cancelled and not self.cancellation_notice

    def registration_status(self, now):
        """Subclasses with registration return its status before the event starts."""
        return Status.UPCOMING

    def get_status(self, now=None):
        now = now or timezone.now()
        if self.cancelled:
            return Status.CANCELLED
        if self.is_month_only:
            # Without a day it cannot be said to be under way: planned until the month is over.
            return self.registration_status(now) if now < self.ends_at else Status.FINISHED
        if now < self.starts_at:
            return self.registration_status(now)
        if now < self.ends_at:
            return Status.IN_PROGRESS
        return Status.FINISHED

    @property
    def status(self):
        return self.get_status()

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def date_display(self):
        if self.is_month_only:
            return dates.planned_month(self.start_date)
        return dates.date_range(self.start_date, self.end_date)

    @property
    def date_iso(self):
        """For <time datetime>: the month alone when only the month is planned."""
        return self.start_date.strftime("%Y-%m" if self.is_month_only else "%Y-%m-%d")

    @property
    def time_display(self):
        return dates.time_range(self.start_time, self.end_time)

    @property
    def location_display(self):
        return ", ".join(part for part in (self.venue, self.address) if part)

    def organisers(self):
        """The organisations that host the event, for calendars and structured data."""
        return []

    def calendar_description(self):
        return ""

    @property
    def in_calendars(self):
        """Calendar files need a day; an event planned for a month stays out of them."""
        return not self.is_month_only

    def get_ics_url(self, request=None):
        """The «Добавить в календарь» link: none for a cancelled event (subscribed calendars
        still learn of the cancellation from the section's feed)."""
        if not self.in_calendars or self.cancelled:
            return ""
        url = self.get_url(request=request)
        return url + self.reverse_subpage("calendar") if url else ""

    def get_sitemap_urls(self, request=None):
        return [] if self.is_hidden else super().get_sitemap_urls(request)

    def serve(self, request, *args, **kwargs):
        if self.is_hidden and not getattr(request, "is_preview", False):
            raise Http404
        response = super().serve(request, *args, **kwargs)

        def limit_caching(response):
            if getattr(request, "_registration_shown", False):
                # The places left may change at any moment: the page cache and browsers keep
                # this page a minute at most, while every other page keeps its full time.
                patch_cache_control(response, max_age=REGISTRATION_STATE_MAX_AGE)
                if request.user.is_authenticated:  # the form carries the member's details
                    patch_cache_control(response, private=True)

        # With the page's shared fragments cached, the registration is known once rendered.
        if getattr(response, "is_rendered", True):
            limit_caching(response)
        else:
            response.add_post_render_callback(limit_caching)
        return response

    def dropped_on_change(self, before, seen_elsewhere):
        """The programmes' calendar lists every event of its language tree."""
        return {*super().dropped_on_change(before, seen_elsewhere), "calendar"}

    @path("calendar/", name="calendar")
    def calendar(self, request):
        if not self.in_calendars:
            raise Http404

        return calendar_response([self], request, filename=f"{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = event_json_ld(self, request)
        context["ics_url"] = self.get_ics_url(request)
        context["registration"] = registration.registration_context(self, request)
        return context

    @cached_property
    def attended_count(self):
        """How many registrants the organisers marked as present (any language version)."""
        return registration.attended_count(self)

    @property
    def participants(self):
        """The figure editors entered, else the attendance organisers marked."""
        return self.participant_count or self.attended_count


class RelatedNews(Orderable):
    """A news item linked from a programme or meeting (a page chooser, any news page)."""

    news = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("news item"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("news")]

    class Meta(Orderable.Meta):
        abstract = True
