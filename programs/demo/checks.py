"""The programmes demo's rules for `manage.py check_demo_content`: resolutions numbered and
dated in order, meetings on working days, registration as the form says, nothing offered for a
cancelled event, documents labelled as what they are."""

import datetime
import re
from itertools import groupby

from django.utils import translation

from wagtail.models import Locale

from home.demo.checking import headings, rendered
from programs.choices import Status
from programs.models import (
    ClubMeetingPage,
    RegistrationSettings,
    RegistrationState,
    ResolutionPage,
    ResolutionStatus,
    TrainingProgramPage,
)

NUMBER = re.compile(r"^(\d+)/(\d{4})$")
MEMBERS_DISCUSSION = re.compile(r"обсужд\w*\s+(?:\w+\s+)?член", re.IGNORECASE)


def default(model):
    return model.objects.filter(locale=Locale.get_default())


def resolutions_in_order():
    found, numbered = [], []
    for page in default(ResolutionPage).select_related("adopted_at").order_by("path"):
        match = NUMBER.match(page.number or "")
        if not match:
            found.append(f"resolution «{page.title}» has no number of the form 3/2024")
            continue
        number, year = int(match[1]), int(match[2])
        if page.date and page.date.year != year:
            found.append(f"resolution № {page.number} is dated {page.date}, in another year")
        if page.slug != f"{number}-{year}":
            found.append(f"resolution № {page.number} lives at …/{page.slug}/")
        if page.adopted_at_id and page.date:
            event = page.adopted_at.specific
            first, last = getattr(event, "start_date", None), getattr(event, "last_day", None)
            if first and not first <= page.date <= last:
                found.append(
                    f"resolution № {page.number} is dated {page.date}, outside the meeting that "
                    f"adopted it ({first}–{last})"
                )
        numbered.append((year, number, page.date, page.number))
    numbered.sort()
    for _year, documents in groupby(numbered, key=lambda item: item[0]):
        documents = list(documents)
        for earlier, later in zip(documents, documents[1:], strict=False):
            if earlier[2] and later[2] and later[2] < earlier[2]:
                found.append(f"resolution № {later[3]} is dated before № {earlier[3]}")
    return found


def resolutions_say_what_they_are():
    found = []
    with translation.override("ru"):
        for page in default(ResolutionPage).live().order_by("path"):
            html = rendered(page, as_staff=True)
            if not page.is_final and ">Где принят<" in html:
                found.append(f"«Где принят» on {page.number or page.title}, which is not adopted")
            titles = headings(html)
            if "Полный текст" in titles and "Текст" in titles:
                found.append(f"«Полный текст» and «Текст» on {page.number or page.title}")
            if page.status == ResolutionStatus.DISCUSSION and MEMBERS_DISCUSSION.search(
                page.summary
            ):
                found.append(
                    f"{page.number or page.title} says it is put to the members' discussion, "
                    "but members cannot read a document under discussion"
                )
    return found


def meetings_on_working_days():
    found = []
    for meeting in default(ClubMeetingPage).order_by("path"):
        if meeting.is_month_only:
            continue
        day = meeting.start_date
        while day <= meeting.last_day:
            if day.weekday() >= 5:
                found.append(f"«{meeting.title}» meets on a {day:%A} ({day})")
            day += datetime.timedelta(days=1)
    return found


def registration_as_the_form_says():
    found = []
    for registration in RegistrationSettings.objects.select_related("page"):
        event = registration.event
        capacity = getattr(event, "capacity", None)
        if capacity and registration.capacity and capacity != registration.capacity:
            found.append(
                f"«{event.title}» promises {capacity} places, its form {registration.capacity}"
            )
        state, _left = registration.state()
        if event.status == Status.REGISTRATION_OPEN and state != RegistrationState.OPEN:
            found.append(
                f"«{event.title}» is labelled «идёт регистрация», but its form is {state.value}"
            )
    return found


def nothing_to_add_to_a_calendar_when_cancelled():
    found = []
    with translation.override("ru"):
        for model in (TrainingProgramPage, ClubMeetingPage):
            for event in default(model).live().filter(cancelled=True):
                if "Добавить в календарь" in rendered(event):
                    found.append(f"cancelled «{event.title}» offers «Добавить в календарь»")
    return found


CHECKS = [
    resolutions_in_order,
    resolutions_say_what_they_are,
    meetings_on_working_days,
    registration_as_the_form_says,
    nothing_to_add_to_a_calendar_when_cancelled,
]
