"""Site data that changes only when content does, kept in the cache between requests.

The menu, breadcrumbs, language links, site settings and listing facets are the same for
every reader until an editor publishes something, yet cost a query or two each on every
page. They are cached as plain values under keys that carry one site-wide content version;
any publish, unpublish, move or delete of a page and any settings change replaces the
version (association.cache connects the signals), so a stale entry is never read again.
"""

import hashlib
import pickle
import threading
import time
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
    return shared_version(VERSION_KEY, request, "_content_version")


def shared_version(key, request=None, attribute=None):
    """A version that every process reads from the cache under `key`; the first process to
    find none sets one, and a request remembers it in `attribute` for its own lifetime."""
    version = getattr(request, attribute, None) if request is not None else None
    if version is not None:
        return version
    version = cache.get(key)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(key, version, None):
            version = cache.get(key, version)
    if request is not None:
        setattr(request, attribute, version)
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


class _Memo:
    """What this process remembers under one content version (see `remembered`)."""

    def __init__(self, version):
        self.version = version
        self.started = time.monotonic()
        self.entries = {}


_memo = _Memo(None)
_memo_lock = threading.Lock()


def remembered(request, name, build):
    """A fresh copy of `build()`'s object (a page, a site) for `name` under the current
    content version, kept by this process.

    `cached` holds plain values in the shared cache; the objects routing needs on every
    request (the site, its home page, the page an address names) would cost a query each
    to rebuild from such values. They are kept pickled in the process instead, and every
    request unpickles its own copy, so no request sees what another one changed on them.
    The content version is read from the shared cache once per request, so a publish in any
    process empties every process's memo on its next request. With a cache of its own per
    process (no Redis) the memo is off (CONTENT_MEMO): a publish elsewhere could not reach it.
    """
    global _memo
    if not settings.CONTENT_MEMO:
        return build()
    version = content_version(request)
    memo = _memo
    if (
        memo.version != version
        or time.monotonic() - memo.started > settings.CONTENT_CACHE_SECONDS
        or len(memo.entries) >= settings.CONTENT_MEMO_ENTRIES
    ):
        with _memo_lock:
            if _memo is memo:
                _memo = _Memo(version)
            memo = _memo
    data = memo.entries.get(name)
    if data is not None:
        return pickle.loads(data)  # noqa: S301 - written by this process, just above
    value = build()
    if value is not None and memo.version == version:
        memo.entries[name] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
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


def is_language_path(path):
    """Whether `path` lies under a language's prefix (/ru/, /en/): the public pages. Previews
    and drafts are served under the admin's addresses, never under a language's."""
    return path.startswith(tuple(f"/{code}/" for code, _name in settings.LANGUAGES))


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
