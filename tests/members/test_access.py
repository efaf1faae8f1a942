"""The access matrix: who gets which resolution file, by every route to it."""

from django.core.files.base import ContentFile

import pytest

from home.demo import make_pdf
from home.models import DocumentDownload
from programs.models import ResolutionStatus
from tests.members.factories import DocumentFactory, member_user, resolution, resolution_index

pytestmark = pytest.mark.django_db

OK, SIGN_IN, FORBIDDEN, NOT_FOUND = 200, "sign-in", 403, 404

USERS = ["anonymous", "member", "deactivated member", "editor", "moderator"]
TARGETS = ["draft", "under discussion", "adopted", "superseded", "earlier version"]
ROUTES = ["page view", "download link", "wagtail document url", "direct storage url"]


def expected(user, target, route):
    if route == "page view":
        return OK
    if route == "direct storage url":
        return NOT_FOUND
    if user in ("anonymous", "deactivated member"):
        return SIGN_IN
    if user in ("editor", "moderator"):
        return OK
    return OK if target in ("adopted", "superseded") else FORBIDDEN


STATUS_OF = {
    "draft": ResolutionStatus.DRAFT,
    "under discussion": ResolutionStatus.DISCUSSION,
    "adopted": ResolutionStatus.ADOPTED,
    "superseded": ResolutionStatus.SUPERSEDED,
    "earlier version": ResolutionStatus.ADOPTED,
}


@pytest.fixture
def login_as(client, editor, moderator):
    def login(user):
        if user == "anonymous":
            return
        if user in ("member", "deactivated member"):
            account = member_user()
            client.force_login(account)
            if user == "deactivated member":
                account.is_active = False
                account.save()
        else:
            client.force_login({"editor": editor, "moderator": moderator}[user])

    return login


def urls_for(home, target):
    index = resolution_index(home)
    document = DocumentFactory(title="Резолюция клуба")
    page = resolution(index, STATUS_OF[target], document=document)
    if target == "earlier version":
        document.file = ContentFile(make_pdf("Исправленный текст", ["Новый текст"]), "new.pdf")
        document.save()
        version = document.versions.get()
        return {
            "page view": page.url,
            "download link": version.url,
            "wagtail document url": version.url,
            "direct storage url": "/media/" + version.file.name,
        }
    return {
        "page view": page.url,
        "download link": page.download_url,
        "wagtail document url": document.url,
        "direct storage url": "/media/" + document.file.name,
    }


def outcome(response):
    if response.status_code == 302 and "/ru/account/login/?next=" in response["Location"]:
        return SIGN_IN
    return response.status_code


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("user", USERS)
def test_access_matrix(client, home, login_as, user, target, route):
    url = urls_for(home, target)[route]
    login_as(user)
    response = client.get(url)
    if route == "wagtail document url" and target != "earlier version":
        # Wagtail hands a resolution's file to the view that checks access and streams it.
        assert response.status_code == 302
        assert response["Location"] == f"/documents/resolutions/{url.split('/')[2]}/"
        response = client.get(response["Location"])
    assert outcome(response) == expected(user, target, route)
    if outcome(response) == OK and route != "page view":
        assert response["Content-Type"] == "application/pdf"
        assert response.streaming  # never read into memory whole
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Robots-Tag"].startswith("noindex")
        assert "filename*=UTF-8''" in response["Content-Disposition"]
        assert response.getvalue().startswith(b"%PDF-")
        assert DocumentDownload.objects.count() == 1


def test_anonymous_download_signs_in_and_comes_back_to_the_file(client, home):
    from tests.factories import PASSWORD

    page = resolution(resolution_index(home), ResolutionStatus.ADOPTED)
    member_user()
    response = client.get(page.download_url)
    login_url = response["Location"]
    assert login_url == f"/ru/account/login/?next={page.download_url}"
    form = client.get(login_url)
    assert f'value="{page.download_url}"' in form.content.decode()
    response = client.post(
        "/ru/account/login/",
        {"username": "member", "password": PASSWORD, "next": page.download_url},
    )
    assert response["Location"] == page.download_url
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_the_download_link_always_serves_the_current_file(client, home, editor):
    document = DocumentFactory()
    page = resolution(resolution_index(home), ResolutionStatus.ADOPTED, document=document)
    url = page.download_url
    document.file = ContentFile(make_pdf("Новая редакция", ["Вторая редакция"]), "v2.pdf")
    document.save()
    client.force_login(member_user())
    response = client.get(url)
    assert response.status_code == 200
    assert 'filename="v2.pdf"' in response["Content-Disposition"]


def test_downloads_are_logged_with_user_organisation_document_and_version(client, home):
    member = member_user()
    document = DocumentFactory(title="Резолюция № 3/2024")
    page = resolution(resolution_index(home), ResolutionStatus.ADOPTED, document=document)
    client.force_login(member)
    client.get(page.download_url)
    entry = DocumentDownload.objects.get()
    assert entry.user == member
    assert entry.organisation == member.member_profile.organisation
    assert entry.organisation_name == str(member.member_profile.organisation)
    assert entry.document == document
    assert entry.document_title == "Резолюция № 3/2024"
    assert not entry.is_earlier_version
    assert entry.page.pk == page.pk
    assert entry.downloaded_at is not None


def test_refused_downloads_are_not_logged(client, home):
    page = resolution(resolution_index(home), ResolutionStatus.DRAFT)
    client.get(page.download_url)
    client.force_login(member_user())
    client.get(page.download_url)
    assert not DocumentDownload.objects.exists()


def test_a_file_chosen_only_in_an_unpublished_draft_is_protected(client, home, editor):
    page = resolution(resolution_index(home), ResolutionStatus.ADOPTED)
    secret = DocumentFactory(title="Черновик новой редакции")
    page.document = secret
    page.save_revision(user=editor)
    assert (
        client.get(secret.url, follow=True)
        .redirect_chain[-1][0]
        .startswith("/ru/account/login/?next=")
    )
    client.force_login(member_user())
    assert client.get(secret.url, follow=True).status_code == 403


def test_documents_outside_resolutions_keep_wagtails_behaviour(client):
    document = DocumentFactory(title="Положение о конкурсе")
    response = client.get(document.url)
    assert response.status_code == 200
    assert not DocumentDownload.objects.exists()


def test_the_page_shows_text_and_versions_only_to_those_allowed(client, home, editor):
    document = DocumentFactory()
    page = resolution(
        resolution_index(home),
        ResolutionStatus.ADOPTED,
        document=document,
        clauses=[("clause", {"text": "<p>Рекомендовать библиотекам вести летопись.</p>"})],
    )
    document.file = ContentFile(make_pdf("Итог", ["Текст"]), "v2.pdf")
    document.save()
    version_url = document.versions.get().url

    html = client.get(page.url).content.decode()
    assert "О развитии краеведческой работы" in html
    assert "летопись" not in html
    assert version_url not in html
    assert "/ru/account/" not in html or page.download_url in html

    client.force_login(member_user())
    html = client.get(page.url).content.decode()
    assert "летопись" in html
    assert page.download_url in html
    assert version_url not in html

    client.force_login(editor)
    html = client.get(page.url).content.decode()
    assert version_url in html


def test_drafts_show_no_text_to_members(client, home):
    page = resolution(
        resolution_index(home),
        ResolutionStatus.DISCUSSION,
        clauses=[("clause", {"text": "<p>Секретная формулировка проекта.</p>"})],
    )
    client.force_login(member_user())
    html = client.get(page.url).content.decode()
    assert "Секретная формулировка" not in html
    assert page.download_url not in html


def test_staff_of_a_library_that_left_the_association_lose_access_at_once(client, home):
    page = resolution(resolution_index(home), ResolutionStatus.ADOPTED)
    user = member_user()
    library = user.member_profile.organisation
    client.force_login(user)
    assert client.get(page.download_url).status_code == 200

    library.is_member = False
    library.save()
    assert client.get(page.download_url).status_code == 403

    library.is_member = True
    library.save()
    assert client.get(page.download_url).status_code == 200


def test_file_access_follows_the_russian_state_whichever_language_is_asked(client, home, english):
    index = resolution_index(home)
    document = DocumentFactory(title="Резолюция клуба")
    russian = resolution(index, ResolutionStatus.ADOPTED, document=document)
    translated = russian.copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()
    client.force_login(member_user())
    routes = [
        russian.download_url,
        translated.download_url,
        f"/documents/resolutions/{document.pk}/",
    ]
    assert [client.get(url).status_code for url in routes] == [OK] * 3

    # Back to discussion in Russian; the English version is not synchronised yet.
    russian.status = ResolutionStatus.DISCUSSION
    russian.save_revision().publish()
    translated.refresh_from_db()
    assert translated.status == ResolutionStatus.ADOPTED
    assert [client.get(url).status_code for url in routes] == [FORBIDDEN] * 3
