"""The search backend indexes and queries Russian words in their dictionary form, for every
indexed model and on both databases (search.backend, search.words)."""

import datetime
import inspect

from django.db import connection

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

import pytest

from home.models import AssociationDocument, Person
from search import backend as search_backend
from search.words import lemma, normalise, readings
from tests.members.factories import DocumentFactory
from tests.search.helpers import article, meeting, news_index, page

pytestmark = pytest.mark.django_db


def test_words_are_read_in_their_dictionary_form():
    assert normalise("В библиотеках, с фотоархивами!") == "в библиотека, с фотоархив!"
    assert lemma("Весьегонске") == lemma("Весьегонск") == "весьегонск"
    assert lemma("краеведческого") == "краеведческий"
    assert lemma("посёлка") == "поселок"
    # Capitalised, a word may be a name; in running text in lower case, it is not.
    assert lemma("Зайцеву") == "зайцев"
    assert lemma("медиатеках") == "медиатека"
    assert "зайцев" in readings("Зайцев") and "заяц" in readings("зайцев")
    assert lemma("libraries") == lemma("library")


def test_pages_are_found_by_other_forms_of_their_words(home):
    page(home, "Фонды", "funds", "В библиотеках района разбирают фотоархивами собранное.")
    found = {found.slug for found in home.get_children().search("библиотека фотоархив")}
    assert found == {"funds"}


def test_a_phrase_query_is_normalised(home):
    from wagtail.search.query import Phrase

    page(home, "Уголок", "corner", "Открылась экспозиция краеведческого уголка.")
    page(home, "Другое", "other", "Краеведческий музей и уголок отдыха.")
    found = {found.slug for found in home.get_children().search(Phrase("краеведческий уголок"))}
    assert found == {"corner"}


def test_people_are_found_in_other_cases():
    Person.objects.create(name="Пётр Кузнецов", position="библиотекарь")
    found = get_search_backend().search("Кузнецову", Person)
    assert [person.name for person in found] == ["Пётр Кузнецов"]


def test_the_text_of_pdf_files_is_normalised_too():
    document = DocumentFactory()
    AssociationDocument.objects.filter(pk=document.pk).update(
        extracted_text="Рекомендовать работу с фотоархивами сельских библиотек."
    )
    get_search_backend().add(AssociationDocument.objects.get(pk=document.pk))
    found = AssociationDocument.objects.search("фотоархив сельская библиотека")
    assert [found.pk for found in found] == [document.pk]


def test_tags_are_normalised(home):
    index = news_index(home)
    article(index, "Встреча", "meeting", "Собрались коллеги.", tags=["краеведческие маршруты"])
    found = {found.slug for found in index.get_children().search("краеведческий маршрут")}
    assert found == {"meeting"}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's index holds the text")
def test_sqlite_indexes_the_title_with_the_lead_and_the_body_in_dictionary_forms(home):
    created = meeting(
        home, "Заседание", "m", "Методисты обсудили фотоархивы", datetime.date(2026, 1, 1)
    )
    entry = IndexEntry.objects.get(object_id=str(created.pk), content_type__model="clubmeetingpage")
    assert entry.title.startswith("заседание методист обсудить фотоархив")


@pytest.mark.postgres
def test_postgres_keeps_the_original_text_beside_the_vectors(home):
    created = page(home, "Фонды", "funds", "В библиотеках района.")
    entry = IndexEntry.objects.get(object_id=str(created.pk), content_type__model="standardpage")
    assert "В библиотеках района." in entry.body_text
    with connection.cursor() as cursor:
        cursor.execute("SELECT body::text FROM wagtailsearch_indexentry WHERE id = %s", [entry.pk])
        vector = cursor.fetchone()[0]
    assert "'библиотека'" in vector and "библиотеках" not in vector


def test_the_repeated_add_items_still_matches_modelsearchs():
    """search.backend repeats modelsearch's add_items with its own indexers: a new
    modelsearch must be read again before its version is allowed."""
    from importlib.metadata import version

    assert version("modelsearch").startswith("1."), "check search.backend's add_items"
    vendor = get_search_backend().index_class.__mro__[1]
    assert "indexers = [ObjectIndexer(obj, self.backend) for obj in objs]" in inspect.getsource(
        vendor.add_items
    )
    assert search_backend.SearchBackend is not None
