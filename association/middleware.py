import codecs
import re
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.http import parse_header_parameters
from django.utils.translation import gettext

from csp.middleware import CSPMiddleware

# Django's WSGIRequest has already decoded the path, writing bytes that are not UTF-8 back
# as %XX escapes; a real address of the site never holds a percent sign.
BROKEN_PATH = re.compile(r"\x00|%[89A-F][0-9A-F]")


def unreadable_query(query_string):
    """True for a query string that, percent-decoded, holds NUL or is not valid UTF-8."""
    raw = unquote_to_bytes(query_string.replace("+", " "))
    if b"\0" in raw:
        return True
    try:
        raw.decode()
    except UnicodeDecodeError:
        return True
    return False


def unreadable_charset(content_type):
    """True for a body declared in a charset that is unknown, not ASCII-compatible (UTF-16,
    UTF-32), or anything but UTF-8 for a urlencoded form (Django 5.2 reads no other). Django
    refuses such a form, but its CSRF and error pages read the body again and fail: a 500."""
    kind, parameters = parse_header_parameters(content_type)
    charset = parameters.get("charset")
    if not charset:
        return False
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return True
    if kind == "application/x-www-form-urlencoded":
        return name != "utf-8"
    return "a=1&b=%20".encode(name, errors="replace") != b"a=1&b=%20"


class MalformedRequestMiddleware:
    """Answers 400 to an address whose path or query string has NUL or invalid UTF-8, and
    to a body in a charset no form can be read in.

    No page, filter or form of the site takes such bytes; Django would pass them on
    (re-encoded or replaced) to views and the database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if BROKEN_PATH.search(path) or unreadable_query(request.META.get("QUERY_STRING", "")):
            language = "en" if path.startswith("/en/") else settings.LANGUAGE_CODE
            with translation.override(language):
                message = gettext("Bad request: the address contains characters no page uses.")
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        if unreadable_charset(request.META.get("CONTENT_TYPE", "")):
            language = "en" if path.startswith("/en/") else settings.LANGUAGE_CODE
            with translation.override(language):
                message = gettext(
                    "Bad request: the form was sent in an encoding the site cannot read."
                )
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class PrivateForSignedInMiddleware:
    """Marks every answer to a signed-in user private, so no shared cache keeps it.

    A member's page may hold what only members may read (a resolution's download link);
    answers that already say no-store or private are left as they are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            directives = response.get("Cache-Control", "")
            if "private" not in directives and "no-store" not in directives:
                patch_cache_control(response, private=True)
        return response


class PermissionsPolicyMiddleware:
    """Turns off browser features the site never uses (Permissions-Policy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy, relaxed for the Wagtail admin, whose pages use inline scripts."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(f"/{settings.ADMIN_PATH}/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
            parts.nonce = None
        return parts


def lockout_response(request, original_response=None, credentials=None):
    """The page shown while sign-in is paused for a user name and address (django-axes)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "lockout.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
