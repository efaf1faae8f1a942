"""Tests that start from the whole demo site, as `make run` builds it: each module gets its
own copy of the demo loaded once per test process (tests.demo_site)."""

from io import StringIO

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page

import pytest

from home.models import Organisation, Person
from news.models import NewsIndexPage
from programs.models import ClubMeetingPage, ProgramIndexPage, ResolutionPage, TrainingProgramPage
from tests.members.factories import member_user
from tests.test_content_memo import SIGNED_IN_BUDGET, queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_site")]


def test_demo_content_can_be_loaded_again_without_duplicates():
    counts = (Page.objects.count(), Organisation.objects.count(), Person.objects.count())
    call_command("load_demo_content", stdout=StringIO())
    assert (Page.objects.count(), Organisation.objects.count(), Person.objects.count()) == counts
    assert counts[0] > 4 and counts[1] >= 5 and counts[2] >= 5


@override_settings(SHARED_FRAGMENTS=True)
def test_every_kind_of_demo_page_costs_a_member_only_the_session_and_the_user(client):
    def first(model, language="ru"):
        return model.objects.live().filter(locale__language_code=language).order_by("path")[0]

    news = first(NewsIndexPage)
    programme = first(TrainingProgramPage)
    urls = {
        "home page (ru)": "/ru/",
        "home page (en)": "/en/",
        "news index": news.url,
        "news article": news.articles().first().url,
        "programmes": first(ProgramIndexPage).url,
        "programme": programme.url,
        "club meeting": first(ClubMeetingPage).url,
        "resolution": first(ResolutionPage).url,
    }
    client.force_login(member_user("anna"))
    for url in urls.values():
        client.get(url)  # stores the fragments
        client.get(url)  # remembers the page the address names
    spent = {label: queries(client, url) for label, url in urls.items()}
    assert spent == dict.fromkeys(urls, SIGNED_IN_BUDGET)
