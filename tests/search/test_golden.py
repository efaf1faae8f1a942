"""The golden set: Russian queries in other word forms than the text, over the demo site.

Each query must find all its expected pages (recall 100%), each query of FIRST_PAGE its
page among the first results page, and no query may return a draft, a private page, a
scheduled article or a page of the other language. On both databases: the words are
normalised in Python (search.words). CI runs PostgreSQL; test_golden_sqlite.py runs this
module again on SQLite.
"""

import re

from django.db import connection
from django.utils import translation

from wagtail.models import Page

import pytest

from search import dictionary
from search.backend import body_text
from search.pages import visible_pages
from search.searching import refresh_vocabulary, run_search, suggest
from search.text import WORD, query_terms
from search.views import RESULTS_PER_PAGE
from search.words import lemma, normalise, readings
from tests.search.golden import (
    ENGLISH,
    FIRST_PAGE,
    HIDDEN_SLUGS,
    NAMES,
    REPRODUCTION,
    RUSSIAN,
    TAGS_ONLY,
    build_site,
)

MARKED_PUNCTUATION = re.compile(r"<mark>[^<]*[^\w<-]</mark>|<mark>[^\w]")


@pytest.fixture(scope="module")
def demo_site(demo_site, django_db_blocker):
    """The golden site (tests.search.golden) in the module's copy of the demo."""
    with django_db_blocker.unblock():
        build_site(load_demo=False)
        refresh_vocabulary()
        yield


def found(query, language="ru", limit=200):
    """The pages a reader gets for `query`, or for the suggested query when there are none
    (one click on «Возможно, вы искали …»)."""
    with translation.override(language):
        terms = query_terms(query)
        visible = visible_pages(language)
        results, _broadened = run_search(terms, visible)
        if not results.count():
            suggestion = suggest(terms, visible, query)
            if suggestion:
                results, _broadened = run_search(query_terms(suggestion), visible)
        return list(results[:limit])


def test_golden_set_is_large_enough():
    assert len(RUSSIAN) >= 30
    assert len(NAMES) >= 20
    assert len(ENGLISH) >= 3
    assert len(FIRST_PAGE) >= 60


@pytest.mark.parametrize(("query", "expected"), list(FIRST_PAGE.items()), ids=list(FIRST_PAGE))
def test_query_shows_its_page_on_the_first_results_page(db, demo_site, query, expected):
    pages = [page.url_path for page in found(query, limit=RESULTS_PER_PAGE)]
    assert expected in pages, f"{query!r}: {expected} not among {pages}"


def test_first_page_queries_are_in_other_forms_than_the_text(db, demo_site):
    """Keeps FIRST_PAGE meaningful: no query is the text's own spelling of all its words,
    except the place names and surnames only the other forms of which are in the text."""
    same = []
    for query, url_path in FIRST_PAGE.items():
        page = Page.objects.get(url_path=url_path).specific
        words = set(WORD.findall(f"{page.title} {body_text(page)}".lower()))
        if set(WORD.findall(query.lower())) <= words:
            same.append(query)
    assert not same, f"in the text as they are: {same}"


def test_the_issues_reproduction_is_found(db, demo_site):
    assert REPRODUCTION in [page.url_path for page in found("библиотека")[:RESULTS_PER_PAGE]]
    assert [page.url_path for page in found("фотоархив")] == [REPRODUCTION]
    assert found("краеведческий уголок")[0].url_path == REPRODUCTION


@pytest.mark.parametrize(("query", "expected"), list(NAMES.items()), ids=list(NAMES))
def test_names_are_found_in_other_cases(db, demo_site, query, expected):
    pages = found(query)
    missing = expected - {page.url_path for page in pages}
    assert not missing, f"{query!r} misses {sorted(missing)}"


@pytest.mark.postgres
def test_the_database_server_has_the_russian_dictionary(db):
    assert dictionary.has_dictionary(connection), "hunspell-ru is missing on the server"


def test_names_are_in_the_demo_text_only_in_other_cases(db, demo_site):
    """Keeps NAMES meaningful: the query's own word form is in none of the expected pages."""
    for query, expected in NAMES.items():
        for url_path in expected:
            page = Page.objects.get(url_path=url_path).specific
            words = set(WORD.findall(f"{page.title} {body_text(page)}".lower()))
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
    page would match (some word of the query is in none of its forms in the text)."""
    for query, expected in TAGS_ONLY.items():
        for url_path in expected:
            page = Page.objects.get(url_path=url_path).specific
            text = f"{page.title} {body_text(page).partition(chr(10) * 2)[0]}"
            lemmas = set(WORD.findall(normalise(text)))
            words = [set(readings(term)) for term in query_terms(query)]
            assert any(not forms & lemmas for forms in words), f"{query!r} in {url_path}"


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


def test_excerpts_mark_the_words_wherever_they_are_in_the_text(db, client, demo_site):
    """Never an excerpt without a match when a word of the query is in the page's text;
    the marks hold words only, punctuation stays outside."""
    for query in FIRST_PAGE:
        forms = {form for term in query_terms(query) for form in readings(term)}
        response = client.get("/ru/search/", {"q": query})
        for result in response.context["described"]:
            text = body_text(result.page.specific).partition("\n\n")[0]
            if any(lemma(word) in forms for word in WORD.findall(text)):
                assert "<mark>" in result.excerpt, f"{query!r}: {result.excerpt}"
            assert not MARKED_PUNCTUATION.search(result.excerpt), result.excerpt
