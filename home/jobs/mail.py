"""Letters through the task queue: stored by the e-mail backend, delivered by the worker.

`EMAIL_BACKEND` is `QueuedEmailBackend`, so every letter of the site (ours, Django's password
reset, Wagtail's moderation notifications) becomes a `Letter` row and a `deliver_letter` task
in the same transaction; the worker sends it with `LETTER_BACKEND` (SMTP in production).
A failed send is retried with back-off for `LETTER_RETRY_HOURS`, then marked failed. The row
is locked while it is sent and marked sent in the same transaction, so a duplicate task, the
sweep or a retry never sends a letter that is already out.
"""

import datetime
import hashlib
import logging
import uuid

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from django_tasks import TaskResultStatus, task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from home.jobs.models import Letter
from home.jobs.retry import backoff, retry_later

logger = logging.getLogger(__name__)


def queue_letter(message, key=None):
    """Store `message` and enqueue its delivery; the same `key` never queues it twice.
    Returns the Letter."""
    key = key or getattr(message, "idempotency_key", None) or uuid.uuid4().hex
    message.connection = None
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">") or "localhost"
    # One Message-ID per key: a copy sent again after a crash is recognisably the same.
    message.extra_headers.setdefault(
        "Message-ID", f"<{hashlib.sha256(key.encode()).hexdigest()[:40]}@{domain}>"
    )
    with transaction.atomic():
        letter, created = Letter.objects.get_or_create(
            key=key[:200],
            defaults={
                "subject": str(message.subject)[:300],
                "recipients": ", ".join(message.recipients()),
                "message": Letter.pack(message),
                "give_up_at": timezone.now()
                + datetime.timedelta(hours=settings.LETTER_RETRY_HOURS),
            },
        )
        if created:
            result = deliver_letter.enqueue(letter.pk)
            Letter.objects.filter(pk=letter.pk).update(task_id=result.id)
    return letter


class QueuedEmailBackend(BaseEmailBackend):
    """Stores each message as a Letter for the worker; nothing talks to a mail server here.
    A message may carry `idempotency_key` (an attribute) to be queued once only."""

    def send_messages(self, email_messages):
        count = 0
        for message in email_messages:
            if message.recipients():
                queue_letter(message)
                count += 1
        return count


@task()
def deliver_letter(letter_id):
    """Send one letter unless it is out already; on failure retry later or give up."""
    now = timezone.now()
    with transaction.atomic():
        letter = (
            Letter.objects.select_for_update(skip_locked=True)
            .filter(pk=letter_id, status=Letter.Status.PENDING)
            .first()
        )
        if letter is None:  # sent, failed, deleted, or being sent by another worker
            return "skipped"
        letter.attempts += 1
        try:
            connection = get_connection(settings.LETTER_BACKEND, fail_silently=False)
            connection.send_messages([letter.email()])
        except Exception as error:
            letter.last_error = f"{type(error).__name__}: {error}"[:2000]
            if letter.give_up_at is None or now >= letter.give_up_at:
                letter.status = Letter.Status.FAILED
                logger.error(
                    "Letter %s to %s failed for good: %s",
                    letter.pk,
                    letter.recipients,
                    letter.last_error,
                )
            else:
                delay = backoff(letter.attempts, base=settings.LETTER_FIRST_RETRY_SECONDS)
                letter.next_attempt_at = now + datetime.timedelta(seconds=delay)
                retried = retry_later(deliver_letter, letter.pk, delay=delay)
                letter.task_id = retried.id if retried else ""
                logger.warning(
                    "Letter %s not sent (attempt %s): %s; next try in %s s",
                    letter.pk,
                    letter.attempts,
                    letter.last_error,
                    delay,
                )
            letter.save()
            return letter.status
        letter.status = Letter.Status.SENT
        letter.sent_at = timezone.now()
        letter.last_error = ""
        letter.save()
    return letter.status


@task()
def requeue_letters():
    """Enqueue the delivery of letters that are due and have no task waiting: their task was
    lost with a worker killed in the middle of it. The scheduler enqueues this every minute."""
    queued = isinstance(deliver_letter.get_backend(), DatabaseBackend)
    due = Letter.objects.filter(
        status=Letter.Status.PENDING, next_attempt_at__lte=timezone.now()
    ).values_list("pk", flat=True)
    requeued = 0
    for pk in list(due[:1000]):
        with transaction.atomic():
            letter = (
                Letter.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=Letter.Status.PENDING)
                .first()
            )
            if letter is None:
                continue
            waiting = (
                queued
                and letter.task_id
                and DBTaskResult.objects.filter(
                    pk=letter.task_id, status=TaskResultStatus.READY
                ).exists()
            )
            if waiting:
                continue
            letter.task_id = deliver_letter.enqueue(letter.pk).id
            letter.save(update_fields=["task_id"])
            requeued += 1
    if requeued:
        logger.warning("Requeued %s letters whose delivery task was lost", requeued)
    return requeued


@task()
def delete_old_records():
    """Delete letters (they hold addresses and links) sent or failed more than
    LETTER_KEEP_DAYS ago, and finished task results as old; the scheduler enqueues this daily."""
    cutoff = timezone.now() - datetime.timedelta(days=settings.LETTER_KEEP_DAYS)
    letters, _counts = (
        Letter.objects.exclude(status=Letter.Status.PENDING).filter(created_at__lt=cutoff).delete()
    )
    results, _counts = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return {"letters": letters, "task_results": results}
