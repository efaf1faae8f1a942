"""Pages the search tests build: one per type, plus drafts, private and English pages."""

import datetime

from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from programs.models import (
    ClubMeetingPage,
    ClubPage,
    ProgramIndexPage,
    ResolutionIndexPage,
    ResolutionPage,
    TrainingProgramPage,
)
from tests.factories import add_page


def paragraph(text):
    return [("paragraph", f"<p>{text}</p>")]


def page(parent, title, slug, text="", publish=True, **kwargs):
    return add_page(
        parent, StandardPage(title=title, slug=slug, lead=text, **kwargs), publish=publish
    )


def news_index(home):
    return add_page(home, NewsIndexPage(title="Новости", slug="news"))


def article(index, title, slug, lead, date=None, tags=(), publish=True):
    article = NewsPage(
        title=title,
        slug=slug,
        lead=lead,
        date=date or timezone.now() - datetime.timedelta(days=1),
    )
    article.tags.add(*tags)
    return add_page(index, article, publish=publish)


def programme(home, title, slug, lead, start_date, tags=()):
    index = ProgramIndexPage.objects.first() or add_page(
        home, ProgramIndexPage(title="Программы", slug="programs")
    )
    programme = TrainingProgramPage(title=title, slug=slug, lead=lead, start_date=start_date)
    programme.tags.add(*tags)
    return add_page(index, programme)


def meeting(home, title, slug, theme, start_date, tags=()):
    club = ClubPage.objects.first() or add_page(
        home, ClubPage(title="Клуб методистов", slug="club")
    )
    meeting = ClubMeetingPage(title=title, slug=slug, theme=theme, start_date=start_date)
    meeting.tags.add(*tags)
    return add_page(club, meeting)


def resolution(home, title, slug, summary, date, tags=()):
    register = ResolutionIndexPage.objects.first() or add_page(
        home, ResolutionIndexPage(title="Итоговые документы", slug="documents")
    )
    resolution = ResolutionPage(
        title=title, slug=slug, summary=summary, date=date, status="adopted", number="1/2025"
    )
    resolution.tags.add(*tags)
    return add_page(register, resolution)


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def english_home(english):
    root = Page.get_first_root_node()
    existing = HomePage.objects.filter(locale=english, depth=2).first()
    if existing:
        return existing
    return add_page(root, HomePage(title="Home", slug="home-en", locale=english))
