"""A Redis or a PostgreSQL that stops answering costs a bounded wait, never a hung request.

Each fault is staged with a proxy started here (tests.production.faults) in front of the
machine's real server, switched to swallow everything once the path through it is shown to
work. The bounds are generous for a loaded 2-core CI machine; bench/faults_bench.py measures
the real figures under gunicorn.
"""

import time

from django.db import OperationalError, close_old_connections, connections
from django.test import Client, override_settings

import pytest

from tests import shared_redis
from tests.production.faults import HangingProxy
from tests.shared_redis import needs_redis


def timed(function, *args, **kwargs):
    started = time.monotonic()
    result = function(*args, **kwargs)
    return result, time.monotonic() - started


@pytest.fixture
def redis_proxy():
    with HangingProxy(shared_redis.port()) as proxy:
        # Keys of this test only: the database is shared with other test runs.
        caches = shared_redis.cache_settings(
            shared_redis.prefix("bounded-waits"), shared_redis.through(proxy.port), timeout=0.1
        )
        with override_settings(CACHES=caches, PAGE_CACHE_ENABLED=True, CACHE_RETRY_SECONDS=1):
            yield proxy


@needs_redis
@pytest.mark.django_db
def test_pages_answer_quickly_while_redis_hangs(redis_proxy, about):
    client = Client()
    assert client.get(about.url)["X-Page-Cache"] == "miss"
    assert client.get(about.url)["X-Page-Cache"] == "hit"

    redis_proxy.hang()
    timings = []
    for _ in range(5):
        response, seconds = timed(client.get, about.url)
        assert response.status_code == 200
        assert "Об ассоциации" in response.content.decode()
        timings.append(seconds)
    # One socket timeout, then the cache is skipped: no request waits on every cache call.
    assert max(timings) < 2
    assert sum(timings) < 3


@needs_redis
@pytest.mark.django_db
def test_a_page_published_while_redis_hung_is_not_hidden_by_its_cached_copy(redis_proxy, about):
    client = Client()
    client.get(about.url)
    assert client.get(about.url)["X-Page-Cache"] == "hit"

    redis_proxy.hang()
    about.title = "Об ассоциации библиотек"
    about.save_revision().publish()
    assert "Об ассоциации библиотек" in client.get(about.url).content.decode()

    redis_proxy.resume()
    time.sleep(1.2)  # CACHE_RETRY_SECONDS
    # The copy cached before the publish is still in Redis, under the old content version.
    response = client.get(about.url)
    assert "Об ассоциации библиотек" in response.content.decode()
    assert client.get(about.url)["X-Page-Cache"] == "hit"


@needs_redis
@pytest.mark.django_db
def test_readyz_stays_ready_and_reports_a_hung_redis(redis_proxy):
    client = Client()
    assert client.get("/readyz").json() == {"status": "ok", "database": "ok", "cache": "ok"}

    redis_proxy.hang()
    response, seconds = timed(client.get, "/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "error",
        "reasons": ["cache unreachable"],
    }
    assert seconds < 2


@pytest.fixture
def postgres_proxy():
    """The default connection through a proxy to the test database, with short deadlines."""
    connection = connections["default"]
    original = dict(connection.settings_dict)
    original_options = dict(original["OPTIONS"])
    with HangingProxy(int(original["PORT"] or 5432)) as proxy:
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(proxy.port))
        connection.settings_dict["OPTIONS"].update(connect_timeout=2, answer_timeout=3)
        try:
            yield proxy
        finally:
            connection.close()
            connection.settings_dict.update(original)
            connection.settings_dict["OPTIONS"] = original_options


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Сайт временно недоступен" in response.content.decode()


def through_proxy(test):
    """Committed rows and no test transaction: the connection is re-opened through the
    proxy, on a fresh copy of the migrated database (tests.conftest.fresh_database)."""
    return pytest.mark.usefixtures("fresh_database")(pytest.mark.django_db(transaction=True)(test))


def serve(client, path):
    """A request as a server handles it: Django's test client skips the connection checks."""
    close_old_connections()
    try:
        return timed(client.get, path)
    finally:
        close_old_connections()


@pytest.mark.postgres
@through_proxy
def test_a_hung_database_answers_the_503_page_quickly(postgres_proxy):
    client = Client(raise_request_exception=False)
    assert serve(client, "/readyz")[0].status_code == 200
    assert serve(client, "/ru/")[0].status_code == 200

    postgres_proxy.hang()
    # The kept connection fails its health check (2 s), then a new one its connect (2 s).
    response, seconds = serve(client, "/ru/")
    assert_unavailable_page(response)
    assert seconds < 8
    # No connection is left: the next request waits for connect_timeout alone.
    response, seconds = serve(client, "/ru/")
    assert_unavailable_page(response)
    assert seconds < 5
    response, seconds = serve(client, "/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"

    postgres_proxy.resume()
    assert serve(client, "/ru/")[0].status_code == 200


@pytest.mark.postgres
@through_proxy
def test_a_query_in_flight_when_the_database_hangs_fails_after_the_answer_timeout(
    postgres_proxy,
):
    connection = connections["default"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    postgres_proxy.hang()
    started = time.monotonic()
    with pytest.raises(OperationalError, match="no answer within 3"), connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert time.monotonic() - started < 6
    # The half-used connection is closed, not handed to the next request.
    assert not connection.is_usable()


@pytest.mark.postgres
def test_statements_are_limited_on_the_server(settings, django_db_blocker):
    with django_db_blocker.unblock(), connections["default"].cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "30s"
    assert settings.DATABASES["default"]["OPTIONS"]["answer_timeout"] == 35
    assert settings.EMAIL_TIMEOUT == 10


def test_a_mail_server_that_never_answers_fails_the_send_within_the_timeout(settings):
    from django.core.mail import send_mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_TIMEOUT = 1
    with HangingProxy(9) as proxy:
        proxy.hang()
        settings.EMAIL_PORT = proxy.port
        started = time.monotonic()
        with pytest.raises(OSError):
            send_mail("Тема", "Текст", "noreply@example.org", ["reader@example.org"])
    assert time.monotonic() - started < 4
