"""The client's address behind the proxies, and a fixed-window counter per address in the
cache for the public forms."""

import hashlib

from django.conf import settings
from django.core.cache import cache


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
    key = f"ratelimit:{scope}:{key}"
    if cache.add(key, 1, timeout=seconds):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=seconds)
        return False
    return count > limit
