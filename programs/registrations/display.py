"""What an event page shows of its registration: the state, places left and the form."""

from django.db.models import Count, Q
from django.urls import reverse

from home.caching import cached
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


def counted_settings(pk):
    """The settings with confirmed and attended counts, in one query."""
    return (
        RegistrationSettings.objects.select_related("page")
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
            attended=Count("registrations", filter=Q(registrations__attended=True)),
        )
        .filter(pk=pk)
        .first()
    )


def registration_context(page, request):
    pk = settings_id(page, request)
    event_settings = counted_settings(pk) if pk else None
    if event_settings is None:
        return None
    page._attended_count = event_settings.attended
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
