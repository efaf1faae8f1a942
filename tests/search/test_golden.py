"""The golden set: Russian queries in other word forms than the text, over the demo site.

Each query must find all its expected pages (recall 100%), each query of FIRST_PAGE its
page among the first results page, and no query may return a draft, a private page, a
scheduled article or a page of the other language. On both databases: the words are
normalised in Python (search.words). CI runs PostgreSQL; test_golden_sqlite.py runs this
module again on SQLite.
"""

import datetime

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone, translation

from wagtail.models import Page

import pytest

from search import dictionary
from search.backend import body_text
from search.pages import visible_pages
from search.searching import refresh_vocabulary, run_search, suggest
from search.text import WORD, query_terms
from search.views import RESULTS_PER_PAGE
from search.words import normalise, readings
from tests.search.helpers import article, make_private, page

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

# The issue's reproduction: an editor's article saying «библиотеках», «фотоархивами»,
# «краеведческого уголка», and words no dictionary has, published over the demo site.
REPRODUCTION = f"{NEWS}golden-photo-archives/"
REPRODUCTION_TITLE = "В сельских библиотеках разбирают фотоархивы"
REPRODUCTION_LEAD = (
    "Сотрудники библиотек Весьегонского округа занимаются фотоархивами сёл и деревень."
)
REPRODUCTION_BODY = (
    "В библиотеках района собрали больше двух тысяч снимков. "
    "В Весьегонске для них открыли экспозицию краеведческого уголка. "
    "Снимки оцифровывают в медиатеках, а о находках рассказывают подкастами; "
    "книги для уголка собрали буккроссингом."
)

# One page each query must show among the first RESULTS_PER_PAGE results: the query's
# words are in the page in other forms (or ё for е, or typed in the Latin layout).
FIRST_PAGE = {
    # nouns
    "библиотекарям": f"{NEWS}library-day-2026-awards/",
    "подшивке": f"{NEWS}kimry-newspaper-digitised/",
    "хранилищах": f"{NEWS}library-day-2025/",
    "экскурсия": f"{NEWS}library-day-2025/",
    "доброволец": f"{NEWS}novgorod-volunteers/",
    "грамотами": f"{NEWS}library-day-2026-awards/",
    "заявлениях": "/home/membership/",
    "летописи": f"{DOCUMENTS}1-2023/",
    "маршрутам": f"{DOCUMENTS}3-2024/",
    "посетителями": f"{NEWS}library-day-2025/",
    "подросткам": f"{PROGRAMMES}children-library-internship/",
    "взнос": f"{DOCUMENTS}5-2025/",
    "стажировку": f"{PROGRAMMES}children-library-internship/",
    "соцсетях": "/home/clubs/informal-hour/hour-13/",
    "календаря": "/home/clubs/informal-hour/hour-14/",
    "сессиях": f"{NEWS}school-19-registration/",
    # adjectives
    "уездная": f"{NEWS}kimry-newspaper-digitised/",
    "почётный": f"{NEWS}library-day-2026-awards/",
    "неформальный": "/home/clubs/informal-hour/",
    "публичной": f"{PROGRAMMES}community-centre-week/",
    "торжественное": f"{NEWS}library-day-2026-awards/",
    "хрупкая": f"{NEWS}kimry-newspaper-digitised/",
    "ночных": f"{NEWS}library-day-2025/",
    # verbs
    "отсканировать": f"{NEWS}kimry-newspaper-digitised/",
    "наградить": f"{NEWS}library-day-2026-awards/",
    "вступить": f"{NEWS}new-members-2025/",
    "собрались": f"{NEWS}methodists-club-kashin/",
    "утвердить": f"{NEWS}annual-meeting-2024-results/",
    "подготовить": f"{NEWS}opening-hours-recommendations/",
    "встретиться": f"{NEWS}informal-hour-books-and-conference/",
    # place names in other cases
    "Тверь": f"{NEWS}school-18-model-library/",
    "Кимры": f"{NEWS}kimry-newspaper-digitised/",
    "Новгород": f"{NEWS}novgorod-volunteers/",
    "Кашина": f"{NEWS}methodists-club-kashin/",
    "Торжок": f"{PROGRAMMES}community-centre-week/",
    "Орёл": f"{PROGRAMMES}community-centre-week/",
    "Великие Луки": f"{PROGRAMMES}community-centre-week/",
    "Старая Русса": f"{PROGRAMMES}community-centre-week/",
    "Весьегонск": REPRODUCTION,
    # surnames
    "Журавлёвой": "/home/clubs/informal-hour/hour-12/",
    "Пушкин": f"{NEWS}summer-reading-2025/",
    "Кузнецов": "/home/clubs/informal-hour/hour-12/",
    "Зайцев": "/home/clubs/informal-hour/hour-12/",
    "Шевчук": "/home/clubs/informal-hour/hour-12/",
    # words of no dictionary, or known only by their endings
    "фотоархив": REPRODUCTION,
    "медиатека": REPRODUCTION,
    "подкаст": REPRODUCTION,
    "буккроссинг": REPRODUCTION,
    "межпоселенческая": f"{NEWS}kimry-newspaper-digitised/",
    "книгообеспеченности": f"{DOCUMENTS}3-2024/",
    "книгохранилище": f"{NEWS}library-day-2025/",
    # two-word phrases
    "краеведческий уголок": REPRODUCTION,
    "модельный стандарт": f"{DOCUMENTS}4-2025/",
    "цифровая грамотность": f"{NEWS}novgorod-volunteers/",
    "общественная жизнь": f"{NEWS}community-centre-week/",
    "электронная коллекция": f"{NEWS}local-history-contest-2026/",
    "персональным данным": "/home/privacy/",
    # ё written е
    "Журавлева": "/home/clubs/informal-hour/hour-12/",
    "отчет правления": f"{NEWS}annual-meeting-2024-results/",
    "волонтерская служба": f"{NEWS}novgorod-volunteers/",
    "перевел": f"{NEWS}kimry-newspaper-digitised/",
    # typed in the Latin layout: the page is on the first page of the suggested query
    "ufptns": f"{NEWS}kimry-newspaper-digitised/",
    "rfibyt": f"{NEWS}methodists-club-kashin/",
    "djkjyn`hjd": f"{NEWS}novgorod-volunteers/",
    ",b,kbjntrfhzv": f"{NEWS}library-day-2026-awards/",
}


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
        reproduction = article(news, REPRODUCTION_TITLE, "golden-photo-archives", REPRODUCTION_LEAD)
        reproduction.body = [("paragraph", f"<p>{REPRODUCTION_BODY}</p>")]
        reproduction.save_revision().publish()
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
