"""Tests share one Redis with other runs: they use REDIS_URL's database and their own keys."""

import re
from pathlib import Path

from django.core.cache import caches
from django.test import override_settings

import pytest

from tests import shared_redis
from tests.shared_redis import needs_redis

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_names_a_redis_database_of_its_own():
    # A database on the real server's port; a closed port (an unreachable Redis) is fine.
    hard_coded = re.compile(r"redis://[^\"'\s/]*:6379/\d+")
    offenders = [
        str(path.relative_to(TESTS))
        for path in TESTS.rglob("*.py")
        if path.name not in ("shared_redis.py", Path(__file__).name)
        and hard_coded.search(path.read_text())
    ]
    assert offenders == []


def test_the_database_and_prefix_come_from_redis_url_and_the_process(monkeypatch):
    import importlib

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/2")
    module = importlib.reload(shared_redis)
    try:
        assert module.REDIS_URL == "redis://127.0.0.1:6379/2"
        assert module.through(7000) == "redis://127.0.0.1:7000/2"
        assert module.prefix("x").startswith(module.PROCESS_PREFIX)
    finally:
        monkeypatch.undo()
        importlib.reload(shared_redis)


@needs_redis
def test_clearing_the_cache_deletes_its_own_keys_only():
    server = shared_redis.client()
    foreign = f"{shared_redis.PROCESS_PREFIX}-foreign:1:kept"
    mine = shared_redis.prefix("clear")
    server.set(foreign, "another run's key")
    try:
        with override_settings(CACHES=shared_redis.cache_settings(mine)):
            cache = caches["default"]
            cache.set("a", 1)
            cache.set("b", 2)
            assert server.exists(f"{mine}:1:a")
            assert cache.clear()
            assert cache.get("a") is None and not list(server.scan_iter(f"{mine}*"))
        assert server.get(foreign) == b"another run's key"
    finally:
        server.delete(foreign)


@needs_redis
@pytest.mark.django_db
def test_the_session_ends_by_deleting_the_keys_of_this_process():
    server = shared_redis.client()
    key = f"{shared_redis.prefix('session-end')}:1:x"
    server.set(key, 1)
    shared_redis.delete_keys()
    assert not server.exists(key)
