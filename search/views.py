from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from taggit.models import Tag

from home.fragments import shared_fragments
from home.invalidation import SEARCH, note
from search.forms import SearchForm
from search.pages import active_language, popular_tags, shown_years, tag_listing, visible_pages
from search.searching import (
    describe,
    editors_picks,
    log_query,
    run_search,
    suggest,
)
from search.text import MAX_QUERY_LENGTH, query_terms

RESULTS_PER_PAGE = 10
# Larger page numbers are not used to guess which rows to read with the count.
MAX_PAGES = 1000
FILTER_TAGS = 30
# The years and tags offered as filters change rarely; a few minutes' delay is fine.
FILTERS_CACHE_SECONDS = 300


@require_GET
@never_cache
def search(request):
    """Search across every page type of the active language; never cached.

    Only the bare page may be indexed: every query or filter makes another address, an
    endless space that search engines ask sites to keep out of their index.
    """
    form = SearchForm(request.GET)
    language = active_language()
    note(request, SEARCH)
    # The results of a search are the same for everyone until the content changes: with
    # them cached as the page's shared fragments, only the query is counted.
    fragments = shared_fragments(request) if form.is_valid() else None
    context = {
        "form": form,
        "search_query": request.GET.get("q", "")[:MAX_QUERY_LENGTH],
        "search_page": True,
        "indexable": not request.GET,
    }
    status = 200
    if not form.is_valid():
        status = 400
    elif fragments is not None and fragments.hit:
        terms = query_terms(form.cleaned_data["q"])
        if terms and request.GET.get("page", "1") == "1":
            log_query(" ".join(terms))
    else:
        context.update(_search_context(request, form, language))
    if fragments is None or not fragments.hit:
        years, tags = cache.get_or_set(
            f"search:filters:{language}",
            lambda: (shown_years(language), list(popular_tags(FILTER_TAGS, language))),
            FILTERS_CACHE_SECONDS,
        )
        context.update(
            years=years,
            tags=tags,
            selected_tag=form.cleaned_data.get("tag") if form.is_valid() else None,
        )
    context["shared_fragments"] = fragments
    response = render(request, "search/search.html", context, status=status)
    if request.GET:
        response["X-Robots-Tag"] = "noindex"
    return response


def _search_context(request, form, language):
    raw = form.cleaned_data["q"]
    terms = query_terms(raw)
    filters = form.filters()
    context = {"terms": terms, "filters": filters, "truncated": len(raw) > MAX_QUERY_LENGTH}
    if not terms:
        context["no_words"] = bool(raw)
        return context
    # Computed once: the search, the suggestion and the picks all keep to these pages.
    visible = visible_pages(language)
    number = request.GET.get("page")
    results, context["broadened"] = run_search(terms, filters.apply(visible), _rows_of(number))
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page = paginator.get_page(number)
    # Turning pages is not searching again: only the first request of a search is counted.
    first_page = request.GET.get("page", "1") == "1"
    query_string = " ".join(terms)
    if first_page:
        log_query(query_string)
    context.update(
        results=page,
        described=describe(page.object_list, terms),
        picks=editors_picks(query_string, visible) if first_page else [],
        suggestion=None if paginator.count else suggest(terms, visible, raw),
    )
    return context


def _rows_of(number):
    """The slice of results that page `number` would show, read together with the count.

    Bad or huge numbers guess the first page; Paginator.get_page has the last word.
    """
    try:
        index = int(number) - 1
    except (TypeError, ValueError):
        index = 0
    if not 0 <= index < MAX_PAGES:
        index = 0
    return slice(index * RESULTS_PER_PAGE, (index + 1) * RESULTS_PER_PAGE)


def tag(request, slug):
    """Everything tagged `slug` in the active language, newest first."""
    note(request, f"tag:{slug}")
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("Unknown tag")
    fragments = shared_fragments(request)
    context = {"tag": tag, "shared_fragments": fragments}
    if fragments is None or not fragments.hit:
        items = Paginator(tag_listing(tag), settings.LISTING_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        for item in items:
            item.type_name = item.content_type.model_class()._meta.verbose_name
        context["items"] = items
    return render(request, "search/tag.html", context)
