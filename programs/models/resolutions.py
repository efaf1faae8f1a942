"""Final documents (resolutions) adopted at meetings and programmes, and their register."""

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from home.i18n.translations import localized_pages, one_version_each
from home.members.documents import extension_of, read_pdf
from home.members.downloads import forbidden, serve_document
from home.members.roles import is_editorial, is_member
from home.pages import SitePageMixin, public_pages
from home.query import NumberField
from home.related import (
    TOPIC_SEARCH_FIELDS,
    TopicPageMixin,
    topic_panels,
    topic_synchronized_fields,
)

MAX_QUERY_LENGTH = 200


class ResolutionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    DISCUSSION = "discussion", _("under discussion")
    ADOPTED = "adopted", _("adopted")
    SUPERSEDED = "superseded", _("superseded")


class ResolutionFilterForm(forms.Form):
    """The register's filters; a value that does not parse is left out, as if not given."""

    year = NumberField(required=False, min_value=1, max_value=9999)
    status = forms.ChoiceField(required=False, choices=ResolutionStatus.choices)
    event = NumberField(required=False, min_value=1)
    q = forms.CharField(required=False)

    def filters(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


# The statuses whose current file members may download; everything else is staff only.
FINAL_STATUSES = (ResolutionStatus.ADOPTED, ResolutionStatus.SUPERSEDED)


class ClauseBlock(blocks.StructBlock):
    """One numbered clause of a final document; numbers follow the order of the clauses."""

    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "list-ol"
        label = _("Clause")
        template = "programs/blocks/clause.html"


class ResolutionIndexPage(SitePageMixin, Page):
    """The register of final documents: newest first, filtered by year, status and event."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["programs.ResolutionPage"]

    lead = models.TextField(_("lead"), blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("lead")]

    search_fields = Page.search_fields + [index.SearchField("lead")]

    override_translatable_fields = [TranslatableField("lead")]

    class Meta:
        verbose_name = _("register of final documents")
        verbose_name_plural = _("registers of final documents")

    def resolutions(self):
        """The register's live public documents, the newest first."""
        return (
            public_pages(ResolutionPage.objects.live())
            .child_of(self)
            .select_related("adopted_at")
            .order_by("-date", "-pk")
        )

    def filtered_resolutions(self, request):
        """`resolutions()` narrowed by the query string: year, status, event and words.

        Members and staff also find documents by words inside their files; others search
        the public description only, so member-only text never decides what they see.
        """
        resolutions = self.resolutions()
        filters = ResolutionFilterForm(request.GET).filters()
        if "year" in filters:
            resolutions = resolutions.filter(date__year=filters["year"])
        if "status" in filters:
            resolutions = resolutions.filter(status=filters["status"])
        if "event" in filters:
            resolutions = resolutions.filter(adopted_at_id=filters["event"])
        query = filters.get("q", "")[:MAX_QUERY_LENGTH]
        if query:
            found = {page.pk for page in ResolutionPage.objects.live().search(query)[:500]}
            readable = ResolutionPage.objects.filter(document__isnull=False)
            if is_editorial(request.user):
                found |= set(readable_matches(readable, query))
            elif is_member(request.user):
                final = readable.filter(status__in=FINAL_STATUSES)
                found |= set(readable_matches(final, query))
            resolutions = resolutions.filter(pk__in=found)
        return resolutions

    def filter_choices(self):
        resolutions = self.resolutions()
        years = resolutions.dates("date", "year", order="DESC")
        events = list(
            Page.objects.filter(
                pk__in=resolutions.filter(adopted_at__isnull=False).values("adopted_at")
            )
        )
        # The filter matches the synchronised reference; readers see their version's title.
        shown = localized_pages(events, self.locale_id)
        return {
            "years": [day.year for day in years],
            "statuses": ResolutionStatus.choices,
            "events": sorted(
                ((event.pk, version.title) for event, version in zip(events, shown, strict=True)),
                key=lambda choice: choice[1],
            ),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resolutions = self.filtered_resolutions(request)
        paginator = Paginator(resolutions, settings.LISTING_PAGE_SIZE)
        query_string = request.GET.copy()
        query_string.pop("page", None)
        listed = paginator.get_page(request.GET.get("page"))
        adopted = [resolution for resolution in listed if resolution.adopted_at_id]
        events = localized_pages([resolution.adopted_at for resolution in adopted], self.locale_id)
        for resolution, event in zip(adopted, events, strict=True):
            resolution.adopted_at = event  # for display only: listed pages are never saved
        context.update(
            resolutions=listed,
            filters=self.filter_choices(),
            selected=request.GET,
            query_string=query_string.urlencode(),
        )
        return context


def readable_matches(resolutions, query):
    """Ids of `resolutions` whose current file contains the words of `query`."""
    document_ids = list(resolutions.values_list("document", flat=True))
    documents = get_document_model().objects.filter(pk__in=document_ids).search(query)
    document_ids = [document.pk for document in documents[:500]]
    return resolutions.filter(document__in=document_ids).values_list("pk", flat=True)


class ResolutionPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "programs.ResolutionPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ResolutionPage(SitePageMixin, TopicPageMixin, RoutablePageMixin, Page):
    """A final document: the public see its summary; members download the adopted file."""

    parent_page_types = ["programs.ResolutionIndexPage"]
    subpage_types = []

    number = models.CharField(
        _("number"), max_length=20, blank=True, help_text=_("For example: 3/2024.")
    )
    date = models.DateField(
        _("date of adoption"),
        help_text=_("For a draft or a document under discussion: the date of the draft."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ResolutionStatus.choices,
        default=ResolutionStatus.DRAFT,
        help_text=_(
            "Members download the file only of an adopted or superseded document; "
            "drafts and documents under discussion stay with the staff."
        ),
    )
    adopted_at = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("adopted at"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The club meeting or training programme that adopted the document."),
    )
    adopted_at_text = models.CharField(
        _("adopted at (other event)"),
        max_length=255,
        blank=True,
        help_text=_("For other events, e.g. the general meeting of 12 March 2024."),
    )
    supersedes = models.ForeignKey(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="superseded_by",
        help_text=_("The earlier document this one replaces; set its status to superseded."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=1000,
        help_text=_("What the document is about, for everyone; the text itself is for members."),
    )
    clauses = StreamField(
        [("clause", ClauseBlock())],
        blank=True,
        verbose_name=_("text (numbered clauses)"),
        help_text=_("Shown to those who may download the file."),
    )
    tags = ClusterTaggableManager(through=ResolutionPageTag, blank=True, verbose_name=_("tags"))
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("PDF file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolutions",
        help_text=_(
            "The final text in PDF. To publish a corrected text, replace the file of this "
            "document in the documents library: the earlier file is kept as a version and "
            "the download link stays the same."
        ),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("date")]),
                FieldPanel("status"),
                PageChooserPanel(
                    "adopted_at", ["programs.ClubMeetingPage", "programs.TrainingProgramPage"]
                ),
                FieldPanel("adopted_at_text"),
                PageChooserPanel("supersedes", "programs.ResolutionPage"),
            ],
            heading=_("Adoption"),
        ),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("clauses"),
        *topic_panels(),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("number", boost=5),
        index.SearchField("summary"),
        index.SearchField("adopted_at_text"),
        *TOPIC_SEARCH_FIELDS,
        index.FilterField("status"),
        index.FilterField("date"),
    ]

    # The number, date, status, links and the PDF are the same document in every language.
    override_translatable_fields = [
        TranslatableField("adopted_at_text"),
        TranslatableField("summary"),
        TranslatableField("clauses"),
        SynchronizedField("number"),
        SynchronizedField("date"),
        SynchronizedField("status"),
        SynchronizedField("adopted_at"),
        SynchronizedField("supersedes"),
        SynchronizedField("document"),
        *topic_synchronized_fields(),
    ]

    class Meta:
        verbose_name = _("final document")
        verbose_name_plural = _("final documents")

    def clean(self):
        super().clean()
        if self.supersedes_id and self.supersedes_id == self.pk:
            raise ValidationError({"supersedes": _("A document cannot supersede itself.")})
        self.clean_adoption_date()
        if self.document_id:
            file = self.document.file
            if extension_of(file.name) != "pdf":
                raise ValidationError(
                    {"document": _("The file of a final document must be a PDF.")}
                )
            try:
                with file.open("rb"):
                    read_pdf(file)
            except (ValidationError, OSError) as error:
                raise ValidationError(
                    {"document": _("The file of a final document must be a readable PDF.")}
                ) from error

    def clean_adoption_date(self):
        """An adopted document carries the date of the event that adopted it."""
        if not (self.adopted_at_id and self.date and self.is_final):
            return
        event = self.adopted_at.specific
        first, last = getattr(event, "start_date", None), getattr(event, "last_day", None)
        if first and not first <= self.date <= last:
            raise ValidationError(
                {
                    "date": _(
                        "The date of adoption is outside the dates of the event that adopted "
                        "the document (%(dates)s)."
                    )
                    % {"dates": event.date_display}
                }
            )

    @property
    def meta_description(self):
        """The public summary, for search engines and link previews."""
        return self.summary

    @property
    def is_final(self):
        return self.status in FINAL_STATUSES

    @property
    def event_name(self):
        return self.adopted_at.title if self.adopted_at_id else self.adopted_at_text

    @property
    def download_url(self):
        return self.url + self.reverse_subpage("download")

    def superseding_document(self):
        """The newest live, public document that supersedes this one, in this page's language
        where it is translated. `supersedes` is synchronised: every version of the newer
        document points at the Russian version of this one, so any version of it counts."""
        newer = (
            public_pages(ResolutionPage.objects.live())
            .filter(supersedes__translation_key=self.translation_key)
            .order_by("-date", "-pk")
        )
        versions = one_version_each(newer, self.locale_id)
        return versions[0] if versions else None

    def source_version(self):
        """The version whose status decides who gets the shared file: the one in the site's
        default language. Status is synchronised, but a translation keeps the old one until
        an editor syncs it, and must not reopen a file the Russian version withdrew."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        source = ResolutionPage.objects.filter(
            translation_key=self.translation_key, locale=default
        ).first()
        return source or self

    @property
    def is_final_for_members(self):
        return self.source_version().is_final

    def can_read(self, user):
        """May `user` read the text and download the current file?"""
        return is_editorial(user) or (is_member(user) and self.is_final_for_members)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["can_read"] = self.can_read(request.user)
        context["is_editorial"] = is_editorial(request.user)
        if context["is_editorial"] and self.document_id:
            context["versions"] = self.document.versions.all()
        context["superseded_by"] = self.superseding_document()
        return context

    @path("download/")
    def download(self, request):
        """The stable download link: always the current file, checked on every request."""
        if not self.document_id:
            raise Http404
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not self.can_read(request.user):
            return forbidden(request)
        return serve_document(request, self.document, page=self)
