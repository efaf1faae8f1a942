"""Dates of events as Russian readers write them: «19–20 июня 2024», «30 июня – 2 июля 2024»."""

import calendar

from django.utils.formats import date_format


def date_range(start, end=None):
    """A day or a range of days; `E` is the month's genitive form in Russian."""
    if not start:
        return ""
    if not end or end == start:
        return date_format(start, "j E Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{date_format(end, 'j E Y')}"
    if start.year == end.year:
        return f"{date_format(start, 'j E')} – {date_format(end, 'j E Y')}"
    return f"{date_format(start, 'j E Y')} – {date_format(end, 'j E Y')}"


def time_range(start, end=None):
    if start and end:
        return f"{start:%H:%M}–{end:%H:%M}"
    return f"{start:%H:%M}" if start else ""


def planned_month(day):
    """A month planned without a day: «Март 2027», "March 2027"."""
    return date_format(day, "F Y")


def last_day_of_month(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])
