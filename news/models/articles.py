"""News articles: dates, image, text, byline, where and who; the editing form's defaults."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.db.models import Q
from django.http import Http404
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField

from home.models import AgeRating, AssociationSettings, Region
from home.pages import SitePageMixin
from home.panels import AddInlinePanel
from home.related import (
    TOPIC_SEARCH_FIELDS,
    TopicPageMixin,
    topic_panels,
    topic_synchronized_fields,
)
from news.blocks import NewsBodyBlock
from news.localize import localized
from news.models.links import NewsPageTag
from news.people import linked_people, shown_people
from news.structured_data import article_json_ld

# Rendition specs used by the news templates; generated when an article is published so that
# anonymous visitors never wait for an image to be resized.
LISTING_IMAGE = "fill-480x270"
ARTICLE_IMAGE = "fill-960x540"
SHARE_IMAGE = "fill-1200x630"
GALLERY_IMAGES = ("fill-480x320", "width-1600")
FEATURED_IMAGE_SPECS = (LISTING_IMAGE, ARTICLE_IMAGE, SHARE_IMAGE)


class NewsPageForm(WagtailAdminPageForm):
    """Preselects the site's default age rating on new articles."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if self.instance._state.adding and not self.instance.age_rating and parent_page:
            site = parent_page.get_site()
            if site is not None:
                self.initial["age_rating"] = AssociationSettings.for_site(site).default_age_rating
        if "age_rating" in self.fields:
            # Django's «---------» for the empty choice says nothing: empty means the site's mark.
            self.fields["age_rating"].choices = [
                ("", _("The site's default mark")),
                *AgeRating.choices,
            ]
        if "regions" in self.fields:
            # Regions are translatable snippets, and an article links the default language's
            # rows in every language (the field is synchronised; pages show them translated).
            default = Locale.get_default()
            self.fields["regions"].queryset = Region.objects.filter(locale=default)
            if self.instance.pk and not self.is_bound:
                linked = localized(list(self.instance.regions.all()), default.pk)
                self.initial["regions"] = [region.pk for region in linked]
        if self.instance._state.adding and not self.is_bound and not self.instance.body:
            # A new article opens with an empty paragraph to type into.
            body_block = self.instance._meta.get_field("body").stream_block
            self.initial["body"] = StreamValue(body_block, [("paragraph", RichText(""))])


class NewsPage(SitePageMixin, TopicPageMixin, Page):
    """A news article: association events, reports from member libraries, reprints."""

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    linked_pages_relation, linked_page_field = "related_pages", "target"

    date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_(
            "Date and time shown on the article and used for ordering. Leave empty to use the "
            "moment of first publication. Articles dated in the future stay hidden until then."
        ),
    )
    event_start = models.DateField(
        _("event starts"),
        null=True,
        blank=True,
        help_text=_(
            "For news of an event: its first day, e.g. 19 June for «19–20 июня». "
            "Leave empty when the article reports no event."
        ),
    )
    event_end = models.DateField(
        _("event ends"),
        null=True,
        blank=True,
        help_text=_(
            "The last day of a multi-day event; alone it reads «until», "
            "e.g. «продолжится до 13 сентября»."
        ),
    )
    lead = models.TextField(
        _("lead"),
        max_length=400,
        help_text=_(
            "Two or three sentences of plain text: shown in listings, feeds and search engines."
        ),
    )
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown above the article, in listings and when the link is shared."),
    )
    featured_image_alt = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the picture shows, for readers who cannot see it; "
            "the image description is used if empty."
        ),
    )
    featured_image_credit = models.CharField(
        _("photo credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source of the picture, e.g. «Фото: Н. Н. Ткаченко»."),
    )
    body = StreamField(
        NewsBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("The text of the article, with images, quotes, documents and galleries."),
    )
    byline = models.CharField(
        _("byline"),
        max_length=255,
        blank=True,
        help_text=_(
            "Free-text signature, e.g. «Пресс-служба ассоциации», shown after the authors."
        ),
    )
    source_name = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("For reprints: the name of the original publication or website."),
    )
    source_url = models.URLField(
        _("source address"),
        blank=True,
        help_text=_("For reprints: the address of the original article, if it is online."),
    )
    regions = ParentalManyToManyField(
        Region,
        verbose_name=_("regions"),
        blank=True,
        related_name="news_pages",
        help_text=_("The regions the news is about; readers can filter the news by each."),
    )
    municipality = models.CharField(
        _("municipality"),
        max_length=160,
        blank=True,
        help_text=_("Town, village or municipal district, e.g. «Кимрский муниципальный округ»."),
    )
    age_rating = models.CharField(
        _("age rating"),
        max_length=3,
        blank=True,
        choices=AgeRating.choices,
        help_text=_("Age mark of the article; the site's default mark is used if empty."),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Topics of the article; readers can list all news with the same tag."),
    )
    pinned = models.BooleanField(
        _("pinned on the home page"),
        default=False,
        help_text=_("Pinned articles are shown first in the home page's news block."),
    )
    pinned_until = models.DateTimeField(
        _("pinned until"),
        null=True,
        blank=True,
        help_text=_(
            "After this moment (a registration deadline, say) the article takes its place by "
            "date again. Empty: pinned until unpinned by hand."
        ),
    )

    base_form_class = NewsPageForm

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        MultiFieldPanel(
            [FieldPanel("event_start"), FieldPanel("event_end")],
            heading=_("Event dates"),
        ),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldPanel("featured_image"),
                FieldPanel("featured_image_alt"),
                FieldPanel("featured_image_credit"),
            ],
            heading=_("Featured image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                AddInlinePanel("authors", label=_("Author"), add_label=_("Add an author")),
                FieldPanel("byline"),
            ],
            heading=_("Byline"),
        ),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url")],
            heading=_("Reprint source"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("municipality"),
                AddInlinePanel(
                    "organisations",
                    label=_("Organisation"),
                    add_label=_("Add an organisation"),
                ),
                AddInlinePanel(
                    "mentioned_people",
                    label=_("Person mentioned"),
                    add_label=_("Add a person mentioned"),
                ),
            ],
            heading=_("Where and who"),
        ),
        *topic_panels("related_pages", _("Related page"), _("Add a related page")),
        FieldPanel("age_rating"),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel([FieldPanel("pinned"), FieldPanel("pinned_until")], heading=_("Pinning"))
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("byline"),
        *TOPIC_SEARCH_FIELDS,
        index.FilterField("date"),
        index.FilterField("pinned"),
    ]

    # Texts translate; dates, images, links, people, organisations, tags and flags are
    # shared by every language version (see the README's "Languages").
    override_translatable_fields = [
        TranslatableField("lead"),
        TranslatableField("featured_image_alt"),
        TranslatableField("body"),
        TranslatableField("byline"),
        TranslatableField("source_name"),
        TranslatableField("municipality"),
        TranslatableField("featured_image_credit"),
        SynchronizedField("date"),
        SynchronizedField("event_start"),
        SynchronizedField("event_end"),
        SynchronizedField("regions"),
        SynchronizedField("featured_image"),
        SynchronizedField("source_url"),
        SynchronizedField("age_rating"),
        SynchronizedField("pinned"),
        SynchronizedField("pinned_until"),
        SynchronizedField("authors"),
        SynchronizedField("mentioned_people"),
        SynchronizedField("organisations"),
        *topic_synchronized_fields("related_pages"),
    ]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        if self.event_start and self.event_end and self.event_end < self.event_start:
            raise ValidationError({"event_end": _("The event cannot end before it starts.")})

    def save(self, *args, **kwargs):
        if self.date is None and self.first_published_at is not None:
            self.date = self.first_published_at
        return super().save(*args, **kwargs)

    @property
    def is_future(self):
        return self.date is None or self.date > timezone.now()

    @property
    def image_alt(self):
        return self.featured_image_alt or getattr(self.featured_image, "default_alt_text", "")

    @property
    def event_dates(self):
        """The event's days in the reader's language: «19–20 июня 2025», «до 13 сентября 2025»."""
        start, end = self.event_start, self.event_end
        if start is None and end is None:
            return ""
        if start is None:
            return _("until %(date)s") % {"date": formats.date_format(end, "j E Y")}
        if end is None or end == start:
            return formats.date_format(start, "j E Y")
        if (start.year, start.month) == (end.year, end.month):
            first = formats.date_format(start, "j")
        elif start.year == end.year:
            first = formats.date_format(start, "j E")
        else:
            first = formats.date_format(start, "j E Y")
        # An en dash between days, spaced when either side has more than a number.
        dash = "–" if first.isdigit() else " – "
        return f"{first}{dash}{formats.date_format(end, 'j E Y')}"

    @cached_property
    def _people(self):
        return linked_people(self)

    @cached_property
    def _shown(self):
        return shown_people(self, self._people)

    @property
    def mentioned_list(self):
        """(person, "position, organisation") of the people mentioned, in this article's
        language, in the editor's order."""
        return self._shown["mentioned"]

    def region_list(self):
        return localized(list(self.regions.all()), self.locale_id)

    @cached_property
    def author_list(self):
        """Authors (Person snippets) with their organisations, in the editor's order."""
        return self._people["authors"]

    @property
    def author_credentials(self):
        """(person, "position, organisation") pairs in the language of this article."""
        return self._shown["authors"]

    def organisation_list(self):
        return self._shown["organisations"]

    summary_fields = ("date",)

    def dropped_on_change(self, before, seen_elsewhere):
        """Its neighbours' previous/next links around its old and new date, and the most
        read block of its language, when what they show of it changed."""
        tags = super().dropped_on_change(before, seen_elsewhere)
        if not seen_elsewhere or self.path is None:
            return tags
        tags.add(f"popular:{self.locale_id}")
        dates = {date for date in (self.date, before and before["date"]) if date is not None}
        siblings = NewsPage.objects.live().sibling_of(self, inclusive=False)
        for date in dates:
            for found in (
                siblings.filter(date__lte=date).order_by("-date", "-pk")[:2],
                siblings.filter(date__gte=date).order_by("date", "pk")[:2],
            ):
                tags.update(f"node:{path}" for path in found.values_list("path", flat=True))
        return tags

    def neighbours(self):
        """The previous (older) and next (newer) public articles of the same section."""
        # The article itself is being shown, so its ancestors are readable: a sibling is
        # private only through a restriction of its own.
        siblings = (
            NewsPage.objects.live()
            .sibling_of(self)
            .filter(date__lte=timezone.now(), view_restrictions__isnull=True)
        )
        older = Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk)
        newer = Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)
        previous = siblings.filter(older).order_by("-date", "-pk")[:1]
        following = siblings.filter(newer).order_by("date", "pk")[:1]
        if not connection.features.supports_slicing_ordering_in_compound:  # SQLite
            return previous.first(), following.first()
        # Both in one query: (… LIMIT 1) UNION ALL (… LIMIT 1).
        found = list(previous.union(following, all=True))
        position = (self.date, self.pk)
        return (
            next((article for article in found if (article.date, article.pk) < position), None),
            next((article for article in found if (article.date, article.pk) > position), None),
        )

    def images(self):
        """Renditions of the featured image for the article and for sharing, or None."""
        if self.featured_image_id is None:
            return None
        return self.featured_image.get_renditions(ARTICLE_IMAGE, SHARE_IMAGE)

    def generate_renditions(self):
        """Create every rendition the news templates use for this article's images."""
        if self.featured_image_id:
            self.featured_image.get_renditions(*FEATURED_IMAGE_SPECS)
        for block in self.body:
            if block.block_type == "gallery":
                for item in block.value["images"]:
                    item["image"].get_renditions(*GALLERY_IMAGES)

    def serve(self, request, *args, **kwargs):
        if self.is_future and not getattr(request, "is_preview", False):
            raise Http404("Not published yet")
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        images = self.images() or {}
        tags = list(self.tags.all())
        regions = self.region_list()
        context.update(
            regions=regions,
            index=self.get_parent().specific,
            article_image=images.get(ARTICLE_IMAGE),
            share_image=images.get(SHARE_IMAGE),
            tags=tags,
            structured_data=article_json_ld(self, request, tags, images.get(SHARE_IMAGE), regions),
            related_links=self.linked_pages(),
            previous_article=None,
            next_article=None,
        )
        if self.date is not None and self.pk is not None:
            context["previous_article"], context["next_article"] = self.neighbours()
        return context

    def get_sitemap_urls(self, request=None):
        if self.is_future:
            return []
        return super().get_sitemap_urls(request)
