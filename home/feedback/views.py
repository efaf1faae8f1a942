"""The mistake report (Ctrl+Enter dialog or a plain form) and the «Задать вопрос» form."""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail.models import Page, Site

from home.feedback.forms import QuestionForm, TypoReportForm, form_timestamp
from home.feedback.models import TypoReport
from home.ratelimit import is_limited

logger = logging.getLogger(__name__)

TYPO_LIMIT = (10, 60 * 60)  # reports per address per hour
QUESTION_LIMIT = (5, 10 * 60)  # attempts per address per ten minutes


def notify(subject, template, context, recipients, reply_to=None):
    """E-mail staff; a mail server that is down loses the notification, never the data."""
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, context)
    message = EmailMessage(
        subject=subject, body=body, to=recipients, reply_to=[reply_to] if reply_to else None
    )
    try:
        message.send()
    except Exception:
        logger.exception("Could not send %r to %s", subject, recipients)


def privacy_page(request):
    from home.models import AssociationSettings

    site = Site.find_for_request(request)
    page = AssociationSettings.for_site(site).privacy_page if site else None
    if page is None:
        return None
    page = page.specific.localized
    return page if page.live else None


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def same_origin(request):
    """False for a request sent by a page of another site, or by an opaque origin ("null":
    sandboxed frames, local files, some redirects); True without an Origin header."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc == request.get_host()


# Exempt from CSRF: the dialog sits on pages served whole from the page cache, which can
# carry no token. A report has no authority to abuse, so what is left is spam: the Origin
# header is checked and each address is rate-limited.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def typo_report(request):
    if request.method == "GET":
        form = TypoReportForm(initial={"page": request.GET.get("page"), "url": ""})
        return render(request, "home/feedback/typo_report.html", {"form": form})

    form = TypoReportForm(request.POST)
    status = 400
    if not same_origin(request):
        form.add_error(None, _("The report was sent from another site."))
        status = 403
    elif is_limited(request, "typo", *TYPO_LIMIT):
        form.add_error(None, _("Too many reports from your address; please try again later."))
        status = 429
    elif form.is_valid():
        page = None
        if form.cleaned_data["page"]:
            page = Page.objects.live().public().filter(pk=form.cleaned_data["page"]).first()
        report = TypoReport.objects.create(
            page=page,
            url=form.cleaned_data["url"] or (page.url if page else ""),
            fragment=form.cleaned_data["fragment"],
            comment=form.cleaned_data["comment"],
        )
        notify(
            _("Mistake reported on the site"),
            "home/feedback/typo_report_email.txt",
            {"report": report, "base_url": settings.WAGTAILADMIN_BASE_URL},
            settings.TYPO_REPORT_EMAILS,
        )
        message = _("Thank you! The editors will correct the mistake.")
        if wants_json(request):
            return JsonResponse({"message": message})
        return render(request, "home/feedback/typo_report_sent.html", {"message": message})

    if wants_json(request):
        errors = [str(error) for errors in form.errors.values() for error in errors]
        return JsonResponse({"errors": errors}, status=status)
    return render(request, "home/feedback/typo_report.html", {"form": form}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def ask_question(request):
    if request.method == "GET":
        form = QuestionForm()
    else:
        form = QuestionForm(request.POST)
        if form.is_honeypot_filled:
            # Bots are shown the confirmation and nothing is stored.
            return redirect("question_sent")
        if is_limited(request, "question", *QUESTION_LIMIT):
            form.add_error(None, _("Too many questions from your address; please try again later."))
        elif form.is_valid():
            policy = privacy_page(request)
            with transaction.atomic():
                question = form.save(commit=False)
                question.language = translation.get_language() or ""
                question.consent_at = timezone.now()
                question.privacy_policy_url = policy.url if policy else ""
                question.save()
            notify(
                _("Question from the site: %(topic)s") % {"topic": question.topic},
                "home/feedback/question_email.txt",
                {"question": question, "base_url": settings.WAGTAILADMIN_BASE_URL},
                settings.QUESTION_EMAILS,
                reply_to=question.email,
            )
            return redirect("question_sent")
        # A new timestamp: the reader may need to correct the form before sending again.
        form.data = form.data.copy()
        form.data["started"] = form_timestamp()
    return render(
        request,
        "home/feedback/question.html",
        {"form": form, "privacy_page": privacy_page(request)},
        status=200 if request.method == "GET" else 400,
    )


def question_sent(request):
    return render(request, "home/feedback/question_sent.html")
