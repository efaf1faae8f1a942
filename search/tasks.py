"""Search upkeep run by the task worker; the scheduler enqueues it."""

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from django_tasks import task


@task()
def collect_search_queries():
    """Delete daily hits older than WAGTAILSEARCH_HITS_MAX_AGE days, then the searches left
    without hits or editors' picks (Wagtail's searchpromotions_garbage_collect)."""
    QueryDailyHits.garbage_collect()
    Query.garbage_collect()
