"""The client's address behind the proxies, and fixed-window counters for the public forms.

The counters are rows in the database, which every process shares and the forms write to
anyway: a limit holds whatever Redis does (it used to fail open while Redis was down) and
across app instances exactly.
"""

import datetime
import hashlib
import random

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone


def client_ip(request):
    """The client's address for throttling, behind TRUSTED_PROXY_COUNT proxies.

    Each trusted proxy appends the address it received the request from to
    X-Forwarded-For, so the client is the entry that many places from the right;
    anything further left was sent by the client and cannot be trusted.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [ip for ip in forwarded if ip]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def client_key(request):
    address = client_ip(request) or ""
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def is_limited(request, scope, limit, seconds):
    """Count one attempt of this client in `scope`; True once it exceeds `limit` a window."""
    return is_limited_for(scope, client_key(request), limit, seconds)


def is_limited_for(scope, key, limit, seconds):
    """Count one attempt under `key` in `scope`; True once it exceeds `limit` a window."""
    return count_attempt(f"{scope}:{key}", seconds) > limit


COLUMNS = ("key", "count", "window_ends")


def count_attempt(key, seconds):
    """Add one attempt to `key`'s window (a new window once the last one is over) and
    return the count, in one statement (PostgreSQL and SQLite both upsert)."""
    from home.models import RateLimitCounter

    now = timezone.now()
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    adapt = connection.ops.adapt_datetimefield_value
    ends, now_value = adapt(now + datetime.timedelta(seconds=seconds)), adapt(now)
    key_column, count, window = (connection.ops.quote_name(name) for name in COLUMNS)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_column}, {count}, {window}) VALUES (%s, 1, %s) "  # noqa: S608
            f"ON CONFLICT ({key_column}) DO UPDATE SET "
            f"{count} = CASE WHEN {table}.{window} <= %s THEN 1 ELSE {table}.{count} + 1 END, "
            f"{window} = CASE WHEN {table}.{window} <= %s "
            f"THEN excluded.{window} ELSE {table}.{window} END "
            f"RETURNING {count}",
            [key[:120], ends, now_value, now_value],
        )
        attempts = cursor.fetchone()[0]
    if random.random() < 0.01:  # noqa: S311 - housekeeping, not security
        RateLimitCounter.objects.filter(window_ends__lt=now).delete()
    return attempts
