from django import template
from django.urls import reverse

from wagtail.models import Page

from home.models.settings import association_name

register = template.Library()


@register.simple_tag
def admin_site_name():
    """The admin's name for the site: the association's name from its settings."""
    return association_name()


@register.simple_tag(takes_context=True)
def review_of(context, obj):
    """The approve and send-back addresses of the task awaiting this user on `obj` (a page in
    moderation), for the review form above the comparison of versions; None otherwise."""
    if not isinstance(obj, Page):
        return None
    state = obj.current_workflow_state
    task_state = state.current_task_state if state else None
    if task_state is None:
        return None
    user = context["request"].user
    actions = {name for name, _label, _modal in task_state.task.specific.get_actions(obj, user)}
    if "approve" not in actions:
        return None

    def url(action):
        if action not in actions:
            return None
        return reverse("wagtailadmin_pages:workflow_action", args=(obj.pk, action, task_state.pk))

    return {"approve_url": url("approve"), "reject_url": url("reject")}
