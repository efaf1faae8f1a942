"""The site's text search configuration on PostgreSQL: a Russian dictionary before the stemmer.

Snowball's Russian stemmer cuts word forms to stems, which misses words whose stem changes
(«Торжок», «в Торжке»: a fleeting vowel). An ispell dictionary built from Debian's hunspell-ru
knows such words and returns their dictionary form; words it does not know still go to the
stemmer. ё is read as е first (the unaccent rules), as readers' queries already are.

Without the dictionary files (hunspell-ru not installed on the database server) the
configuration is a plain copy of PostgreSQL's `russian`, so search works as before.
"""

import logging

from django.db import DatabaseError, transaction

logger = logging.getLogger(__name__)

CONFIGURATION = "association_russian"
DICTIONARY = "association_russian_ispell"
# ru_ru.dict and ru_ru.affix in PostgreSQL's tsearch_data directory, as Debian's
# pg_updatedicts (postgresql-common) writes them from hunspell-ru.
DICTIONARY_FILE = "ru_ru"
RUSSIAN_WORDS = "word, hword, hword_part"


def install(connection, dictionary_file=DICTIONARY_FILE):
    """(Re)create the configuration; True if it has the dictionary, False for the fallback.

    Called after every `migrate`, so installing hunspell-ru later and migrating again
    brings the dictionary in (then rebuild the index: `manage.py update_index`).
    """
    if connection.vendor != "postgresql":
        return False
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}")
        cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {DICTIONARY}")
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = russian)")
        try:
            with transaction.atomic(using=connection.alias):
                _add_dictionary(cursor, dictionary_file)
        except DatabaseError as error:
            logger.warning(
                "Search uses the stemmer only: the Russian dictionary is unavailable (%s). "
                "Install hunspell-ru on the database server (see the README).",
                str(error).strip().splitlines()[0],
            )
            return False
    return True


def _add_dictionary(cursor, dictionary_file):
    cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    cursor.execute(
        f"CREATE TEXT SEARCH DICTIONARY {DICTIONARY} (TEMPLATE = ispell, "
        f"DictFile = {dictionary_file}, AffFile = {dictionary_file}, StopWords = russian)"
    )
    cursor.execute(
        f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION} ALTER MAPPING FOR {RUSSIAN_WORDS} "
        f"WITH unaccent, {DICTIONARY}, russian_stem"
    )


def has_dictionary(connection):
    """Does the configuration use the dictionary? (PostgreSQL only.)"""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_ts_config_map m "
            "JOIN pg_ts_config c ON c.oid = m.mapcfg "
            "JOIN pg_ts_dict d ON d.oid = m.mapdict "
            "WHERE c.cfgname = %s AND d.dictname = %s)",
            [CONFIGURATION, DICTIONARY],
        )
        return cursor.fetchone()[0]


def install_after_migrate(using="default", **kwargs):
    from django.db import connections

    install(connections[using])
