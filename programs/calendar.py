"""iCalendar files of programmes and meetings (RFC 5545), built with the icalendar library."""

import datetime

from django.http import HttpResponse
from django.utils import timezone, translation

import icalendar

from home.models import AssociationSettings

PRODUCT_ID = "-//Library association//Programmes and meetings//RU"
UID_DOMAIN = "library-association"


def event_uid(page):
    """Stable across renames, moves and translations: the page's translation key."""
    return f"{page.translation_key}@{UID_DOMAIN}"


def calendar_event(page, request=None):
    event = icalendar.Event()
    event.add("uid", event_uid(page))
    event.add("dtstamp", page.last_published_at or timezone.now())
    event.add("summary", page.title)
    if page.is_timed:
        event.add("dtstart", page.starts_at)
        if page.end_time or page.last_day != page.start_date:
            event.add("dtend", page.ends_at)
    else:
        # All-day events end on the day after the last one (DTEND is exclusive).
        event.add("dtstart", page.start_date)
        event.add("dtend", page.last_day + datetime.timedelta(days=1))
    location = page.location_display
    if location:
        event.add("location", location)
    url = page.get_full_url(request=request)
    description = "\n\n".join(part for part in (page.calendar_description(), url) if part)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    event.add("status", "CANCELLED" if page.cancelled else "CONFIRMED")
    return event


def build_calendar(pages, request=None, name=""):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    for page in pages:
        with translation.override(page.locale.language_code):
            calendar.add_component(calendar_event(page, request))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(pages, request, filename):
    name = AssociationSettings.for_request(request).site_name
    calendar = build_calendar(pages, request, name=name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
