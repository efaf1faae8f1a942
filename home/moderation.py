"""Moderation in the admin: a moderator who approves or sends back a page is told that it
worked."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from wagtail.models import Page

APPROVE_VIEW = "wagtailadmin_pages:workflow_action"
MESSAGES = {
    "approve": gettext_noop("Page '%(page_title)s' has been approved."),
    "reject": gettext_noop("Page '%(page_title)s' has been sent back to its author."),
}


class ApprovalMessageMiddleware:
    """Wagtail's approve action (the «Одобрить» button of the dashboard) answers with a
    redirect or a modal's JSON but no message; this adds the confirmation to the next page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if (
            request.method == "POST"
            and match is not None
            and match.view_name == APPROVE_VIEW
            and match.kwargs.get("action_name") in MESSAGES
            and approved(response)
        ):
            page = Page.objects.filter(pk=match.kwargs["page_id"]).first()
            if page is not None:
                message = MESSAGES[match.kwargs["action_name"]]
                messages.success(
                    request, _(message) % {"page_title": page.get_admin_display_title()}
                )
        return response


def approved(response):
    """A redirect, or the modal's JSON with the success step (a form with errors is neither)."""
    if response.status_code == 302:
        return True
    return response.status_code == 200 and b'"step": "success"' in response.content
