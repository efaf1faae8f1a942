"""The Russian dictionary in front of the stemmer, and the fallback without it."""

from django.core.management import call_command
from django.db import connection

import pytest

from search import dictionary

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def matches(text, query):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector(%s, %s) @@ plainto_tsquery(%s, %s)",
            [dictionary.CONFIGURATION, text, dictionary.CONFIGURATION, query],
        )
        return cursor.fetchone()[0]


def test_the_dictionary_finds_a_town_whose_stem_changes():
    assert dictionary.has_dictionary(connection)
    assert matches("Семинар прошёл в Торжке", "Торжок")
    assert matches("Выставка в Орле", "Орел")
    # ё is е on both sides, as in readers' queries.
    assert matches("отчётности", "отчетность")


def test_without_the_dictionary_files_search_falls_back_to_the_stemmer(caplog):
    assert dictionary.install(connection, dictionary_file="no_such_dictionary") is False
    assert not dictionary.has_dictionary(connection)
    assert "hunspell-ru" in caplog.text
    assert matches("районные библиотеки", "районная библиотека")
    assert not matches("Семинар прошёл в Торжке", "Торжок")

    assert dictionary.install(connection) is True
    assert matches("Семинар прошёл в Торжке", "Торжок")


def test_migrate_brings_the_dictionary_in_once_hunspell_ru_is_installed():
    # As on a server where hunspell-ru came after the first migrate.
    dictionary.install(connection, dictionary_file="no_such_dictionary")
    assert not dictionary.has_dictionary(connection)
    call_command("migrate", verbosity=0, interactive=False)
    assert dictionary.has_dictionary(connection)
    # Idempotent: migrating again keeps it.
    call_command("migrate", verbosity=0, interactive=False)
    assert dictionary.has_dictionary(connection)
    assert matches("Семинар прошёл в Торжке", "Торжок")
