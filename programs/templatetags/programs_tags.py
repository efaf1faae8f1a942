"""Home page sections owned by the programs app."""

from django import template
from django.utils import formats

from home.caching import cached
from home.pages import public_pages
from programs import people
from programs.models import ClubMeetingPage, ClubPage, ProgramIndexPage, TrainingProgramPage
from programs.models.programmes import hosts_prefetch

register = template.Library()


def _home(context):
    """The home page of the current page's language tree."""
    page = context.get("page")
    if page is None or page.depth < 2:
        return None
    return page if page.depth == 2 else page.get_ancestors().get(depth=2)


@register.inclusion_tag("programs/tags/upcoming_programmes.html", takes_context=True)
def upcoming_programmes(context, count=3):
    """Programmes that have not ended yet, in the language of the current page's tree; a
    cancelled one keeps its page but takes no place among the upcoming."""
    home = _home(context)
    programmes = []
    index = None
    if home is not None:
        programmes = (
            TrainingProgramPage.objects.visible()
            .descendant_of(home)
            .upcoming()
            .exclude(cancelled=True)
            .prefetch_related(hosts_prefetch())[:count]
        )
        index = public_pages(ProgramIndexPage.objects.live()).descendant_of(home).first()
    return {"programmes": programmes, "index": index, "request": context.get("request")}


@register.inclusion_tag("programs/tags/upcoming_meetings.html", takes_context=True)
def upcoming_meetings(context, count=3):
    home = _home(context)
    meetings = []
    if home is not None:
        meetings = people.localize_hosts(
            ClubMeetingPage.objects.visible()
            .descendant_of(home)
            .upcoming()
            .exclude(cancelled=True)
            .select_related("host_organisation__locale")[:count]
        )
    return {"meetings": meetings, "request": context.get("request")}


@register.inclusion_tag("programs/tags/club_list.html", takes_context=True)
def club_list(context, section):
    """The clubs among the children of a section page, each with its next meeting.

    Shown on every standard page, so the list comes from the content cache: a page without
    clubs costs no query once the cache is warm."""
    request = context.get("request")
    return {"clubs": cached(request, f"club-list:{section.pk}", lambda: _clubs_of(section))}


def _clubs_of(section):
    clubs = list(public_pages(ClubPage.objects.live()).child_of(section).order_by("path"))
    if not clubs:
        return []
    upcoming = ClubMeetingPage.objects.visible().descendant_of(section).upcoming()
    next_meetings = {}
    for meeting in upcoming:
        next_meetings.setdefault(meeting.path[: section.depth * 4 + 4], meeting)
    listed = []
    for club in clubs:
        meeting = next_meetings.get(club.path)
        listed.append(
            {
                "title": club.title,
                "url": club.url,
                "lead": club.lead,
                "periodicity": club.periodicity,
                "next_title": meeting.title if meeting else "",
                "next_url": meeting.url if meeting else "",
                "next_date": meeting.start_date.isoformat() if meeting else "",
                "next_dates": meeting.date_display if meeting else "",
            }
        )
    return listed


@register.filter
def credentials(person):
    """Position and organisation of a person whose organisation is already fetched."""
    return people.credentials(person)


@register.filter
def grouped(number):
    """A count with the thousands separator of the reader's language: 1 200, 1,200.

    Not the site-wide USE_THOUSAND_SEPARATOR, which would split years too ("2 024").
    """
    return formats.number_format(number, force_grouping=True)
