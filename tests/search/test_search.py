"""The search page on any database: word forms, filters, bad input, budget, logging."""

import datetime
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

import pytest

from programs.models import ClubMeetingPage
from search.searching import refresh_vocabulary
from tests.search.helpers import (
    article,
    english_home,
    make_private,
    meeting,
    news_index,
    page,
    programme,
    resolution,
)

YEAR = datetime.timedelta(days=365)


def search(client, language="ru", **params):
    return client.get(f"/{language}/search/", params)


def titles(response):
    return [result.page.title for result in response.context["described"]]


@pytest.fixture
def pages(home, english):
    methodists = page(home, "Клуб методистов", "club-page", "Встреча методистов области.")
    draft = page(home, "Черновик методистов", "draft", "Методистов черновик.", publish=False)
    private = make_private(page(home, "Закрытый раздел", "private", "Для методистов."))
    hidden_child = page(private, "Отчёт методистов", "report", "Методистов отчёт.")
    english_page = page(english_home(english), "Methodists club", "club", "методистов")
    return {
        "visible": methodists,
        "hidden": [draft, private, hidden_child, english_page],
    }


def test_search_finds_exact_word_forms_on_any_database(client, pages):
    response = search(client, q="методистов")
    assert response.status_code == 200
    assert titles(response) == ["Клуб методистов"]


def test_results_exclude_draft_private_and_other_language_pages(client, pages):
    russian = titles(search(client, q="методистов"))
    for hidden in pages["hidden"]:
        assert hidden.title not in russian
    assert titles(search(client, "en", q="методистов")) == ["Methodists club"]


def test_search_results_are_not_indexed_by_robots(client, pages):
    for query in ({"q": "методистов"}, {"q": ""}, {"page": "2"}):
        response = search(client, **query)
        assert response["X-Robots-Tag"] == "noindex"
        assert b'<meta name="robots" content="noindex' in response.content
        assert "no-store" in response["Cache-Control"]


def test_bare_search_page_may_be_indexed(client, pages):
    response = search(client)
    assert "X-Robots-Tag" not in response
    assert b'name="robots"' not in response.content


def test_header_search_box_submits_to_the_search_page(client, home):
    response = client.get(home.url)
    assert f'action="{reverse("search")}"'.encode() in response.content
    assert b'name="q"' in response.content


def test_empty_query_asks_for_words(client, db):
    response = search(client, q="")
    assert response.status_code == 200
    assert "Введите слово или фразу".encode() in response.content


@pytest.mark.parametrize(
    "query",
    [
        " ",
        "?",
        "!!!",
        "«»",
        "'",
        '"',
        '"методистов',
        "методистов'",
        "'; DROP TABLE wagtailcore_page; --",
        "1 OR 1=1",
        "a & b | !c",
        "методист:*",
        ".*+?^$()[]{}|\\",
        "(((((",
        "%_%",
        "<script>alert(1)</script>",
        "методистов " * 300,
        "я" * 2000,
    ],
    ids=lambda query: repr(query[:24]),
)
def test_odd_queries_answer_200(client, pages, query):
    response = search(client, q=query)
    assert response.status_code == 200


def test_long_query_is_cut_and_said_so(client, pages):
    response = search(client, q="методистов " + "x" * 2000)
    assert response.status_code == 200
    assert "длиннее 200 символов".encode() in response.content


def test_punctuation_only_query_explains_itself(client, db):
    response = search(client, q="?!")
    assert "нет слов".encode() in response.content


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"type": "nothing.nopage"}, "Такого вида материалов нет"),
        ({"year": "abc"}, "Год должен быть числом"),
        ({"year": "99999999999999999999"}, "Год должен быть от 1900 до 2100"),
        ({"tag": "no-such-tag"}, "Тега «no-such-tag» нет"),
        ({"q": "нуль\x00"}, ""),
    ],
)
def test_unknown_filter_values_answer_400_in_russian(client, pages, params, message):
    response = search(client, **{"q": "методистов", **params})
    assert response.status_code == 400
    assert message.encode() in response.content


@pytest.mark.parametrize("number", ["0", "-1", "abc", "99999", "1e9", "2.5", ""])
def test_bad_page_numbers_answer_200(client, pages, number):
    assert search(client, q="методистов", page=number).status_code == 200


def test_filters_by_type_year_and_tag(client, home):
    index = news_index(home)
    old = article(
        index,
        "Семинар методистов",
        "old",
        "Итоги.",
        timezone.make_aware(datetime.datetime(2023, 6, 1, 12)),
    )
    new = article(index, "Встреча методистов", "new", "Итоги.", tags=["методика"])
    page(home, "Методистов страница", "standard", "Итоги.")

    def found(**filters):
        return set(titles(search(client, q="методистов", **filters)))

    assert found(type="news.newspage") == {old.title, new.title}
    assert found(year="2023") == {old.title}
    assert found(tag=new.tags.first().slug) == {new.title}
    assert found(type="home.standardpage", year="2023") == set()


def test_future_dated_news_stay_out_of_results(client, home):
    index = news_index(home)
    article(
        index,
        "Будущая новость методистов",
        "future",
        "Скоро.",
        timezone.now() + datetime.timedelta(days=3),
    )
    assert titles(search(client, q="методистов")) == []


def test_results_show_type_date_and_highlighted_excerpt(client, home):
    index = news_index(home)
    article(
        index,
        "Встреча",
        "meeting",
        "Собрались методистов клубы.",
        # Noon: late in the UTC evening, now() is already the next day in Moscow.
        timezone.make_aware(datetime.datetime(2024, 3, 5, 12)),
    )
    response = search(client, q="методистов")
    html = response.content.decode()
    assert "Новость" in html or "новость" in html.lower()
    assert "5 марта 2024" in html
    assert "<mark>методистов</mark>" in html


def test_result_types_are_in_readers_words_and_planned_months_are_months(client, home):
    index = news_index(home)
    article(index, "Новость методистов", "news-item", "Методисты собрались.")
    page(home, "Страница методистов", "standard", "О методистах.")
    programme(home, "Программа для методистов", "programme", "Учёба.", datetime.date(2027, 2, 1))
    resolution(home, "Решение методистов", "decision", "Принято.", datetime.date(2025, 3, 4))
    planned = meeting(home, "Встреча методистов", "planned", "Планы.", datetime.date(2027, 1, 1))
    ClubMeetingPage.objects.filter(pk=planned.pk).update(date_precision="month")
    response = search(client, q="методист")
    types = {result.page.slug: str(result.type_name) for result in response.context["described"]}
    assert types == {
        "club": "Страница",
        "news-item": "Новость",
        "standard": "Страница",
        "programme": "Программа",
        "decision": "Итоговый документ",
        "planned": "Заседание клуба",
    }
    html = response.content.decode()
    assert '<time datetime="2027-01">январь 2027</time>' in html
    assert "1 января 2027" not in html


def test_title_and_lead_rank_above_the_body(client, home):
    body = page(home, "Отчёт", "body", "Итоги года.")
    body.body = [("paragraph", "<p>Говорили и о фотоархивах района.</p>")]
    body.save_revision().publish()
    page(home, "Новости сектора", "lead", "Фотоархив района пополнился.")
    page(home, "Фотоархив района", "title", "Снимки сёл.")
    assert [result.page.slug for result in search(client, q="фотоархив").context["described"]] == [
        "title",
        "lead",
        "body",
    ]


def test_the_exact_phrase_ranks_above_scattered_words(client, home):
    page(home, "Музей", "scattered", "Уголок отдыха и краеведческий музей.")
    page(home, "Экспозиция", "phrase", "Экспозиция краеведческого уголка и музей.")
    slugs = [r.page.slug for r in search(client, q="краеведческий уголок").context["described"]]
    assert slugs == ["phrase", "scattered"]


def test_newer_pages_come_first_among_equals(client, home):
    older = page(home, "Фотоархив", "older", "Снимки района.")
    newer = page(home, "Фотоархив", "newer", "Снимки района.")
    Page.objects.filter(pk=older.pk).update(first_published_at=timezone.now() - YEAR)
    Page.objects.filter(pk=newer.pk).update(first_published_at=timezone.now())
    slugs = [r.page.slug for r in search(client, q="фотоархив").context["described"]]
    assert slugs == ["newer", "older"]


def test_queries_are_logged_for_the_popular_searches_report(client, pages):
    search(client, q="  Методистов ")
    search(client, q="методистов", page="2")
    assert Query.get("методистов").hits == 1


def test_editors_picks_are_shown_first(client, pages, home):
    membership = page(home, "Членство", "membership", "Как вступить.")
    SearchPromotion.objects.create(
        query=Query.get("методистов"), page=membership, description="Главное"
    )
    html = search(client, q="методистов").content.decode()
    assert html.index("Членство") < html.index("Клуб методистов")


def test_editors_picks_are_shown_for_any_form_of_the_words(client, pages, home):
    SearchPromotion.objects.create(
        query=Query.get("Клуб методистов"), page=pages["visible"], sort_order=0
    )
    picks = search(client, q="клубе методиста").context["picks"]
    assert [pick.page_id for pick in picks] == [pages["visible"].pk]
    assert search(client, q="клуб краеведов").context["picks"] == []


def test_picks_of_private_pages_are_not_shown(client, pages):
    SearchPromotion.objects.create(query=Query.get("методистов"), page=pages["hidden"][1])
    assert search(client, q="методистов").context["picks"] == []


def test_every_word_may_be_in_the_title_or_in_the_text(client, home):
    page(home, "Клуб методистов", "club", "Встреча в Кашине.")
    page(home, "Клуб краеведов", "other-club", "Встреча в Твери.")
    assert titles(search(client, q="методистов Кашине")) == ["Клуб методистов"]


@pytest.mark.postgres
def test_stop_words_neither_narrow_nor_widen_the_search(client, pages):
    assert titles(search(client, q="методистов и на")) == ["Клуб методистов"]
    response = search(client, q="и на в")
    assert response.status_code == 200
    assert titles(response) == []


@pytest.mark.parametrize(
    ("number", "shown"), [("3", 5), ("1", 10), ("99", 5), ("0", 5), ("abc", 10), ("9" * 30, 5)]
)
def test_pages_of_results_count_every_match(client, home, number, shown):
    for index in range(25):
        page(home, f"Методистов {index}", f"page-{index}", "Методистов текст.")
    response = search(client, q="методистов", page=number)
    assert response.context["results"].paginator.count == 25
    assert len(titles(response)) == shown


def test_search_costs_at_most_10_queries_whatever_the_number_of_results(client, home):
    """The whole page: the search, its log, editors' picks, facets and the page chrome."""
    for number in range(25):
        page(home, f"Методистов {number}", f"page-{number}", "Методистов текст.")
    page(home, "Единственная", "single", "Уникальное слово.")
    refresh_vocabulary()  # so that the misspelt query below gets the whole suggestion path
    search(client, q="методистов")  # logged once: later searches only count hits
    search(client, q="уникальное")
    search(client, q="методистав уникальноее")
    many = count_queries(lambda: search(client, q="методистов"))
    one = count_queries(lambda: search(client, q="уникальное"))
    # Nothing found: a second search with any of the words, and a suggestion on PostgreSQL.
    none = count_queries(lambda: search(client, q="методистав уникальноее"))
    assert many <= 10
    assert one == many
    assert none <= 10


def count_queries(request):
    with CaptureQueriesContext(connection) as queries:
        response = request()
    assert response.status_code == 200
    return len(queries)


def test_the_log_of_distinct_searches_is_bounded_and_known_ones_still_count(
    client, pages, settings
):
    settings.SEARCH_QUERY_LOG_MAX = 3
    for word in ("один", "два", "три", "четыре", "пять"):
        search(client, q=word)
    assert Query.objects.count() == 3
    search(client, q="один")
    assert Query.objects.get(query_string="один").hits == 2
    assert not Query.objects.filter(query_string="пять").exists()


def test_old_searches_without_picks_are_collected_by_a_queued_task(pages, settings):
    from django.core.management import call_command

    settings.WAGTAILSEARCH_HITS_MAX_AGE = 7
    old = Query.get("старый запрос")
    old.add_hit(date=timezone.localdate() - datetime.timedelta(days=30))
    Query.get("свежий запрос").add_hit()
    call_command("enqueue", "search.tasks.collect_search_queries", stdout=io.StringIO())
    assert list(Query.objects.values_list("query_string", flat=True)) == ["свежий запрос"]
