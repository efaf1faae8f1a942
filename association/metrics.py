"""The Prometheus endpoint, readable only with a token or from the monitoring network.

Latency per view and page cache hits are counted by each process (home.metrics; added up
across gunicorn workers in multiprocess mode). The queue, failed tasks, the intake's results
and the age of the last backup are read from the database at scrape time, so every worker
answers the same figures. See docs/operations/monitoring.md.
"""

import datetime
import hmac
import ipaddress
import os
import time

from django.conf import settings
from django.db.models import Count, Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from prometheus_client import REGISTRY, CollectorRegistry, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from home.backups.models import BackupRun
from home.metrics import REQUEST_SECONDS, count_cache

# Failed tasks Wagtail's reference index leaves for inline rows replaced before it ran are
# harmless (docs/operations/tasks.md) and counted apart from the others.
HARMLESS_FAILURES = {
    ("wagtail.tasks.update_reference_index_task", "DoesNotExist"),
}
UNTIMED_PATHS = {"/healthz", "/readyz"}


def failed_tasks(since):
    """Task results that failed after `since`, except the harmless ones."""
    from django_tasks_db.models import DBTaskResult

    failed = DBTaskResult.objects.failed().filter(finished_at__gte=since)
    for task_path, exception in HARMLESS_FAILURES:
        failed = failed.exclude(task_path=task_path, exception_class_path__endswith=exception)
    return failed


class DatabaseCollector:
    """Gauges read from the database at each scrape."""

    def collect(self):
        from django_tasks_db.models import DBTaskResult

        from news.models import IntakeItem, IntakeSource

        ready = GaugeMetricFamily(
            "association_task_queue_depth", "Tasks waiting for the worker.", labels=["queue"]
        )
        for row in (
            DBTaskResult.objects.ready().values("queue_name").annotate(n=Count("id")).order_by()
        ):
            ready.add_metric([row["queue_name"]], row["n"])
        yield ready

        since = timezone.now() - datetime.timedelta(hours=24)
        failed = GaugeMetricFamily(
            "association_tasks_failed_24h",
            "Tasks failed in the last 24 hours (not counting harmless reference-index ones).",
            labels=["task"],
        )
        for row in failed_tasks(since).values("task_path").annotate(n=Count("id")).order_by():
            failed.add_metric([row["task_path"]], row["n"])
        yield failed

        items = GaugeMetricFamily(
            "association_intake_items",
            "Articles found by the intake, per source and what became of them.",
            labels=["source", "status"],
        )
        for row in (
            IntakeItem.objects.values("source__name", "status").annotate(n=Count("id")).order_by()
        ):
            items.add_metric([row["source__name"] or "", row["status"]], row["n"])
        yield items

        fetched = GaugeMetricFamily(
            "association_intake_last_fetch_timestamp_seconds",
            "When each active source was last read.",
            labels=["source", "result"],
        )
        for source in IntakeSource.objects.filter(active=True, last_fetched_at__isnull=False):
            result = "error" if "error" in source.last_result.lower() else "ok"
            fetched.add_metric([source.name, result], source.last_fetched_at.timestamp())
        yield fetched

        runs = BackupRun.objects.filter(status=BackupRun.Status.SUCCEEDED)
        last = runs.aggregate(last=Max("finished_at"))["last"]
        age = GaugeMetricFamily(
            "association_backup_age_seconds",
            "Seconds since the last successful backup finished (absent before the first).",
        )
        if last is not None:
            age.add_metric([], time.time() - last.timestamp())
        yield age
        latest = BackupRun.objects.exclude(status=BackupRun.Status.RUNNING).first()
        yield GaugeMetricFamily(
            "association_backup_last_run_failed",
            "1 when the most recent backup run failed.",
            value=int(bool(latest and latest.status == BackupRun.Status.FAILED)),
        )


def exposition():
    """The text Prometheus reads: this process's (or every worker's) counts, then the
    database's figures."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        counted = CollectorRegistry()
        multiprocess.MultiProcessCollector(counted)
    else:
        counted = REGISTRY
    from_database = CollectorRegistry()
    from_database.register(DatabaseCollector())
    return generate_latest(counted) + generate_latest(from_database)


def allowed(request):
    """A matching bearer token, or a request straight from an allowed network."""
    token = settings.METRICS_TOKEN
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if token and header.startswith("Bearer "):
        return hmac.compare_digest(header.removeprefix("Bearer ").strip(), token)
    # Through a proxy the peer is the proxy, not the client: networks count only without one.
    if not settings.METRICS_ALLOWED_NETWORKS or "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in settings.METRICS_ALLOWED_NETWORKS)


def metrics(request):
    if not settings.METRICS_TOKEN and not settings.METRICS_ALLOWED_NETWORKS:
        response = HttpResponse(status=404)
    elif not allowed(request):
        response = HttpResponse("Unauthorized\n", status=401, content_type="text/plain")
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
    else:
        response = HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
    add_never_cache_headers(response)
    return response


class MetricsMiddleware:
    """Answers the metrics path first (before host validation, so a scraper may use an
    address) and times every other request by the view that answered it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == settings.METRICS_PATH:
            return metrics(request)
        if request.path_info in UNTIMED_PATHS:
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        cached = response.get("X-Page-Cache")
        if cached:
            count_cache("page", cached == "hit")
        match = getattr(request, "resolver_match", None)
        if match is not None:
            view = match.view_name or match._func_path
        else:
            view = "page-cache" if cached == "hit" else "unresolved"
        REQUEST_SECONDS.labels(view).observe(time.perf_counter() - started)
        return response
