"""The month grid beside the news listing: days with news link to that day's articles."""

import calendar
import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR


@dataclass
class Day:
    date: datetime.date
    has_news: bool
    selected: bool

    @property
    def query(self):
        return f"year={self.date.year}&month={self.date.month}&day={self.date.day}"


@dataclass
class MonthCalendar:
    month: datetime.date  # the first day of the month shown
    weeks: list  # of seven Days or None (days of the neighbouring months)
    previous: datetime.date
    next: datetime.date | None  # None for the current month: no news is dated later

    weekdays = [(WEEKDAYS_ABBR[number], WEEKDAYS[number]) for number in range(7)]

    @staticmethod
    def query(month):
        return f"year={month.year}&month={month.month}"

    @property
    def previous_query(self):
        return self.query(self.previous)

    @property
    def next_query(self):
        return self.query(self.next) if self.next else ""


def month_calendar(articles, year=None, month=None, day=None):
    """The calendar of one month (the current one by default) over `articles`.

    One query: the days of the month that have articles, in the site's time zone.
    """
    today = timezone.localdate()
    if not (year and month):
        year, month = today.year, today.month
    first = datetime.date(year, month, 1)
    days_with_news = {
        moment.day
        for moment in articles.filter(date__year=first.year, date__month=first.month).datetimes(
            "date", "day"
        )
    }
    weeks = [
        [
            Day(
                datetime.date(first.year, first.month, number),
                has_news=number in days_with_news,
                selected=number == day,
            )
            if number
            else None
            for number in week
        ]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdayscalendar(
            first.year, first.month
        )
    ]
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=31)).replace(day=1)
    return MonthCalendar(
        month=first,
        weeks=weeks,
        previous=previous,
        next=following if following <= today else None,
    )
