"""Throughput and latency of the public pages served as in production (run by hand, not in CI).

    .venv/bin/python bench/pages_bench.py [--requests 500] [--concurrency 4] [--warmup 20]
        [--revision HEAD] [--keep]

Needs PostgreSQL and Redis on 127.0.0.1. Copies the code (the working tree, or a commit with
--revision) into a temporary directory, compiles the translations and collects the static
files there, as the image does; builds a separate database afresh (BENCH_DATABASE_URL, by default
postgres://postgres@127.0.0.1:5432/assoc_pagebench): migrations, then the demo content, in
which it finds one page of each kind. Then it starts gunicorn on a free port of 127.0.0.1 with
association/gunicorn.py and the production settings twice: without Redis (no page cache, every
request is rendered) and with Redis (BENCH_REDIS_URL, by default redis://127.0.0.1:6379/12,
flushed first: anonymous readers are served from the page cache). For each page it sends
--warmup requests, then --requests from --concurrency threads on keep-alive connections, and
prints requests per second, latency percentiles, the share of page cache hits and the CPU the
client itself took (it shares the machine); any answer other than 200 stops the run. The
database and the copy are removed afterwards unless --keep.
"""

import argparse
import collections
import concurrent.futures
import http.client
import io
import json
import os
import platform
import runpy
import secrets
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path
from unittest import mock
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/assoc_pagebench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/12"
# What the image leaves out of the build context, and what is built or generated locally.
NOT_COPIED = {
    ".git", ".ci", ".venv", ".ruff_cache", "bench", "tests", "test-artifacts", "media", "static",
    "db.sqlite3", "node_modules",
}  # fmt: skip
# One page of each kind, found in the demo content by the production settings' own queries.
DISCOVER = """
import json
from urllib.parse import quote

from django.urls import reverse
from django.utils import translation

from home.models import HomePage
from news.models import NewsIndexPage
from programs.models import ClubMeetingPage, ProgramIndexPage, ResolutionPage, TrainingProgramPage
from search.pages import popular_tags


def first(model, language="ru"):
    page = (
        model.objects.live().public().filter(locale__language_code=language).order_by("path")
    ).first()
    return page.get_url_parts()[2]


news = NewsIndexPage.objects.live().public().get(locale__language_code="ru")
with translation.override("ru"):
    tag = popular_tags(1, "ru")[0]
    pages = [
        ("home page (ru)", first(HomePage)),
        ("home page (en)", first(HomePage, "en")),
        ("news index", news.get_url_parts()[2]),
        ("news article", news.articles().first().get_url_parts()[2]),
        ("programmes", first(ProgramIndexPage)),
        ("programme", first(TrainingProgramPage)),
        ("club meeting", first(ClubMeetingPage)),
        ("resolution", first(ResolutionPage)),
        ("tag page", reverse("tag", args=[tag.slug])),
        ("search", reverse("search") + "?q=" + quote("библиотека")),
        ("news RSS", news.get_url_parts()[2] + news.reverse_subpage("rss")),
    ]
print(json.dumps(pages))
"""


def production_env(work, database_url, **overrides):
    """The production settings a benchmark serves with, on 127.0.0.1 without TLS.

    Only what the run sets: no DJANGO_*, GUNICORN_*, REDIS_URL, bucket or database variables
    from the caller: gunicorn runs with the project's own defaults (association/gunicorn.py).
    """
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "GUNICORN_", "AWS_", "REDIS_", "DATABASE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="association.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_MEDIA_ROOT=str(work / "media"),
        DJANGO_LOG_FORMAT="text",
        DATABASE_URL=database_url,
        **overrides,
    )
    return env


def machine():
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line),
        platform.processor(),
    )
    meminfo = Path("/proc/meminfo").read_text().split()
    memory = int(meminfo[meminfo.index("MemTotal:") + 1]) / 2**20
    system = platform.freedesktop_os_release().get("PRETTY_NAME", platform.platform())
    return f"{model}, {os.cpu_count()} CPUs, {memory:.1f} GiB, {system}"


def load_average():
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


def recreate_database(url, drop_only=False):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')
        return connection.execute("SHOW server_version").fetchone()[0].split()[0]


def git(*arguments):
    command = [shutil.which("git") or "git", *arguments]
    return subprocess.run(command, cwd=ROOT, capture_output=True, check=True).stdout  # noqa: S603


def copy_code(destination, revision):
    """The working tree or a commit, without what the image leaves out; the code's version."""
    if revision:
        destination.mkdir()
        with tarfile.open(fileobj=io.BytesIO(git("archive", revision))) as archive:
            archive.extractall(destination, filter="data")
        for name in NOT_COPIED:
            shutil.rmtree(destination / name, ignore_errors=True)
        return git("rev-parse", "--short", revision).decode().strip()

    def ignore(directory, names):
        top = Path(directory) == ROOT
        return {name for name in names if name == "__pycache__" or top and name in NOT_COPIED}

    shutil.copytree(ROOT, destination, ignore=ignore)
    return git("describe", "--always", "--dirty").decode().strip()


def compile_messages(app, env):
    if shutil.which("msgfmt"):
        manage(app, env, "compilemessages", "-v0")
        return
    pybabel = str(Path(sys.executable).with_name("pybabel"))
    for locale in app.glob("*/locale"):
        subprocess.run([pybabel, "-q", "compile", "-d", locale, "-D", "django"], check=True)  # noqa: S603


def manage(app, env, *arguments):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments],
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(arguments)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(
    app, env, log, config="python:association.gunicorn", wsgi="association.wsgi", port=None
):
    port = port or free_port()
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "--config", config,
        "--bind", f"127.0.0.1:{port}",
        f"{wsgi}:application",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=app, env=env, stdout=log, stderr=log)  # noqa: S603
    deadline = time.monotonic() + 60
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/readyz")
            response = connection.getresponse()
            body = response.read()
            connection.close()
            if response.status != 200:
                raise SystemExit(f"/readyz answered {response.status}: {body!r}")
            return server, port
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not start:\n{log_tail(log.name)}") from None
            time.sleep(0.3)


def log_tail(path, lines=40):
    return "\n".join(Path(path).read_text().splitlines()[-lines:])


def stop(server):
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def fetch(connection, path, headers):
    """One GET on a keep-alive connection; a connection the server closed is opened again."""
    for attempt in (1, 2):
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            connection.close()
            if attempt == 2:
                raise
            continue
        elapsed = (time.perf_counter() - started) * 1000
        return elapsed, response.status, response.getheader("X-Page-Cache"), len(body)
    raise AssertionError("unreachable")


def hammer(port, path, requests, concurrency):
    """GET `path` from `concurrency` threads; seconds, and (ms, status, cache, size) of each."""
    # As from the TLS-terminating proxy in front of the app (compose.yaml's Caddy).
    headers = {"X-Forwarded-Proto": "https", "User-Agent": "pages_bench"}
    left = [requests]
    lock = threading.Lock()

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        results = []
        try:
            while True:
                with lock:
                    if not left[0]:
                        return results
                    left[0] -= 1
                results.append(fetch(connection, path, headers))
        finally:
            connection.close()

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        futures = [pool.submit(client) for _ in range(concurrency)]
        results = [result for future in futures for result in future.result()]
    return time.perf_counter() - started, results


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def measure(title, app, env, pages, args, log_path):
    with open(log_path, "a") as log:
        server, port = start_gunicorn(app, env, log)
    try:
        print(f"\n{title} (load average before: {load_average()})")
        print(
            f"{'page':<16}{'path':<44}{'KB':>5}{'req/s':>7}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"
            f"{'cache hits':>12}{'client CPU':>12}"
        )
        for label, path in pages:
            hammer(port, path, args.warmup, args.concurrency)
            cpu = time.process_time()
            seconds, results = hammer(port, path, args.requests, args.concurrency)
            # The client shares the machine: what it takes is not available to gunicorn.
            client_cpu = (time.process_time() - cpu) / seconds
            statuses = collections.Counter(status for _ms, status, _cache, _size in results)
            if set(statuses) != {200}:
                raise SystemExit(f"{label} {path} answered {dict(statuses)}:\n{log_tail(log_path)}")
            timings = [ms for ms, *_rest in results]
            hits = sum(cache == "hit" for _ms, _status, cache, _size in results) / len(results)
            size = max(size for *_rest, size in results) / 1024
            print(
                f"{label:<16}{unquote(path)[:43]:<44}{size:>5.0f}{len(results) / seconds:>7.0f}"
                f"{percentile(timings, 0.5):>8.1f}{percentile(timings, 0.95):>8.1f}"
                f"{percentile(timings, 0.99):>8.1f}{hits:>12.0%}{client_cpu:>12.0%}",
                flush=True,
            )
        print(f"load average after: {load_average()}")
    finally:
        stop(server)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500, help="measured requests per page")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per page")
    parser.add_argument("--workers", type=int, default=2, help="GUNICORN_WORKERS")
    parser.add_argument("--revision", help="a commit to measure instead of the working tree")
    parser.add_argument("--keep", action="store_true", help="keep the database and the copy")
    args = parser.parse_args()

    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    work = Path(tempfile.mkdtemp(prefix="pages_bench-"))
    app = work / "app"
    env = production_env(work, database_url, GUNICORN_WORKERS=str(args.workers))
    try:
        print(f"Copying the code and collecting static files into {work}")
        version = copy_code(app, args.revision)
        compile_messages(app, env)
        manage(app, env, "collectstatic", "--noinput", "-v0")
        started = time.perf_counter()
        postgres = recreate_database(database_url)
        manage(app, env, "migrate", "--noinput", "-v0")
        manage(app, env, "load_demo_content")
        pages = json.loads(manage(app, env, "shell", "-v0", "-c", DISCOVER))
        print(f"Database {database_url} built in {time.perf_counter() - started:.0f} s")
        print(f"{machine()}; PostgreSQL {postgres}; Python {platform.python_version()}")
        with mock.patch.dict(os.environ, env, clear=True):
            threads = runpy.run_path(str(app / "association" / "gunicorn.py"))["threads"]
        print(f"Code {version}; gunicorn: {args.workers} workers × {threads} threads")
        print(
            f"{args.requests} requests per page from {args.concurrency} threads"
            f" after {args.warmup} unmeasured"
        )

        measure("(a) no Redis, no page cache", app, env, pages, args, work / "gunicorn.log")

        import redis

        redis.Redis.from_url(redis_url).flushdb()
        cached = {**env, "REDIS_URL": redis_url, "DJANGO_CACHE_KEY_PREFIX": "pages_bench"}
        measure(f"(b) page cache in {redis_url}", app, cached, pages, args, work / "gunicorn.log")
        redis.Redis.from_url(redis_url).flushdb()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
            recreate_database(database_url, drop_only=True)


if __name__ == "__main__":
    main()
