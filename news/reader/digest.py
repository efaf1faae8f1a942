"""The weekly digest of new articles, and the removal of addresses never confirmed."""

import datetime

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from news.models.index import NewsIndexPage
from news.reader.models import Subscriber
from news.reader.subscriptions import CONFIRMATION_DAYS, absolute, localized_url


def delete_unconfirmed(now=None):
    cutoff = (now or timezone.now()) - datetime.timedelta(days=CONFIRMATION_DAYS)
    deleted, _counts = Subscriber.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return deleted


def digest_articles(language, since):
    index = NewsIndexPage.objects.live().filter(locale__language_code=language).first()
    if index is None:
        return []
    return list(index.articles().filter(date__gt=since)[:30])


def send_digests(days=7, now=None):
    """Send each confirmed subscriber whose last digest is `days` old the news since then;
    delete unconfirmed addresses. Returns (digests sent, addresses deleted)."""
    now = now or timezone.now()
    deleted = delete_unconfirmed(now)
    interval = datetime.timedelta(days=days)
    sent = 0
    for subscriber in Subscriber.objects.filter(confirmed_at__isnull=False).order_by("pk"):
        if subscriber.last_digest_at and subscriber.last_digest_at > now - interval:
            continue
        articles = digest_articles(subscriber.language, subscriber.last_digest_at or now - interval)
        if articles:
            send_digest(subscriber, articles, now)
            sent += 1
    return sent, deleted


def send_digest(subscriber, articles, now):
    """Queue one digest; the letter and the subscriber's date are saved together, and one
    digest a day per subscriber at most, however often the task is run again."""
    unsubscribe_url = localized_url(
        "news_subscription_unsubscribe", subscriber.language, token=subscriber.token
    )
    with translation.override(subscriber.language):
        context = {
            "articles": articles,
            "base_url": absolute(""),
            "unsubscribe_url": unsubscribe_url,
        }
        message = EmailMultiAlternatives(
            subject=str(_("News of the association")),
            body=render_to_string("news/subscription/digest_email.txt", context),
            to=[subscriber.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(
            render_to_string("news/subscription/digest_email.html", context), "text/html"
        )
    message.idempotency_key = f"digest:{subscriber.pk}:{now.date().isoformat()}"
    with transaction.atomic():
        message.send()
        subscriber.last_digest_at = now
        subscriber.save(update_fields=["last_digest_at"])
