"""Training programmes (повышение квалификации) and the page that lists them."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value, When
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from home.blocks import BodyBlock
from home.invalidation import note
from home.models import Person
from home.pages import OneQueryChildRouteMixin, SitePageMixin
from home.panels import AddInlinePanel
from home.related import TOPIC_SEARCH_FIELDS, topic_panels, topic_synchronized_fields
from programs.blocks import ModulesBlock, people_fetched, referenced_people
from programs.calendar import calendar_response
from programs.choices import ProgramKind
from programs.forms import ProgramFilterForm
from programs.models.clubs import ClubMeetingPage
from programs.models.events import (
    EventPage,
    RelatedNews,
    Status,
    local_today,
)
from programs.people import localize_organisations, localize_people, localized


class ProgramIndexPage(SitePageMixin, OneQueryChildRouteMixin, RoutablePageMixin, Page):
    """The list of training programmes, with filters and the calendar of all events."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programs.TrainingProgramPage"]
    max_count_per_parent = 1

    lead = models.TextField(_("lead"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("lead")]

    override_translatable_fields = [TranslatableField("lead")]

    class Meta:
        verbose_name = _("training programmes index")
        verbose_name_plural = _("training programmes indexes")

    def routed_children(self):
        return TrainingProgramPage.objects.all()

    def programmes(self, today=None):
        """Upcoming and ongoing programmes, soonest first; then past ones, latest first."""
        today = today or local_today()
        past = Case(When(final_day__lt=today, then=Value(True)), default=Value(False))
        return (
            TrainingProgramPage.objects.visible()
            .descendant_of(self)
            .with_final_day()
            .annotate(is_past=past)
            .order_by(
                "is_past",
                Case(When(is_past=False, then=F("start_date"))).asc(),
                Case(When(is_past=True, then=F("start_date"))).desc(),
                "start_time",
                "pk",
            )
            .prefetch_related(hosts_prefetch())
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programmes = self.programmes()
        form = ProgramFilterForm(request.GET, years=self.years())
        programmes = form.filter(programmes)
        paginator = Paginator(programmes, settings.LISTING_PAGE_SIZE)
        context["filter_form"] = form
        context["programmes"] = paginator.get_page(request.GET.get("page"))
        context["query_string"] = form.query_string()
        context["ics_url"] = self.get_ics_url(request)
        return context

    def years(self):
        dates = (
            TrainingProgramPage.objects.visible()
            .descendant_of(self)
            .dates("start_date", "year", order="DESC")
        )
        return [date.year for date in dates]

    def get_ics_url(self, request=None):
        url = self.get_url(request=request)
        return url + self.reverse_subpage("calendar") if url else ""

    @path("calendar/", name="calendar")
    def calendar(self, request):
        """Every upcoming programme and club meeting of this language tree."""
        note(request, "calendar")
        home = self.get_parent()
        events = [
            *TrainingProgramPage.objects.visible().descendant_of(home).upcoming(),
            *ClubMeetingPage.objects.visible().descendant_of(home).upcoming(),
        ]
        events = [event for event in events if event.in_calendars]
        return calendar_response(events, request, filename="calendar.ics")


class TrainingProgramPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "programs.TrainingProgramPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class TrainingProgramPage(EventPage):
    """One training programme: a course, school session, seminar, internship or webinar."""

    Kind = ProgramKind

    class Certificate(models.TextChoices):
        NONE = "", _("none")
        QUALIFICATION = "qualification", _("certificate of professional development")
        PARTICIPATION = "participation", _("certificate of participation")

    parent_page_types = ["programs.ProgramIndexPage"]
    subpage_types = []

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SEMINAR)
    edition = models.PositiveSmallIntegerField(
        _("edition number"),
        null=True,
        blank=True,
        help_text=_("For numbered series, e.g. 18 for the 18th School of library managers."),
    )
    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=500,
        help_text=_("A short summary shown in listings, calendars and search results."),
    )
    target_audience = models.TextField(
        _("target audience"),
        blank=True,
        help_text=_("For example: directors and deputy directors of municipal libraries."),
    )
    hours = models.PositiveSmallIntegerField(_("volume, academic hours"), null=True, blank=True)
    certificate = models.CharField(
        _("document issued"),
        max_length=20,
        choices=Certificate.choices,
        default=Certificate.NONE,
        blank=True,
    )
    application_deadline = models.DateField(
        _("application deadline"),
        null=True,
        blank=True,
        help_text=_("Applications are accepted until the end of this day (Moscow time)."),
    )
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True)
    registration_url = models.URLField(_("registration link"), blank=True)
    registration_contact = models.TextField(
        _("registration contact"),
        blank=True,
        help_text=_("A phone or e-mail for applications when there is no registration form."),
    )
    modules = StreamField(
        ModulesBlock(), blank=True, verbose_name=_("modules and sessions"), collapsed=True
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    tags = ClusterTaggableManager(through=TrainingProgramPageTag, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("edition")]),
        FieldPanel("lead"),
        MultiFieldPanel(EventPage.when_panels, heading=_("Dates")),
        MultiFieldPanel(EventPage.where_panels, heading=_("Format and venue")),
        AddInlinePanel(
            "hosts", label=_("Host organisations"), add_label=_("Add a host organisation")
        ),
        MultiFieldPanel(
            [
                FieldPanel("target_audience"),
                FieldRowPanel([FieldPanel("hours"), FieldPanel("certificate")]),
                FieldRowPanel([FieldPanel("application_deadline"), FieldPanel("capacity")]),
                FieldPanel("registration_url"),
                FieldPanel("registration_contact"),
                FieldRowPanel(
                    [FieldPanel("participant_count"), FieldPanel("municipality_count")],
                    heading=_("Took part"),
                ),
            ],
            heading=_("Participation"),
        ),
        AddInlinePanel("lecturers", label=_("Lecturers"), add_label=_("Add a lecturer")),
        FieldPanel("modules"),
        FieldPanel("body"),
        EventPage.cancellation_panel,
        *topic_panels("related_news", _("Related news"), _("Add a related article")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("target_audience"),
        index.SearchField("modules"),
        index.SearchField("body"),
        *TOPIC_SEARCH_FIELDS,
        index.FilterField("start_date"),
        index.FilterField("kind"),
        index.FilterField("format"),
    ]

    schema_type = "EducationEvent"

    override_translatable_fields = EventPage.override_translatable_fields + [
        TranslatableField("lead"),
        TranslatableField("target_audience"),
        TranslatableField("registration_contact"),
        TranslatableField("modules"),
        TranslatableField("body"),
        SynchronizedField("kind"),
        SynchronizedField("edition"),
        SynchronizedField("hours"),
        SynchronizedField("certificate"),
        SynchronizedField("application_deadline"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_url"),
        SynchronizedField("hosts"),
        SynchronizedField("lecturers"),
        *topic_synchronized_fields("related_news"),
    ]

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    @property
    def has_registration(self):
        return bool(self.registration_url or self.registration_contact)

    def registration_status(self, now):
        if not self.has_registration:
            return Status.UPCOMING
        deadline = self.application_deadline
        if deadline and now.astimezone(self.starts_at.tzinfo).date() > deadline:
            return Status.REGISTRATION_CLOSED
        return Status.REGISTRATION_OPEN

    @property
    def kind_display(self):
        if self.edition:
            return _("%(kind)s, edition %(number)s") % {
                "kind": self.get_kind_display(),
                "number": self.edition,
            }
        return self.get_kind_display()

    def organisers(self):
        return self.host_organisations

    def calendar_description(self):
        return self.lead

    @cached_property
    def host_organisations(self):
        hosts = self.hosts.all()
        if "hosts" not in getattr(self, "_prefetched_objects_cache", {}):
            hosts = hosts.select_related("organisation__locale")
        return localized([host.organisation for host in hosts])

    @cached_property
    def lecturer_people(self):
        """The programme's lecturers in order, in the reader's language.

        Fetched in one query with the people its modules name, and the modules are converted
        right away with them, so lecturers and modules cost one query between them.
        """
        links = self.lecturers.all()
        if not isinstance(links, QuerySet):  # a preview: the links live in memory only
            links = sorted(links, key=lambda link: link.sort_order or 0)
            return localize_organisations(localize_people([link.person for link in links]))
        link = links.filter(person_id=OuterRef("pk")).order_by("sort_order", "pk")[:1]
        rows = list(
            Person.objects.filter(
                Q(pk__in=referenced_people(self.modules, "lecturers"))
                | Q(pk__in=links.values("person_id"))
            )
            .select_related("locale", "organisation__locale")
            .annotate(
                link_id=Subquery(link.values("pk")),
                link_order=Subquery(link.values("sort_order")),
            )
        )
        people = dict(
            zip(
                (row.pk for row in rows),
                localize_organisations(localize_people(rows)),
                strict=True,
            )
        )
        with people_fetched(people):
            for _block in self.modules:
                pass
        lecturers = sorted(
            (row for row in rows if row.link_id is not None),
            key=lambda row: (row.link_order or 0, row.link_id),
        )
        return [people[row.pk] for row in lecturers]


def hosts_prefetch():
    """Host organisations of many programmes in one query, for listings."""
    hosts = TrainingProgramHost.objects.select_related("organisation__locale")
    return Prefetch("hosts", queryset=hosts)


class TrainingProgramHost(Orderable):
    page = ParentalKey(TrainingProgramPage, on_delete=models.CASCADE, related_name="hosts")
    organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]


class TrainingProgramLecturer(Orderable):
    page = ParentalKey(TrainingProgramPage, on_delete=models.CASCADE, related_name="lecturers")
    person = models.ForeignKey(
        "home.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]


class TrainingProgramRelatedNews(RelatedNews):
    page = ParentalKey(TrainingProgramPage, on_delete=models.CASCADE, related_name="related_news")
