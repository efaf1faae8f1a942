import json
import logging
import time
from unittest import mock

from django.core.cache import cache
from django.db import OperationalError, connections
from django.test import Client, override_settings

import pytest

from association.log import JsonFormatter
from tests import shared_redis
from tests.shared_redis import needs_redis

CLOSED_PORT = 6390
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "association.cache.ResilientRedisCache",
        "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
        "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
    }
}


def test_healthz_answers_without_the_database_and_for_any_host():
    client = Client(HTTP_HOST="10.0.0.5:8000")
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_checks_database_and_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_fails_with_the_database_down(client):
    with mock.patch.object(
        connections["default"], "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "error", "cache": "ok"}


@pytest.mark.django_db
@override_settings(CACHES=UNREACHABLE_REDIS)
def test_readyz_stays_ready_with_redis_refused_and_reports_it(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "error",
        "reasons": ["cache unreachable"],
    }


# A Redis of its own: another test's outage of the same server skips the cache silently for
# CACHE_RETRY_SECONDS, which is the behaviour under test elsewhere, not here.
@override_settings(
    CACHES={
        "default": {
            **UNREACHABLE_REDIS["default"],
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/1",
        }
    }
)
def test_cache_errors_are_logged_not_raised(caplog):
    with caplog.at_level(logging.WARNING, logger="association.cache"):
        cache.set("key", "value")
        assert cache.get("key", "fallback") == "fallback"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.add("key", "value") is False
        cache.delete("key")
    assert "Cache unavailable: set failed" in caplog.text


@pytest.mark.django_db
@override_settings(CACHES=UNREACHABLE_REDIS, PAGE_CACHE_ENABLED=True)
def test_site_keeps_serving_with_redis_down(client, about):
    for _ in range(2):
        response = client.get(about.url)
        assert response.status_code == 200
        assert "Об ассоциации" in response.content.decode()


@needs_redis
@pytest.mark.django_db
@override_settings(
    CACHES=shared_redis.cache_settings(shared_redis.prefix("shared")),
    PAGE_CACHE_ENABLED=True,
    SESSION_ENGINE="association.sessions",
)
def test_pages_and_sessions_are_shared_through_redis(about, member, django_assert_num_queries):
    cache.clear()
    try:
        assert cache.ping()
        Client().get(about.url)
        # Another app instance: a fresh client, the same Redis.
        with django_assert_num_queries(0):
            assert Client().get(about.url)["X-Page-Cache"] == "hit"
        signed_in = Client()
        signed_in.force_login(member)
        assert signed_in.get("/admin/login/").status_code in (200, 302)
    finally:
        cache.clear()


def test_database_outage_answers_503_with_the_static_page_quickly(django_db_blocker):
    client = Client(raise_request_exception=False)
    connection = connections["default"]
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            original = dict(connection.settings_dict)
            connection.close()
            connection.settings_dict.update(HOST="127.0.0.1", PORT=str(CLOSED_PORT + 9))
            try:
                start = time.monotonic()
                response = client.get("/ru/")
                elapsed = time.monotonic() - start
            finally:
                connection.close()
                connection.settings_dict.update(original)
        else:
            with mock.patch.object(
                type(connection), "ensure_connection", side_effect=OperationalError("gone")
            ):
                start = time.monotonic()
                response = client.get("/ru/")
                elapsed = time.monotonic() - start
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Сайт временно недоступен" in response.content.decode()
    assert elapsed < 10


@pytest.mark.postgres
def test_postgres_connections_time_out(settings):
    database = settings.DATABASES["default"]
    assert database["ENGINE"] == "association.database"
    assert database["OPTIONS"]["connect_timeout"] == 5
    assert database["OPTIONS"]["keepalives"] == 1


def test_json_log_lines_carry_extra_fields_and_exceptions():
    formatter = JsonFormatter()
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("association").makeRecord(
            "association", logging.ERROR, __file__, 1, "Failed for %s", ("Тверь",), None
        )
        record.exc_info = __import__("sys").exc_info()
    record.status_code = 500
    record.page_id = 42
    entry = json.loads(formatter.format(record))
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "association"
    assert entry["message"] == "Failed for Тверь"
    assert entry["status"] == 500
    assert entry["page_id"] == 42
    assert "ValueError: boom" in entry["exception"]
    assert entry["time"].endswith("+00:00")


def test_django_log_lines_are_printed_once_under_debug(settings, capsys):
    from django.utils.log import configure_logging

    settings.DEBUG = True
    try:
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
        logging.getLogger("django.request").warning("Not Found: /missing/")
        captured = capsys.readouterr()
        assert (captured.out + captured.err).count("Not Found: /missing/") == 1
    finally:
        settings.DEBUG = False
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
