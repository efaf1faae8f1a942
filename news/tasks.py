"""News work run by the task worker; the scheduler enqueues it (docs/operations/tasks.md)."""

from django_tasks import task

from news.reader.digest import send_digests
from news.reader.reads import aggregate


@task()
def send_news_digest(days=7):
    sent, deleted = send_digests(days)
    return {"sent": sent, "deleted": deleted}


@task()
def aggregate_news_reads(days=2):
    return aggregate(days)
