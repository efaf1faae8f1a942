"""Journey 6: a member signs in on the site to download an adopted resolution; a draft
stays out of reach."""

from pathlib import Path

import pytest

from tests.e2e import content
from tests.factories import PASSWORD
from tests.text import plain


@pytest.fixture
def member(site_url):
    from tests.members.factories import member_user

    return member_user(username="bibliotekar", first_name="Анна", last_name="Ветрова")


def sign_in(page, username):
    page.get_by_label("Имя пользователя").fill(username)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.locator("form.account-form button[type=submit]").click()


def test_member_signs_in_to_download_an_adopted_resolution_but_not_a_draft(member, page):
    documents = content.resolutions()
    adopted, draft = documents["adopted"], documents["draft"]

    page.goto(adopted.url)
    assert plain(page.get_by_role("heading", level=1).inner_text()) == adopted.title
    page.get_by_role("link", name="Войдите, чтобы скачать").click()
    page.wait_for_url("**/account/login/?next=**")
    assert page.get_by_role("heading", level=1).inner_text() == "Вход для членов ассоциации"

    with page.expect_download() as download_info:
        sign_in(page, member.username)
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF")

    # Signed in, the adopted document offers the file directly; the draft does not.
    page.goto(adopted.url)
    assert page.get_by_role("link", name="Скачать PDF").is_visible()
    page.goto(draft.url)
    assert page.get_by_role("link", name="Скачать PDF").count() == 0
    response = page.goto(draft.download_url)
    assert response.status == 403
    assert page.get_by_role("heading", level=1).inner_text() == "Нет доступа к этому файлу"
