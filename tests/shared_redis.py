"""The Redis the tests may use: the database `REDIS_URL` names (redis://127.0.0.1:6379/0 when
unset), and keys under a prefix of this test process alone.

Several runs of the suite share one Redis (pytest-xdist workers, CI beside a developer): a
test never flushes a database, and each process deletes only the keys under its own prefix
(SCAN + DEL), at the end of the session and whenever a test clears its cache
(association.cache.ResilientRedisCache.clear deletes its own prefix only).
"""

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis

REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
PROCESS_PREFIX = f"assoc-test-{uuid.uuid4().hex[:12]}"


def client(url=REDIS_URL):
    return redis.Redis.from_url(url, socket_connect_timeout=0.5, socket_timeout=0.5)


def redis_is_up():
    try:
        client().ping()
    except redis.RedisError:
        return False
    return True


needs_redis = pytest.mark.skipif(not redis_is_up(), reason=f"needs Redis at {REDIS_URL}")


def port():
    return urlsplit(REDIS_URL).port or 6379


def through(port):
    """REDIS_URL with its host and port replaced (a proxy on 127.0.0.1), same database."""
    parts = urlsplit(REDIS_URL)
    netloc = f"127.0.0.1:{port}"
    if parts.password:
        netloc = f"{parts.username or ''}:{parts.password}@{netloc}"
    return urlunsplit(parts._replace(netloc=netloc))


def prefix(name=""):
    """A key prefix under this process's own; a fresh one per call."""
    return f"{PROCESS_PREFIX}-{name}-{uuid.uuid4().hex[:8]}"


def cache_settings(key_prefix, location=REDIS_URL, timeout=0.5):
    return {
        "default": {
            "BACKEND": "association.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {"socket_connect_timeout": timeout, "socket_timeout": timeout},
        }
    }


def delete_keys(key_prefix=PROCESS_PREFIX):
    """Delete the keys under `key_prefix` (SCAN + DEL); never FLUSHDB."""
    server = client()
    batch = []
    for key in server.scan_iter(match=f"{key_prefix}*", count=500):
        batch.append(key)
        if len(batch) == 500:
            server.delete(*batch)
            batch = []
    if batch:
        server.delete(*batch)
