from django.db import migrations

from search import dictionary


def install(apps, schema_editor):
    dictionary.install(schema_editor.connection)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {dictionary.CONFIGURATION};"
            f"DROP TEXT SEARCH DICTIONARY IF EXISTS {dictionary.DICTIONARY};"
        )


class Migration(migrations.Migration):
    """The site's search configuration (search.dictionary), with the Russian dictionary when
    the database server has it; checked again after every migrate."""

    dependencies = [("search", "0001_suggestions"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(install, remove)]
