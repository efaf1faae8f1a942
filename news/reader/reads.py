"""Most read news without cookies and without a database write per view.

An article page loads news/js/reads.js, which sends a beacon to `read_beacon`. The beacon is
not language-prefixed, so the page cache never holds it, and pages stay cacheable because
they only carry a static script. A view is counted in a per-day cache counter unless the
User-Agent looks like a bot or the same address and browser read the article a short while
ago (a hash of IP and User-Agent kept in the cache, no cookie). `aggregate_news_reads` copies
the counters into NewsPageReads; the «Популярное» block reads from there.
"""

import contextlib
import datetime
import hashlib
import re

from django.core.cache import cache
from django.db.models import Sum
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home.caching import cached
from home.feedback.views import same_origin
from home.ratelimit import client_key
from news.models.articles import NewsPage
from news.reader.models import NewsPageReads

BOTS = re.compile(
    r"bot|crawl|spider|slurp|yandex|bingpreview|facebookexternalhit|curl|wget|python|"
    r"httpclient|headless|lighthouse|preview|monitor|scan",
    re.IGNORECASE,
)
REPEAT_SECONDS = 30 * 60  # the same reader's views of an article within this count once
COUNTER_SECONDS = 3 * 24 * 60 * 60  # counters outlive the aggregation that copies them
POPULAR_DAYS = 30
POPULAR_CACHE_SECONDS = 10 * 60


def counter_key(page_id, day):
    return f"newsreads:{day.isoformat()}:{page_id}"


@csrf_exempt
@never_cache
@require_POST
def read_beacon(request, page_id):
    """Count a view of a live public article, sent by a page of this site and not a bot."""
    if not same_origin(request):
        return HttpResponse(status=403)
    user_agent = request.headers.get("User-Agent", "")
    if user_agent and not BOTS.search(user_agent) and is_article(request, page_id):
        reader = hashlib.sha256(f"{client_key(request)}|{user_agent}".encode()).hexdigest()[:32]
        if cache.add(f"newsreads:seen:{page_id}:{reader}", 1, timeout=REPEAT_SECONDS):
            key = counter_key(page_id, timezone.localdate())
            cache.add(key, 0, timeout=COUNTER_SECONDS)
            with contextlib.suppress(ValueError):  # expired in between: one view is lost
                cache.incr(key)
    return HttpResponse(status=204)


def is_article(request, page_id):
    """Only ids of live public articles get counters; other ids leave no key in the cache.

    The ids are kept under the content version, which any publish changes.
    """
    articles = cached(
        request,
        "news-article-ids",
        lambda: list(NewsPage.objects.live().public().values_list("pk", flat=True)),
    )
    return page_id in articles


def aggregate(days=2):
    """Copy the counters of the last `days` days into NewsPageReads; safe to run any time."""
    today = timezone.localdate()
    page_ids = list(NewsPage.objects.values_list("pk", flat=True))
    written = 0
    for offset in range(days):
        day = today - datetime.timedelta(days=offset)
        keys = {counter_key(page_id, day): page_id for page_id in page_ids}
        for key, count in cache.get_many(list(keys)).items():
            if count:
                NewsPageReads.objects.update_or_create(
                    page_id=keys[key], day=day, defaults={"count": count}
                )
                written += 1
    return written


def popular_articles(articles, locale_id, count=5):
    """The most read of `articles` in the last 30 days.

    Only the ranking is cached for a few minutes; the articles themselves are read from
    `articles` every time, so one that is unpublished or made private leaves the block at
    once instead of lingering in the pages rendered meanwhile.
    """
    key = f"newsreads:popular:{locale_id}:{count}"
    ranking = cache.get(key)
    if ranking is None:
        since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
        # A few spare places fill in for articles withdrawn before the ranking expires.
        ranking = list(
            articles.filter(daily_reads__day__gte=since)
            .annotate(reads=Sum("daily_reads__count"))
            .order_by("-reads", "-date")
            .values_list("pk", flat=True)[: count * 2]
        )
        cache.set(key, ranking, POPULAR_CACHE_SECONDS)
    found = articles.in_bulk(ranking)
    return [found[pk] for pk in ranking if pk in found][:count]
