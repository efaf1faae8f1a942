"""The low-vision mode without JavaScript: a link in the header turns it on (or off) through a
cookie, and the server puts the mode's classes on <html> for readers who carry it.

With JavaScript the reader's choice lives in localStorage and the server never sees it
(association/static/js/low-vision.js). The cookie's readers are served around the page cache
(association.cache), and the header link that names the mode is a live part of the page
(home.fragments), so a page with the mode on is never stored for anyone else.
"""

import re

from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

COOKIE = "lowvision"
# The mode as the link turns it on: the middle size and black on white, as ГОСТ Р 52872-2019
# practice offers first.
DEFAULT = "size-2 scheme-bw"
_SETTING = re.compile(
    r"^(size-[1-3]|scheme-(bw|wb|blue|brown|green)|spacing-[12]|leading-[12]|"
    r"images-(off|grey)|font-serif)$"
)
YEAR = 365 * 24 * 3600


def settings_of(request):
    """The valid settings in the reader's cookie, e.g. ["size-2", "scheme-bw"]."""
    raw = request.COOKIES.get(COOKIE, "") if request is not None else ""
    return [part for part in raw.split()[:8] if _SETTING.match(part)]


def html_classes(request):
    """Classes for <html>: the mode drawn from the cookie, before any script."""
    found = settings_of(request)
    return " ".join(["lv-on", *(f"lv-{part}" for part in found)]) if found else ""


def switch(request):
    """`?mode=on` or `?mode=off`, then back to `next` (a page of this site)."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response["Cache-Control"] = "private, no-store"
    if request.GET.get("mode") == "off":
        response.delete_cookie(COOKIE, samesite="Lax")
    else:
        response.set_cookie(
            COOKIE, DEFAULT, max_age=YEAR, samesite="Lax", secure=request.is_secure()
        )
    return response


def header_link(context):
    """The header's link for readers without JavaScript: «Версия для слабовидящих», or
    «Обычная версия» while the cookie's mode is on."""
    request = context.get("request")
    return render_to_string(
        "includes/low_vision_link.html",
        {"on": bool(settings_of(request)), "next": request.get_full_path() if request else "/"},
        request=request,
    )
