"""The news demo's rules for `manage.py check_demo_content`: articles dated sensibly against
the events they report or announce, tags leading to one place."""

import re

from django.apps import apps
from django.utils import timezone, translation

from wagtail.models import Locale

from home.demo.checking import rendered
from news.models import NewsPage

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
NUMBERED_SCHOOL = re.compile(r"\b([IVXLC]+)\s+Школ", re.IGNORECASE)
TAG_LINK = re.compile(r'<a href="([^"]*)" rel="tag"')


def roman(numeral):
    values = [ROMAN[letter] for letter in numeral.upper()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def articles():
    return NewsPage.objects.live().filter(locale=Locale.get_default()).order_by("path")


def events_of(article):
    """The related pages that are events (they have days)."""
    targets = [link.target.specific for link in article.related_pages.select_related("target")]
    return [target for target in targets if getattr(target, "start_date", None)]


def reports_after_their_events():
    found = []
    for article in articles():
        if not article.event_start:
            continue
        published = timezone.localdate(article.date) if article.date else None
        if published and published < article.event_start:
            found.append(
                f"«{article.title}» is dated {published}, before the event it reports "
                f"({article.event_start})"
            )
        for event in events_of(article):
            if not event.start_date <= article.event_start <= event.last_day:
                found.append(
                    f"«{article.title}» gives the event's dates as {article.event_start}, but "
                    f"«{event.title}» runs {event.start_date}–{event.last_day}"
                )
    return found


def numbered_sessions_exist():
    try:
        programme = apps.get_model("programs", "TrainingProgramPage")
    except LookupError:
        return []
    editions = set(
        programme.objects.filter(locale=Locale.get_default()).values_list("edition", flat=True)
    )
    found = []
    for article in articles():
        match = NUMBERED_SCHOOL.search(article.title)
        if match and roman(match[1]) not in editions:
            found.append(f"«{article.title}» is about a {match[1]} session no programme holds")
    return found


def tags_lead_to_the_tag_pages():
    found = []
    with translation.override("ru"):
        for article in articles():
            for href in TAG_LINK.findall(rendered(article)):
                if not re.match(r"^/[a-z]{2}/tags/[^/?]+/$", href):
                    found.append(f"a tag of «{article.title}» links to {href}, not to its tag page")
    return found


CHECKS = [reports_after_their_events, numbered_sessions_exist, tags_lead_to_the_tag_pages]
