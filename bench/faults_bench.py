"""What a reader gets while Redis or PostgreSQL hangs or refuses (run by hand, not in CI).

    .venv/bin/python bench/faults_bench.py [--requests 20] [--port 8104] [--faults ...]
        [--cache-retry SECONDS] [--keep] [--reuse]

Needs PostgreSQL and Redis on 127.0.0.1. Builds the code and a fresh database with the demo
content as bench/pages_bench.py does (BENCH_DATABASE_URL, by default
postgres://postgres@127.0.0.1:5432/assoc_faultsbench; BENCH_REDIS_URL, by default
redis://127.0.0.1:6379/12, flushed), then starts gunicorn on 127.0.0.1:--port with
association/gunicorn.py and the production settings, its PostgreSQL and Redis reached through
two proxies of tests.production.faults (on the next two ports), which stage each fault:
hung (connections accepted, nothing answered, open ones included: a stopped server) and
refused (nothing listens: a server that is down). For each fault it sends --requests
requests, one after another on one keep-alive connection, for a page the page cache holds
(the home page, requested before the fault) and for search (never cached, so it needs the
database), and prints the latency (p50 and max) and what the reader got: the page (with
`X-Page-Cache`), or the 503 page. Every fault is lifted afterwards and the site checked to
answer 200 again before the next one.
"""

import argparse
import collections
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import pages_bench

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.production.faults import HangingProxy  # noqa: E402

FAULTS = {
    "redis-hung": ("Redis hung", "redis", "hang"),
    "redis-refused": ("Redis refused", "redis", "refuse"),
    "postgres-hung": ("PostgreSQL hung", "postgres", "hang"),
    "postgres-refused": ("PostgreSQL refused", "postgres", "refuse"),
}
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/assoc_faultsbench"
PAGES = [("home page", "/ru/"), ("search", "/ru/search/?q=" + quote("библиотека"))]
HEADERS = {"X-Forwarded-Proto": "https", "User-Agent": "faults_bench"}


def start_gunicorn(app, env, port, log):
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "--config", "python:association.gunicorn",
        "--bind", f"127.0.0.1:{port}",
        "association.wsgi:application",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=app, env=env, stdout=log, stderr=log)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if request(port, "/readyz")[1] == 200:
                return server
        except OSError:
            time.sleep(0.3)
    pages_bench.stop(server)
    raise SystemExit(f"gunicorn did not start:\n{pages_bench.log_tail(log.name)}")


def request(port, path, connection=None):
    """(ms, status, what the reader sees) of one GET."""
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    started = time.perf_counter()
    try:
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        body = response.read().decode(errors="replace")
    finally:
        if own:
            connection.close()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status == 503 and "Сайт временно недоступен" in body:
        seen = "503 page"
    elif response.status == 200 and "<html" in body:
        seen = f"page ({response.getheader('X-Page-Cache') or 'not cached'})"
    else:
        seen = f"{response.status} {body[:60]!r}"
    return elapsed, response.status, seen


def measure(port, path, count):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    results = []
    try:
        for _ in range(count):
            try:
                results.append(request(port, path, connection))
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                connection.close()
                results.append(request(port, path, connection))
    finally:
        connection.close()
    return results


def report(fault, label, results):
    timings = [ms for ms, _status, _seen in results]
    seen = collections.Counter(seen for _ms, _status, seen in results)
    summary = ", ".join(f"{what} ×{count}" for what, count in seen.most_common())
    print(
        f"{fault:<20}{label:<12}{pages_bench.percentile(timings, 0.5):>10.0f}"
        f"{max(timings):>10.0f}   {summary}",
        flush=True,
    )


def through(url, port):
    """`url` (split) with its host and port replaced by a proxy's on 127.0.0.1."""
    credentials = url.netloc.rpartition("@")[0]
    return url._replace(
        netloc=f"{credentials}@127.0.0.1:{port}" if credentials else f"127.0.0.1:{port}"
    ).geturl()


def recovered(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if all(request(port, path)[1] == 200 for _label, path in PAGES):
            return
        time.sleep(1)
    raise SystemExit("the site did not recover after the fault was lifted")


def cached(port, seconds=30):
    """Wait until the home page comes from the page cache (Redis skipped after an error)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if all(request(port, PAGES[0][1])[2] == "page (hit)" for _ in range(6)):
            return
        time.sleep(1)
    raise SystemExit("the home page did not come from the page cache")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20, help="requests per page and fault")
    parser.add_argument("--port", type=int, default=8104, help="gunicorn; proxies on the next two")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="use the database a run with --keep left"
    )
    parser.add_argument(
        "--faults", default=",".join(FAULTS), help=f"comma-separated, of {', '.join(FAULTS)}"
    )
    parser.add_argument(
        "--cache-retry", help="DJANGO_CACHE_RETRY_SECONDS (0: try Redis on every cache call)"
    )
    args = parser.parse_args()

    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    redis_url = os.environ.get("BENCH_REDIS_URL", pages_bench.DEFAULT_REDIS_URL)
    work = Path(tempfile.mkdtemp(prefix="faults_bench-"))
    app = work / "app"
    env = pages_bench.production_env(work, database_url, DJANGO_CACHE_KEY_PREFIX="faults_bench")
    if args.cache_retry is not None:
        env["DJANGO_CACHE_RETRY_SECONDS"] = args.cache_retry
    redis_port, postgres_port = args.port + 1, args.port + 2
    database, cache = urlsplit(database_url), urlsplit(redis_url)
    served = {
        **env,
        "DATABASE_URL": through(database, postgres_port),
        "REDIS_URL": through(cache, redis_port),
    }
    proxies = {
        "redis": HangingProxy(cache.port or 6379, cache.hostname, port=redis_port),
        "postgres": HangingProxy(database.port or 5432, database.hostname, port=postgres_port),
    }
    server = None
    try:
        print(f"Copying the code and building the database {database_url} in {work}")
        pages_bench.copy_code(app, None)
        pages_bench.compile_messages(app, env)
        pages_bench.manage(app, env, "collectstatic", "--noinput", "-v0")
        if args.reuse:
            postgres = "(reused database)"
        else:
            postgres = pages_bench.recreate_database(database_url)
            pages_bench.manage(app, env, "migrate", "--noinput", "-v0")
            pages_bench.manage(app, env, "load_demo_content")
        import redis

        redis.Redis.from_url(redis_url).flushdb()
        print(f"{pages_bench.machine()}; PostgreSQL {postgres}")
        print(f"load average before: {pages_bench.load_average()}")
        with open(work / "gunicorn.log", "a") as log:
            server = start_gunicorn(app, served, args.port, log)
        print(f"\n{'fault':<20}{'page':<12}{'p50 ms':>10}{'max ms':>10}   the reader got")
        faults = [("none", None, None)] + [FAULTS[name] for name in args.faults.split(",")]
        for fault, proxy, action in faults:
            recovered(args.port)
            cached(args.port)
            if action:
                getattr(proxies[proxy], action)()
            for label, path in PAGES:
                report(fault, label, measure(args.port, path, args.requests))
            if action == "hang":
                proxies[proxy].resume()
            elif action == "refuse":
                target = proxies[proxy].target
                proxies[proxy] = HangingProxy(target[1], target[0], port=proxies[proxy].port)
        recovered(args.port)
        print(f"load average after: {pages_bench.load_average()}")
    finally:
        if server is not None:
            pages_bench.stop(server)
        for proxy in proxies.values():
            proxy.close()
        shutil.rmtree(work, ignore_errors=True)
        if not args.keep:
            pages_bench.recreate_database(database_url, drop_only=True)


if __name__ == "__main__":
    main()
