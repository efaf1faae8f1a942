"""The word list behind suggestions is rebuilt by the scheduler's command, never by a request
or a publication."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import connection

import pytest
import yaml

from tests.search.helpers import page

COMPOSE = Path(__file__).resolve().parents[2] / "compose.yaml"


def vocabulary():
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM search_vocabulary")
        return {row[0] for row in cursor.fetchall()}


def refresh():
    output = StringIO()
    call_command("refresh_search_vocabulary", stdout=output)
    return output.getvalue()


@pytest.mark.postgres
def test_command_adds_the_words_of_new_pages(home):
    page(home, "Палеография", "paleography", "Курс палеографии.")
    assert "палеографии" not in vocabulary(), "publishing alone does not rebuild the list"
    assert "refreshed" in refresh()
    assert {"палеография", "палеографии"} <= vocabulary()


@pytest.mark.postgres
def test_command_drops_the_words_of_deleted_pages(home):
    removed = page(home, "Палеография", "paleography", "Курс палеографии.")
    refresh()
    removed.delete()
    refresh()
    assert "палеографии" not in vocabulary()


@pytest.mark.skipif(connection.vendor == "postgresql", reason="other databases only")
def test_command_says_there_is_no_word_list_on_other_databases(db):
    assert "PostgreSQL only" in refresh()


def test_the_compose_scheduler_runs_the_command():
    scheduler = yaml.safe_load(COMPOSE.read_text())["services"]["scheduler"]
    assert "python manage.py refresh_search_vocabulary" in " ".join(scheduler["command"])
