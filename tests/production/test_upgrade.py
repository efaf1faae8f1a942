"""The previous tagged release's database migrates forward with its demo content intact.

The previous release's tree is taken from git (`git archive <tag>`), migrated and loaded with
its own demo content into a fresh database (with this checkout's virtual environment), then
this checkout's migrations run on it. In CI (CI=true) a missing tag or git history fails the
test: the upgrade must never go untested silently.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections

import psycopg
import pytest

from association import drill

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

SNAPSHOT = {
    "pages": "SELECT url_path, title, live, locale_id FROM wagtailcore_page",
    "revisions": "SELECT object_id, content_type_id, created_at FROM wagtailcore_revision",
    "documents": "SELECT title, file, file_hash FROM home_associationdocument",
    "document versions": "SELECT file, file_hash FROM home_documentversion",
    "images": "SELECT title, file, width, height FROM wagtailimages_image",
    "organisations": "SELECT name FROM home_organisation",
    "registrations": "SELECT email, status FROM programs_registration",
    "users": "SELECT username, email, is_superuser FROM auth_user",
    "groups": "SELECT name FROM auth_group",
}


def git(*args):
    return subprocess.run(  # noqa: S603
        ["git", *args],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,  # noqa: S607
    )


# The last release's commit, for a clone that came without tags (a clone of one branch may
# leave them behind); the commit itself is in main's history.
LAST_RELEASE_COMMIT = "7ebcb7d8faa23656f0120dea7069e027625cef71"  # v2026.12.07


def previous_release():
    """The newest release tag (v…) in this checkout's history, else the last release's commit;
    fails in CI, skips elsewhere, when there is neither."""
    found = git("describe", "--tags", "--abbrev=0", "--match", "v*", "HEAD")
    if found.returncode == 0:
        return found.stdout.strip()
    if git("cat-file", "-e", f"{LAST_RELEASE_COMMIT}^{{commit}}").returncode == 0:
        return LAST_RELEASE_COMMIT
    reason = (
        "no release tag (v…) in the git history of this checkout: the upgrade from the "
        f"previous release cannot be tested ({found.stderr.strip() or 'git failed'}). "
        "Clone with tags (git clone, or git fetch --tags) or create the release's tag."
    )
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def database_url(name):
    settings = connections[DEFAULT_DB_ALIAS].settings_dict
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{name}"


def manage(tree, env, *args):
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"{tree.name}: manage.py {' '.join(args)}\n{done.stderr[-3000:]}"
    return done.stdout


def snapshot(url):
    with psycopg.connect(url) as connection:
        return {
            name: sorted(map(repr, connection.execute(query).fetchall()))
            for name, query in SNAPSHOT.items()
        }


def test_the_previous_releases_demo_site_migrates_forward_intact(tmp_path, django_db_blocker):
    tag = previous_release()
    old = tmp_path / tag
    old.mkdir()
    archive = subprocess.run(["git", "archive", tag], cwd=ROOT, capture_output=True, check=True)  # noqa: S603, S607
    subprocess.run(["tar", "-x", "-C", old], input=archive.stdout, check=True)  # noqa: S603, S607

    name = f"{connections[DEFAULT_DB_ALIAS].settings_dict['NAME']}_up_{uuid.uuid4().hex[:6]}"
    url = database_url(name)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_", "PYTEST", "BACKUP_", "METRICS_"))
    }
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="association.settings.dev",
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
    )
    with django_db_blocker.unblock():
        drill.create_database(name)
    try:
        manage(old, env, "migrate", "--noinput", "-v0")
        manage(old, env, "load_demo_content")
        before = snapshot(url)
        assert len(before["pages"]) > 20 and before["documents"] and before["images"]

        manage(ROOT, env, "migrate", "--noinput", "-v0")
        assert "[ ]" not in manage(ROOT, env, "showmigrations", "--list")
        assert snapshot(url) == before
        # The upgraded site still answers on its home page with this release's code.
        manage(ROOT, env, "shell", "-c", HOME_PAGE_ANSWERS)
    finally:
        with django_db_blocker.unblock():
            drill.drop_database(name)


HOME_PAGE_ANSWERS = """
from django.test import Client
response = Client(HTTP_HOST="127.0.0.1").get("/ru/")
assert response.status_code == 200, response.status_code
"""
