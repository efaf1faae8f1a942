"""«Подписаться на новости»: consent, double opt-in, digest by language, unsubscribing."""

import datetime
import io
import re

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from news.models import Subscriber
from tests.news.factories import news_index, news_page

pytestmark = pytest.mark.django_db

URL = "/ru/subscription/"


def link(message, pattern):
    return re.search(rf"http://testserver(/\w\w/subscription/{pattern}/[\w-]+/)", message.body)[1]


def subscribe(client, email="reader@library.example", prefix="/ru"):
    response = client.post(f"{prefix}/subscription/", {"email": email, "consent": "on"})
    assert response.status_code == 302
    return Subscriber.objects.get(email=email)


def test_no_address_is_stored_without_consent(client):
    response = client.post(URL, {"email": "reader@library.example"})
    assert response.status_code == 400
    assert "Без вашего согласия мы не можем сохранить адрес." in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b.c\nBcc: x@y.z"])
def test_bad_addresses_are_refused(client, email):
    response = client.post(URL, {"email": email, "consent": "on"})
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_double_opt_in_then_unsubscribe(client):
    subscriber = subscribe(client)
    assert subscriber.consent_at is not None
    assert subscriber.confirmed_at is None
    assert subscriber.language == "ru"
    [letter] = mail.outbox
    assert letter.to == ["reader@library.example"]
    assert letter.subject == "Подтвердите подписку на новости"
    confirm_url = link(letter, "confirm")
    # Opening the link (a mail scanner does) confirms nothing; the button does.
    assert client.get(confirm_url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is None
    assert client.post(confirm_url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    unsubscribe_url = f"/ru/subscription/unsubscribe/{subscriber.token}/"
    assert client.post(unsubscribe_url).status_code == 200
    assert not Subscriber.objects.exists()


def test_subscribing_again_does_not_reveal_or_duplicate(client):
    subscriber = subscribe(client)
    subscriber.confirmed_at = timezone.now()
    subscriber.save()
    mail.outbox.clear()
    subscribe(client, email="READER@library.example".lower())
    assert Subscriber.objects.count() == 1
    assert not mail.outbox


def test_subscriptions_from_one_address_are_rate_limited(client):
    for number in range(5):
        subscribe(client, email=f"reader{number}@library.example")
    response = client.post(URL, {"email": "one-more@library.example", "consent": "on"})
    assert response.status_code == 400
    assert "Слишком много попыток" in response.content.decode()


def confirmed(email, language, days_ago=10):
    return Subscriber.objects.create(
        email=email,
        language=language,
        consent_at=timezone.now() - datetime.timedelta(days=days_ago),
        confirmed_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def test_digest_in_the_subscribers_language_with_unsubscribe_headers(home, english):
    index = news_index(home)
    news_page(index, title="Семинар методистов", date=timezone.now() - datetime.timedelta(days=2))
    news_page(index, title="Старая новость", date=timezone.now() - datetime.timedelta(days=20))
    english_home = home.copy_for_translation(english)
    english_home.save_revision().publish()
    english_index = news_index(english_home, title="News", slug="news")
    news_page(
        english_index,
        title="Methodologists' seminar",
        date=timezone.now() - datetime.timedelta(days=1),
    )
    russian = confirmed("ru@library.example", "ru")
    confirmed("en@library.example", "en")
    call_command("send_news_digest", stdout=io.StringIO())
    letters = {letter.to[0]: letter for letter in mail.outbox}
    ru, en = letters["ru@library.example"], letters["en@library.example"]
    assert ru.subject == "Новости ассоциации"
    assert "Семинар методистов" in ru.body and "Старая новость" not in ru.body
    assert "Methodologists" not in ru.body
    assert en.subject == "News of the association"
    assert "Methodologists' seminar" in en.body and "Семинар" not in en.body
    unsubscribe = f"http://testserver/ru/subscription/unsubscribe/{russian.token}/"
    assert ru.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert ru.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in ru.body
    assert "/en/subscription/unsubscribe/" in en.body
    html = ru.alternatives[0][0]
    assert "Семинар методистов" in html and unsubscribe in html
    # Weekly: a second run the same day sends nothing.
    mail.outbox.clear()
    call_command("send_news_digest", stdout=io.StringIO())
    assert not mail.outbox


def test_one_click_unsubscribe_from_the_mail_client(client):
    subscriber = confirmed("reader@library.example", "ru")
    response = client.post(
        f"/ru/subscription/unsubscribe/{subscriber.token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_unconfirmed_addresses_are_deleted_after_three_days(home):
    old = Subscriber.objects.create(
        email="old@library.example", language="ru", consent_at=timezone.now()
    )
    Subscriber.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=4)
    )
    Subscriber.objects.create(email="new@library.example", language="ru", consent_at=timezone.now())
    call_command("send_news_digest", stdout=io.StringIO())
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["new@library.example"]


def test_staff_see_subscriber_counts_on_the_dashboard(client, editor):
    confirmed("a@library.example", "ru")
    confirmed("b@library.example", "en")
    Subscriber.objects.create(email="c@library.example", language="ru", consent_at=timezone.now())
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Подписчики новостей" in html
    assert "2 подтверждённых подписчика" in html
    assert "1 адрес ожидает подтверждения" in html


def test_news_index_links_the_subscription_form(client, home):
    index = news_index(home)
    assert (
        'href="/ru/subscription/">Подписаться на новости</a>'
        in client.get(index.url).content.decode()
    )
    form = client.get(URL).content.decode()
    assert 'type="checkbox" name="consent"' in form


def test_demo_subscribers_fill_the_dashboard_and_are_created_once(client, editor):
    import yaml

    from home.demo import load_app
    from home.demo.loader import content_file

    class Progress:
        def progress(self, message):
            pass

    load_app("news", Progress(), sections={"records"})
    load_app("news", Progress(), sections={"records"})
    demo = yaml.safe_load(content_file("news").read_text(encoding="utf-8"))
    SUBSCRIBERS = demo["records"][0]["items"]
    assert Subscriber.objects.count() == len(SUBSCRIBERS)
    assert {subscriber.language for subscriber in Subscriber.objects.all()} == {"ru", "en"}
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "3 подтверждённых подписчика" in html
    assert "1 адрес ожидает подтверждения" in html
    # The waiting address is young enough to survive the digest's clean-up.
    call_command("send_news_digest", stdout=io.StringIO())
    assert Subscriber.objects.count() == len(SUBSCRIBERS)
