"""Professional clubs and their numbered meetings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from home.blocks import BodyBlock
from home.pages import OneQueryChildRouteMixin, SitePageMixin
from home.related import TOPIC_SEARCH_FIELDS, topic_panels, topic_synchronized_fields
from programs.blocks import DESCRIPTION_FEATURES, AgendaBlock, MaterialsBlock, agenda_days
from programs.models.events import EventPage, RelatedNews
from programs.people import localize_hosts, localized


class ClubPage(SitePageMixin, OneQueryChildRouteMixin, Page):
    """A professional club or a recurring series of meetings; lists its meetings."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["programs.ClubMeetingPage"]

    founded_year = models.PositiveSmallIntegerField(_("founded (year)"), null=True, blank=True)
    periodicity = models.CharField(
        _("periodicity"),
        max_length=120,
        blank=True,
        help_text=_("For example: once a year, in a different town; every two months."),
    )
    coordinator = models.ForeignKey(
        "home.Person",
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead = models.TextField(_("lead"), blank=True, max_length=500)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldRowPanel([FieldPanel("founded_year"), FieldPanel("periodicity")]),
        FieldPanel("coordinator"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]

    override_translatable_fields = [
        TranslatableField("periodicity"),
        TranslatableField("lead"),
        TranslatableField("body"),
        SynchronizedField("founded_year"),
        SynchronizedField("coordinator"),
    ]

    class Meta:
        verbose_name = _("club")
        verbose_name_plural = _("clubs")

    def routed_children(self):
        return ClubMeetingPage.objects.select_related("host_organisation__locale")

    def meetings(self):
        """The club's meetings, the newest first."""
        return (
            ClubMeetingPage.objects.visible()
            .child_of(self)
            .select_related("host_organisation__locale")
            .order_by("-start_date", "-number", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.meetings(), settings.LISTING_PAGE_SIZE)
        context["meetings"] = paginator.get_page(request.GET.get("page"))
        localize_hosts(context["meetings"])
        return context


class ClubMeetingPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "programs.ClubMeetingPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ClubMeetingPage(EventPage):
    """A numbered meeting of a club: theme, host library, agenda, outcomes and materials."""

    parent_page_types = ["programs.ClubPage"]
    subpage_types = []

    number = models.PositiveSmallIntegerField(_("meeting number"), null=True, blank=True)
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    host_organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisations_count = models.PositiveSmallIntegerField(
        _("organisations taking part"), null=True, blank=True
    )
    participants_note = models.CharField(
        _("who took part"),
        max_length=255,
        blank=True,
        help_text=_("For example: 33 library systems and 3 regional libraries."),
    )
    agenda = StreamField(AgendaBlock(), blank=True, verbose_name=_("agenda"), collapsed=True)
    outcomes = RichTextField(
        _("outcomes"), blank=True, features=DESCRIPTION_FEATURES + ["h3", "h4"]
    )
    materials = StreamField(MaterialsBlock(), blank=True, verbose_name=_("materials"))
    next_meeting_note = models.TextField(
        _("next meeting"),
        blank=True,
        help_text=_("Where and when the club meets next, if decided."),
    )
    tags = ClusterTaggableManager(through=ClubMeetingPageTag, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("theme")]),
        MultiFieldPanel(EventPage.when_panels, heading=_("Dates")),
        MultiFieldPanel(
            [*EventPage.where_panels, FieldPanel("host_organisation")],
            heading=_("Format and venue"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("participant_count"),
                        FieldPanel("organisations_count"),
                        FieldPanel("municipality_count"),
                    ]
                ),
                FieldPanel("participants_note"),
            ],
            heading=_("Participants"),
        ),
        FieldPanel("agenda"),
        FieldPanel("outcomes"),
        FieldPanel("materials"),
        FieldPanel("next_meeting_note"),
        EventPage.cancellation_panel,
        *topic_panels("related_news", _("Related news"), _("Add a related article")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("theme"),
        index.SearchField("agenda"),
        index.SearchField("outcomes"),
        *TOPIC_SEARCH_FIELDS,
        index.FilterField("start_date"),
    ]

    override_translatable_fields = EventPage.override_translatable_fields + [
        TranslatableField("theme"),
        TranslatableField("participants_note"),
        TranslatableField("agenda"),
        TranslatableField("outcomes"),
        TranslatableField("materials"),
        TranslatableField("next_meeting_note"),
        SynchronizedField("number"),
        SynchronizedField("host_organisation"),
        SynchronizedField("organisations_count"),
        *topic_synchronized_fields("related_news"),
    ]

    class Meta:
        verbose_name = _("club meeting")
        verbose_name_plural = _("club meetings")

    def clean(self):
        super().clean()
        days = [block.value["date"] for block in self.agenda if block.block_type == "day"]
        outside = [day for day in days if day and not self.start_date <= day <= self.last_day]
        if self.start_date and outside:
            raise ValidationError(
                {
                    # On the dates: a stream field shows only errors of its own blocks.
                    "start_date": _("A day of the agenda (%(day)s) is outside the meeting's dates.")
                    % {"day": outside[0].strftime("%d.%m.%Y")}
                }
            )

    def agenda_days(self):
        return agenda_days(self.agenda)

    @cached_property
    def host(self):
        """The host library in the reader's language."""
        return localized([self.host_organisation])[0] if self.host_organisation else None

    def organisers(self):
        return [self.host] if self.host else []

    def calendar_description(self):
        return self.theme

    @property
    def meta_description(self):
        """The theme, dates and place, for search engines and link previews."""
        parts = (self.theme, self.date_display, self.location_display)
        return ". ".join(str(part) for part in parts if part)


class ClubMeetingRelatedNews(RelatedNews):
    page = ParentalKey(ClubMeetingPage, on_delete=models.CASCADE, related_name="related_news")
