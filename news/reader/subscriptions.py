"""«Подписаться на новости»: the form, double opt-in and one-click unsubscribe."""

import logging

from django import forms
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home.addresses import normalise_email
from home.feedback.views import privacy_page
from home.ratelimit import is_limited
from news.reader.models import Subscriber

logger = logging.getLogger(__name__)

SUBSCRIBE_LIMIT = (5, 10 * 60)  # attempts per address per ten minutes
CONFIRMATION_DAYS = 3  # an unconfirmed address is deleted after this many days


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    consent = forms.BooleanField(
        label=_("I agree to the processing of my e-mail address to receive the news"),
        error_messages={"required": _("Without your consent we cannot store your address.")},
    )


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def localized_url(name, language, **kwargs):
    with translation.override(language):
        return absolute(reverse(name, kwargs=kwargs))


def send_confirmation(subscriber):
    """Queue the confirmation link; False when the letter cannot even be stored (logged)."""
    with translation.override(subscriber.language):
        context = {
            "confirm_url": localized_url(
                "news_subscription_confirm", subscriber.language, token=subscriber.token
            ),
            "days": CONFIRMATION_DAYS,
        }
        message = EmailMultiAlternatives(
            subject=str(_("Confirm your subscription to the news")),
            body=render_to_string("news/subscription/confirm_email.txt", context),
            to=[subscriber.email],
        )
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the subscription confirmation")
        return False
    return True


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST":
        if is_limited(request, "subscribe", *SUBSCRIBE_LIMIT):
            form.add_error(None, _("Too many attempts from your address; please try again later."))
        elif form.is_valid():
            email = normalise_email(form.cleaned_data["email"]).lower()
            subscriber = Subscriber.objects.filter(email=email).first()
            if subscriber is None:
                try:
                    subscriber = Subscriber.objects.create(
                        email=email,
                        language=translation.get_language(),
                        consent_at=timezone.now(),
                    )
                except IntegrityError:  # the same address sent twice at once
                    subscriber = Subscriber.objects.get(email=email)
            if subscriber.confirmed_at is None and not send_confirmation(subscriber):
                # The address is kept: subscribing again later sends a new letter.
                return render(request, "news/subscription/sent.html", {"not_sent": True})
            # The same answer whether or not the address was subscribed already.
            return redirect("news_subscription_sent")
    return render(
        request,
        "news/subscription/subscribe.html",
        {"form": form, "privacy_page": privacy_page(request)},
        status=400 if request.method == "POST" else 200,
    )


def subscription_sent(request):
    return render(request, "news/subscription/sent.html")


# Confirming and unsubscribing take a POST: mail scanners that open every link in a message
# must not do either. The token in the address is the authority, so no CSRF token is needed,
# and RFC 8058 one-click unsubscribing (List-Unsubscribe-Post) could not send one anyway.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    subscriber = get_object_or_404(Subscriber, token=token)
    if request.method == "POST":
        if subscriber.confirmed_at is None:
            subscriber.confirmed_at = timezone.now()
            subscriber.save(update_fields=["confirmed_at"])
        return render(request, "news/subscription/confirmed.html")
    return render(request, "news/subscription/confirm.html", {"subscriber": subscriber})


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "POST":
        Subscriber.objects.filter(token=token).delete()
        return render(request, "news/subscription/unsubscribed.html")
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        return render(request, "news/subscription/unsubscribed.html")
    return render(request, "news/subscription/unsubscribe.html", {"subscriber": subscriber})
