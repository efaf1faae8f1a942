from django import template
from django.db.models import BooleanField, Case, Prefetch, Q, When
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale

from home.invalidation import note
from home.pages import public_pages
from news.localize import localize_regions
from news.models import LISTING_IMAGE, NewsIndexPage, NewsPage
from news.reader.reads import popular_articles

register = template.Library()


def latest_articles(count, locale_id):
    """Pinned articles first (while their pinning lasts), then the newest, of one language."""
    now = timezone.now()
    still_pinned = Q(pinned=True) & (Q(pinned_until__isnull=True) | Q(pinned_until__gt=now))
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=LISTING_IMAGE)
    articles = (
        public_pages(NewsPage.objects.live().filter(locale_id=locale_id, date__lte=now))
        .defer_streamfields()
        .annotate(
            pinned_now=Case(
                When(still_pinned, then=True), default=False, output_field=BooleanField()
            )
        )
        .select_related("featured_image")
        .prefetch_related("regions", Prefetch("featured_image__renditions", queryset=renditions))
        .order_by("-pinned_now", "-date", "-pk")[:count]
    )
    return localize_regions(articles, locale_id)


@register.inclusion_tag("news/tags/latest_news.html", takes_context=True)
def latest_news(context, count=3):
    page = context.get("page")
    locale_id = page.locale_id if page is not None else Locale.get_active().pk
    return {
        "request": context.get("request"),
        "articles": latest_articles(count, locale_id),
        "index": NewsIndexPage.objects.live().filter(locale_id=locale_id).first(),
    }


@register.inclusion_tag("news/tags/popular_news.html", takes_context=True)
def popular_news(context, count=5):
    """«Популярное»: the most read articles of the last 30 days in the page's language."""
    page = context.get("page")
    locale_id = page.locale_id if page is not None else Locale.get_active().pk
    note(context.get("request"), f"popular:{locale_id}")
    articles = public_pages(
        NewsPage.objects.live().filter(locale_id=locale_id, date__lte=timezone.now())
    ).defer_streamfields()
    return {"articles": popular_articles(articles, locale_id, count)}
