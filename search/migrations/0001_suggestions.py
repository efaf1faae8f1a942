from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

# Every word of the search index, spelled with е for ё, for "did you mean" suggestions.
CREATE_VOCABULARY = """
CREATE MATERIALIZED VIEW search_vocabulary AS
SELECT word, ndoc FROM ts_stat(
    'SELECT to_tsvector(''simple'', translate(title_text || '' '' || body_text, ''Ёё'', ''Ее''))
     FROM wagtailsearch_indexentry'
);
CREATE UNIQUE INDEX search_vocabulary_word ON search_vocabulary (word);
CREATE INDEX search_vocabulary_word_trgm ON search_vocabulary USING gin (word gin_trgm_ops);
"""
DROP_VOCABULARY = "DROP MATERIALIZED VIEW IF EXISTS search_vocabulary;"


def create_vocabulary(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_VOCABULARY)


def drop_vocabulary(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_VOCABULARY)


class Migration(migrations.Migration):
    """pg_trgm and a word list for suggestions; nothing happens on other databases."""

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_vocabulary, drop_vocabulary),
    ]
