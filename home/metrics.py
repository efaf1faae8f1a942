"""Counters of this process for the Prometheus endpoint (association.metrics).

Any app may count here; nothing else is needed to show a figure. With
PROMETHEUS_MULTIPROC_DIR set (gunicorn, compose) each process writes its counts to a file
there and a scrape adds up every worker's; it must be set before this module is imported.
Figures held in the database (queue, intake, backups) are read at scrape time instead.
"""

from prometheus_client import Counter, Histogram

REQUEST_SECONDS = Histogram(
    "association_request_seconds",
    "Time to answer a request, per view.",
    ["view"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
CACHE_REQUESTS = Counter(
    "association_cache_requests",
    "Lookups in a cache layer, hits and misses.",
    ["layer", "result"],
)


def count_cache(layer, hit):
    """One lookup in cache `layer` (e.g. "page", "content"); the hit ratio is derived."""
    CACHE_REQUESTS.labels(layer, "hit" if hit else "miss").inc()
