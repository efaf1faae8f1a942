"""«Задать вопрос»: consent recorded, spam traps, rate limit, e-mail to staff, the admin."""

import time

from django.core import mail, signing

from wagtail.models import Site

import pytest

from home.feedback.forms import TIMESTAMP_SALT, form_timestamp
from home.feedback.models import Question, TypoReport
from home.models import AssociationSettings
from tests.factories import standard_page

pytestmark = pytest.mark.django_db

URL = "/ru/feedback/question/"


@pytest.fixture(autouse=True)
def recipients(settings):
    settings.QUESTION_EMAILS = ["office@association.example"]


@pytest.fixture
def privacy(home):
    page = standard_page(home, title="Политика обработки персональных данных", slug="privacy")
    settings = AssociationSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = page
    settings.save()
    return page


def started(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt=TIMESTAMP_SALT)


def valid(**overrides):
    data = {
        "name": "Мария Иванова",
        "email": "maria@library.example",
        "topic": "Стажировка",
        "question": "Когда начнётся приём заявок на стажировку?",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    return data


def test_form_links_the_privacy_policy_next_to_the_consent_box(client, privacy):
    html = client.get(URL).content.decode()
    assert 'type="checkbox" name="consent"' in html
    assert "Я даю согласие на обработку моих персональных данных" in html
    assert f'<a href="{privacy.url}">Политика обработки персональных данных</a>' in html
    assert 'name="started"' in html
    assert 'class="form-trap" aria-hidden="true"' in html


def test_question_is_stored_with_consent_time_and_mailed_to_staff(client, privacy):
    response = client.post(URL, valid())
    assert response.status_code == 302
    assert response["Location"] == "/ru/feedback/question/sent/"
    confirmation = client.get(response["Location"]).content.decode()
    assert "Спасибо! Мы получили ваш вопрос" in confirmation
    question = Question.objects.get()
    assert (question.name, question.email, question.topic, question.status) == (
        "Мария Иванова",
        "maria@library.example",
        "Стажировка",
        Question.Status.NEW,
    )
    assert question.consent_at is not None
    assert question.privacy_policy_url == privacy.url
    assert question.language == "ru"
    [message] = mail.outbox
    assert message.to == ["office@association.example"]
    assert message.reply_to == ["maria@library.example"]
    assert message.subject == "Вопрос с сайта: Стажировка"
    assert "Когда начнётся приём заявок" in message.body


def test_question_without_consent_is_refused(client):
    response = client.post(URL, valid(consent=""))
    assert response.status_code == 400
    assert "Без вашего согласия на обработку персональных данных" in response.content.decode()
    assert not Question.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"name": "", "question": ""}, "заполнить это поле"),
        ({"question": "я" * 5001}, "не более 5000 символов"),
        ({"email": "not-an-address"}, "Введите правильный адрес электронной почты."),
        ({"name": "Мария\r\nBcc: victim@example.com"}, "Переводы строк здесь не допускаются."),
        ({"topic": "Тема\nBcc: victim@example.com"}, "Переводы строк здесь не допускаются."),
    ],
)
def test_bad_input_gets_a_russian_message_and_nothing_is_saved(client, overrides, error):
    response = client.post(URL, valid(**overrides))
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Question.objects.exists()
    assert not mail.outbox


def test_honeypot_shows_the_confirmation_and_stores_nothing(client):
    response = client.post(URL, valid(website="http://spam.example"))
    assert response.status_code == 302
    assert not Question.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("stamp", "error"),
    [
        (form_timestamp, "Форма отправлена слишком быстро"),
        (lambda: "forged", "Срок действия формы истёк"),
        (lambda: started(seconds_ago=2 * 24 * 3600), "Срок действия формы истёк"),
    ],
)
def test_time_check_refuses_instant_forged_and_stale_forms(client, stamp, error):
    response = client.post(URL, valid(started=stamp()))
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Question.objects.exists()


def test_questions_from_one_address_are_rate_limited(client):
    for number in range(5):
        assert client.post(URL, valid(topic=f"Тема {number}")).status_code == 302
    response = client.post(URL, valid(topic="Ещё одна"))
    assert response.status_code == 400
    assert "Слишком много вопросов с вашего адреса" in response.content.decode()
    assert Question.objects.count() == 5


def test_staff_see_questions_escaped_and_mark_them_answered(client, snippet_permissions, moderator):
    question = Question.objects.create(
        name="<b>Мария</b>",
        email="maria@library.example",
        topic="<script>alert(1)</script>",
        question="Вопрос",
        consent_at="2026-11-01T10:00:00+03:00",
    )
    client.force_login(moderator)
    html = client.get("/admin/snippets/home/question/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert "<b>Мария</b>" not in html
    edit_url = f"/admin/snippets/home/question/edit/{question.pk}/"
    assert client.post(edit_url, {"status": "answered"}).status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    answered = client.get("/admin/snippets/home/question/?status=answered").content.decode()
    assert "&lt;script&gt;" in answered


class Progress:
    def progress(self, message):
        pass


def test_demo_privacy_page_and_examples_are_idempotent(home):
    from home.demo import load_app

    load_app("home", Progress(), sections={"pages", "settings", "records"})
    load_app("home", Progress(), sections={"pages", "settings", "records"})
    site = Site.objects.get(is_default_site=True)
    privacy = AssociationSettings.for_site(site).privacy_page
    assert privacy.title == "Политика обработки персональных данных"
    assert privacy.live
    assert Question.objects.count() == 2
    assert TypoReport.objects.count() == 2


def test_english_consent_boxes_link_the_english_privacy_policy(client, home, english):
    from wagtail_localize.models import StringTranslation, TranslationSource

    from home.demo import load_app

    # The home page and its standard pages, with their English versions.
    load_app("home", Progress(), sections={"pages", "settings", "records"})
    russian = AssociationSettings.for_site(Site.objects.get(is_default_site=True)).privacy_page
    policy = russian.get_translation(english)
    assert policy.live
    assert policy.url == "/en/privacy/"
    source = TranslationSource.objects.get_for_instance(russian)
    # The slug stays Latin and shared; every text of the page is English.
    untranslated = source.stringsegment_set.exclude(context__path="slug").exclude(
        string__translations__in=StringTranslation.objects.filter(locale=english)
    )
    assert not untranslated.values_list("string__data", flat=True)
    assert "personal data" in client.get(policy.url).content.decode()

    link = '<a href="/en/privacy/">Privacy policy</a>'
    assert link in client.get("/en/feedback/question/").content.decode()
    assert link in client.get("/en/subscription/").content.decode()
    assert client.post("/en/feedback/question/", valid()).status_code == 302
    assert Question.objects.get(language="en").privacy_policy_url == "/en/privacy/"
