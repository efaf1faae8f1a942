"""The registration form's endpoint and the registrant's own page (reached by the link)."""

import hashlib

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail.models import Page

from home.addresses import normalise_email
from home.feedback.forms import form_timestamp
from home.feedback.views import privacy_page, same_origin
from home.ratelimit import client_key, is_limited, is_limited_for
from programs.models import Registration, RegistrationSettings, RegistrationState
from programs.registrations import services
from programs.registrations.forms import RegistrationForm

# Attempts per client address and e-mail per ten minutes (a reader who mistypes), and per
# address alone: the staff of one library behind one address register for a seminar together.
REGISTER_LIMIT = (5, 10 * 60)
REGISTER_ADDRESS_LIMIT = (60, 10 * 60)
ACCEPTING = (RegistrationState.OPEN, RegistrationState.WAITING_LIST)


def registration_limited(request):
    email = normalise_email(request.POST.get("email", "")).lower()
    address_and_email = hashlib.sha256(f"{client_key(request)}:{email}".encode()).hexdigest()
    return is_limited(request, "registration", *REGISTER_ADDRESS_LIMIT) or is_limited_for(
        "registration-email", address_and_email[:32], *REGISTER_LIMIT
    )


def event_and_settings(page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    event_settings = RegistrationSettings.for_page(page)
    if event_settings is None or getattr(page, "is_hidden", True):
        raise Http404
    return page, event_settings


# Exempt from CSRF: the form sits on event pages served whole from the page cache, which can
# carry no token. The Origin header is checked instead, and each address is rate-limited.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def register(request, page_id):
    page, event_settings = event_and_settings(page_id)
    state, left = event_settings.state()
    status = 200
    if request.method == "GET":
        form = RegistrationForm(event_settings=event_settings, user=request.user)
    else:
        form = RegistrationForm(request.POST, event_settings=event_settings, user=request.user)
        if form.is_honeypot_filled:
            # Bots are shown a polite page and nothing is stored.
            return render(request, "programs/registration/link_sent.html", {"page": page})
        status = 400
        if not same_origin(request):
            form.add_error(None, _("The form was sent from another site."))
            status = 403
        elif registration_limited(request):
            form.add_error(None, _("Too many attempts from your address; please try again later."))
            status = 429
        elif state not in ACCEPTING:
            form.add_error(None, _("Registration for this event is closed."))
        elif form.is_valid():
            data = form.registration_data()
            data["language"] = translation.get_language() or ""
            data["user"] = request.user if request.user.is_authenticated else None
            policy = privacy_page(request)
            data["privacy_policy_url"] = policy.url if policy else ""
            try:
                registration, created = services.register(event_settings, data)
            except services.RegistrationClosed:
                form.add_error(None, _("Registration for this event is closed."))
            else:
                if not created:
                    # Already registered with this address: the link goes to the mailbox only.
                    return render(request, "programs/registration/link_sent.html", {"page": page})
                return redirect("registration_detail", token=services.make_token(registration))
        form.data = form.data.copy()
        form.data["started"] = form_timestamp()
    context = {
        "page": page,
        "form": form,
        "state": state,
        "places_left": left,
        "event_settings": event_settings,
        "privacy_page": privacy_page(request),
    }
    return render(request, "programs/registration/register.html", context, status=status)


def registration_or_404(token):
    registration = services.registration_for_token(token)
    if registration is None:
        raise Http404
    return registration


@never_cache
@require_http_methods(["GET", "POST"])
def detail(request, token):
    registration = services.registration_for_token(token)
    if registration is None:
        return render(request, "programs/registration/gone.html", status=404)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "cancel" and registration.is_active and not has_started(registration):
            services.cancel(registration)
            return redirect("registration_detail", token=token)
        if action == "delete":
            services.cancel(registration, delete=True)
            return render(request, "programs/registration/gone.html", {"deleted": True})
        return redirect("registration_detail", token=token)
    event = services.localized_event(registration)
    context = {
        "registration": registration,
        "event": event,
        "token": token,
        "certificate_available": certificate_available(registration),
        "can_cancel": registration.is_active and timezone.now() < event.starts_at,
    }
    return render(request, "programs/registration/detail.html", context)


def has_started(registration):
    return registration.event.event.starts_at <= timezone.now()


def certificate_available(registration):
    return (
        registration.attended
        and registration.status == Registration.Status.CONFIRMED
        and registration.event.event.ends_at <= timezone.now()
    )


@never_cache
def certificate(request, token):
    from programs.registrations.certificates import certificate_pdf

    registration = registration_or_404(token)
    if not certificate_available(registration):
        raise Http404
    response = HttpResponse(certificate_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="certificate-{registration.certificate_number}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def form_url(page):
    return reverse("registration_form", kwargs={"page_id": page.pk})
