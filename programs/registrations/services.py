"""Taking, giving back and promoting places, the registrant's link and the letters."""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from home.addresses import normalise_email
from home.models.settings import association_name
from programs.models import Registration, RegistrationSettings, RegistrationState

logger = logging.getLogger(__name__)

LINK_SALT = "programs.registration.link"


class RegistrationClosed(Exception):
    """Registration is not open, or the places are taken and no waiting list is kept."""


def make_token(registration):
    return signing.dumps(registration.pk, salt=LINK_SALT, compress=True)


def registration_for_token(token):
    """The registration a link names, or None for a forged, mangled or deleted one."""
    try:
        pk = signing.loads(token, salt=LINK_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Registration.objects.select_related("event__page", "organisation").filter(pk=pk).first()


def link_url(registration):
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        path = reverse("registration_detail", kwargs={"token": make_token(registration)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_letter(registration, subject, template):
    """E-mail the registrant in their language. With the queued mail backend (home.jobs.mail)
    the letter is stored in the caller's transaction and sent by the worker, with retries;
    a letter that cannot even be stored never costs the registration (the page after the
    form shows the same link)."""
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        event = localized_event(registration)
        context = {
            "registration": registration,
            "event": event,
            "link": link_url(registration),
            "association": association_name(),
        }
        message = EmailMessage(
            subject=str(subject) % {"title": event.title},
            body=render_to_string(template, context),
            to=[registration.email],
        )
    try:
        message.send()
    except Exception:
        logger.exception("Could not send %r for registration %s", subject, registration.pk)


def localized_event(registration):
    """The event page in the registrant's language, when it is translated."""
    page = registration.event.page.specific
    language = registration.language or settings.LANGUAGE_CODE
    translated = page.get_translations(inclusive=True).filter(
        locale__language_code=language, live=True
    )
    return (translated.first() or page).specific


def register(event_settings, data, now=None):
    """Create a registration, confirmed while places are left, else on the waiting list.

    The event's settings row is locked for the count and the insert, so two readers taking
    the last place at the same moment are served one after the other (on PostgreSQL; SQLite
    serialises writes anyway). One active registration per address: sending the form again
    re-sends the link instead. Returns the registration and whether it is new.
    """
    now = now or timezone.now()
    data = {**data, "email": normalise_email(data["email"])}
    with transaction.atomic():
        locked = RegistrationSettings.objects.select_for_update().get(pk=event_settings.pk)
        state, _left = locked.state(now)
        if state not in (RegistrationState.OPEN, RegistrationState.WAITING_LIST):
            raise RegistrationClosed
        registration = (
            locked.registrations.exclude(status=Registration.Status.CANCELLED)
            .filter(email__iexact=data["email"])
            .first()
        )
        created = registration is None
        if created:
            status = (
                Registration.Status.CONFIRMED
                if state == RegistrationState.OPEN
                else Registration.Status.WAITLISTED
            )
            registration = Registration.objects.create(
                event=locked, status=status, consent_at=now, created_at=now, **data
            )
        # Queued in the same transaction: the letter commits with the place it announces,
        # or neither does, whatever stops the process in between.
        send_confirmation(registration)
    return registration, created


def send_confirmation(registration):
    if registration.status == Registration.Status.WAITLISTED:
        send_letter(
            registration,
            _("You are on the waiting list: %(title)s"),
            "programs/registration/email_waitlisted.txt",
        )
    else:
        send_letter(
            registration,
            _("Registration confirmed: %(title)s"),
            "programs/registration/email_confirmed.txt",
        )


def cancel(registration, delete=False):
    """Cancel (or delete) a registration; a freed place goes to the first who waits."""
    with transaction.atomic():
        locked = RegistrationSettings.objects.select_for_update().get(pk=registration.event_id)
        current = Registration.objects.filter(pk=registration.pk).first()
        if current is None:
            return None
        freed = current.status == Registration.Status.CONFIRMED
        if delete:
            current.delete()
        else:
            current.status = Registration.Status.CANCELLED
            current.save(update_fields=["status"])
        promoted = promote_waiting(locked) if freed else []
        send_promotions(promoted)
    return promoted


def promote_waiting(locked):
    """Confirm the first on the waiting list while places are free; call with the lock held
    and send_promotions() in the same transaction."""
    waiting = locked.registrations.filter(status=Registration.Status.WAITLISTED).order_by(
        "created_at", "pk"
    )
    free = None if locked.capacity is None else locked.capacity - locked.confirmed_count()
    promoted = []
    for registration in waiting:
        if free is not None and free <= 0:
            break
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status"])
        promoted.append(registration)
        if free is not None:
            free -= 1
    return promoted


@receiver(post_save, sender=RegistrationSettings, dispatch_uid="registration_places_changed")
def promote_after_settings_change(sender, instance, created, raw=False, **kwargs):
    """More places (in the admin or in code) go to the waiting list first, in order. The
    letters are queued in the same transaction (home.jobs.mail), so a rollback sends none."""
    if created or raw:
        return
    event = instance.event
    if event.cancelled or timezone.now() >= event.starts_at:
        return
    with transaction.atomic():
        locked = RegistrationSettings.objects.select_for_update().get(pk=instance.pk)
        send_promotions(promote_waiting(locked))


def send_promotions(promoted):
    """Tell the promoted; call in the transaction that promoted them, so that the queued
    letters commit with the promotion."""
    for registration in promoted:
        send_letter(
            registration,
            _("A place is yours: %(title)s"),
            "programs/registration/email_promoted.txt",
        )


def delete_expired(now=None):
    """Delete registrations kept past their event's retention period; return how many."""
    now = now or timezone.now()
    expired = [
        event_settings.pk
        for event_settings in RegistrationSettings.objects.select_related("page")
        if event_settings.registrations.exists() and event_settings.expires_at() <= now
    ]
    deleted, _counts = Registration.objects.filter(event_id__in=expired).delete()
    return deleted
