"""Letters sent after the answer, off the request's path.

A slow or absent mail server then never delays a page, and the time of an answer cannot
tell whether a letter was sent (the password reset form must not reveal who has an
account). A letter still queued when the process stops is lost; the reader can ask again.
"""

import logging
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import wait as wait_for

from django.db import connections
from django.utils import translation

logger = logging.getLogger(__name__)

_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="mail")
_pending = set()


def send_later(send, *args, **kwargs):
    """Call send(*args, **kwargs) in the background in the current language; errors are logged."""
    language = translation.get_language()

    def run():
        try:
            with translation.override(language):
                send(*args, **kwargs)
        except Exception:
            logger.exception("Could not send a letter")
        finally:
            connections.close_all()

    future = _executor.submit(run)
    _pending.add(future)
    future.add_done_callback(_pending.discard)
    return future


def wait(timeout=10):
    """Wait for the letters queued so far (tests, management commands)."""
    wait_for(list(_pending), timeout=timeout)
