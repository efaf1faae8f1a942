"""Mistake reports: the Ctrl+Enter dialog's endpoint, the plain form, e-mail and the admin."""

from django.core import mail

import pytest

from home.feedback.models import TypoReport
from tests.factories import standard_page

pytestmark = pytest.mark.django_db

URL = "/ru/feedback/mistake/"
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def page(home):
    return standard_page(home, title="Об ассоциации", slug="about")


@pytest.fixture(autouse=True)
def recipients(settings):
    settings.TYPO_REPORT_EMAILS = ["editors@association.example"]


def test_every_page_announces_the_shortcut_and_carries_the_dialog(client, page):
    html = client.get(page.url).content.decode()
    assert "Нашли ошибку? Выделите фрагмент и нажмите Ctrl+Enter" in html
    assert f'href="{URL}?page={page.pk}"' in html
    assert (
        '<dialog class="typo-dialog" id="typo-dialog" aria-labelledby="typo-dialog-title"' in html
    )
    assert "/static/home/js/typo.js" in html
    # The dialog's form has no CSRF token, so the page stays cacheable.
    assert "csrfmiddlewaretoken" not in html


def test_dialog_report_is_stored_and_mailed(client, page):
    response = client.post(
        URL,
        {
            "fragment": "Ассоцияция библиотек",
            "comment": "опечатка",
            "page": page.pk,
            "url": "/ru/about/",
        },
        HTTP_ORIGIN="http://testserver",
        **JSON,
    )
    assert response.status_code == 200
    assert response.json()["message"] == "Спасибо! Редакторы исправят ошибку."
    report = TypoReport.objects.get()
    assert (report.page.pk, report.url, report.fragment, report.comment, report.status) == (
        page.pk,
        "/ru/about/",
        "Ассоцияция библиотек",
        "опечатка",
        TypoReport.Status.NEW,
    )
    assert report.created_at
    [message] = mail.outbox
    assert message.to == ["editors@association.example"]
    assert "Ассоцияция библиотек" in message.body
    assert "http://testserver/ru/about/" in message.body


def test_plain_form_works_without_javascript(client, page):
    form = client.get(f"{URL}?page={page.pk}")
    assert form.status_code == 200
    assert f'name="page" value="{page.pk}"' in form.content.decode()
    response = client.post(URL, {"fragment": "Ассоцияция", "page": page.pk})
    assert response.status_code == 200
    assert "Спасибо! Редакторы исправят ошибку." in response.content.decode()
    assert TypoReport.objects.get().url == page.url


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"fragment": ""}, "заполнить это поле"),
        ({"fragment": "я" * 1001}, "не более 1000 символов"),
        ({"fragment": "текст", "comment": "я" * 2001}, "не более 2000 символов"),
        ({"fragment": "текст", "url": "https://evil.example/"}, "Укажите адрес на этом сайте."),
        ({"fragment": "текст", "page": "abc"}, "Введите целое число."),
    ],
)
def test_bad_reports_are_refused_with_a_russian_message(client, data, error):
    response = client.post(URL, data, **JSON)
    assert response.status_code == 400
    assert any(error in message for message in response.json()["errors"])
    assert not TypoReport.objects.exists()
    assert not mail.outbox


def test_reports_from_another_site_are_refused(client):
    response = client.post(URL, {"fragment": "текст"}, HTTP_ORIGIN="https://evil.example", **JSON)
    assert response.status_code == 403
    assert not TypoReport.objects.exists()


def test_reports_from_one_address_are_rate_limited(client):
    for _ in range(10):
        assert client.post(URL, {"fragment": "текст"}, **JSON).status_code == 200
    response = client.post(URL, {"fragment": "текст"}, **JSON)
    assert response.status_code == 429
    assert "Слишком много сообщений" in response.json()["errors"][0]
    assert TypoReport.objects.count() == 10
    other = client.post(URL, {"fragment": "текст"}, REMOTE_ADDR="10.0.0.2", **JSON)
    assert other.status_code == 200


def test_no_mail_without_a_configured_address(client, settings):
    settings.TYPO_REPORT_EMAILS = []
    assert client.post(URL, {"fragment": "текст"}, **JSON).status_code == 200
    assert TypoReport.objects.count() == 1
    assert not mail.outbox


def test_editors_list_reports_escaped_and_filter_by_page_and_status(
    client, snippet_permissions, editor, page, home
):
    TypoReport.objects.create(page=page, url=page.url, fragment="<script>alert(1)</script>")
    TypoReport.objects.create(page=home, url=home.url, fragment="Другая ошибка", status="fixed")
    client.force_login(editor)
    listing = client.get("/admin/snippets/home/typoreport/")
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    by_page = client.get(f"/admin/snippets/home/typoreport/?page={page.pk}").content.decode()
    assert "&lt;script&gt;" in by_page and "Другая ошибка" not in by_page
    by_status = client.get("/admin/snippets/home/typoreport/?status=fixed").content.decode()
    assert "Другая ошибка" in by_status and "&lt;script&gt;" not in by_status


def test_editor_marks_a_report_fixed(client, snippet_permissions, editor, page):
    report = TypoReport.objects.create(page=page, url=page.url, fragment="Ассоцияция")
    client.force_login(editor)
    edit_url = f"/admin/snippets/home/typoreport/edit/{report.pk}/"
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, {"status": "fixed", "fragment": "подмена"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.fragment) == ("fixed", "Ассоцияция")
