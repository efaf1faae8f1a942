"""Most read news against the real Redis the production settings use: the beacon counts in
Redis, the scheduler's command copies the counters into the database, and the page cache in
the same Redis keeps serving the articles."""

import io

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest
import redis

from news.models import NewsPageReads
from news.reader.reads import counter_key
from tests import shared_redis
from tests.news.factories import news_index, news_page

pytestmark = pytest.mark.django_db

# The database REDIS_URL names and a key prefix of each test's own within it, so that two
# runs of the suite at once (CI beside a developer's) cannot empty each other's counters.
REDIS_URL = shared_redis.REDIS_URL
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
BOT = "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)"


@pytest.fixture
def redis_server():
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        server.ping()
    except redis.RedisError as error:
        pytest.skip(f"needs Redis at {REDIS_URL} (the production cache), unreachable: {error}")
    prefix = shared_redis.prefix("reader")
    yield server, prefix
    shared_redis.delete_keys(prefix)
    server.close()


@pytest.fixture
def redis_cache(redis_server, settings):
    """The production cache configuration (association.settings.base with REDIS_URL set);
    returns a raw client and a function giving the Redis name of a cache key."""
    server, prefix = redis_server
    settings.CACHES = {
        "default": {
            "BACKEND": "association.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    return server, lambda key: f"{prefix}:1:{key}"


def read(article, user_agent=BROWSER, address="192.0.2.1"):
    """The beacon of reads.js, sent by a reader with no cookies, as a fresh app instance sees it."""
    return Client().post(
        f"/news-reads/{article.pk}/", HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address
    )


def test_views_are_counted_in_redis_and_aggregated_into_the_database(redis_cache, home):
    server, redis_key = redis_cache
    index = news_index(home)
    article = news_page(index, title="Семинар методистов")
    other = news_page(index, title="Школа руководителей")

    first = Client().get(article.url, HTTP_USER_AGENT=BROWSER)
    again = Client().get(article.url, HTTP_USER_AGENT=BROWSER)
    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    assert f'data-read-url="/news-reads/{article.pk}/"' in again.content.decode()
    assert not first.cookies and not again.cookies

    responses = [
        read(article),
        read(article),  # the same reader again within half an hour
        read(article, user_agent=BOT),
        read(article, user_agent=""),
        read(article, address="192.0.2.2"),
        read(article, address="192.0.2.3"),
        read(other),
    ]
    assert {response.status_code for response in responses} == {204}
    assert not any(response.cookies for response in responses)
    assert all("no-store" in response["Cache-Control"] for response in responses)

    # The counters are Redis integers (INCR), not pickles in one process's memory.
    today = timezone.localdate()
    assert int(server.get(redis_key(counter_key(article.pk, today)))) == 3
    assert int(server.get(redis_key(counter_key(other.pk, today)))) == 1
    assert not NewsPageReads.objects.exists()

    output = io.StringIO()
    call_command("aggregate_news_reads", stdout=output)
    call_command("aggregate_news_reads", stdout=output)  # the scheduler's next run
    counts = dict(NewsPageReads.objects.filter(day=today).values_list("page_id", "count"))
    assert counts == {article.pk: 3, other.pk: 1}
    assert "Daily read counts written: 2" in output.getvalue()

    read(article, address="192.0.2.4")
    call_command("aggregate_news_reads", stdout=output)
    assert NewsPageReads.objects.get(page=article, day=today).count == 4

    # Ten minutes on, the ranking the article pages cached (empty then) has expired.
    server.delete(*server.keys(redis_key("newsreads:popular:*")))
    html = Client().get(index.url).content.decode()
    block = html[html.index('<section class="news-popular"') :]
    assert block.index("Семинар методистов") < block.index("Школа руководителей")


def test_aggregation_warns_when_the_cache_is_local_to_one_process(settings):
    """Without REDIS_URL each process counts in its own memory, so the command, another
    process, cannot see what the web server counted: it says so instead of writing nothing."""
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
    errors = io.StringIO()
    call_command("aggregate_news_reads", stdout=io.StringIO(), stderr=errors)
    assert "REDIS_URL" in errors.getvalue()
