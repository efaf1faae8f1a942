"""«Возможно, вы искали …»: corrections of a query from the site's own words.

Two kinds, tried in this order: a query typed with the keyboard in the Latin layout
(",b,kbjntre" is «библиотеку»), then each misspelt word replaced by the most similar word of
the search index. PostgreSQL keeps the index's words in the materialized view
`search_vocabulary` (pg_trgm finds the closest; `refresh_search_vocabulary` rebuilds it);
SQLite reads the dictionary forms of its FTS5 index (fts5vocab) and keeps the reader's
grammatical form (search.words.inflect_like).
"""

from difflib import SequenceMatcher

from django.db import connection

from search.text import WORD, fold_yo
from search.words import inflect_like

SUGGESTED_TERMS = 5
# Below this similarity (difflib's ratio) a word of the vocabulary is no correction.
SIMILARITY = 0.75
LATIN = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>?"
RUSSIAN = "ёйцукенгшщзхъфывапролджэячсмитьбю.ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,"
LAYOUT = str.maketrans(LATIN, RUSSIAN)
# For each word, in order, the most similar word of the index's vocabulary (or NULL).
CORRECTIONS = """
SELECT (
    SELECT vocabulary.word FROM search_vocabulary vocabulary
    WHERE vocabulary.word %% query.word
    ORDER BY similarity(vocabulary.word, query.word) DESC, vocabulary.ndoc DESC,
        vocabulary.word
    LIMIT 1
)
FROM unnest(%s::text[]) WITH ORDINALITY AS query(word, position)
ORDER BY query.position
"""


def candidates(terms, raw=""):
    """Corrected queries to try, best first (each is offered only if it finds pages)."""
    switched = switch_layout(raw)
    if switched:
        yield switched
    words = [term.lower() for term in terms[:SUGGESTED_TERMS]]
    misspelt = [word for word in words if len(word) > 2 and not word.isdigit()]
    if not misspelt:
        return
    corrections = _corrections(misspelt)
    corrected = " ".join(corrections.get(word) or word for word in words)
    if corrected != " ".join(words):
        yield corrected


def switch_layout(raw):
    """`raw` read as typed in the Russian layout, when it was typed in the Latin one."""
    raw = (raw or "").strip()
    if not raw or any(_is_cyrillic(letter) for letter in raw):
        return None
    if not any(letter.isascii() and letter.isalpha() for letter in raw):
        return None
    switched = " ".join(WORD.findall(raw.translate(LAYOUT).lower()))
    if not switched or not all(_is_cyrillic(word[0]) for word in switched.split()):
        return None
    return switched


def _is_cyrillic(letter):
    return "а" <= letter.lower() <= "я" or letter.lower() == "ё"


def _corrections(words):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(CORRECTIONS, [words])
            return dict(zip(words, (row[0] for row in cursor.fetchall()), strict=True))
    if connection.vendor == "sqlite":
        vocabulary = _fts5_vocabulary()
        return {word: _closest(word, vocabulary) for word in words}
    return {}


def _fts5_vocabulary():
    """The words (dictionary forms) of SQLite's FTS5 index, with the pages they are on."""
    from wagtail.search.models import IndexEntry

    table = f"{IndexEntry._meta.db_table}_fts"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary "
            f"USING fts5vocab(main, {table}, row)"
        )
        cursor.execute("SELECT term, doc FROM temp.search_vocabulary")
        return cursor.fetchall()


def _closest(word, vocabulary):
    folded = fold_yo(word)
    best, best_score = None, SIMILARITY
    for term, pages in vocabulary:
        if abs(len(term) - len(folded)) > 2 or term == folded:
            continue
        score = SequenceMatcher(None, folded, term).ratio()
        if score > best_score or (score == best_score and best and pages > best[1]):
            best, best_score = (term, pages), score
    if best is None:
        return None
    return inflect_like(best[0], folded)


def refresh():
    """Rebuild PostgreSQL's word list; False on other databases, which have none to rebuild."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY search_vocabulary")
    return True
