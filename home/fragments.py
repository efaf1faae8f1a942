"""The shared parts of a rendered page, kept between requests under the content version.

Editors, signed-in members, search and readers the page cache cannot serve get pages rendered
for them. Most of such a page is the same for everyone who may see it: the head, the menus,
the listing, the article. Those parts are cached as HTML (`{% shared_fragment %}` in
base.html) under a key of the content version, the language, the address and the audience
(readers, members, editors, other signed-in users: a member sees links a reader does not);
the page view computes its context only when they are missing. What is personal stays live:
the Wagtail userbar is outside the fragments; a fragment that used the CSRF token (a form)
is never stored; what must be fresh on every request inside a fragment (an event's
registration: places left, the form with the member's details) is a live part
(`{% live_part %}`), kept as a placeholder and rendered each time; the CSP nonce is replaced
on every request. Any change of content replaces the version, as for the page cache
(home.caching, association.cache).
"""

import functools
import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.module_loading import import_string

from home.caching import cache_location, is_language_path, query_variant_allowed, remembered
from home.invalidation import html_version, is_fresh, note, request_tags, started_at

NONCE_PLACEHOLDER = "\x00csp-nonce\x00"
# A live part inside a fragment (`{% live_part "dotted.path" %}`): marked while rendering,
# kept as a placeholder, rendered afresh on every request.
_LIVE = re.compile("\x00live:([\\w.]+)\x00.*?\x00/live\x00", re.DOTALL)
_LIVE_PLACEHOLDER = re.compile("\x00live:([\\w.]+)\x00")
_UNSET = object()
# Beside the parts: when their rendering began and what they show (home.invalidation).
_STARTED, _TAGS = "\x00started", "\x00tags"


class SharedFragments:
    """The fragments of one request: the cached ones (`parts`), or those being rendered."""

    def __init__(self, key, parts):
        self.key = key
        self.parts = parts
        self.rendered = {}

    @property
    def hit(self):
        return self.parts is not None

    @property
    def storing(self):
        return self.parts is None and self.key is not None

    def get(self, context, name):
        html = self.parts.get(name)
        if html is None:
            return None
        if "\x00live:" in html:
            html = _LIVE_PLACEHOLDER.sub(lambda match: live_part(context, match[1]), html)
        if NONCE_PLACEHOLDER in html:
            html = html.replace(NONCE_PLACEHOLDER, str(context["request"].csp_nonce))
        return html

    def render(self, request, name, render, last):
        """Render a part, store them all with the last one unless one is personal (it used the
        CSRF token outside a live part); the HTML to send."""
        html, csrf_used = _watching_csrf(request, render)
        if csrf_used:
            self.key = None
        if self.key is not None:
            stored = _LIVE.sub(lambda match: f"\x00live:{match[1]}\x00", html)
            nonce = getattr(request, "_csp_nonce", None)
            if isinstance(nonce, str):
                stored = stored.replace(nonce, NONCE_PLACEHOLDER)
            self.rendered[name] = stored
            if last and (
                not request.GET
                or query_variant_allowed(
                    "fragment",
                    html_version(request),
                    request.path,
                    settings.CONTENT_CACHE_SECONDS,
                )
            ):
                # A registration's state may change at any moment; its page keeps a minute.
                seconds = settings.CONTENT_CACHE_SECONDS
                if getattr(request, "_registration_shown", False):
                    seconds = min(seconds, settings.SHARED_FRAGMENTS_LIVE_SECONDS)
                stored = {**self.rendered, _STARTED: started_at(request)}
                stored[_TAGS] = request_tags(request)
                cache.set(self.key, stored, seconds)
        return _LIVE.sub(lambda match: match[0][len(match[1]) + 7 : -7], html)


def _watching_csrf(request, render, live=False):
    """`render()`'s result, and whether it used the CSRF token outside live parts.

    Using the token sets the cookie (CSRF_COOKIE_NEEDS_UPDATE), which the response must still
    do; a live part's use is noted on the request so that the fragment around it does not
    count it.
    """
    flag = "CSRF_COOKIE_NEEDS_UPDATE"
    before = request.META.get(flag, False)
    request.META[flag] = False
    try:
        html = render()
    finally:
        used = request.META.get(flag, False)
        if live:
            request._csrf_in_live_parts = getattr(request, "_csrf_in_live_parts", False) or used
            request.META[flag] = before
        else:
            request.META[flag] = before or used or getattr(request, "_csrf_in_live_parts", False)
    return html, used


def live_part(context, path, mark=False):
    """The HTML of `path(context)`, a part of a page that is never shared (a form with the
    member's details); marked when the fragment around it is being stored."""
    function = import_string(path)
    if not mark:
        return function(context)
    # A token in a live part is fresh on every request: it does not make the fragment personal.
    html, _used = _watching_csrf(context["request"], lambda: function(context), live=True)
    return f"\x00live:{path}\x00{html}\x00/live\x00"


def shared_fragments(request):
    """This request's fragments (looked up once); None when the page may not share them."""
    found = getattr(request, "_shared_fragments", _UNSET)
    if found is _UNSET:
        key = _key(request)
        found = None if key is None else SharedFragments(key, _fresh(request, cache.get(key)))
        request._shared_fragments = found
    return found


def _fresh(request, parts):
    """The stored parts unless a change since their rendering dropped one of their tags."""
    if not isinstance(parts, dict) or _STARTED not in parts:
        return None
    if not is_fresh(parts[_TAGS], parts[_STARTED]):
        return None
    note(request, *parts[_TAGS])
    return parts


def _key(request):
    if not settings.SHARED_FRAGMENTS or request.method != "GET":
        return None
    if not is_language_path(request.path):
        return None
    location = cache_location(request)
    if location is None:
        return None
    audience = request_audience(request)
    digest = hashlib.sha256(location.encode()).hexdigest()
    language = translation.get_language()
    return f"fragments:{html_version(request)}:{language}:{audience}:{digest}"


def request_audience(request):
    """Whom a page may show different things: "reader", "member", "editorial" or
    "signed-in", by the roles that decide what a page shows (a final document's download
    link for members, drafts' files and the userbar for editors).

    Remembered per user under the content version, which a change of anyone's groups or
    library replaces (association.cache), so a signed-in page costs no role queries. Access
    to files is still decided by the roles themselves (home.members.roles), read afresh.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "reader"
    from home.members.roles import is_editorial, is_member

    def audience():
        if is_editorial(user):
            return "editorial"
        return "member" if is_member(user) else "signed-in"

    if user.is_superuser:
        return "editorial"
    return remembered(request, f"audience:{user.pk}", audience)


def shares_fragments(get_context):
    """Wrap a page's get_context: when the fragments are cached, only the base context."""

    @functools.wraps(get_context)
    def wrapper(self, request, *args, **kwargs):
        from wagtail.models import Page

        fragments = shared_fragments(request)
        if fragments is not None and fragments.hit:
            context = Page.get_context(self, request, *args, **kwargs)
        else:
            context = get_context(self, request, *args, **kwargs)
        context["shared_fragments"] = fragments
        return context

    wrapper.shares_fragments = True
    return wrapper
