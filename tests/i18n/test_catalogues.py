"""The Russian catalogues: every entry translated, none fuzzy, and none missing or stale.

Freshness is checked by running `makemessages` on a copy of each app (without its catalogue)
and comparing the message ids it extracts with the committed catalogue's.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest
from babel.messages.pofile import read_po

APPS = ["association", "home", "news", "programs", "search"]
CATALOGUE = "locale/ru/LC_MESSAGES/django.po"
RUSSIAN_PLURAL_FORMS = 4


def catalogue_path(app):
    return Path(settings.BASE_DIR) / app / CATALOGUE


def read_catalogue(path):
    with open(path, "rb") as po_file:
        return read_po(po_file, locale="ru")


def message_ids(catalog):
    return {(message.context, str(message.id)) for message in catalog if message.id}


@pytest.mark.parametrize("app", APPS)
def test_every_russian_entry_is_translated_and_not_fuzzy(app):
    path = catalogue_path(app)
    if not path.exists():
        pytest.skip(f"{app} has no catalogue (see the freshness test)")
    catalog = read_catalogue(path)
    assert not catalog.fuzzy, f"{path}: the header is marked fuzzy"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        strings = message.string if message.pluralizable else (message.string,)
        if not all(strings):
            problems.append(f"untranslated: {message.id!r}")
        elif message.pluralizable and len(strings) != RUSSIAN_PLURAL_FORMS:
            problems.append(f"needs {RUSSIAN_PLURAL_FORMS} plural forms: {message.id!r}")
    assert not problems, f"{path}:\n" + "\n".join(problems)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Message ids `makemessages` extracts from a fresh copy of each app, by app."""
    root = tmp_path_factory.mktemp("catalogues")
    manage = Path(settings.BASE_DIR) / "manage.py"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "association.settings.test"}
    command = [sys.executable, str(manage), "makemessages", "-l", "ru", "--no-location", "-v0"]
    processes = {}
    for app in APPS:
        copy = root / app
        shutil.copytree(
            Path(settings.BASE_DIR) / app,
            copy,
            ignore=shutil.ignore_patterns("locale", "__pycache__", "*.mo"),
        )
        (copy / "locale").mkdir()  # keeps makemessages from writing to LOCALE_PATHS
        processes[app] = subprocess.Popen(command, cwd=copy, env=env)  # noqa: S603
    for app, process in processes.items():
        assert process.wait(timeout=120) == 0, f"makemessages failed for {app}"
    result = {}
    for app in APPS:
        path = root / app / CATALOGUE
        result[app] = message_ids(read_catalogue(path)) if path.exists() else set()
    return result


@pytest.mark.parametrize("app", APPS)
def test_catalogue_is_up_to_date_with_the_code(app, extracted):
    path = catalogue_path(app)
    committed = message_ids(read_catalogue(path)) if path.exists() else set()
    missing = extracted[app] - committed
    stale = committed - extracted[app]
    assert not missing and not stale, (
        f"run `make catalogues` and translate: {app} is missing {sorted(missing)}, "
        f"has stale {sorted(stale)}"
    )
