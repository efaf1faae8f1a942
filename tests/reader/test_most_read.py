"""Most read news: beacon counts in the cache, no cookies, no database write per view."""

import datetime
import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from news.models import NewsPageReads
from news.reader.reads import counter_key
from tests.news.factories import news_index, news_page

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


@pytest.fixture
def index(home):
    return news_index(home)


def read(client, article, user_agent=BROWSER, address="192.0.2.1"):
    return client.post(
        f"/news-reads/{article.pk}/", HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address
    )


def counted(article):
    return cache.get(counter_key(article.pk, timezone.localdate()), 0)


def test_article_page_loads_the_counter_script_and_stays_cacheable(client, index):
    article = news_page(index, title="Семинар")
    response = client.get(article.url)
    html = response.content.decode()
    assert f'data-read-url="/news-reads/{article.pk}/"' in html
    assert '<script src="/static/news/js/reads.js" defer></script>' in html
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in html


def test_a_view_is_counted_in_the_cache_without_cookies_or_database_writes(client, index):
    article = news_page(index, title="Семинар")
    with CaptureQueriesContext(connection) as queries:
        response = read(client, article)
    assert response.status_code == 204
    assert not response.cookies
    assert "Set-Cookie" not in response.headers
    # Only reads: the ids of live public articles, then kept in the cache.
    assert {query["sql"].split()[0] for query in queries} <= {"SELECT"}
    with CaptureQueriesContext(connection) as queries:
        read(client, article, address="192.0.2.2")
    assert len(queries) == 0
    assert counted(article) == 2
    assert not NewsPageReads.objects.exists()


def test_repeat_views_and_bots_do_not_count(client, index):
    article = news_page(index, title="Семинар")
    read(client, article)
    read(client, article)  # the same reader again within half an hour
    read(client, article, user_agent="Mozilla/5.0 (compatible; YandexBot/3.0)")
    read(client, article, user_agent="Googlebot/2.1 (+http://www.google.com/bot.html)")
    read(client, article, user_agent="")
    assert counted(article) == 1
    read(client, article, address="192.0.2.2")  # another reader
    assert counted(article) == 2


def test_only_post_is_accepted(client, index):
    article = news_page(index, title="Семинар")
    assert client.get(f"/news-reads/{article.pk}/").status_code == 405


def test_aggregation_writes_daily_counts_and_is_idempotent(client, index):
    article = news_page(index, title="Семинар")
    for number in range(3):
        read(client, article, address=f"192.0.2.{number + 1}")
    call_command("aggregate_news_reads", stdout=io.StringIO())
    call_command("aggregate_news_reads", stdout=io.StringIO())
    row = NewsPageReads.objects.get()
    assert (row.page_id, row.day, row.count) == (article.pk, timezone.localdate(), 3)


def test_popular_block_lists_the_most_read_of_the_last_30_days(client, index):
    first = news_page(index, title="Самая читаемая")
    second = news_page(index, title="Вторая по чтению")
    old = news_page(index, title="Читали давно")
    today = timezone.localdate()
    NewsPageReads.objects.create(page=first, day=today, count=40)
    NewsPageReads.objects.create(page=second, day=today - datetime.timedelta(days=3), count=12)
    NewsPageReads.objects.create(page=old, day=today - datetime.timedelta(days=45), count=500)
    html = client.get(index.url).content.decode()
    block = html[html.index('<section class="news-popular"') :]
    block = block[: block.index("</section>")]
    assert "Популярное" in block
    assert block.index("Самая читаемая") < block.index("Вторая по чтению")
    assert "Читали давно" not in block


def test_an_unpublished_article_leaves_the_popular_block_at_once(client, index):
    kept = news_page(index, title="Осталась в списке")
    withdrawn = news_page(index, title="Снята с публикации")
    today = timezone.localdate()
    NewsPageReads.objects.create(page=kept, day=today, count=5)
    NewsPageReads.objects.create(page=withdrawn, day=today, count=50)
    assert "Снята с публикации" in client.get(index.url).content.decode()

    withdrawn.unpublish()
    html = client.get(index.url).content.decode()
    block = html[html.index('<section class="news-popular"') :]
    assert "Осталась в списке" in block
    assert "Снята с публикации" not in html
