"""Gunicorn settings for the container, from the environment (see the README's table)."""

import os
import random
import resource
import time

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# With threads (gthread) this restarts a worker whose main loop stalls, not a slow request:
# a request thread is bounded by the timeouts on everything it waits for (PostgreSQL, Redis,
# SMTP; see the README's "Behaviour under faults").
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# A stop, or a worker recycled below, waits this long for the requests in progress; a worker
# that waits serves nobody meanwhile, and a page answers in well under a second.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "10"))
keepalive = 5
# Workers are recycled by memory and age (the hooks below), not by a count of requests: at a
# thousand requests a worker restarted about twice a second under load, and each restart
# pays Django's start and empty in-process caches. GUNICORN_MAX_REQUESTS stays for those who
# want it (0: off).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# Heartbeat files in memory: a container's overlay filesystem can stall workers.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "").lower() in {"1", "true"} else None
errorlog = "-"


# Prometheus counts of every worker in files of PROMETHEUS_MULTIPROC_DIR (association.metrics):
# emptied when the server starts, a dead worker's live gauges dropped.
def on_starting(server):
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        os.makedirs(directory, exist_ok=True)
        for name in os.listdir(directory):
            os.remove(os.path.join(directory, name))


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


# A worker whose resident memory passes this many MiB finishes its requests and is replaced
# (0: never); one that has lived this many seconds too, spread by up to a tenth so that the
# workers do not all restart at once (0: never). Memory is read at most every few seconds.
max_worker_memory = int(os.environ.get("GUNICORN_MAX_WORKER_MEMORY", "768"))
max_worker_age = int(os.environ.get("GUNICORN_MAX_WORKER_AGE", str(24 * 3600)))
memory_check_seconds = 5.0
_PAGE_SIZE = resource.getpagesize()


def resident_memory_mib():
    """This process's resident memory now (Linux), or its peak where /proc is missing."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * _PAGE_SIZE / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def post_fork(server, worker):
    started = time.monotonic()
    spread = random.uniform(1.0, 1.1)  # noqa: S311 - not a secret
    worker.recycle_at = started + max_worker_age * spread if max_worker_age else None
    worker.memory_checked_at = started


def post_request(worker, req, environ, resp):
    """Runs in the request's thread after each request: ask the worker to stop once it is too
    old or too large; gunicorn lets its other requests finish and starts a new one."""
    if not worker.alive:
        return
    now = time.monotonic()
    recycle_at = getattr(worker, "recycle_at", None)
    if recycle_at is not None and now >= recycle_at:
        worker.log.info("Recycling worker %s after %s s", worker.pid, max_worker_age)
        worker.alive = False
        return
    checked_at = getattr(worker, "memory_checked_at", 0)
    if not max_worker_memory or now - checked_at < memory_check_seconds:
        return
    worker.memory_checked_at = now
    memory = resident_memory_mib()
    if memory > max_worker_memory:
        worker.log.info(
            "Recycling worker %s at %.0f MiB (limit %s MiB)", worker.pid, memory, max_worker_memory
        )
        worker.alive = False
