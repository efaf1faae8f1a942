"""Lighthouse scores of one page of each template in both languages, served as in production.

    .venv/bin/python bench/lighthouse.py [--preset mobile|desktop|both] [--port 0] [--only NAME]
        [--runs 1] [--revision HEAD] [--keep]

Run by hand (not in CI). Needs PostgreSQL and Redis on 127.0.0.1, Debian's chromium
(CHROME_PATH, by default /usr/bin/chromium) and Lighthouse from npm, pinned in
bench/package.json: `npm ci --prefix bench` once.

As bench/pages_bench.py: copies the code (the working tree, or --revision) into a temporary
directory, compiles the translations, collects the static files, builds a separate database
(BENCH_DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/assoc_lighthouse) with the
demo content and starts gunicorn with association/gunicorn.py and the production settings,
with the page cache in Redis (BENCH_REDIS_URL, by default redis://127.0.0.1:6379/12, flushed
first). In front of it runs a stand-in for deploy/Caddyfile, the documented one-server
deployment: it answers /media/images/* and /media/original_images/* from the media folder with
Caddy's Cache-Control, passes everything else to gunicorn, and gzips what gunicorn did not
compress (Caddy's `encode`, which would prefer zstd; whitenoise's precompressed static
files pass as they are). So the pages' pictures load from the same
origin as in production, where with a bucket they would come from the bucket's origin instead.

Every page is requested once before it is measured, so Lighthouse gets what a reader gets
from a warm page cache; Lighthouse itself starts a fresh browser profile, so its figures are
a first visit. For each page it prints the four category scores (performance, accessibility,
best practices, SEO) and the bytes transferred, then any audit that cost a point. --runs N
measures each page N times and keeps the median performance run (Lighthouse's advice against
noise); the load average before and after is printed, as the simulated throttling scales
with the CPU that is left.
"""

import argparse
import gzip
import http.client
import http.server
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages_bench import (  # noqa: E402
    DEFAULT_REDIS_URL,
    compile_messages,
    copy_code,
    free_port,
    load_average,
    machine,
    manage,
    production_env,
    recreate_database,
    start_gunicorn,
    stop,
)

BENCH = Path(__file__).resolve().parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/assoc_lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# What deploy/Caddyfile serves from the media volume itself, and its caching header.
MEDIA_PREFIXES = ("/media/images/", "/media/original_images/")
MEDIA_CACHE_CONTROL = "public, max-age=2592000"
COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/rss+xml",
                "application/javascript", "image/svg+xml", "application/manifest+json")  # fmt: skip
# The 16 measured pages: each public template in both languages. Search is its page without a
# query (the one search engines may index); a results page is measured apart, and so is a
# page of text alone, which the first-visit budget is about.
DISCOVER = """
import json
import mimetypes
from urllib.parse import quote

from django.urls import reverse
from django.utils import translation

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage
from programs.models import ClubMeetingPage, ProgramIndexPage, ResolutionPage, TrainingProgramPage


def path(page):
    return page.get_url_parts()[2]


def first(model, language):
    return path(
        model.objects.live().public().filter(locale__language_code=language).order_by("path").first()
    )


pages = []
for language in ("ru", "en"):
    news = NewsIndexPage.objects.live().public().get(locale__language_code=language)
    with translation.override(language):
        pages += [
            ("home", language, first(HomePage, language)),
            ("news index", language, path(news)),
            ("article", language, path(news.articles().first())),
            ("programmes", language, first(ProgramIndexPage, language)),
            ("programme", language, first(TrainingProgramPage, language)),
            ("meeting", language, first(ClubMeetingPage, language)),
            ("resolution", language, first(ResolutionPage, language)),
            ("search", language, reverse("search")),
        ]
with translation.override("ru"):
    text = StandardPage.objects.live().public().get(locale__language_code="ru", slug="about")
    pages += [
        ("text page", "ru", path(text)),
        ("search results", "ru", reverse("search") + "?q=" + quote("библиотека")),
    ]
print(json.dumps(pages))
"""


def front_server(port, upstream_port, media_root):
    """A stand-in for deploy/Caddyfile on 127.0.0.1:port; returns the running server."""
    media_root = Path(media_root).resolve()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_HEAD(self):
            self.do_GET(body=False)

        def do_GET(self, body=True):
            path = self.path.split("?", 1)[0]
            if path.startswith(MEDIA_PREFIXES):
                self.media(unquote(path), body)
            else:
                self.proxy(body)

        def do_POST(self):
            self.proxy(True)

        def media(self, path, body):
            file = (media_root / path.removeprefix("/media/")).resolve()
            if not file.is_relative_to(media_root) or not file.is_file():
                self.answer(404, {"Content-Type": "text/plain"}, b"Not found", body)
                return
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            headers = {"Content-Type": kind, "Cache-Control": MEDIA_CACHE_CONTROL}
            self.answer(200, headers, file.read_bytes(), body)

        def proxy(self, body):
            upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
            headers = {
                name: value
                for name, value in self.headers.items()
                if name.lower() not in {"connection", "keep-alive"}
            }
            headers["X-Forwarded-For"] = self.client_address[0]
            length = int(self.headers.get("Content-Length") or 0)
            payload = self.rfile.read(length) if length else None
            upstream.request(self.command, self.path, body=payload, headers=headers)
            response = upstream.getresponse()
            content = response.read()
            upstream.close()
            reply = {
                name: value
                for name, value in response.getheaders()
                if name.lower() not in {"connection", "keep-alive", "transfer-encoding",
                                        "content-length"}
            }  # fmt: skip
            kind = response.getheader("Content-Type", "")
            if (
                "gzip" in self.headers.get("Accept-Encoding", "")
                and not response.getheader("Content-Encoding")
                and kind.startswith(COMPRESSIBLE)
                and len(content) > 512
            ):
                content = gzip.compress(content, compresslevel=5)
                reply["Content-Encoding"] = "gzip"
                reply["Vary"] = ", ".join(filter(None, [reply.get("Vary"), "Accept-Encoding"]))
            self.answer(response.status, reply, content, body)

        def answer(self, status, headers, content, body):
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            if body:
                self.wfile.write(content)

    class Server(http.server.ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request, client_address):
            # The browser drops idle keep-alive connections; nothing worth a traceback.
            if not isinstance(sys.exception(), ConnectionError):
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check_pages(port, pages):
    """Each page answers 200 through the front server; its first answer fills the page cache."""
    for name, language, path in pages:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path)
        status = connection.getresponse().status
        connection.close()
        if status != 200:
            raise SystemExit(f"{name} ({language}) {path} answered {status}")


def lighthouse(url, preset, output):
    command = [
        str(BENCH / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--only-categories=" + ",".join(CATEGORIES),
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode or not output.exists():
        raise SystemExit(f"lighthouse {url} failed:\n{result.stdout}{result.stderr}")
    return json.loads(output.read_text())


def summary(report):
    scores = [report["categories"][name]["score"] for name in CATEGORIES]
    weight = report["audits"]["total-byte-weight"]["numericValue"]
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lost.append(f"{name}: {ref['id']} {audit.get('displayValue', '')}".strip())
    errors = report["audits"]["errors-in-console"]["details"].get("items", [])
    lost += [f"console: {item.get('description', '')[:120]}" for item in errors]
    return [None if score is None else round(score * 100) for score in scores], weight, lost


def measure(port, pages, preset, runs, work):
    print(f"\n{preset} (Lighthouse's {preset} preset; load average before: {load_average()})")
    print(f"{'page':<16}{'':<4}{'path':<42}{'perf':>5}{'a11y':>5}{'b.p.':>5}{'seo':>5}{'kB':>6}")
    for index, (name, language, path) in enumerate(pages):
        reports = []
        for run in range(runs):
            output = work / f"{preset}-{index}-{run}.json"
            reports.append(summary(lighthouse(f"http://127.0.0.1:{port}{path}", preset, output)))
        performance = statistics.median_low(scores[0] for scores, _weight, _lost in reports)
        scores, weight, lost = next(report for report in reports if report[0][0] == performance)
        shown = "".join(f"{'-' if score is None else score:>5}" for score in scores)
        print(
            f"{name:<16}{language:<4}{unquote(path)[:41]:<42}{shown}{weight / 1000:>6.0f}",
            flush=True,
        )
        for line in lost:
            print(f"{'':<20}{line}", flush=True)
    print(f"load average after: {load_average()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", choices=("mobile", "desktop", "both"), default="both")
    parser.add_argument("--port", type=int, default=0, help="front port (gunicorn: the next)")
    parser.add_argument("--only", action="append", help="measure only pages of this name")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is shown")
    parser.add_argument("--revision", help="a commit to measure instead of the working tree")
    parser.add_argument("--keep", action="store_true", help="keep the database and the copy")
    args = parser.parse_args()
    if not (BENCH / "node_modules" / ".bin" / "lighthouse").exists():
        raise SystemExit("Lighthouse is not installed: npm ci --prefix bench")

    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS_URL)
    front_port = args.port or free_port()
    work = Path(tempfile.mkdtemp(prefix="lighthouse-"))
    app = work / "app"
    env = production_env(
        work,
        database_url,
        REDIS_URL=redis_url,
        DJANGO_CACHE_KEY_PREFIX="lighthouse",
        DJANGO_TRUSTED_PROXY_COUNT="1",
        DJANGO_SITE_URL=f"http://127.0.0.1:{front_port}",
    )
    try:
        print(f"Copying the code and collecting static files into {work}")
        version = copy_code(app, args.revision)
        compile_messages(app, env)
        manage(app, env, "collectstatic", "--noinput", "-v0")
        postgres = recreate_database(database_url)
        manage(app, env, "migrate", "--noinput", "-v0")
        manage(app, env, "load_demo_content")
        pages = json.loads(manage(app, env, "shell", "-v0", "-c", DISCOVER))
        if args.only:
            pages = [page for page in pages if page[0] in args.only]
        lighthouse_version = subprocess.run(  # noqa: S603
            [str(BENCH / "node_modules" / ".bin" / "lighthouse"), "--version"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        chromium = subprocess.run(  # noqa: S603
            [os.environ.get("CHROME_PATH", "/usr/bin/chromium"), "--version"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        print(f"{machine()}; PostgreSQL {postgres}")
        print(f"Code {version}; Lighthouse {lighthouse_version}; {chromium}")

        import redis

        redis.Redis.from_url(redis_url).flushdb()
        with open(work / "gunicorn.log", "a") as log:
            server, gunicorn_port = start_gunicorn(app, env, log, port=args.port and front_port + 1)
        front = front_server(front_port, gunicorn_port, work / "media")
        try:
            check_pages(front_port, pages)
            presets = ("mobile", "desktop") if args.preset == "both" else (args.preset,)
            for preset in presets:
                measure(front_port, pages, preset, args.runs, work)
        finally:
            front.shutdown()
            stop(server)
            redis.Redis.from_url(redis_url).flushdb()
    finally:
        if args.keep:
            print(f"Kept {work} and {database_url}")
        else:
            shutil.rmtree(work, ignore_errors=True)
            recreate_database(database_url, drop_only=True)


if __name__ == "__main__":
    main()
