"""schema.org Event / EducationEvent markup of programmes and meetings, as JSON-LD."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from programs.choices import Format

ATTENDANCE_MODES = {
    Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Format.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


def _moment(page, day, moment):
    return moment.isoformat() if page.is_timed else day.isoformat()


def event_data(page, request=None):
    url = page.get_full_url(request=request)
    data = {
        "@context": "https://schema.org",
        "@type": page.schema_type,
        "name": page.title,
        "url": url,
        "startDate": _moment(page, page.start_date, page.starts_at),
        "endDate": page.last_day.isoformat(),
        "eventAttendanceMode": ATTENDANCE_MODES[page.format],
        "eventStatus": "https://schema.org/EventCancelled"
        if page.cancelled
        else "https://schema.org/EventScheduled",
    }
    if page.is_timed and page.end_time:
        data["endDate"] = page.ends_at.isoformat()
    if page.is_month_only:
        # ISO 8601 allows a date of reduced precision; the end is as unknown as the day.
        data["startDate"] = page.date_iso
        del data["endDate"]
    # Participant and municipality counts stay out: schema.org's Event has no property for
    # how many attended (maximumAttendeeCapacity is the places offered, not the turnout).
    description = page.calendar_description()
    if description:
        data["description"] = description
    locations = []
    if page.format != Format.ONLINE and (page.venue or page.address):
        place = {"@type": "Place", "name": page.venue or page.address}
        if page.address:
            place["address"] = page.address
        locations.append(place)
    if page.format != Format.IN_PERSON:
        locations.append({"@type": "VirtualLocation", "url": page.online_url or url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organisers = [
        {"@type": "Organization", "name": organisation.name, **_website(organisation)}
        for organisation in page.organisers()
    ]
    if organisers:
        data["organizer"] = organisers[0] if len(organisers) == 1 else organisers
    return data


def _website(organisation):
    return {"url": organisation.website} if organisation.website else {}


def event_json_ld(page, request=None):
    """The markup as a string safe inside <script type="application/ld+json">."""
    text = json.dumps(event_data(page, request), cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_json_script_escapes))  # noqa: S308
