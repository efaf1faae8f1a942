"""Wagtail's database search backend with Russian words normalised (search.words).

The index gets every word of every indexed model (pages of all types with their tags, people,
organisations, documents with the text of their PDF files) in its dictionary form, and
`.search()` looks for the dictionary forms of the query's words, so the admin's searches, the
register of final documents and the site search find the same words on both databases.

- PostgreSQL: the vectors are built from the normalised text by the site's configuration
  (search.dictionary), which ranks and matches phrases as before; `title_text` and
  `body_text` keep the original text for excerpts and suggestions. A page's lead (and a
  meeting's theme, a resolution's summary) is weighted above the rest of its body.
- SQLite: the FTS5 table holds the normalised title (with the lead, FTS5 having no weights
  within a column) and body.

modelsearch creates its indexers by name inside `add_items`, so that method is repeated here
with ours (modelsearch 1.x; tests/search/test_backend.py notices a change).
"""

import re
from functools import cache

from django.db import connection
from django.db.models.sql.subqueries import InsertQuery
from django.utils.encoding import force_str
from django.utils.functional import cached_property

from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.index import SearchField
from wagtail.search.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText
from wagtail.search.utils import get_content_type_pk

from search.pages import LEAD_FIELDS
from search.text import query_terms
from search.words import normalise, readings

TAGS_FIELD = "tag_text"
PARAGRAPHS = re.compile(r"\s*\n\s*\n\s*")
# PostgreSQL weights, whatever the boosts of other fields (modelsearch derives its letters
# from every boost in the project): A for the title and boosted fields (a resolution's
# number), B for the lead, theme or summary, D for the rest. search.searching ranks them.
TITLE_WEIGHT, BOOSTED_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = "A", "A", "B", "D"


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    """The database backend for the default database's vendor, normalising words."""
    if connection.vendor == "postgresql":
        return _postgres_backend()(params)
    backend = database_backend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return _sqlite_backend()(params)
    return backend  # MySQL, or SQLite without FTS5: words as they are


def normalised_query(query, operator="and"):
    """A Wagtail query (or query string) over the dictionary forms of its words.

    Each word matches any of its readings; an empty string stays empty (no results).
    """
    if isinstance(query, str):
        query = PlainText(query, operator=operator)
    if isinstance(query, PlainText):
        words = []
        for term in query_terms(query.query_string):
            forms = [PlainText(form) for form in readings(term)]
            words.append(forms[0] if len(forms) == 1 else Or(forms))
        if not words:
            return ""
        if len(words) == 1:
            return words[0]
        return And(words) if query.operator.lower() == "and" else Or(words)
    if isinstance(query, Phrase):
        return Phrase(normalise(query.query_string))
    if isinstance(query, And | Or):
        parts = [normalised_query(part, operator) for part in query.subqueries]
        return type(query)([part for part in parts if part != ""])
    if isinstance(query, Not):
        return Not(normalised_query(query.subquery, operator))
    if isinstance(query, Boost):
        return Boost(normalised_query(query.subquery, operator), query.boost)
    return query  # MatchAll


def body_text(obj):
    """The original text of `obj`'s body fields, for excerpts and suggestions: a line per
    field and per block, the tag names last after an empty line (home.related's `tag_text`).
    """
    lines, tags = [], ""
    for field in obj.get_search_fields():
        if not isinstance(field, SearchField) or field.field_name == "title":
            continue
        value = _plain(field.get_value(obj)).strip()
        if field.field_name == TAGS_FIELD:
            tags = value
        elif value:
            lines.append(value)
    return "\n".join(lines) + (f"\n\n{tags}" if tags else "")


def page_body_text(page_ids):
    """`body_text` of pages by id: for excerpts where the index holds only the normalised
    text (SQLite)."""
    from wagtail.models import Page

    return {page.pk: body_text(page) for page in Page.objects.filter(pk__in=page_ids).specific()}


def _plain(value):
    # As modelsearch's indexers prepare a value, with a line per block.
    if isinstance(value, str):
        return PARAGRAPHS.sub("\n", value)
    if isinstance(value, list):
        return "\n".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_plain(item) for item in value.values())
    return force_str(value)


def _weight(field):
    if field.field_name == "title":
        return TITLE_WEIGHT
    if field.boost is not None and field.boost > 1:
        return BOOSTED_WEIGHT
    return LEAD_WEIGHT if field.field_name in LEAD_FIELDS else BODY_WEIGHT


class NormalisedSearchMixin:
    """`.search()` with the query's words in their dictionary forms."""

    def search(self, query, model_or_queryset, fields=None, operator=None, **kwargs):
        if not isinstance(query, MatchAll) and query is not None:
            query = normalised_query(query, operator or "and")
        return super().search(query, model_or_queryset, fields=fields, operator=operator, **kwargs)


@cache
def _postgres_backend():
    # Each vendor's module reads that vendor's index models: imported only for it.
    from wagtail.search.backends.database.postgres import postgres

    class PostgresIndexer(postgres.ObjectIndexer):
        def prepare_field(self, obj, field):
            for current_field, weight, value in super().prepare_field(obj, field):
                if isinstance(current_field, SearchField):
                    weight = _weight(current_field)
                yield current_field, weight, value

        @cached_property
        def body_text(self):
            return body_text(self.obj)

        def as_vector(self, texts, for_autocomplete=False):
            if not for_autocomplete:
                texts = [(normalise(text), weight) for text, weight in texts]
            return super().as_vector(texts, for_autocomplete=for_autocomplete)

    class PostgresIndex(postgres.PostgresIndex):
        def add_items(self, model, objs):
            # modelsearch's PostgresIndex.add_items, with PostgresIndexer.
            if not model.get_search_fields():
                return
            indexers = [PostgresIndexer(obj, self.backend) for obj in objs]
            if not indexers:
                return
            entry = postgres.IndexEntry
            content_type_pk = get_content_type_pk(model)
            compiler = InsertQuery(entry).get_compiler(connection=self.write_connection)
            rows, params = [], []
            for indexer in indexers:
                vectors = []
                for name in ("title", "autocomplete", "body"):
                    value = compiler.prepare_value(
                        entry._meta.get_field(name), getattr(indexer, name)
                    )
                    sql, value_params = value.as_sql(compiler, self.write_connection)
                    vectors.append((sql, value_params))
                params += [content_type_pk, indexer.id]
                for _sql, value_params in vectors:
                    params += value_params
                params += [indexer.title_text, indexer.body_text]
                sql = ", ".join(sql for sql, _params in vectors)
                rows.append(f"(%s, %s, {sql}, 1.0, %s, %s)")
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {entry._meta.db_table} (content_type_id, object_id, title, "
                    "autocomplete, body, title_norm, title_text, body_text) "
                    f"(VALUES {', '.join(rows)}) "
                    "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                    "title = EXCLUDED.title, title_norm = 1.0, "
                    "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                    "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                    params,
                )
            self._refresh_title_norms()

    class PostgresBackend(NormalisedSearchMixin, postgres.PostgresSearchBackend):
        index_class = PostgresIndex

    return PostgresBackend


@cache
def _sqlite_backend():
    from wagtail.search.backends.database.sqlite import sqlite

    class SQLiteIndexer(sqlite.ObjectIndexer):
        def _texts(self, wanted):
            texts = []
            for field in self.search_fields:
                for current_field, value in self.prepare_field(self.obj, field):
                    if isinstance(current_field, SearchField) and wanted(current_field):
                        texts.append(value)
            return " ".join(text.strip() for text in texts if text.strip())

        @cached_property
        def title(self):
            return normalise(self._texts(lambda field: field.field_name in ("title", *LEAD_FIELDS)))

        @cached_property
        def body(self):
            return normalise(
                self._texts(lambda field: field.field_name not in ("title", *LEAD_FIELDS))
            )

    class SQLiteIndex(sqlite.SQLiteIndex):
        def add_items(self, model, objs):
            # modelsearch's SQLiteIndex.add_items, with SQLiteIndexer.
            if not model.get_search_fields():
                return
            indexers = [SQLiteIndexer(obj, self.backend) for obj in objs]
            if not indexers:
                return
            values = {
                indexer.id: {
                    "title": indexer.title,
                    "autocomplete": indexer.autocomplete,
                    "body": indexer.body,
                }
                for indexer in indexers
            }
            entries = self.entries.filter(content_type_id=get_content_type_pk(model))
            existing = set(entries.filter(object_id__in=values).values_list("object_id", flat=True))
            for object_id in existing:
                entries.filter(object_id=object_id).update(**values[object_id])
            self.entries.bulk_create(
                sqlite.IndexEntry(
                    content_type_id=get_content_type_pk(model), object_id=object_id, **fields
                )
                for object_id, fields in values.items()
                if object_id not in existing
            )
            self._refresh_title_norms()

    class SQLiteBackend(NormalisedSearchMixin, sqlite.SQLiteSearchBackend):
        index_class = SQLiteIndex

    return SQLiteBackend
