"""Site data that changes only when content does, kept in the cache between requests.

The menu, breadcrumbs, language links, site settings and listing facets are the same for
every reader until an editor publishes something, yet cost a query or two each on every
page. They are cached as plain values under keys that carry one site-wide content version;
any publish, unpublish, move or delete of a page and any settings change replaces the
version (association.cache connects the signals), so a stale entry is never read again.
"""

import hashlib
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port

VERSION_KEY = "pagecache:version"
_MISSING = object()


def bump_content_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def content_version(request=None):
    """The current content version, read from the cache once per request."""
    version = getattr(request, "_content_version", None) if request is not None else None
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY, version)
    if request is not None:
        request._content_version = version
    return version


def cached(request, name, build):
    """`build()`'s value for `name` under the current content version.

    `build` must return plain, picklable values (strings, numbers, dicts, lists), never
    querysets or pages, so that a hit costs no query at all. The values are also kept on the
    request, so several template tags asking for the same thing read the cache once. None
    means there is nothing to remember: it is returned, not stored, so a lookup of something
    that does not exist (a mistyped address) leaves nothing behind in the cache.
    """
    memo = request.__dict__.setdefault("_content_cache", {}) if request is not None else {}
    value = memo.get(name, _MISSING)
    if value is not _MISSING:
        return value
    key = f"content:{content_version(request)}:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = build()
        if value is not None:
            cache.set(key, value, settings.CONTENT_CACHE_SECONDS)
    memo[name] = value
    return value


def query_variant_allowed(kind, version, address, timeout):
    """Whether one more query string of this address may be stored: at most
    PAGE_CACHE_MAX_VARIANTS per address and content version, so that made-up parameters
    cannot fill the cache."""
    counter = f"{kind}-variants:{version}:{hashlib.sha256(address.encode()).hexdigest()}"
    cache.add(counter, 0, timeout)
    try:
        count = cache.incr(counter)
    except ValueError:  # expired between add and incr
        return False
    return count <= settings.PAGE_CACHE_MAX_VARIANTS


def _is_tracking(name):
    return name in settings.PAGE_CACHE_TRACKING_PARAMETERS or name.startswith("utm_")


def cache_location(request):
    """Host, path and sorted query the page depends on; None when not to be cached.

    Tracking parameters are removed from the request itself, so that no page copies them
    into its links and the copy cached without them is the page every reader gets.
    """
    domain, port = split_domain_port(request.get_host())
    known = {host.lower() for host in settings.ALLOWED_HOSTS}
    if domain not in known or port not in ("", str(request.get_port())):
        return None
    if any(_is_tracking(name) for name in request.GET):
        query = request.GET.copy()
        for name in [name for name in query if _is_tracking(name)]:
            del query[name]
        query._mutable = False
        request.GET = query
        request.META["QUERY_STRING"] = query.urlencode()
    if any(
        name not in settings.PAGE_CACHE_QUERY_PARAMETERS or len(values) > 1
        for name, values in request.GET.lists()
    ):
        return None
    query = urlencode(sorted(request.GET.items()))
    location = f"{domain}{request.path}?{query}"
    return location if len(location) <= settings.PAGE_CACHE_MAX_ADDRESS else None
