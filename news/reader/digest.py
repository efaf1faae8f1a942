"""The weekly digest of new articles, and the removal of addresses never confirmed."""

import datetime

from django.core.mail import EmailMultiAlternatives
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


def send_digest(subscriber, articles, now):
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
    message.send()
    subscriber.last_digest_at = now
    subscriber.save(update_fields=["last_digest_at"])
