"""Settings of the other process in cross-process fault tests (tests.production.faults
.other_process): the test settings with the production cache, sessions and task queue, on
the test database and through the test's Redis proxy, both named by the environment."""

import os

from association.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["FAULT_DATABASE_NAME"]  # noqa: F405
CACHES = {
    "default": {
        "BACKEND": "association.cache.ResilientRedisCache",
        "LOCATION": os.environ["FAULT_REDIS_URL"],
        "KEY_PREFIX": os.environ["FAULT_KEY_PREFIX"],
        "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
    }
}
SESSION_ENGINE = "association.sessions"
PAGE_CACHE_ENABLED = True
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
