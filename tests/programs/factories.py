"""Pages of the programs app with valid defaults; the tree is built by the tests."""

import datetime

from programs.models import ClubMeetingPage, ClubPage, ProgramIndexPage, TrainingProgramPage
from tests.factories import add_page

_counter = iter(range(1, 10**6))


def programme_index(parent, **kwargs):
    kwargs.setdefault("title", "Повышение квалификации")
    kwargs.setdefault("slug", "programmes")
    return add_page(parent, ProgramIndexPage(**kwargs))


def _tagged(page, tags):
    for tag in tags:
        page.tags.add(tag)
    return page


def programme(index, publish=True, tags=(), **kwargs):
    number = next(_counter)
    kwargs.setdefault("title", f"Семинар № {number}")
    kwargs.setdefault("slug", f"seminar-{number}")
    kwargs.setdefault("start_date", datetime.date(2024, 6, 19))
    return add_page(index, _tagged(TrainingProgramPage(**kwargs), tags), publish=publish)


def club(parent, **kwargs):
    number = next(_counter)
    kwargs.setdefault("title", f"Клуб методистов {number}")
    kwargs.setdefault("slug", f"club-{number}")
    return add_page(parent, ClubPage(**kwargs))


def meeting(club_page, publish=True, tags=(), **kwargs):
    number = next(_counter)
    kwargs.setdefault("title", f"Заседание {number}")
    kwargs.setdefault("slug", f"meeting-{number}")
    kwargs.setdefault("start_date", datetime.date(2024, 6, 19))
    return add_page(club_page, _tagged(ClubMeetingPage(**kwargs), tags), publish=publish)
