"""The content memo (home.caching.remembered): the site, home pages, routed pages, view
restrictions and audiences each process keeps under the content version.

A rendered page for a signed-in member then costs the session and its user alone; whatever
an editor or an administrator changes shows on the very next request.
"""

from django.contrib.auth.models import Group
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from home import caching
from home.caching import bump_content_version, remembered
from home.members.roles import MEMBERS
from programs.models import (
    ResolutionStatus,
)
from tests.factories import standard_page
from tests.members.factories import member_user, resolution, resolution_index
from tests.news.factories import news_index, news_page
from tests.programs.factories import club, meeting, programme_index
from tests.programs.registration_helpers import event_with_registration, registration

pytestmark = pytest.mark.django_db

# The session and its user: with Redis the session comes from the cache, leaving the user.
SIGNED_IN_BUDGET = 2


@pytest.fixture
def fragments():
    with override_settings(SHARED_FRAGMENTS=True):
        yield


def queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.usefixtures("fragments")
def test_an_open_registration_still_shows_the_places_left_after_each_registration(
    client, home, member
):
    index = programme_index(home)
    page, event_settings = event_with_registration(index, capacity=5)
    client.force_login(member)
    client.get(page.url)
    client.get(page.url)
    # The member's registration form, filled in with her library, is rendered for her alone.
    assert queries(client, page.url) == SIGNED_IN_BUDGET + 2
    assert "5 мест" in client.get(page.url).content.decode()
    registration(event_settings, status="confirmed")
    assert "4 места" in client.get(page.url).content.decode()


def test_a_restriction_added_to_a_remembered_page_applies_at_once(client, home):
    index = news_index(home)
    article = news_page(index, title="Итоги совещания", regions=[])
    assert client.get(article.url).status_code == 200
    assert client.get(article.url).status_code == 200  # now from the memo

    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(article.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_restriction_removed_opens_the_page_at_once(client, home):
    index = news_index(home)
    article = news_page(index, title="Итоги совещания", regions=[])
    restriction = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(article.url).status_code == 302
    restriction.delete()
    assert client.get(article.url).status_code == 200


@pytest.mark.usefixtures("fragments")
def test_an_unpublished_deep_page_is_gone_at_once_for_a_member(client, home, member):
    section = club(home, title="Клубы")
    event = meeting(club(section, title="Клуб методистов"), title="Встреча в Торжке")
    client.force_login(member)
    for _ in range(3):
        assert client.get(event.url).status_code == 200
    event.unpublish()
    assert client.get(event.url).status_code == 404


@pytest.mark.usefixtures("fragments")
def test_a_member_taken_out_of_the_members_group_loses_the_download_link_at_once(client, home):
    adopted = resolution(resolution_index(home), ResolutionStatus.ADOPTED)
    anna = member_user("anna")
    client.force_login(anna)
    assert "Скачать PDF" in client.get(adopted.url).content.decode()
    assert "Скачать PDF" in client.get(adopted.url).content.decode()

    anna.groups.remove(Group.objects.get(name=MEMBERS))

    assert "Скачать PDF" not in client.get(adopted.url).content.decode()
    anna.groups.add(Group.objects.get(name=MEMBERS))
    assert "Скачать PDF" in client.get(adopted.url).content.decode()


def test_a_change_made_by_another_process_shows_once_it_changes_the_version(client, home):
    """Another gunicorn worker publishes: this process learns of it only through the shared
    version, which it reads on every request."""
    index = news_index(home)
    assert "Новости" in client.get(index.url).content.decode()
    # The row changes behind this process's back, as if another process had saved it.
    Page.objects.filter(pk=index.pk).update(title="Вести ассоциации")
    assert client.get(index.url).status_code == 200
    bump_content_version()
    assert "Вести ассоциации" in client.get(index.url).content.decode()


def test_each_request_gets_its_own_copy(rf):
    request = rf.get("/")
    first = remembered(request, "thing", lambda: {"title": "Новости"})
    first["title"] = "изменено одним запросом"
    assert remembered(request, "thing", lambda: None) == {"title": "Новости"}


def test_nothing_is_remembered_for_nothing(rf):
    request = rf.get("/")
    calls = []
    for _ in range(2):
        remembered(request, "missing", lambda: calls.append(1))
    assert len(calls) == 2


@override_settings(CONTENT_MEMO_ENTRIES=10)
def test_the_memo_never_holds_more_than_its_limit(rf):
    request = rf.get("/")
    for number in range(35):
        remembered(request, f"entry:{number}", lambda number=number: number)
        assert len(caching._memo.entries) <= 10
    assert remembered(request, "entry:34", lambda: None) == 34


@override_settings(CONTENT_MEMO=False)
def test_without_a_shared_version_nothing_is_remembered(rf):
    request = rf.get("/")
    values = iter(["первое", "второе"])
    assert remembered(request, "thing", lambda: next(values)) == "первое"
    assert remembered(request, "thing", lambda: next(values)) == "второе"


def test_a_page_below_an_alias_of_a_private_page_stays_private(client, home):
    section = standard_page(home, title="Для членов", slug="members-only")
    alias = section.create_alias(parent=home, update_slug="members-alias")
    below = standard_page(alias, title="Протокол", slug="minutes")
    assert below.alias_of_id is None
    assert client.get(below.url).status_code == 200
    # On the source only: the alias has no restriction of its own, yet obeys its source's.
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get(below.url)
        assert response.status_code == 302
        assert "login" in response["Location"]
