"""The site search: filters, ranked results with excerpts, suggestions, editors' picks, logging."""

import logging
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from search.pages import dated_in, display_date, lead_text, tagged_with, visible_pages
from search.text import MARK_START, MARK_STOP, excerpt_around, fold_yo, marked_html

logger = logging.getLogger(__name__)

SUGGESTED_TERMS = 5


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


def search_pages(terms, filters, language_code, operator="and"):
    """Visible pages matching `terms`, most relevant first (lazy Wagtail search results).

    The visibility rules and filters run in a subquery, so they may use any field; Wagtail's
    backends only accept indexed filter fields on the searched queryset itself.
    """
    candidates = filters.apply(visible_pages(language_code)).values("pk")
    return Page.objects.filter(pk__in=candidates).search(" ".join(terms), operator=operator)


def run_search(terms, filters, language_code):
    """(results, broadened): pages with every word or, when there are none, with any word."""
    results = search_pages(terms, filters, language_code)
    if len(terms) > 1 and not results.count():
        broader = search_pages(terms, filters, language_code, "or")
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
        headline = row.get("headline") or ""
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
    from django.contrib.postgres.search import SearchHeadline, SearchQuery

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


def suggest(terms, language_code):
    """A corrected query when nothing was found, or None (PostgreSQL with pg_trgm only).

    Each word is replaced by the most similar word (by trigrams) of the search index's
    vocabulary; the suggestion is offered only if it finds visible pages, so words of
    drafts and private pages never show.
    """
    if connection.vendor != "postgresql" or not terms:
        return None
    corrected = []
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for term in terms[:SUGGESTED_TERMS]:
                word = term.lower()
                if len(word) > 2 and not word.isdigit():
                    cursor.execute(
                        "SELECT word FROM search_vocabulary WHERE word %% %s"
                        " ORDER BY similarity(word, %s) DESC, ndoc DESC, word LIMIT 1",
                        [word, word],
                    )
                    row = cursor.fetchone()
                    word = row[0] if row else word
                corrected.append(word)
    except DatabaseError:
        logger.warning("Search suggestions need migrations of the search app", exc_info=True)
        return None
    suggestion = " ".join(corrected)
    if suggestion == " ".join(terms[:SUGGESTED_TERMS]).lower():
        return None
    if not search_pages(corrected, Filters(), language_code).count():
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


def editors_picks(query_string, language_code):
    """Promotions editors chose for this query, to show above the results."""
    variants = {normalise_query_string(query_string), normalise_query_string(fold_yo(query_string))}
    visible = visible_pages(language_code).values("pk")
    return list(
        SearchPromotion.objects.filter(query__query_string__in=variants)
        .filter(Q(page__isnull=True) | Q(page__in=visible))
        .select_related("page")
        .order_by("sort_order", "pk")
    )


def log_query(query_string):
    """Count the query for the admin's popular searches report (Wagtail's Query.add_hit)."""
    query = Query.get(query_string)
    today = timezone.localdate()
    counted = QueryDailyHits.objects.filter(query=query, date=today).update(hits=F("hits") + 1)
    if not counted:
        query.add_hit(date=today)
