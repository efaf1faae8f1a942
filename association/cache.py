"""Redis that fails soft, and the full-page cache for anonymous readers."""

import collections
import hashlib
import logging
import re
import time
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.cache import get_max_age

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import post_page_move, published, unpublished

from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult
from redis.exceptions import RedisError

from home import fragments, invalidation
from home.caching import (
    VERSION_KEY,
    bump_content_version,
    cache_location,
    is_language_path,
    query_variant_allowed,
)
from home.jobs.retry import backoff, retry_later
from home.lowvision import COOKIE as LOW_VISION_COOKIE

logger = logging.getLogger(__name__)


class _Outage:
    """When Redis last failed in this process, and whether a write was lost since then."""

    def __init__(self):
        self.retry_at = 0.0
        self.lost_write = False


_outages = collections.defaultdict(_Outage)
_WRITES = {"set", "add", "touch", "delete", "incr", "set_many", "delete_many", "clear"}


def _lose_write(outage):
    """Remember a dropped write. The first one of an outage also queues a version bump on
    the task queue (in PostgreSQL): a one-off process (`manage.py shell`, the scheduler's
    publish_scheduled) exits before Redis returns and would otherwise forget it, leaving
    pages cached before its publish served for their whole lifetime."""
    if outage.lost_write:
        return
    outage.lost_write = True
    if not bump_content_version_when_back.get_backend().supports_defer:
        return  # run at once (the tests' immediate backend) it could only fail again
    try:
        with transaction.atomic():  # a savepoint: a failure leaves the caller's transaction
            # One waiting bump serves every process (each scheduler run is a new process).
            if not DBTaskResult.objects.filter(
                task_path=bump_content_version_when_back.module_path,
                status=TaskResultStatus.READY,
            ).exists():
                bump_content_version_when_back.enqueue()
    except Exception:  # the database may be out too; this process still bumps on return
        logger.exception("Could not queue the content version bump")


@task()
def bump_content_version_when_back(attempt=1):
    """Change the content version once Redis answers; retried for a day (any worker process
    applies the bump that a process which lost a write recorded)."""
    backend = caches["default"]
    try:
        if isinstance(backend, ResilientRedisCache):
            # Straight to Redis: the fail-soft methods of this process may still skip it.
            RedisCache.set(backend, VERSION_KEY, uuid.uuid4().hex, None)
            RedisCache.set(backend, invalidation.HTML_VERSION_KEY, uuid.uuid4().hex, None)
        else:
            bump_content_version()
            invalidation.bump_html_version()
    except RedisError as error:
        # Soon after Redis returns (at most a minute), for a day.
        delay = backoff(attempt, base=settings.CACHE_RETRY_SECONDS, cap=60)
        if attempt < 24 * 60 + 10:
            retry_later(bump_content_version_when_back, attempt=attempt + 1, delay=delay)
        logger.warning("Content version not changed yet (attempt %s): %s", attempt, error)
        return "retrying"
    return "bumped"


def _fail_soft(method_name, default=None, method=None):
    method = method or getattr(RedisCache, method_name)
    writes = method_name in _WRITES

    def fallback(args, kwargs):
        return default(*args, **kwargs) if callable(default) else default

    def wrapper(self, *args, **kwargs):
        outage = _outages[self._server]
        if time.monotonic() < outage.retry_at:
            # Redis failed a moment ago: skip it rather than wait on every call again.
            if writes:
                _lose_write(outage)
            return fallback(args, kwargs)
        if outage.lost_write:
            # A publish meanwhile may not have emptied the shared cache: empty it first.
            outage.lost_write = False
            bump_content_version()
            invalidation.bump_html_version()
            if time.monotonic() < outage.retry_at:
                return fallback(args, kwargs)
            logger.warning("Cache available again; content version changed")
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            outage.retry_at = time.monotonic() + settings.CACHE_RETRY_SECONDS
            if writes:
                _lose_write(outage)
            logger.warning(
                "Cache unavailable: %s failed: %s; skipped for %s s",
                method_name,
                error,
                settings.CACHE_RETRY_SECONDS,
            )
            return fallback(args, kwargs)

    wrapper.__name__ = method_name
    return wrapper


class _OneClientPerPool(RedisCacheClient):
    """Django makes a new redis-py client for every cache call, and each one builds its
    table of some two hundred response callbacks: a noticeable share of a page that makes
    a dozen calls. redis-py's clients are safe to share between threads, so one per
    connection pool serves."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache that logs connection errors instead of raising them.

    With Redis down or hanging every read is a miss and every write is dropped, so the site
    keeps serving from the database. After an error Redis is left alone for
    CACHE_RETRY_SECONDS, so a hung server costs one socket timeout per process and period,
    not one per cache call; once it answers again, the content version is changed if a write
    was dropped meanwhile.
    """

    get = _fail_soft("get", default=lambda key, default=None, version=None: default)
    set = _fail_soft("set")
    add = _fail_soft("add", default=False)
    touch = _fail_soft("touch", default=False)
    delete = _fail_soft("delete", default=False)
    get_many = _fail_soft("get_many", default=lambda *args, **kwargs: {})
    has_key = _fail_soft("has_key", default=False)
    incr = _fail_soft("incr", default=lambda key, delta=1, version=None: delta)
    set_many = _fail_soft("set_many", default=lambda data, *args, **kwargs: list(data))
    delete_many = _fail_soft("delete_many")

    def __init__(self, server, params):
        super().__init__(server, params)
        self._server = str(server)
        self._class = _OneClientPerPool

    def ping(self):
        """Raise when Redis is unreachable (used by /readyz)."""
        return self._cache.get_client(write=False).ping()

    def _clear_own_keys(self):
        """Delete this cache's keys (its KEY_PREFIX) with SCAN and DEL. Django's clear() is
        FLUSHDB, which would empty everything else kept in the same Redis database."""
        client = self._cache.get_client(write=True)
        pattern = re.sub(r"([*?\[\]\\])", r"\\\1", self.key_prefix) + ":*"
        batch = []
        for key in client.scan_iter(match=pattern, count=500):
            batch.append(key)
            if len(batch) == 500:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
        return True

    clear = _fail_soft("clear", default=False, method=_clear_own_keys)


NONCE_PLACEHOLDER = fragments.NONCE_PLACEHOLDER.encode()
# This process's page cache lookups: served ("hit"), dropped by a change since ("stale"),
# not there ("miss"). Read by page_cache_counts() (metrics, benches).
COUNTS = collections.Counter()


def page_cache_counts():
    """This process's page cache hits, stale copies and misses since it started."""
    return {name: COUNTS[name] for name in ("hit", "stale", "miss")}


def _bump_content():
    bump_content_version()
    # Once more after the commit: a request served between the first bump and the commit
    # may have cached the old content under the new version.
    transaction.on_commit(bump_content_version)


def _invalidate(**kwargs):
    """A change that may show anywhere: every stored page and fragment goes."""
    _bump_content()
    invalidation.bump_html_version()
    transaction.on_commit(invalidation.bump_html_version)


# A move changes the addresses of a whole subtree and two parents' listings: rare enough to
# empty everything. Publishing and unpublishing a page save its row (see below).
post_page_move.connect(_invalidate, dispatch_uid="pagecache_page_moved")


# Snippets with a draft state (shown inside pages) and site settings change pages too.
@receiver(published, dispatch_uid="pagecache_published")
@receiver(unpublished, dispatch_uid="pagecache_unpublished")
def _invalidate_on_publish(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        _invalidate()


@receiver(pre_save, dispatch_uid="pagecache_page_before")
def _remember_page_before(sender, instance, raw=False, **kwargs):
    if isinstance(instance, Page) and not raw and _targeted():
        instance._cache_before = invalidation.snapshot(instance)


# Any saved page: publishing, unpublishing, a draft, and live pages code creates without a
# revision (the demo loader, imports): only what shows it (home.invalidation) is dropped.
@receiver(post_save, dispatch_uid="pagecache_page_saved")
def _invalidate_on_page_save(sender, instance, raw=False, **kwargs):
    if isinstance(instance, Page):
        _bump_content()
        if _targeted():
            invalidation.page_changed(instance, getattr(instance, "_cache_before", None))


@receiver(pre_delete, dispatch_uid="pagecache_page_deleting")
def _invalidate_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _bump_content()
        if _targeted():
            before = invalidation.snapshot(instance)
            invalidation.page_changed(instance, before, deleted=True)


@receiver(post_delete, dispatch_uid="pagecache_page_deleted")
def _invalidate_on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        _bump_content()


def _targeted():
    return settings.PAGE_CACHE_ENABLED or settings.SHARED_FRAGMENTS


# Saved without a publish, yet shown on pages: privacy settings, snippets, tag names, the
# site's address (absolute links).
# Labels, not classes: this module is imported as the cache backend, before the models are.
_SHOWN_ON_PAGES = {
    "wagtailcore.pageviewrestriction",
    "home.region",
    "home.organisation",
    "home.person",
    "taggit.tag",
    "home.tagenglishname",
    "wagtailcore.locale",
    "wagtailcore.site",
    "programs.registrationsettings",
    # Roles: pages differ by audience (home.fragments), remembered per user under the version.
    "auth.group",
    "home.memberprofile",
}


@receiver(post_save, dispatch_uid="pagecache_shown_saved")
@receiver(post_delete, dispatch_uid="pagecache_shown_deleted")
def _invalidate_on_shown_change(sender, **kwargs):
    if sender._meta.label_lower in _SHOWN_ON_PAGES:
        _invalidate()


@receiver(m2m_changed, dispatch_uid="pagecache_roles")
def _invalidate_on_roles_change(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and (
        sender is get_user_model().groups.through
    ):
        _invalidate()


@receiver(post_save, dispatch_uid="pagecache_settings_saved")
def _invalidate_on_settings_save(sender, instance, created, **kwargs):
    # Settings are created with their defaults on first use, while rendering a page.
    if not created and isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        _invalidate()


class PageCacheMiddleware:
    """Serves anonymous GET requests for public pages from the cache without the database.

    Only language-prefixed paths (the Wagtail pages, listings, feeds, search) are cached,
    so the admin, previews, documents, health checks and security.txt never are. A request
    carrying a session or messages cookie always goes through, and so does any response
    that sets a cookie, uses the CSRF token or asks not to be cached. A page that used the
    request's CSP nonce is stored with a placeholder and gets a fresh nonce on every hit. A
    publish, unpublish or delete of a page drops every copy that shows it (home.invalidation:
    listings and the home page show the changed page too); other changes empty all of them.

    Keys are bounded: tracking parameters (utm_*, fbclid, yclid...) are taken off the request
    before the page sees them; a request for a host not named in ALLOWED_HOSTS, with a query
    parameter no page reads, a repeated parameter or an overlong address is served without
    the cache; and each address keeps at most PAGE_CACHE_MAX_VARIANTS query variants.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Before anything is read: stored HTML is fresh only if no change came after this.
        invalidation.started_at(request)
        if not self._is_cacheable_request(request):
            return self.get_response(request)
        location = cache_location(request)
        if location is None:
            return self.get_response(request)
        version = invalidation.html_version(request)
        key = self._key(location, version)
        cached = cache.get(key)
        if cached is not None and len(cached) == 5:
            status, headers, content, started, tags = cached
            if invalidation.is_fresh(tags, started):
                COUNTS["hit"] += 1
                return self._replay(request, status, headers, content)
            COUNTS["stale"] += 1
        else:
            COUNTS["miss"] += 1

        response = self.get_response(request)
        if self._is_cacheable_response(request, response) and (
            not request.GET
            or query_variant_allowed(
                "pagecache", version, location.split("?", 1)[0], settings.PAGE_CACHE_SECONDS
            )
        ):
            content = response.content
            nonce = getattr(request, "_csp_nonce", None)
            if isinstance(nonce, str):
                content = content.replace(nonce.encode(), NONCE_PLACEHOLDER)
            headers = [
                (name, value) for name, value in response.items() if name != "Content-Length"
            ]
            entry = (
                response.status_code,
                headers,
                content,
                invalidation.started_at(request),
                invalidation.request_tags(request),
            )
            cache.set(key, entry, self._timeout(response))
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _replay(request, status, headers, content):
        if NONCE_PLACEHOLDER in content:
            # Evaluating the lazy nonce makes the CSP middleware put it in this response's header.
            content = content.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode())
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        response["X-Page-Cache"] = "hit"
        return response

    def _is_cacheable_request(self, request):
        return (
            settings.PAGE_CACHE_ENABLED
            and request.method == "GET"
            and is_language_path(request.path)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.COOKIES.get(LOW_VISION_COOKIE)
            and "HTTP_AUTHORIZATION" not in request.META
        )

    def _is_cacheable_response(self, request, response):
        cache_control = response.get("Cache-Control", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_USED")
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )

    @staticmethod
    def _key(location, version):
        return f"pagecache:{version}:{hashlib.sha256(location.encode()).hexdigest()}"

    @staticmethod
    def _timeout(response):
        """The page cache's time, shortened to the response's max-age when it asks for less
        (an event page showing the places left keeps a minute)."""
        max_age = get_max_age(response)
        if max_age is None:
            return settings.PAGE_CACHE_SECONDS
        return min(max_age, settings.PAGE_CACHE_SECONDS)
