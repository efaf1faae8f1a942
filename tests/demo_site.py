"""The migrated database and the demo site, built once and handed out as cheap copies.

Migrating takes some ten seconds and loading the demo content half a minute (some 20,000
queries). On PostgreSQL both are kept as template databases, and a module or a browser
journey that needs one gets its own copy (CREATE DATABASE … TEMPLATE, a fraction of a
second), pointed to by the default connection while it runs; the copy is dropped afterwards.

The templates outlive the run: each is named after a digest of what builds it (the locked
dependencies, the apps' code, the demo's files and, since the demo dates some items from
today, the date), and is used again by the next run of the same checkout while the digest
holds. The test processes of one run build each template once between them, under a
PostgreSQL advisory lock. On SQLite, which has no templates, the demo is loaded inside a
transaction that is rolled back, as the tests did before.
"""

import contextlib
import datetime
import hashlib
import re
import shutil
import threading
import uuid
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import override_settings

import psycopg

from search.dictionary import DICTIONARY_FILE


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


# What builds the templates: the code outside tests/, the demo's own files, the locks.
_APPS = ("association", "home", "news", "programs", "search")
_LOCKS = ("pyproject.toml", "requirements.lock", "requirements-dev.lock")


def _digest(paths, *extra):
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
        digest.update(path.read_bytes())
    for value in extra:
        digest.update(str(value).encode())
    return digest.hexdigest()[:12]


def _sources():
    base = Path(settings.BASE_DIR)
    files = [base / name for name in _LOCKS if (base / name).exists()]
    for app in _APPS:
        files += (path for path in (base / app).rglob("*.py") if "__pycache__" not in path.parts)
    return files


def _demo_files():
    base = Path(settings.BASE_DIR)
    return [
        path
        for app in _APPS
        for path in (base / app).glob("demo/**/*")
        if path.is_file() and path.suffix != ".py" and "__pycache__" not in path.parts
    ]


@dataclass(frozen=True)
class Keys:
    migrated: str
    demo: str

    @classmethod
    def now(cls):
        code = _digest(_sources(), *_server())
        return cls(migrated=code, demo=_digest(_demo_files(), code, datetime.date.today()))


def _server():
    """What of the database server goes into a migrated database: its version, and whether
    it has the Russian dictionary files (search.dictionary), which `migrate` looks for."""
    with _maintenance_connection() as server:
        version = server.execute("SHOW server_version_num").fetchone()[0]
        try:
            with server.transaction(force_rollback=True):
                server.execute(
                    "CREATE TEXT SEARCH DICTIONARY pg_temp.probe (TEMPLATE = ispell, "
                    f"DictFile = {DICTIONARY_FILE}, AffFile = {DICTIONARY_FILE})"
                )
            dictionary = True
        except psycopg.Error:
            dictionary = False
    return version, dictionary


_keys = None


def keys():
    global _keys
    if _keys is None:
        _keys = Keys.now()
    return _keys


def _cache_folder(name):
    return Path(settings.BASE_DIR) / ".cache" / "test-databases" / name


def _base_name():
    """The test database's name without pytest-xdist's worker suffix: the processes of one
    run share the templates, runs on other database names keep their own."""
    return re.sub(r"_gw\d+$", "", connection().creation._get_test_db_name())


def _maintenance_connection():
    # Plain psycopg: pytest-django's database blocker guards Django's connections only, and
    # an advisory lock must outlive the default connection's repointing.
    params = connection().get_connection_params()
    params.update(dbname="postgres", autocommit=True)
    for django_only in ("answer_timeout", "cursor_factory", "context", "prepare_threshold"):
        params.pop(django_only, None)
    return psycopg.connect(**params)


@contextlib.contextmanager
def _building(name):
    """Held while template `name` is looked for or built; other processes wait for it."""
    with _maintenance_connection() as lock:
        # A build takes longer than the statement timeout the settings give connections.
        lock.execute("SET statement_timeout = 0")
        lock.execute("SELECT pg_advisory_lock(hashtext(%s))", [name])
        yield lock


def _exists(lock, name):
    found = lock.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return found is not None and (_cache_folder(name) / "complete").exists()


def _forget_older(lock, prefix, keep):
    """Drops the templates an earlier digest left behind, with their media."""
    rows = lock.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
        [prefix.replace("_", r"\_") + "%", keep],
    ).fetchall()
    for (old,) in rows:
        lock.execute(_drop_statement(old))
        shutil.rmtree(_cache_folder(old), ignore_errors=True)


def _mark_complete(name):
    folder = _cache_folder(name)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "complete").touch()


def _switch_to_test_database():
    """What Django's setup_databases does for the one database once it exists and is
    migrated, without the `migrate` that would find nothing to do and still spend seconds
    on its post-migrate handlers. Returns the configuration teardown_databases expects."""
    default = connection()
    original = default.settings_dict["NAME"]
    test_database = default.creation._get_test_db_name()
    default.close()
    settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"] = test_database
    default.settings_dict["NAME"] = test_database
    return [(default, original, True)]


def migrated_test_database(setup, plain):
    """The test database, migrated: copied from the kept template when there is one, else
    made by `setup()` (Django's setup_databases) and kept as the template before any test can
    change it. `plain` says the run needs nothing of setup_databases but the default database
    (no other aliases, no serialized contents). Returns setup's configuration and the
    template's name (None on SQLite)."""
    if not templates_supported():
        return setup(), None
    prefix = f"{_base_name()}_m_"
    template = prefix + keys().migrated
    with _building(template) as lock:
        if plain and _exists(lock, template):
            test_database = connection().creation._get_test_db_name()
            lock.execute(_drop_statement(test_database))
            lock.execute(f"CREATE DATABASE {_quoted(test_database)} TEMPLATE {_quoted(template)}")
            return _switch_to_test_database(), template
        _forget_older(lock, prefix, template)
        config = setup()
        connection().close()
        lock.execute(_drop_statement(template))
        lock.execute(
            f"CREATE DATABASE {_quoted(template)} "
            f"TEMPLATE {_quoted(connection().settings_dict['NAME'])}"
        )
        _mark_complete(template)
        return config, template


def build_demo_template(migrated, empty_media):
    """The demo loaded into a template made from the migrated one, with its media folder
    (on SQLite, where each use loads the demo anew, an empty folder)."""
    if migrated is None:
        return DemoTemplate(database=None, media=empty_media)
    prefix = f"{_base_name()}_d_"
    name = prefix + keys().demo
    media = _cache_folder(name) / "media"
    with _building(name) as lock:
        if _exists(lock, name):
            return DemoTemplate(database=name, media=media)
        _forget_older(lock, prefix, name)
        # Built under another name and renamed once whole: an interrupted build leaves
        # nothing that a later run could take for the demo.
        partial = f"{name}_partial"
        lock.execute(_drop_statement(partial))
        lock.execute(_drop_statement(name))
        shutil.rmtree(media, ignore_errors=True)
        lock.execute(f"CREATE DATABASE {_quoted(partial)} TEMPLATE {_quoted(migrated)}")
        with connected_to(partial), override_settings(MEDIA_ROOT=media):
            call_command("load_demo_content", stdout=StringIO())
        connection().close()
        lock.execute(f"ALTER DATABASE {_quoted(partial)} RENAME TO {_quoted(name)}")
        _mark_complete(name)
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
