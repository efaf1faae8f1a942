"""Publication dates as Russian websites write them.

«08 июня 2023г., 09:02», «12.03.2024», «20.04.2024 18:00», «3 марта 2024 г.», «19–20 июня»
(a range: its first day), «1 сентября 2024 г. в 10:00», ISO 8601 from meta tags. A date
without a year is the latest such day not after today.
"""

import datetime
import re

from django.utils import timezone

MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}
MONTH_WORD = (
    r"(январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|"
    r"сентябр[яь]|октябр[яь]|ноябр[яь]|декабр[яь])"
)
TIME = r"(?:\s*(?:г\.?|года)?\s*[,.]?\s*(?:в\s*)?(\d{1,2})[:.](\d{2})(?!\d))?"

ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?([+-]\d{2}:?\d{2}|Z)?"
)
NUMERIC = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)" + TIME)
WORDS = re.compile(
    r"(?<!\d)(\d{1,2})(?:\s*[–—-]\s*\d{1,2})?\s+" + MONTH_WORD + r"(?:\s+(\d{4}))?" + TIME,
    re.IGNORECASE,
)


def _month(word):
    word = word.lower()
    for stem, number in MONTHS.items():
        if word.startswith(stem) and (stem != "ма" or word in ("мая", "май")):
            return number
    return None


def _aware(year, month, day, hour=None, minute=None):
    try:
        naive = datetime.datetime(year, month, day, int(hour or 0), int(minute or 0))
    except ValueError:
        return None
    return timezone.make_aware(naive)


def parse_iso(text):
    match = ISO.search(text or "")
    if not match:
        return None
    year, month, day, hour, minute, offset = match.groups()
    if offset is None:
        return _aware(int(year), int(month), int(day), hour, minute)
    try:
        return datetime.datetime.fromisoformat(match.group(0).replace(" ", "T"))
    except ValueError:
        return None


def parse_russian_date(text, now=None):
    """The first date in `text` as an aware datetime (midnight if no time), or None."""
    text = (text or "").replace("\xa0", " ")
    now = timezone.localtime(now or timezone.now())
    found = []
    for match in NUMERIC.finditer(text):
        day, month, year, hour, minute = match.groups()
        value = _aware(int(year), int(month), int(day), hour, minute)
        if value:
            found.append((match.start(), value))
            break
    for match in WORDS.finditer(text):
        day, word, year, hour, minute = match.groups()
        month = _month(word)
        if month is None:
            continue
        if year:
            value = _aware(int(year), month, int(day), hour, minute)
        else:
            value = _aware(now.year, month, int(day), hour, minute)
            if value and value.date() > now.date():
                value = _aware(now.year - 1, month, int(day), hour, minute)
        if value:
            found.append((match.start(), value))
            break
    if not found:
        return parse_iso(text)
    return min(found, key=lambda pair: pair[0])[1]
