"""Malformed addresses, query strings and form fields never answer 5xx and store nothing.

The requests are generated from the URL configuration (every named public pattern, its
arguments replaced by bad values) and from the demo tree (every live page of both
languages, its last segment and its query string mutated).
"""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

from wagtail.models import Page, Revision

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from home.feedback.models import Question, TypoReport
from home.models import DocumentDownload
from news.models import NewsPageReads, Subscriber
from news.queries import NewsFilterForm
from programs.models.resolutions import ResolutionFilterForm
from search.forms import SearchForm

pytestmark = pytest.mark.django_db

# Already percent-encoded where the raw form would not survive in an address.
BAD_NUMBERS = [
    "%C2%B2",  # superscript two: str.isdigit() is true, int() refuses it
    "%D9%A2%D9%A0%D9%A2%D9%A5",  # Arabic-Indic 2025
    "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95",  # fullwidth 2025
    "%E0%A5%A8",  # Devanagari two
    "99999999999999999999999",
    "-1",
    "0",
    "10000",
    "1e9",
]
BAD_TEXT = [
    "%00",
    "a%00b",
    "x" * 5000,
    "%FF",
    "%C3%28",  # a broken two-byte sequence
    "..%2F..%2Fetc%2Fpasswd",
    "%2E%2E",
    "%3Cscript%3E",
    "%E2%80%AE",  # right-to-left override
]
BAD = [value for pair in zip(BAD_TEXT, BAD_NUMBERS, strict=True) for value in pair]
# Bad values that stay inside a path segment without changing the route.
BAD_SEGMENTS = [value for value in BAD if "%2F" not in value]
NUMBER_NAMES = {"page", "year", "month", "day", "event"}
LISTINGS = {
    "/news/": ["tag", "region", *NewsFilterForm.base_fields],
    "/documents/": [*ResolutionFilterForm.base_fields, "page"],
}
SEARCH_NAMES = [*SearchForm.base_fields, "page"]
QUERY_NAMES = sorted({"next", "utm_source", *SEARCH_NAMES, *NewsFilterForm.base_fields})
SKIPPED_PREFIXES = ("admin", "django-admin", "documents/")
# Not the search log: counting searches is what it is for.
STORED = [
    Subscriber,
    TypoReport,
    Question,
    DocumentDownload,
    NewsPageReads,
    AccessAttempt,
    AccessFailureLog,
    AccessLog,
    Session,
    Page,
    Revision,
    get_user_model(),
]
# Public forms, each sent without one field it requires, so nothing may be stored whatever
# the other fields hold.
FORMS = {
    "account_login": {"username": None},  # no password
    "account_password_reset": {"email": None},
    "news_subscription": {"email": None},  # no consent
    "typo_report": {"comment": None, "url": None, "page": None},  # no fragment
    "ask_question": {"name": None, "email": None, "topic": None, "text": None},  # no consent
}


@pytest.fixture(scope="module")
def demo(demo_site):
    """The module's copy of the demo site (tests.demo_site)."""


def named_patterns(resolver=None, prefix="", localised=False):
    """(route, localised) for every named URL pattern, routes joined."""
    for entry in (resolver or get_resolver()).url_patterns:
        inner_localised = localised or isinstance(entry.pattern, LocalePrefixPattern)
        if isinstance(entry, URLResolver):
            route = "" if isinstance(entry.pattern, LocalePrefixPattern) else str(entry.pattern)
            yield from named_patterns(entry, prefix + route, inner_localised)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), inner_localised


def rotating(values, start, count):
    return [values[(start + offset) % len(values)] for offset in range(count)]


def addresses_from_url_conf():
    """Each named public route, its arguments or its query string replaced by bad values."""
    routes = [
        (route, localised)
        for route, localised in named_patterns()
        if not route.startswith(SKIPPED_PREFIXES) and not route.startswith("^")
    ]
    for number, (route, localised) in enumerate(routes):
        prefixes = ("/ru/", "/en/") if localised else ("/",)
        parts = route.split("<")
        for prefix in prefixes:
            if len(parts) == 1:
                for name, value in zip(
                    rotating(QUERY_NAMES, number, 3), rotating(BAD, number, 3), strict=True
                ):
                    yield f"{prefix}{route}?{name}={value}"
                continue
            for value in rotating(BAD_SEGMENTS, number, 8 if prefix != "/en/" else 3):
                yield prefix + parts[0] + "".join(value + p.split(">", 1)[1] for p in parts[1:])


def addresses_from_tree():
    """Every live page of both languages: a bad child, a bad last segment or a bad filter."""
    urls = sorted(page.url for page in Page.objects.live().public().specific() if page.url)
    for number, url in enumerate(urls):
        value = BAD_SEGMENTS[number % len(BAD_SEGMENTS)]
        kind = number % 3
        if kind == 0 or url.count("/") <= 3:
            yield f"{url}{value}/"
        elif kind == 1:
            yield url.rstrip("/").rsplit("/", 1)[0] + f"/{value}/"
        else:
            yield f"{url}?{QUERY_NAMES[number % len(QUERY_NAMES)]}={value}"


def addresses_of_listings():
    """The filters of the news, the register and the search: every bad value in Russian,
    a few in English."""
    listings = [(f"/{language}/search/?q=library&", SEARCH_NAMES) for language in ("ru", "en")]
    for page in Page.objects.live().public():
        for ending, names in LISTINGS.items():
            if page.url and page.url.endswith(ending):
                listings.append((f"{page.url}?year=2025&month=3&", names))
    for url, names in listings:
        for number, name in enumerate(names):
            values = BAD_NUMBERS if name in NUMBER_NAMES else BAD_TEXT
            if url.startswith("/en/"):
                values = rotating(values, number, 2)
            for value in values:
                yield f"{url}{name}={value}"


def form_posts():
    for name, fields in FORMS.items():
        for language in ("ru", "en"):
            with translation.override(language):
                url = reverse(name)
            values = BAD if language == "ru" else rotating(BAD, len(url), 3)
            for value in values:
                yield url, "&".join(f"{field}={value}" for field in fields)


def stored_counts():
    return {model.__name__: model.objects.count() for model in STORED}


def test_malformed_requests_never_fail_and_store_nothing(client, demo):
    gets = list(
        dict.fromkeys(
            itertools.chain(
                addresses_from_url_conf(), addresses_from_tree(), addresses_of_listings()
            )
        )
    )
    posts = list(form_posts())
    before = stored_counts()
    failures = []
    for url in gets:
        path, _, query = url.partition("?")
        response = client.get(path, QUERY_STRING=query)
        if response.status_code >= 500:
            failures.append(("GET", url[:200], response.status_code))
    for url, body in posts:
        response = client.post(
            url, body, content_type="application/x-www-form-urlencoded", HTTP_ORIGIN="null"
        )
        if response.status_code >= 500:
            failures.append(("POST", url, body[:200], response.status_code))
    assert len(gets) + len(posts) >= 300, len(gets) + len(posts)
    assert not failures, failures
    assert stored_counts() == before
