"""The intake reading many member sites at once (run by hand, not in CI).

    .venv/bin/python bench/intake_scale.py [--sources 100] [--articles 10] [--workers 16]
        [--delay 1.0] [--drafts] [--keep]

Needs PostgreSQL on 127.0.0.1. Builds a separate database afresh (BENCH_DATABASE_URL, by
default postgres://postgres@127.0.0.1:5432/assoc_intakescale), then serves --sources made-up
member sites from one server on 127.0.0.1, told apart by host name (m001.test, m002.test, …,
mapped to 127.0.0.1 with NEWS_INTAKE["DEV_HOSTS"]), each with robots.txt, a news listing and
--articles articles. It creates one listing source per site and runs the intake once with
NEWS_INTAKE["WORKERS"] = --workers and the per-host pause --delay (one request at a time per
host, as in production), then prints the wall time, what was queued, the requests per host
and the shortest gap seen between two requests to one host (never below --delay). --drafts
makes the drafts too (auto_draft); without it articles wait in the queue. Tasks go to the
database queue as in production (Wagtail's search and reference index updates are then the
worker's job). The database is
dropped afterwards unless --keep.
"""

import argparse
import collections
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/assoc_intakescale"
)
os.environ["DATABASE_URL"] = DATABASE
os.environ["DJANGO_SETTINGS_MODULE"] = "association.settings.test"

import psycopg  # noqa: E402

SENTENCES = [
    "Библиотека провела встречу с читателями, посвящённую новым поступлениям",
    "Библиотекари рассказали о книгах для детей и взрослых и ответили на вопросы гостей",
    "Участники обсудили план работы клуба на следующий сезон",
    "Школьники подготовили выставку рисунков по мотивам любимых сказок",
    "Краеведы показали фотографии из архива районного музея",
    "Следующая встреча пройдёт через месяц, приглашаются все желающие",
]


def article(host, number):
    text = "".join(
        f"<p>{SENTENCES[(number + n) % len(SENTENCES)]}, {host}, статья {number}, "
        f"абзац {n + 1}. {SENTENCES[(number * 3 + n) % len(SENTENCES)]}.</p>"
        for n in range(4)
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Новость {number} — {host}</title></head><body>
<header><nav><a href="/">Главная</a> <a href="/news/">Новости</a></nav></header>
<main><article><h1>Новость {number} сайта {host}</h1><div class="date">{number:02d}.03.2024</div>
{text}</article></main><footer>© {host}</footer></body></html>"""


def listing(host, articles):
    links = "".join(
        f'<li><a href="/news/{n:02d}.html">Новость {n}</a></li>' for n in range(1, articles + 1)
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Новости {host}</title>
</head><body><nav><a href="/">Главная</a></nav><main><h1>Новости</h1><ul>{links}</ul>
</main></body></html>"""


class MemberSites(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_GET(self):  # noqa: N802 (http.server's naming)
        host = self.headers.get("Host", "").split(":")[0]
        with self.server.lock:
            self.server.log[host].append(time.monotonic())
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
        elif path == "/news/":
            body, kind = listing(host, self.server.articles).encode(), "text/html; charset=utf-8"
        elif path.startswith("/news/") and path.endswith(".html"):
            body = article(host, int(path[6:8])).encode()
            kind = "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


def fresh_database(name, drop=False):
    admin = DATABASE.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop:
            connection.execute(f'CREATE DATABASE "{name}"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--delay", type=float, default=1.0)
    parser.add_argument("--drafts", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    name = DATABASE.rsplit("/", 1)[1]
    fresh_database(name)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    call_command("migrate", verbosity=0)
    from django.test.utils import override_settings

    # As in production: Wagtail's search and reference index updates go to the task queue
    # (a worker's job), not into the intake's run.
    override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}).enable()
    from home.models import HomePage
    from news.intake import service
    from news.models import IntakeItem, IntakeSource
    from tests.factories import OrganisationFactory
    from tests.news.factories import news_index

    news_index(HomePage.objects.get(depth=2, locale__language_code="ru"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), MemberSites)
    server.daemon_threads = True
    server.articles, server.lock = args.articles, threading.Lock()
    server.log = collections.defaultdict(list)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    hosts = [f"m{n:03d}.test" for n in range(1, args.sources + 1)]
    settings.NEWS_INTAKE = {
        **settings.NEWS_INTAKE,
        "DEV_HOSTS": dict.fromkeys(hosts, "127.0.0.1"),
        "HOST_DELAY": args.delay,
        "WORKERS": args.workers,
        "READ_TIMEOUT": 15,
        "TOTAL_TIMEOUT": 60,
    }
    organisation = OrganisationFactory(name="Участник")
    sources = [
        IntakeSource.objects.create(
            organisation=organisation,
            name=host,
            kind=IntakeSource.Kind.LISTING,
            url=f"http://{host}:{port}/news/",
            auto_draft=args.drafts,
        )
        for host in hosts
    ]
    try:
        started = time.monotonic()
        counts = service.run(sources)
        elapsed = time.monotonic() - started
        gaps = [
            later - earlier
            for times in server.log.values()
            for earlier, later in zip(sorted(times), sorted(times)[1:], strict=False)
        ]
        per_host = sorted(len(times) for times in server.log.values())
        print(
            f"{args.sources} sources x {args.articles} articles, {args.workers} workers, "
            f"{args.delay:.1f} s pause per host, drafts: {'yes' if args.drafts else 'no'}"
        )
        print(f"wall time: {elapsed:.1f} s")
        print(f"outcomes: {dict(counts)}; queue items: {IntakeItem.objects.count()}")
        print(
            f"requests per host: {per_host[0]}-{per_host[-1]}; "
            f"shortest gap between two requests to one host: {min(gaps):.2f} s"
        )
    finally:
        server.shutdown()
        connections.close_all()
        if not args.keep:
            fresh_database(name, drop=True)


if __name__ == "__main__":
    main()
