"""The intake's background tasks (django-tasks): web requests only enqueue them."""

from django.contrib.auth import get_user_model

from django_tasks import task

from news.intake import service
from news.models import IntakeItem, IntakeSource


@task()
def import_article(url, source_id=None, user_id=None):
    """One article pasted by an editor: fetched, queued and made a draft."""
    source = IntakeSource.objects.filter(pk=source_id).first() if source_id else None
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    item = service.import_url(url, source, user)
    return {"item": item.pk, "outcome": item.outcome}


@task()
def accept_items(item_ids, user_id=None):
    """Drafts of the articles an editor accepted in the queue; the outcome of each."""
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    items = IntakeItem.objects.filter(pk__in=item_ids).select_related("source")
    return {str(item.pk): service.accept(item, user).outcome for item in items}


@task()
def read_sources(source_ids=None):
    """Sources read now (all active ones if none are named); the counts of what happened."""
    sources = None
    if source_ids is not None:
        sources = list(IntakeSource.objects.filter(pk__in=source_ids))
    return dict(service.run(sources))
