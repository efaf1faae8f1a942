"""The English demo site speaks English: no Russian interface text on any English page.

Some content may stay Russian there: the name of the Russian language in the switcher, the
titles of files in the documents library (which is not translated) and the titles of pages
with no English version yet that an English page links to. Any other Cyrillic on an English
page is an untranslated string or a reference shown in the wrong language.
"""

import re
from html.parser import HTMLParser

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest
from taggit.models import Tag

from home.i18n.languages import translated

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
SHOWN_ATTRIBUTES = {"title", "alt", "content", "aria-label", "placeholder", "label"}
VIEWS = [
    "/en/no-such-page/",
    "/en/account/login/",
    "/en/account/password-reset/",
    "/en/subscription/",
    "/en/feedback/question/",
    "/en/feedback/mistake/",
    "/en/news/?region=tverskaya-oblast",
    "/en/news/?tag=shkola-rukovoditelei",
    "/en/news/rss/",
    "/en/news/atom/",
    "/en/news/tag/shkola-rukovoditelei/rss/",
    "/en/programmes/calendar/",
    "/en/search/?q=",
]


class ShownText(HTMLParser):
    """Every text node and every attribute a reader (or a search engine) sees."""

    def __init__(self):
        super().__init__()
        self.texts = []

    def handle_starttag(self, tag, attrs):
        self.texts += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_data(self, data):
        self.texts.append(data)


def shown_texts(content):
    if content.lstrip().startswith("BEGIN:VCALENDAR"):
        return content.splitlines()
    parser = ShownText()
    parser.feed(content)
    return parser.texts


def legitimately_russian():
    """Content that may stay Russian on English pages, longest first."""
    english_keys = Page.objects.filter(locale__language_code="en").values("translation_key")
    untranslated = translated(
        Page.objects.live()
        .filter(locale__language_code="ru")
        .exclude(translation_key__in=english_keys)
    )
    texts = {"Русский"}
    texts |= set(untranslated.values_list("title", flat=True))
    texts |= set(get_document_model().objects.values_list("title", flat=True))
    return sorted(texts, key=len, reverse=True)


def russian_left(text, allowed):
    for content in allowed:
        text = text.replace(content, "")
    return text.strip() if CYRILLIC.search(text) else ""


def english_addresses():
    pages = translated(Page.objects.live().public().filter(locale__language_code="en"))
    urls = [page.url for page in pages.specific()]
    for slug in Tag.objects.values_list("slug", flat=True):
        urls += [f"/en/tags/{slug}/", f"/en/tags/{slug}/rss/"]
    return urls + VIEWS


def test_english_pages_show_no_russian_interface_text(client, demo_site):
    allowed = legitimately_russian()
    urls = english_addresses()
    assert len(urls) > 30
    problems = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == (404 if "no-such-page" in url else 200), url
        for text in shown_texts(response.content.decode()):
            if left := russian_left(text, allowed):
                problems.append(f"{url}: {left[:120]!r}")
    assert not problems, "\n".join(dict.fromkeys(problems))
