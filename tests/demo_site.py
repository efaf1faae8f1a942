"""The demo site, built once per test process and handed out as cheap copies.

Loading the demo content takes half a minute (some 20,000 queries). On PostgreSQL it is
loaded once into a template database, and a module or a browser journey that needs it gets
its own copy (CREATE DATABASE … TEMPLATE, a fraction of a second), pointed to by the default
connection while it runs; the copy is dropped afterwards. On SQLite, which has no templates,
the demo is loaded inside a transaction that is rolled back, as the tests did before.
"""

import contextlib
import shutil
import threading
import uuid
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import override_settings

import psycopg


@dataclass(frozen=True)
class DemoTemplate:
    database: str | None  # None where the engine has no template databases
    media: Path


def connection():
    return connections[DEFAULT_DB_ALIAS]


def templates_supported():
    return connection().vendor == "postgresql"


def _maintenance(sql):
    """Runs a statement that cannot run inside the database it names (CREATE, DROP)."""
    with connection()._nodb_cursor() as cursor:
        cursor.execute(sql)


def _quoted(name):
    return connection().ops.quote_name(name)


def create_copy(source, name):
    _maintenance(f"CREATE DATABASE {_quoted(name)} TEMPLATE {_quoted(source)}")


def _drop_statement(name):
    # FORCE ends the sessions a live server's threads may still hold.
    return f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)"


def drop(name):
    _maintenance(_drop_statement(name))


_dropping = []


def drop_later(name):
    """Drops a copy in a thread of its own: a drop waits a second for the disk, which the
    next test need not wait for. `wait_for_drops` joins them at the end of the session."""

    # Plain psycopg: pytest-django's database blocker, which may be back on by the time the
    # thread runs, guards Django's connections only.
    params = connection().get_connection_params()
    params.update(dbname="postgres", autocommit=True)
    for django_only in ("answer_timeout", "cursor_factory", "context", "prepare_threshold"):
        params.pop(django_only, None)
    statement = _drop_statement(name)

    def run():
        with psycopg.connect(**params) as maintenance:
            maintenance.execute(statement)

    thread = threading.Thread(target=run, name=f"drop {name}")
    thread.start()
    _dropping.append(thread)


def wait_for_drops():
    while _dropping:
        _dropping.pop().join()


def point_at(name):
    """Points the default connection (and every thread that opens one) at database `name`;
    returns the name it pointed at. The settings dictionary is shared by every thread's
    connection, so a live server's request threads follow too."""
    default = connection()
    previous = default.settings_dict["NAME"]
    default.close()
    default.settings_dict["NAME"] = name
    return previous


@contextlib.contextmanager
def connected_to(name):
    previous = point_at(name)
    try:
        yield
    finally:
        point_at(previous)


def copy_of(template):
    """A new database made from `template`; its name."""
    name = f"{template}_{uuid.uuid4().hex[:8]}"
    create_copy(template, name)
    return name


def keep_migrated_state():
    """Copies the freshly migrated test database into a template, before any test can change
    it; the name of the template, or None on an engine without templates."""
    if not templates_supported():
        return None
    name = f"{connection().settings_dict['NAME']}_migrated"
    drop(name)
    connection().close()
    create_copy(connection().settings_dict["NAME"], name)
    return name


def build_template(migrated, media):
    """Loads the demo into a new database made from the migrated template."""
    if migrated is None:
        return DemoTemplate(database=None, media=media)
    name = f"{connection().settings_dict['NAME']}_demo"
    drop(name)
    create_copy(migrated, name)
    with connected_to(name), override_settings(MEDIA_ROOT=media):
        call_command("load_demo_content", stdout=StringIO())
    cache.clear()
    return DemoTemplate(database=name, media=media)


@contextlib.contextmanager
def database_copy(template):
    """The default connection on a private copy of database `template` while the block runs."""
    name = copy_of(template)
    try:
        with connected_to(name):
            cache.clear()
            yield
    finally:
        drop_later(name)
        cache.clear()


@contextlib.contextmanager
def demo_copy(template, media):
    """A private copy of the demo site (database and media folder) while the block runs."""
    shutil.copytree(template.media, media, dirs_exist_ok=True)
    with override_settings(MEDIA_ROOT=media):
        if template.database is None:
            with transaction.atomic():
                call_command("load_demo_content", stdout=StringIO())
                yield
                transaction.set_rollback(True)
            return
        with database_copy(template.database):
            yield
