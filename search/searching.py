"""The site search: filters, ranked results with excerpts, suggestions, editors' picks, logging."""

import math
from dataclasses import dataclass
from functools import reduce
from operator import and_ as operator_and
from operator import or_ as operator_or

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import BooleanField, Count, F, Func, Q, Window
from django.db.models.functions import Ln, Round
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from search import suggestions
from search.backend import body_text, page_body_text
from search.pages import dated_in, display_date, is_month_only, lead_text, tagged_with
from search.text import excerpt, marked_html, query_terms, sentences
from search.words import lemma, query_readings

# ts_rank's weights of D (body), C (unused), B (lead, theme, summary), A (title, a
# resolution's number), as search.backend writes them.
RANK_WEIGHTS = "{0.02, 0.1, 0.4, 1.0}"
# SQLite: an exact phrase (the query's words in its order) multiplies a page's rank.
PHRASE_FACTOR = 2.0
# Ranks within 1% of each other are equal: the newer page comes first.
RANK_STEPS = 100
# Types of result in readers' words, by model label; other pages are «Страница».
TYPE_NAMES = {
    "news.newspage": _("News item"),
    "programs.trainingprogrampage": _("Programme"),
    "programs.clubmeetingpage": _("Club meeting"),
    "programs.resolutionpage": _("Final document"),
}
OTHER_TYPE_NAME = _("Page")


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
    month_only: bool = False


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
    """Those of `pages` (a Page queryset) that match `terms`, most relevant first.

    Each term matches any dictionary form it may stand for (search.words), as the index
    holds the dictionary forms of the pages' words.
    """
    readings = query_readings(terms)
    if connection.vendor == "postgresql":
        return Matches(_ranked_matches(pages, readings, operator), windowed=True)
    return _fts5_matches(pages, readings, operator)


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


def _ranked_matches(pages, readings, operator):
    """PostgreSQL: `pages` with the words, ranked by the formula of Wagtail's database backend
    (title rank × title norm + body rank) with the lead weighted between the title and the
    rest of the body (RANK_WEIGHTS) and the body ranked by cover density, so that the exact
    phrase ranks above scattered words; equal ranks (within 1%) newest first.

    With "and", each word may be in the title or in the body, as in `title || body`; a stop
    word among them is ignored, as PostgreSQL drops it from the combined query.
    """
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    words = [
        reduce(operator_or, (SearchQuery(form, config=config) for form in forms))
        for forms in readings
    ]
    if operator == "and":
        query = reduce(operator_and, words)
        match = reduce(
            operator_and, (_InTitleOrBody(word, stop_words_match=True) for word in words)
        )
    else:
        query = reduce(operator_or, words)
        match = _InTitleOrBody(query)
    weights = RANK_WEIGHTS
    # Cover density for the body: the closer the words, the higher; an exact phrase highest.
    rank = SearchRank(F("index_entries__title"), query, weights=weights) * F(
        "index_entries__title_norm"
    ) + SearchRank(F("index_entries__body"), query, weights=weights, cover_density=True)
    return (
        pages.filter(match & Q(_HasLexemes(query)))
        .annotate(rank_step=Round(Ln(rank + 1e-9) * RANK_STEPS))
        .order_by("-rank_step", F("first_published_at").desc(nulls_last=True), "-pk")
    )


class ListMatches:
    """Pages found, in order, by their ids (SQLite): sliced like a queryset."""

    def __init__(self, ids):
        self.ids = ids

    def expect(self, rows):
        return self

    def count(self):
        return len(self.ids)

    def exists(self):
        return bool(self.ids)

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, key):
        ids = self.ids[key] if isinstance(key, slice) else [self.ids[key]]
        # Specific pages: describe() reads their text for excerpts.
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        found = [pages[pk] for pk in ids if pk in pages]
        return found if isinstance(key, slice) else found[0]


def _fts5_phrase(forms):
    return " OR ".join('"{}"'.format(form.replace('"', '""')) for form in forms)


def _fts5_matches(pages, readings, operator):
    """SQLite: `pages` whose FTS5 entry has the words, ranked like on PostgreSQL: bm25 with
    the title and lead above the body, doubled for the exact phrase, equal ranks newest
    first. The ranking is done here, for every match: SQLite serves small sites."""
    from wagtail.search.models import IndexEntry
    from wagtail.search.utils import get_descendants_content_types_pks

    joiner = " AND " if operator == "and" else " OR "
    query = joiner.join(f"({_fts5_phrase(forms)})" for forms in readings)
    table = IndexEntry._meta.db_table
    content_types = list(get_descendants_content_types_pks(Page))
    placeholders = ", ".join(["%s"] * len(content_types))
    # Columns: autocomplete, body, title (with the lead); bm25 is lower for better matches.
    # Only table names (from the models) are formatted in; values are parameters.
    sql = (
        f"SELECT entry.object_id, -bm25({table}_fts, 0.0, 1.0, 4.0) FROM {table}_fts "  # noqa: S608
        f"JOIN {table} entry ON entry.id = {table}_fts.rowid "
        f"WHERE {table}_fts MATCH %s AND entry.content_type_id IN ({placeholders})"
    )
    scores = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, ["{body title} : (" + query + ")", *content_types])
        scores = {int(object_id): score for object_id, score in cursor.fetchall()}
        if len(readings) > 1 and scores:
            phrase = " ".join(forms[0] for forms in readings).replace('"', '""')
            cursor.execute(sql, ['{body title} : "' + phrase + '"', *content_types])
            for object_id, _score in cursor.fetchall():
                if int(object_id) in scores:
                    scores[int(object_id)] *= PHRASE_FACTOR
    if not scores:
        return ListMatches([])
    rows = pages.filter(pk__in=list(scores)).values_list("pk", "first_published_at")

    def order(row):
        pk, published = row
        step = round(math.log(max(scores[pk], 1e-9)) * RANK_STEPS)
        return (-step, -(published.timestamp() if published else 0), -pk)

    return ListMatches([pk for pk, _published in sorted(rows, key=order)])


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
    """Results for one page of `pages`: type, date and an excerpt with the matches marked.

    The excerpt is the sentence (or two) of the page's text with most of the query's words,
    whichever their form; the lead when the words are only in the title or tags.
    """
    pages = list(pages)
    rows = Page.objects.filter(pk__in=[page.pk for page in pages]).annotate(
        shown_date=display_date(), lead=lead_text(), month_only=is_month_only()
    )
    fields = [
        "pk",
        "shown_date",
        "lead",
        "month_only",
        "content_type__app_label",
        "content_type__model",
    ]
    if connection.vendor == "postgresql":
        rows = rows.annotate(body_text=F("index_entries__body_text"))
        fields.append("body_text")
    extras = {row["pk"]: row for row in rows.values(*fields)}
    if connection.vendor != "postgresql":
        generic = [page.pk for page in pages if page.pk in extras and type(page) is Page]
        texts = page_body_text(generic)
        for page in pages:
            if page.pk in extras:
                extras[page.pk]["body_text"] = texts.get(page.pk) or body_text(page)
    readings = query_readings(terms)
    results = []
    for page in pages:
        row = extras.get(page.pk)
        if row is None:  # unpublished between the two queries
            continue
        label = f"{row['content_type__app_label']}.{row['content_type__model']}"
        shown = excerpt(row.get("body_text") or "", readings, lemma) if readings else ""
        if not shown and row["lead"]:
            shown = excerpt(row["lead"], readings, lemma) or " ".join(sentences(row["lead"])[:2])
        results.append(
            Result(
                page=page,
                type_name=TYPE_NAMES.get(label, OTHER_TYPE_NAME),
                date=row["shown_date"],
                excerpt=marked_html(shown),
                month_only=bool(row["month_only"]),
            )
        )
    return results


def suggest(terms, visible, raw=""):
    """A corrected query when nothing was found, or None: a query typed in the wrong
    keyboard layout, or each word replaced by the closest word of the site's vocabulary
    (search.suggestions); offered only if it finds `visible` pages, so words of drafts and
    private pages never show."""
    for suggestion in suggestions.candidates(terms, raw):
        if search_pages(suggestion.split(), visible).exists():
            return suggestion
    return None


def refresh_vocabulary():
    """Rebuild the word list of suggestions from the search index (PostgreSQL only).

    It reads the whole index, so the scheduler runs it (refresh_search_vocabulary), never a
    request. Returns False where there is no word list to rebuild (SQLite reads its index's
    own, always current).
    """
    return suggestions.refresh()


def editors_picks(query_string, visible):
    """Promotions editors chose for this query in any form of its words («библиотеки» shows
    the picks for «библиотека»), to show above the results; a promoted page only while it is
    among `visible` pages (checked only when there is one: most queries have no promotions).

    Every promotion is read (one query): sites have tens of them, not thousands.
    """
    wanted = _dictionary_forms(query_string)
    picks = [
        pick
        for pick in SearchPromotion.objects.select_related("page", "query").order_by(
            "sort_order", "pk"
        )
        if _dictionary_forms(pick.query.query_string) == wanted
    ]
    promoted = [pick.page_id for pick in picks if pick.page_id is not None]
    if not promoted:
        return picks
    shown = set(visible.filter(pk__in=promoted).values_list("pk", flat=True))
    return [pick for pick in picks if pick.page_id is None or pick.page_id in shown]


def _dictionary_forms(query_string):
    return tuple(lemma(term) for term in query_terms(query_string))


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
