"""Retrying a task later with exponential back-off."""

import datetime
import logging

from django.utils import timezone

logger = logging.getLogger(__name__)


def backoff(attempt, base=60, cap=3600):
    """Seconds to wait before the next attempt: 1, 2, 4 … minutes, then hourly."""
    return min(cap, base * 2 ** max(attempt - 1, 0))


def retry_later(task, *args, delay, **kwargs):
    """Enqueue `task` again to run in `delay` seconds; None when the backend runs tasks at
    once (the immediate backend of the tests), where a retry would loop."""
    backend = task.get_backend()
    if not backend.supports_defer:
        logger.info("%s not retried: backend %s cannot defer", task.name, backend.alias)
        return None
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    return task.using(run_after=run_after).enqueue(*args, **kwargs)
