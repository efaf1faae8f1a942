from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection, transaction

from wagtail.models import Locale

import pytest

from home.members.roles import EDITORS, MEMBERS, MODERATORS
from home.models import HomePage
from tests.factories import UserFactory


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL to a postgres:// URL")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def home(db):
    """The Russian home page created by the home app's data migration."""
    return HomePage.objects.get(depth=2, locale__language_code="ru")


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


def _user_in(group_name, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _user_in(EDITORS, username="editor")


@pytest.fixture
def moderator(db):
    return _user_in(MODERATORS, username="moderator")


@pytest.fixture
def member(db):
    return _user_in(MEMBERS, username="member")


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the local-memory cache outlives transactions."""
    cache.clear()


def run_worker():
    """Run the queued tasks that are due, as `manage.py db_worker --batch` would (its loop
    closes the connection, which would end the test's transaction)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
    )
    while True:
        with transaction.atomic():
            result = DBTaskResult.objects.ready().get_locked()
            if result is None:
                return
            result.claim(worker.worker_id)
        worker.run_task(result)


@pytest.fixture
def task_queue(settings):
    """Letters and tasks as in production: stored in the database and run only when the
    test calls the returned `run_worker`; letters end in `mail.outbox`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "home.jobs.mail.QueuedEmailBackend"
    settings.LETTER_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return run_worker


@pytest.fixture(autouse=True, scope="session")
def _delete_own_redis_keys():
    """At the end, the keys this process left in the shared Redis (tests.shared_redis)."""
    yield
    from tests import shared_redis

    if shared_redis.redis_is_up():
        shared_redis.delete_keys()
