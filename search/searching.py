"""The site search: filters, ranked results with excerpts, suggestions, editors' picks, logging."""

from dataclasses import dataclass
from functools import reduce
from operator import and_ as operator_and
from operator import or_ as operator_or

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import BooleanField, Count, F, Func, Q, Window
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.backends.database.postgres.weights import get_sql_weights
from wagtail.search.utils import normalise_query_string

from search.pages import dated_in, display_date, lead_text, tagged_with
from search.text import (
    MARK_START,
    MARK_STOP,
    excerpt_around,
    fold_yo,
    marked_html,
    tidy_excerpt,
)

SUGGESTED_TERMS = 5
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


@dataclass
class Filters:
    """What a reader narrowed the search to; None means any."""

    page_type: type[Page] | None = None
    year: int | None = None
    tag: object | None = None

    def apply(self, pages):
        if self.page_type is not None:
            pages = pages.filter(
                content_type__app_label=self.page_type._meta.app_label,
                content_type__model=self.page_type._meta.model_name,
            )
        if self.year is not None:
            pages = pages.filter(dated_in(self.year))
        if self.tag is not None:
            pages = pages.filter(tagged_with(self.tag))
        return pages

    @property
    def active(self):
        return any(value is not None for value in (self.page_type, self.year, self.tag))


@dataclass
class Result:
    page: Page
    type_name: str
    date: object
    excerpt: str


class Matches:
    """Pages found, shaped for Django's Paginator (which counts, then slices): counted once.

    On PostgreSQL the count comes with the rows the caller will show (see `expect`), from a
    window function: one pass over the matches instead of a count and a ranked page.
    """

    def __init__(self, pages, windowed=False):
        self.pages = pages
        self.windowed = windowed
        self.expected = None
        self._count = None
        self._rows = None

    def expect(self, rows):
        """Tell which slice of the results will be shown (a `slice`), before counting."""
        self.expected = rows
        return self

    def count(self):
        if self._count is None:
            if self.windowed and self.expected is not None:
                rows = list(self.pages.annotate(total=Window(Count("*")))[self.expected])
                if rows or not self.expected.start:
                    self._rows, self._count = rows, rows[0].total if rows else 0
                    return self._count
            self._count = self.pages.count()
        return self._count

    def exists(self):
        if self.windowed:
            return self.pages.exists()
        return self.count() > 0

    def __getitem__(self, key):
        # Paginator asks for the expected slice, cut short on the last page.
        if (
            self._rows is not None
            and isinstance(key, slice)
            and key.start == self.expected.start
            and key.stop is not None
            and key.stop - key.start <= len(self._rows)
        ):
            return self._rows[: key.stop - key.start]
        return self.pages[key]


def search_pages(terms, pages, operator="and"):
    """Those of `pages` (a Page queryset) that match `terms`, most relevant first."""
    if connection.vendor == "postgresql":
        return Matches(_ranked_matches(pages, terms, operator), windowed=True)
    # Wagtail's backends accept only indexed filter fields on the searched queryset itself,
    # so the visibility rules and filters run in a subquery.
    return Matches(
        Page.objects.filter(pk__in=pages.values("pk")).search(" ".join(terms), operator=operator)
    )


class _InTitleOrBody(Func):
    """The page's index entry has every lexeme of `query` in its title or in its body.

    Wagtail matches `title || body`, a vector built for every row that no index can serve;
    matching each column on its own lets PostgreSQL use their GIN indexes.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, query, stop_words_match=False):
        self.stop_words_match = stop_words_match
        super().__init__(F("index_entries__title"), F("index_entries__body"), query)

    def as_sql(self, compiler, connection, **extra_context):
        (title, title_params), (body, body_params), (query, query_params) = (
            compiler.compile(expression) for expression in self.get_source_expressions()
        )
        sql = f"{title} @@ {query} OR {body} @@ {query}"
        params = [*title_params, *query_params, *body_params, *query_params]
        if self.stop_words_match:
            # Constant, so folded away when planning.
            sql += f" OR numnode({query}) = 0"
            params += query_params
        return f"({sql})", params


class _HasLexemes(Func):
    """False for a query of stop words only ("и"), which finds nothing, as in Wagtail."""

    template = "numnode(%(expressions)s) > 0"
    output_field = BooleanField()
    conditional = True


def _ranked_matches(pages, terms, operator):
    """PostgreSQL: `pages` with the words, ranked by the formula of Wagtail's database backend.

    With "and", each word may be in the title or in the body, as in `title || body`; a stop
    word among them is ignored, as PostgreSQL drops it from the combined query.
    """
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    words = [SearchQuery(term, config=config) for term in terms]
    if operator == "and":
        query = reduce(operator_and, words)
        match = reduce(
            operator_and, (_InTitleOrBody(word, stop_words_match=True) for word in words)
        )
    else:
        query = reduce(operator_or, words)
        match = _InTitleOrBody(query)
    weights = get_sql_weights()
    rank = SearchRank(F("index_entries__title"), query, weights=weights) * F(
        "index_entries__title_norm"
    ) + SearchRank(F("index_entries__body"), query, weights=weights)
    return (
        pages.filter(match & Q(_HasLexemes(query)))
        .annotate(search_rank=rank)
        .order_by("-search_rank", "-pk")
    )


def run_search(terms, pages, rows=None):
    """(results, broadened): `pages` with every word or, when there are none, with any word.

    `rows` is the slice of results to be shown, read together with their number.
    """
    results = search_pages(terms, pages).expect(rows)
    if len(terms) > 1 and not results.count():
        broader = search_pages(terms, pages, "or").expect(rows)
        if broader.count():
            return broader, True
    return results, False


def describe(pages, terms):
    """Results for one page of `pages`: type, date and highlighted excerpt in one query."""
    pages = list(pages)
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).annotate(
        shown_date=display_date(), lead=lead_text()
    )
    fields = ["pk", "shown_date", "lead", "content_type__app_label", "content_type__model"]
    if connection.vendor == "postgresql" and terms:
        rows = rows.annotate(headline=_headline(terms))
        fields.append("headline")
    extras = {row["pk"]: row for row in rows.values(*fields)}
    results = []
    for page in pages:
        row = extras.get(page.pk)
        if row is None:  # unpublished between the two queries
            continue
        model = apps.get_model(row["content_type__app_label"], row["content_type__model"])
        headline = tidy_excerpt(row.get("headline") or "")
        if MARK_START in headline:
            excerpt = headline
        elif row["lead"]:
            excerpt = excerpt_around(row["lead"], terms)
        else:
            excerpt = headline
        results.append(
            Result(
                page=page,
                type_name=model._meta.verbose_name if model else "",
                date=row["shown_date"],
                excerpt=marked_html(excerpt),
            )
        )
    return results


def _headline(terms):
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    query = SearchQuery(terms[0], config=config)
    for term in terms[1:]:
        query |= SearchQuery(term, config=config)
    return SearchHeadline(
        F("index_entries__body_text"),
        query,
        config=config,
        start_sel=MARK_START,
        stop_sel=MARK_STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def suggest(terms, visible):
    """A corrected query when nothing was found, or None (PostgreSQL with pg_trgm only).

    Each word is replaced by the most similar word (by trigrams) of the search index's
    vocabulary; the suggestion is offered only if it finds `visible` pages, so words of
    drafts and private pages never show.
    """
    if connection.vendor != "postgresql" or not terms:
        return None
    words = [term.lower() for term in terms[:SUGGESTED_TERMS]]
    candidates = [word for word in words if len(word) > 2 and not word.isdigit()]
    if not candidates:
        return None
    with connection.cursor() as cursor:
        cursor.execute(CORRECTIONS, [candidates])
        corrections = dict(zip(candidates, (row[0] for row in cursor.fetchall()), strict=True))
    corrected = [corrections.get(word) or word for word in words]
    suggestion = " ".join(corrected)
    if suggestion == " ".join(words):
        return None
    if not search_pages(corrected, visible).exists():
        return None
    return suggestion


def refresh_vocabulary():
    """Rebuild the word list of suggestions from the search index (PostgreSQL only).

    It reads the whole index, so the scheduler runs it (refresh_search_vocabulary), never a
    request. Returns False where there is no word list.
    """
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY search_vocabulary")
    return True


def editors_picks(query_string, visible):
    """Promotions editors chose for this query, to show above the results; a promoted page
    only while it is among `visible` pages (checked only when there is one: most queries
    have no promotions)."""
    variants = {normalise_query_string(query_string), normalise_query_string(fold_yo(query_string))}
    picks = list(
        SearchPromotion.objects.filter(query__query_string__in=variants)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    promoted = [pick.page_id for pick in picks if pick.page_id is not None]
    if not promoted:
        return picks
    shown = set(visible.filter(pk__in=promoted).values_list("pk", flat=True))
    return [pick for pick in picks if pick.page_id is None or pick.page_id in shown]


def log_query(query_string):
    """Count the query for the admin's popular searches report (Wagtail's Query.add_hit).

    Each distinct search would add a row for ever: a new one is recorded only while fewer
    than SEARCH_QUERY_LOG_MAX are kept (known ones are always counted), and the scheduler's
    daily search.tasks.collect_search_queries deletes those without recent hits or picks.
    """
    query = Query.objects.filter(query_string=normalise_query_string(query_string)).first()
    if query is None:
        if Query.objects.count() >= settings.SEARCH_QUERY_LOG_MAX:
            return
        query = Query.get(query_string)
    today = timezone.localdate()
    counted = QueryDailyHits.objects.filter(query=query, date=today).update(hits=F("hits") + 1)
    if not counted:
        query.add_hit(date=today)
