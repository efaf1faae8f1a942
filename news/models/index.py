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

from home.models import Region
from news.calendar import month_calendar
from news.models.articles import LISTING_IMAGE, NewsPage
from news.queries import NewsFilters, localize_regions, localized, public


class NewsIndexPage(RoutablePageMixin, Page):
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
        return public(
            NewsPage.objects.live().descendant_of(self).filter(date__lte=timezone.now())
        ).order_by("-date", "-pk")

    def listing(self, articles):
        """`articles` with what a listing shows, fetched in a fixed number of queries."""
        renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec=LISTING_IMAGE)
        )
        return articles.select_related("region", "featured_image").prefetch_related(
            "tags", Prefetch("featured_image__renditions", queryset=renditions)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = NewsFilters.from_query(request.GET, self.locale_id)
        articles = self.articles()
        paginator = Paginator(self.listing(filters.apply(articles)), settings.NEWS_PAGE_SIZE)
        archive = list(articles.datetimes("date", "month", order="DESC"))
        page = paginator.get_page(request.GET.get("page"))
        page.object_list = localize_regions(page.object_list, self.locale_id)
        context.update(
            filters=filters,
            articles=page,
            archive=archive,
            archive_years=sorted({month.year for month in archive}, reverse=True),
            calendar=month_calendar(articles, filters.year, filters.month, filters.day),
            tag_cloud=(
                Tag.objects.filter(news_newspagetag_items__content_object__in=articles)
                .annotate(count=Count("news_newspagetag_items"))
                .order_by("-count", "name")[:30]
            ),
            regions=localized(
                Region.objects.filter(news_pages__in=articles).distinct(), self.locale_id
            ),
        )
        return context

    def route(self, request, path_components):
        # An article in one query with what its page shows; Page.route would fetch the child
        # page, then its specific row.
        if self.live and path_components and not self._is_subpage_route(path_components):
            article = (
                NewsPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("featured_image", "region")
                .first()
            )
            if article is not None:
                article._cached_parent_obj = self
                return article.route(request, path_components[1:])
        return super().route(request, path_components)

    def _is_subpage_route(self, path_components):
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="rss")
    def rss(self, request):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom(self, request):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    @path("tag/<str:tag>/rss/", name="tag_rss")
    def tag_rss(self, request, tag):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self, tag=self._tag_or_404(tag))(request)

    @path("tag/<str:tag>/atom/", name="tag_atom")
    def tag_atom(self, request, tag):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self, tag=self._tag_or_404(tag))(request)

    def _tag_or_404(self, slug):
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404("Unknown tag")
        return tag
