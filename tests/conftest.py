import contextlib
from unittest import mock

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.test import TransactionTestCase
from django.utils import translation

from wagtail.models import Locale

import pytest

from home.members.roles import EDITORS, MEMBERS, MODERATORS
from home.models import HomePage
from tests.demo_site import (
    build_demo_template,
    copy_of,
    demo_copy,
    drop_later,
    migrated_test_database,
    point_at,
    wait_for_drops,
)
from tests.factories import UserFactory


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL to a postgres:// URL")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """pytest-django's test database, made from the kept migrated template when the code has
    not changed since it was kept (tests.demo_site); its name is this fixture's value, for
    the transactional tests' copies. Replaces pytest-django's fixture of the same name."""
    from django.test.utils import setup_databases, teardown_databases

    from pytest_django.fixtures import _get_databases_for_setup

    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)

    def setup():
        return setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases=aliases,
            serialized_aliases=serialized_aliases,
        )

    plain = set(aliases) <= {DEFAULT_DB_ALIAS} and not serialized_aliases
    with django_db_blocker.unblock():
        config, migrated = migrated_test_database(setup, plain)
    yield migrated
    with django_db_blocker.unblock():
        wait_for_drops()
        teardown_databases(config, verbosity=request.config.option.verbose)


@pytest.fixture(scope="session")
def demo_template(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site, loaded once and kept between runs (tests.demo_site)."""
    with django_db_blocker.unblock():
        return build_demo_template(django_db_setup, tmp_path_factory.mktemp("demo-media"))


_left_on_copies = []


@pytest.fixture
def fresh_database(django_db_setup, django_db_blocker):
    """For a transactional test: a private copy of the freshly migrated database, whatever
    the tests before it committed (SQLite: the test database itself).

    The connection stays on the copy until every fixture is torn down (the hook below, which
    then drops the copy instead of letting pytest-django empty it): whatever order fixtures
    and tests run in, the test database the other tests share is never touched."""
    if django_db_setup is None:
        return
    with django_db_blocker.unblock():
        copy = copy_of(django_db_setup)
    _left_on_copies.append((point_at(copy), copy))
    cache.clear()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # The copy is dropped below: pytest-django's emptying it first (a flush, whose
    # post-migrate handlers cost seconds) would be work thrown away.
    flush = (
        mock.patch.object(TransactionTestCase, "_fixture_teardown", lambda test_case: None)
        if _left_on_copies
        else contextlib.nullcontext()
    )
    try:
        with flush:
            return (yield)
    finally:
        while _left_on_copies:
            test_database, copy = _left_on_copies.pop()
            point_at(test_database)
            drop_later(copy)


@pytest.fixture(scope="module")
def demo_site(demo_template, django_db_blocker, tmp_path_factory):
    """The demo site, as `make run` builds it, for every test of a module: its own copy,
    thrown away when the module ends. Each test still runs in a transaction rolled back."""
    with django_db_blocker.unblock(), demo_copy(demo_template, tmp_path_factory.mktemp("media")):
        yield


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
def _default_language():
    """Each test starts in the site's default language. Django leaves the language of the
    last request active in its thread, so an English page requested by one test would
    otherwise turn the next test's messages English, whichever test runs next."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _settings_restored():
    """Fails the test that leaves settings changed for the tests after it on its worker:
    an `override_settings` decorator mixed with the `settings` fixture restores them in the
    wrong order, and the next tests' letters went to a mail server that is not there."""
    from django.conf import settings as django_settings

    before = django_settings._wrapped
    yield
    assert django_settings._wrapped is before, "the test left its settings behind"


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
