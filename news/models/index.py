"""The news section page: listing, filters and feeds."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from taggit.models import Tag

from home import converters  # noqa: F401 (registers <tag:…> for the tag feeds)
from home.caching import cached
from home.models import Region
from home.pages import OneQueryChildRouteMixin, SitePageMixin, public_pages
from news.calendar import month_calendar
from news.feeds import NewsAtomFeed, NewsRssFeed
from news.localize import localize_regions, localized
from news.models.articles import LISTING_IMAGE, NewsPage
from news.queries import NewsFilters


class NewsIndexPage(SitePageMixin, OneQueryChildRouteMixin, RoutablePageMixin, Page):
    """The news section of one language tree: lists its articles and serves their feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    lead = models.TextField(
        _("lead"),
        blank=True,
        max_length=500,
        help_text=_("A sentence or two above the list of news; also used in feeds."),
    )

    content_panels = Page.content_panels + [FieldPanel("lead")]

    override_translatable_fields = [TranslatableField("lead")]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def articles(self):
        """Published, public, already dated articles of this section, newest first."""
        return public_pages(
            NewsPage.objects.live().descendant_of(self).filter(date__lte=timezone.now())
        ).order_by("-date", "-pk")

    def listing(self, articles):
        """`articles` with what a listing shows, fetched in a fixed number of queries."""
        renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec=LISTING_IMAGE)
        )
        # A card shows neither the body nor the tags: neither is read nor built.
        return (
            articles.defer_streamfields()
            .select_related("featured_image")
            .prefetch_related(
                "regions", Prefetch("featured_image__renditions", queryset=renditions)
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = NewsFilters.from_query(request.GET, self.locale_id)
        articles = self.articles()
        paginator = Paginator(self.listing(filters.apply(articles)), settings.NEWS_PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        page.object_list = localize_regions(page.object_list, self.locale_id)
        facets = cached(request, f"news-facets:{self.pk}", lambda: self.facets(articles))
        # Without a month asked for, the calendar opens on the latest month with news rather
        # than on an empty current month.
        year, month = filters.year, filters.month
        if not (year and month) and facets["archive"]:
            year, month = facets["archive"][0].year, facets["archive"][0].month
        context.update(
            filters=filters,
            articles=page,
            archive_years=sorted({month.year for month in facets["archive"]}, reverse=True),
            calendar=month_calendar(articles, year, month, filters.day),
            **facets,
        )
        return context

    def facets(self, articles):
        """What the filters offer: months with news, the most used tags, regions.

        The same for every reader until something is published, so cached between requests.
        """
        return {
            "archive": list(articles.datetimes("date", "month", order="DESC")),
            "tag_cloud": list(
                Tag.objects.filter(news_newspagetag_items__content_object__in=articles)
                .annotate(count=Count("news_newspagetag_items"))
                .order_by("-count", "name")[:30]
            ),
            "regions": self._distinct_by_slug(
                localized(Region.objects.filter(news_pages__in=articles).distinct(), self.locale_id)
            ),
        }

    @staticmethod
    def _distinct_by_slug(regions):
        # A Russian region and its translation may both be linked: offer the slug once.
        shown = {}
        for region in regions:
            shown.setdefault(region.slug, region)
        return sorted(shown.values(), key=lambda region: region.name)

    def routed_children(self):
        return NewsPage.objects.select_related("featured_image")

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    def rss(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        return NewsAtomFeed(self)(request)

    @path("tag/<tag:tag>/rss/", name="tag_rss")
    def tag_rss(self, request, tag):
        return NewsRssFeed(self, tag=self._tag_or_404(tag))(request)

    @path("tag/<tag:tag>/atom/", name="tag_atom")
    def tag_atom(self, request, tag):
        return NewsAtomFeed(self, tag=self._tag_or_404(tag))(request)

    def _tag_or_404(self, slug):
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404("Unknown tag")
        return tag
