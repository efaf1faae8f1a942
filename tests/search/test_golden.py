"""The golden set: Russian queries in other word forms than the text, over the demo site.

Each query must find all its expected pages (recall 100%), and no query may return a draft,
a private page, a scheduled article or a page of the other language. PostgreSQL only: the
Russian stemming is PostgreSQL's.
"""

import datetime

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone, translation

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.postgres import ObjectIndexer

import pytest

from search import dictionary
from search.pages import visible_pages
from search.searching import refresh_vocabulary, run_search
from search.text import WORD, query_terms
from tests.search.helpers import article, make_private, page

pytestmark = pytest.mark.postgres

NEWS = "/home/news/"
PROGRAMMES = "/home/programmes/"
METHODISTS = "/home/clubs/methodists-club/"
DOCUMENTS = "/home/documents/"
LIBRARIANS = {
    f"{NEWS}library-day-2026-awards/",
    f"{NEWS}community-centre-week/",
    "/home/clubs/informal-hour/",
}
SCHOOL = {
    f"{PROGRAMMES}school-18/",
    f"{NEWS}school-18-model-library/",
    f"{NEWS}school-19-registration/",
    f"{DOCUMENTS}2-2024/",
}
FINAL_DOCUMENTS = {DOCUMENTS, f"{NEWS}methodists-club-kashin/"}
VOLUNTEERS = {f"{PROGRAMMES}volunteer-seminar/", f"{NEWS}novgorod-volunteers/"}

RUSSIAN = {
    "библиотекарь": LIBRARIANS,
    "библиотекари": LIBRARIANS,
    "библиотекарей": LIBRARIANS,
    "руководитель библиотеки": SCHOOL,
    "Школа руководителей библиотек": SCHOOL,
    "школу руководителя": SCHOOL,
    "итоговый документ": FINAL_DOCUMENTS,
    "Итоговые документы": FINAL_DOCUMENTS,
    "итоговых документах": FINAL_DOCUMENTS,
    "модельная библиотека": {f"{NEWS}school-18-model-library/", f"{DOCUMENTS}4-2025/"},
    "модельного стандарта": {f"{DOCUMENTS}4-2025/"},
    "краеведение": {f"{DOCUMENTS}1-2023/", f"{DOCUMENTS}3-2024/"},
    "краеведческих проектов": {f"{NEWS}local-history-contest-2026/"},
    "краеведческий ресурс": {f"{PROGRAMMES}local-history-webinar/"},
    "газеты": {f"{NEWS}kimry-newspaper-digitised/"},
    "оцифровали": {f"{NEWS}kimry-newspaper-digitised/"},
    "волонтёров": VOLUNTEERS,
    "волонтеры": VOLUNTEERS,
    "методисты": {METHODISTS, f"{NEWS}methodists-club-kashin/"},
    "деловой клуб методистов": {
        METHODISTS,
        f"{METHODISTS}meeting-34/",
        f"{METHODISTS}meeting-35/",
        f"{METHODISTS}meeting-36/",
        f"{NEWS}methodists-club-kashin/",
    },
    "заседания клуба": {f"{METHODISTS}meeting-34/", f"{METHODISTS}meeting-35/"},
    "членство": {"/home/membership/"},
    "членских взносов": {f"{DOCUMENTS}5-2025/"},
    "летнего чтения": {f"{NEWS}summer-reading-2025/"},
    "детских библиотек": {
        f"{NEWS}summer-reading-2025/",
        f"{PROGRAMMES}children-library-internship/",
    },
    "день библиотеки": {f"{NEWS}library-day-2025/", f"{NEWS}library-day-2026-awards/"},
    "наградили": {f"{NEWS}library-day-2026-awards/"},
    "повышения квалификации": {
        PROGRAMMES,
        f"{PROGRAMMES}community-centre-week/",
        f"{NEWS}community-centre-week/",
    },
    "стажировки": {f"{PROGRAMMES}children-library-internship/"},
    "вебинары": {f"{PROGRAMMES}local-history-webinar/"},
    "центр общественной жизни": {
        f"{PROGRAMMES}community-centre-week/",
        f"{NEWS}community-centre-week/",
    },
    "сельские библиотеки": {f"{NEWS}opening-hours-recommendations/"},
    "учредителем": {f"{PROGRAMMES}school-18/", f"{NEWS}school-18-model-library/"},
    "Кашин": {f"{NEWS}methodists-club-kashin/"},
    "Новгородские коллеги": {f"{NEWS}novgorod-volunteers/"},
    "отчетность": {f"{DOCUMENTS}2-2024/"},
    "отчётности": {f"{DOCUMENTS}2-2024/"},
    "поселка": {f"{NEWS}school-18-model-library/"},
    "общего собрания": {f"{NEWS}annual-meeting-2024-results/"},
    "час неформального общения": {
        "/home/clubs/informal-hour/",
        f"{NEWS}informal-hour-books-and-conference/",
    },
    "резолюции": {DOCUMENTS},
}
# Queries whose words are, on each expected page, only in its tags: the search index has
# tags since the pages' own text does not (see test_tag_only_words_are_in_no_page_text).
TAGS_ONLY = {
    "обмена опытом": {
        f"{NEWS}informal-hour-books-and-conference/",
        f"{NEWS}novgorod-volunteers/",
    },
    "оцифровку": {f"{NEWS}kimry-newspaper-digitised/"},
    "повышению квалификации": {f"{NEWS}school-19-registration/"},
    "членству": {f"{NEWS}new-members-2025/"},
    "стажировкам": {f"{PROGRAMMES}community-centre-week/"},
    "управлению": {f"{DOCUMENTS}2-2024/"},
}
ENGLISH = {
    "library managers": {"/home-en/"},
    "libraries": {"/home-en/about/", "/home-en/membership/"},
    "founded": {"/home-en/about/"},
    "membership": {"/home-en/membership/"},
    "methodologist": {"/home-en/"},
}
# Place names and surnames written in the demo only in other cases than the query; most
# need the Russian dictionary (search.dictionary), which knows stems the stemmer cuts wrong.
WEEK = {f"{PROGRAMMES}community-centre-week/"}
HOUR = {"/home/clubs/informal-hour/hour-12/"}
NAMES = {
    "Торжок": WEEK,  # в Торжке
    "Орёл": WEEK,  # в Орле
    "Ржев": WEEK,  # из Ржева
    "Псков": WEEK,  # из Пскова
    "Углич": WEEK,  # из Углича
    "Великие Луки": WEEK,  # из Великих Лук
    "Бежецк": WEEK,  # в Бежецке
    "Весьегонск": WEEK,  # в Весьегонске
    "Калязин": WEEK,  # в Калязине
    "Старица": WEEK,  # в Старице
    "Лихославль": WEEK,  # в Лихославле
    "Старая Русса": WEEK,  # в Старой Руссе
    "Кузнецов": HOUR,  # с Кузнецовым
    "Ильин": HOUR,  # с Ильиным
    "Зайцев": HOUR,  # Зайцеву
    "Новиков": HOUR,  # Новикову
    "Королёва": HOUR,  # Королёвой
    "Пименова": HOUR,  # Пименовой
    "Шевчук": HOUR,  # с Шевчуком
    "Мельникова": HOUR,  # с Мельниковой
}
HIDDEN_TEXT = " ".join(RUSSIAN)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site and pages that must never be found, built once and rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
        home = Page.objects.get(url_path="/home/").specific
        page(home, "Черновик", "golden-draft", HIDDEN_TEXT, publish=False)
        private = make_private(page(home, "Закрытый раздел", "golden-private", HIDDEN_TEXT))
        page(private, "Закрытая страница", "golden-private-child", HIDDEN_TEXT)
        news = Page.objects.get(url_path=NEWS)
        article(
            news,
            "Запланированная новость",
            "golden-scheduled",
            HIDDEN_TEXT,
            timezone.now() + datetime.timedelta(days=7),
        )
        english = Page.objects.get(url_path="/home-en/").specific
        page(english, "Russian words on the English site", "golden-english", HIDDEN_TEXT)
        refresh_vocabulary()
        yield
        transaction.set_rollback(True)


HIDDEN_SLUGS = {
    "golden-draft",
    "golden-private",
    "golden-private-child",
    "golden-scheduled",
    "golden-english",
}


def found(query, language="ru"):
    with translation.override(language):
        results, _broadened = run_search(query_terms(query), visible_pages(language))
        return list(results[:200])


def test_golden_set_is_large_enough():
    assert len(RUSSIAN) >= 30
    assert len(NAMES) >= 20
    assert len(ENGLISH) >= 3


@pytest.mark.parametrize(("query", "expected"), list(NAMES.items()), ids=list(NAMES))
def test_names_are_found_in_other_cases(db, demo_site, query, expected):
    pages = found(query)
    missing = expected - {page.url_path for page in pages}
    assert not missing, f"{query!r} misses {sorted(missing)}"
    assert dictionary.has_dictionary(connection), "hunspell-ru is missing on the server"


def test_names_are_in_the_demo_text_only_in_other_cases(db, demo_site):
    """Keeps NAMES meaningful: the query's own word form is in none of the expected pages."""
    backend = get_search_backend()
    for query, expected in NAMES.items():
        for url_path in expected:
            indexer = ObjectIndexer(Page.objects.get(url_path=url_path).specific, backend)
            words = set(WORD.findall(f"{indexer.title_text} {indexer.body_text}".lower()))
            assert not set(WORD.findall(query.lower())) <= words, f"{query!r} in {url_path}"


@pytest.mark.parametrize(("query", "expected"), list(RUSSIAN.items()), ids=list(RUSSIAN))
def test_russian_query_finds_every_expected_page(db, demo_site, query, expected):
    pages = found(query)
    missing = expected - {page.url_path for page in pages}
    assert not missing, f"{query!r} misses {sorted(missing)}"
    assert not {page.slug for page in pages} & HIDDEN_SLUGS


@pytest.mark.parametrize(("query", "expected"), list(TAGS_ONLY.items()), ids=list(TAGS_ONLY))
def test_tag_query_finds_every_expected_page(db, demo_site, query, expected):
    pages = found(query)
    missing = expected - {page.url_path for page in pages}
    assert not missing, f"{query!r} misses {sorted(missing)}"
    assert not {page.slug for page in pages} & HIDDEN_SLUGS


def test_tag_only_words_are_in_no_page_text(db, demo_site):
    """Keeps TAGS_ONLY meaningful if the demo text changes: without its tags, no expected
    page would match."""
    backend = get_search_backend()
    config = dictionary.CONFIGURATION
    for query, expected in TAGS_ONLY.items():
        for url_path in expected:
            page = Page.objects.get(url_path=url_path).specific
            indexer = ObjectIndexer(page, backend)
            indexer.search_fields = [
                field for field in indexer.search_fields if field.field_name != "tag_text"
            ]
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT to_tsvector(%s, %s) @@ plainto_tsquery(%s, %s)",
                    [config, f"{indexer.title_text} {indexer.body_text}", config, query],
                )
                assert not cursor.fetchone()[0], f"{query!r} is in the text of {url_path}"


@pytest.mark.parametrize(("query", "expected"), list(ENGLISH.items()), ids=list(ENGLISH))
def test_english_query_finds_every_expected_page(db, demo_site, query, expected):
    pages = found(query, "en")
    missing = expected - {page.url_path for page in pages}
    assert not missing, f"{query!r} misses {sorted(missing)}"
    assert all(page.url_path.startswith("/home-en/") for page in pages)


def test_hidden_pages_exist_and_would_match(db, demo_site):
    """The exclusions above are meaningful: the hidden pages are indexed with every word."""
    with translation.override("en"):
        results, _ = run_search(query_terms("библиотекарей"), visible_pages("en"))
        assert "golden-english" in {page.slug for page in results}


def test_yo_and_ye_are_the_same_letter(db, demo_site):
    assert {page.pk for page in found("волонтёров")} == {page.pk for page in found("волонтеров")}
    assert {page.pk for page in found("посёлка")} == {page.pk for page in found("поселка")}


def test_excerpts_highlight_other_word_forms(db, client, demo_site):
    response = client.get("/ru/search/", {"q": "библиотекарь"})
    html = response.content.decode()
    assert "<mark>Библиотекари</mark>" in html or "<mark>библиотекари</mark>" in html


def test_typos_get_a_suggestion(db, client, demo_site):
    response = client.get("/ru/search/", {"q": "библеотекари"})
    assert response.context["suggestion"] == "библиотекари"
    assert "Возможно, вы искали".encode() in response.content


def test_suggestions_never_come_from_hidden_pages(db, client, demo_site):
    response = client.get("/ru/search/", {"q": "закрытоя"})
    assert response.context["suggestion"] is None


def test_excerpts_read_as_sentences_without_the_index_joins_or_tag_words(db, client, demo_site):
    response = client.get("/ru/search/", {"q": "библиотека"})
    excerpts = [result.excerpt for result in response.context["described"]]
    assert excerpts
    for excerpt in excerpts:
        assert ", ," not in excerpt
        assert "., " not in excerpt
        # The demo's tags ("членство", "ассоциация") never trail the last sentence.
        assert not excerpt.rstrip(" …").endswith(("членство ассоциация", "ассоциация"))
    assert any("<mark>" in excerpt for excerpt in excerpts)
