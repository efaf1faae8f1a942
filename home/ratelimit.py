"""A fixed-window counter per client address in the cache, for the public forms."""

import hashlib

from django.core.cache import cache


def client_key(request):
    # Imported here: association.middleware imports the URL configuration, which imports
    # this app's views.
    from association.middleware import client_ip

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
