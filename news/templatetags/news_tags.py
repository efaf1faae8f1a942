from django import template
from django.db.models import Prefetch
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Locale

from news.models import LISTING_IMAGE, NewsIndexPage, NewsPage, public

register = template.Library()


def latest_articles(count, locale=None):
    """Pinned articles first, then the newest, in the given (default: active) language."""
    locale = locale or Locale.get_active()
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=LISTING_IMAGE)
    return (
        public(NewsPage.objects.live().filter(locale=locale, date__lte=timezone.now()))
        .select_related("region", "featured_image")
        .prefetch_related(Prefetch("featured_image__renditions", queryset=renditions))
        .order_by("-pinned", "-date", "-pk")[:count]
    )


@register.inclusion_tag("news/tags/latest_news.html", takes_context=True)
def latest_news(context, count=3):
    locale = Locale.get_active()
    return {
        "request": context.get("request"),
        "articles": latest_articles(count, locale),
        "index": NewsIndexPage.objects.live().filter(locale=locale).first(),
    }
