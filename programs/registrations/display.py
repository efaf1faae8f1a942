"""What an event page shows of its registration: the state, places left and the form."""

from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse

from home.caching import cached, remembered
from home.feedback.views import privacy_page
from programs.models.registrations import (
    Registration,
    RegistrationSettings,
    RegistrationState,
)
from programs.registrations.forms import RegistrationForm

_NOT_COMPUTED = object()


def settings_id(page, request=None):
    """The id of the event's registration settings, 0 without; from the content cache, so an
    event without registration pays no query (saving settings changes the cache version)."""
    return cached(
        request,
        f"registration-settings:{page.translation_key}",
        lambda: RegistrationSettings.objects.filter(page__translation_key=page.translation_key)
        .values_list("pk", flat=True)
        .first()
        or 0,
    )


def counted_settings(pk, request=None):
    """The settings with their confirmed and attended counts.

    The settings come from the content memo (saving them replaces the content version); the
    counts from the shared cache, which every saved or deleted registration empties
    (`_forget_counts`), and at most a minute old in any case (with Redis only: see
    CONTENT_MEMO). A page shown with a full event therefore costs no query; taking a place
    still counts under a lock
    (programs.registrations.services), whatever a page showed.
    """
    event_settings = remembered(
        request,
        f"registration-settings:{pk}",
        lambda: RegistrationSettings.objects.filter(pk=pk).first(),
    )
    if event_settings is None:
        return None
    # Only a cache shared by every process (Redis, as for the memo) learns of a registration
    # taken in another process.
    shared = django_settings.CONTENT_MEMO
    key = _counts_key(pk)
    counts = cache.get(key) if shared else None
    if counts is None:
        counts = Registration.objects.filter(event_id=pk).aggregate(
            confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
            attended=Count("pk", filter=Q(attended=True)),
        )
        if shared:
            cache.set(key, counts, django_settings.SHARED_FRAGMENTS_LIVE_SECONDS)
    event_settings.confirmed = counts["confirmed"]
    event_settings.attended = counts["attended"]
    return event_settings


def _counts_key(pk):
    return f"registration-counts:{pk}"


@receiver(post_save, sender=Registration, dispatch_uid="registration_counts_saved")
@receiver(post_delete, sender=Registration, dispatch_uid="registration_counts_deleted")
def _forget_counts(sender, instance, **kwargs):
    key = _counts_key(instance.event_id)
    cache.delete(key)
    # Again after the commit: a page shown meanwhile may have counted without this one.
    transaction.on_commit(lambda: cache.delete(key))


def registration_context(page, request):
    pk = settings_id(page, request)
    event_settings = counted_settings(pk, request) if pk else None
    if event_settings is None:
        return None
    page._attended_count = event_settings.attended
    if event_settings.page_id == page.pk:
        event_settings.event = page  # the page being shown: no second query for it
    if not event_settings.enabled:
        return None
    request._registration_shown = True
    state, left = event_settings.state()
    context = {
        "settings": event_settings,
        "state": state,
        "places_left": left,
        "opens_at": event_settings.opens_at,
        "closes": event_settings.closes,
    }
    if state in (RegistrationState.OPEN, RegistrationState.WAITING_LIST):
        context["form"] = RegistrationForm(event_settings=event_settings, user=request.user)
        context["action"] = reverse("registration_form", kwargs={"page_id": page.pk})
        context["privacy_page"] = privacy_page(request)
    return context


def attended_count(page):
    if hasattr(page, "_attended_count"):
        return page._attended_count
    pk = settings_id(page)
    if not pk:
        return 0
    return Registration.objects.filter(event_id=pk, attended=True).count()


def registration_section(context):
    """The registration section of an event page: a live part of its shared fragments
    (home.fragments), since the places left and the member's details change between requests.
    """
    registration = context.get("registration", _NOT_COMPUTED)
    if registration is _NOT_COMPUTED:  # the rest of the page came from the fragment cache
        registration = registration_context(context["page"], context["request"])
    template = context.template.engine.get_template("programs/registration/section.html")
    with context.push(registration=registration):
        return template.render(context)
