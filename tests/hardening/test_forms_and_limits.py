"""The public forms and endpoints under abuse: mail server down, foreign origins, floods."""

import logging
import smtplib
import time

from django.core import mail
from django.core.cache import cache
from django.utils import timezone

import pytest

from home.feedback.models import TypoReport
from news.models import Subscriber
from news.reader.reads import counter_key
from tests.factories import PASSWORD, UserFactory
from tests.news.factories import news_index, news_page

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


class BrokenMailServer:
    """An e-mail backend whose server refuses connections."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "Service not available")


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"


def test_subscribing_while_the_mail_server_is_down_keeps_the_address_and_says_so(
    client, mail_server_down, caplog
):
    with caplog.at_level(logging.ERROR, logger="news.reader.subscriptions"):
        response = client.post(
            "/ru/subscription/", {"email": "reader@library.example", "consent": "on"}
        )
    assert response.status_code == 200
    assert "Ваш адрес сохранён, но письмо со ссылкой" in response.content.decode()
    assert Subscriber.objects.get().email == "reader@library.example"
    assert "Could not send the subscription confirmation" in caplog.text


@pytest.mark.parametrize("origin", ["null", "https://evil.example", "http://testserver.evil"])
def test_the_typo_report_refuses_opaque_and_foreign_origins(client, origin):
    response = client.post(
        "/ru/feedback/mistake/",
        {"fragment": "Ассоцияция"},
        HTTP_ORIGIN=origin,
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 403
    assert not TypoReport.objects.exists()


def test_the_typo_report_accepts_its_own_origin(client):
    response = client.post(
        "/ru/feedback/mistake/", {"fragment": "Ассоцияция"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 200
    assert TypoReport.objects.count() == 1


def reset(client, email, address="192.0.2.1"):
    return client.post("/ru/account/password-reset/", {"email": email}, REMOTE_ADDR=address)


def test_password_reset_letters_to_one_address_are_limited(client):
    UserFactory(username="member", email="metodist@library.example")
    answers = [reset(client, "metodist@library.example", f"192.0.2.{n}") for n in range(5)]
    # Every answer is the same; only the first three letters go out.
    assert {response["Location"] for response in answers} == {"/ru/account/password-reset/sent/"}
    assert len(mail.outbox) == 3


def test_password_reset_requests_from_one_client_are_limited(client):
    answers = [reset(client, f"reader{n}@library.example") for n in range(11)]
    assert [response.status_code for response in answers] == [302] * 10 + [429]
    assert "Слишком много попыток с вашего адреса" in answers[-1].content.decode()


class SlowMailServer(BrokenMailServer):
    def send_messages(self, messages):
        time.sleep(0.5)
        mail.outbox.extend(messages)
        return len(messages)


def test_password_reset_answers_as_fast_for_a_member_as_for_an_unknown_address(
    client, settings, task_queue
):
    settings.LETTER_BACKEND = f"{__name__}.SlowMailServer"
    UserFactory(username="member", email="metodist@library.example")
    started = time.monotonic()
    reset(client, "metodist@library.example", "192.0.2.1")
    known = time.monotonic() - started
    started = time.monotonic()
    reset(client, "nobody@library.example", "192.0.2.2")
    unknown = time.monotonic() - started
    assert known < 0.4 and unknown < 0.4, (known, unknown)
    task_queue()
    assert [letter.to for letter in mail.outbox] == [["metodist@library.example"]]


def sign_in(client, username, address="192.0.2.7"):
    return client.post(
        "/ru/account/login/", {"username": username, "password": "wrong"}, REMOTE_ADDR=address
    )


def test_sign_in_is_paused_for_an_address_trying_many_user_names(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 6
    UserFactory(username="member")
    # Two failures per name stay under the per-name limit; the address's sixth locks it.
    for name in ("anna", "boris", "vera"):
        assert sign_in(client, name).status_code == 200
        assert sign_in(client, name).status_code == (429 if name == "vera" else 200)
    response = client.post(
        "/ru/account/login/",
        {"username": "member", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 429
    # Another address signs in as usual.
    response = client.post(
        "/ru/account/login/",
        {"username": "member", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.8",
    )
    assert response.status_code == 302


def test_one_user_name_is_still_paused_at_the_smaller_limit(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 30
    for _attempt in range(3):
        sign_in(client, "anna")
    assert sign_in(client, "anna").status_code == 429
    assert sign_in(client, "boris").status_code == 200


def beacon(client, page_id, **headers):
    return client.post(f"/news-reads/{page_id}/", HTTP_USER_AGENT=BROWSER, **headers)


def test_the_read_beacon_counts_only_live_public_articles(client, home):
    index = news_index(home)
    article = news_page(index, title="Семинар")
    draft = news_page(index, title="Черновик", publish=False)
    today = timezone.localdate()
    assert beacon(client, article.pk).status_code == 204
    for page_id in (draft.pk, index.pk, 999999, home.pk):
        assert beacon(client, page_id).status_code == 204
        assert cache.get(counter_key(page_id, today)) is None
    assert cache.get(counter_key(article.pk, today)) == 1


@pytest.mark.parametrize("origin", ["null", "https://evil.example"])
def test_the_read_beacon_refuses_foreign_origins(client, home, origin):
    article = news_page(news_index(home), title="Семинар")
    assert beacon(client, article.pk, HTTP_ORIGIN=origin).status_code == 403
    assert cache.get(counter_key(article.pk, timezone.localdate())) is None
    assert beacon(client, article.pk, HTTP_ORIGIN="http://testserver").status_code == 204
    assert cache.get(counter_key(article.pk, timezone.localdate())) == 1
