"""Whether every page kind stays flat as the archive grows (by hand).

    .venv/bin/python bench/scale.py [--database-url URL] [--repeat 9] [--keep]
        [--articles 20000] [--meetings 2000] [--resolutions 500] [--registrations 50000]
        [--sources 200]

Builds a fresh PostgreSQL database (--database-url or BENCH_SCALE_DATABASE_URL; it is dropped
and created again) with the demo content, times every public page kind, the feeds, the
sitemap, search, the admin's listings and the registrations' export in process (Django's test
client, production settings without Redis, so every request renders whole), then adds the
archive in bulk (pages inserted with their tree paths, not saved one by one: a few seconds
for tens of thousands) and times the same addresses again. Each line gives the fastest time
and the SQL count on the demo content and at scale; a line fails when the time grows past
1.5 times or the SQL count changes. Exports also print their peak Python memory
(tracemalloc). Pages added in bulk are not in the search index: search at scale is
bench/search_bench.py's question.
"""

import argparse
import datetime
import json
import os
import secrets
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/assoc_scalebench"
TIME_LIMIT = 1.5


def configure(database_url):
    for name in [name for name in os.environ if name.startswith(("DJANGO_", "REDIS_"))]:
        del os.environ[name]
    os.environ.update(
        DJANGO_SETTINGS_MODULE="association.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,testserver",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_MEDIA_ROOT=tempfile.mkdtemp(prefix="scale-media-"),
        DJANGO_LOG_LEVEL="ERROR",
        DATABASE_URL=database_url,
    )
    import django

    django.setup()


def targets():
    """(label, address, as the superuser?) of every kind of page the bench times."""
    import contextlib
    import io

    from django.urls import reverse

    from pages_bench import DISCOVER

    from news.models import NewsIndexPage

    output = io.StringIO()
    namespace = {}
    with contextlib.redirect_stdout(output):
        exec(DISCOVER, namespace)  # noqa: S102 - the benches' own page list
    found = [(label, path, False) for label, path in json.loads(output.getvalue())]
    news = NewsIndexPage.objects.live().get(locale__language_code="ru")
    found += [
        ("news page 2", news.url + "?page=2", False),
        ("programmes calendar", "/ru/programmes/calendar/", False),
        ("sitemap", reverse("sitemap"), False),
        ("admin: news pages", reverse("wagtailadmin_explore", args=[news.pk]), True),
        ("admin: registrations", reverse("wagtailsnippets_programs_registration:list"), True),
        (
            "admin: registrations CSV",
            reverse("wagtailsnippets_programs_registration:list") + "?export=csv",
            True,
        ),
        ("admin: intake sources", reverse("wagtailsnippets_news_intakesource:list"), True),
    ]
    return found


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def measure(clients, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = {}
    for label, path, admin in targets():
        client = clients[admin]
        for _ in range(2):
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"{label} {path} answered {response.status_code}")
            body(response)
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            body(client.get(path))
            timings.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            body(client.get(path))
        peak = None
        if "export" in path:
            tracemalloc.start()
            body(client.get(path))
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        # The fastest of the runs: on a shared machine the others mostly measure the neighbours.
        results[label] = (min(timings), len(queries.captured_queries), peak)
        print(f"  {label:<28}{results[label][0]:>9.1f} ms{results[label][1]:>5} SQL", flush=True)
    return results


def add_children(parent, model, rows, batch=1000):
    """Insert pages of `model` under `parent` in bulk: rows of (title, slug, own fields)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Page

    content_type = ContentType.objects.get_for_model(model)
    depth = parent.depth + 1
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=depth)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    now = timezone.now()
    created = []
    with transaction.atomic():
        for start in range(0, len(rows), batch):
            pages = []
            for offset, (title, slug, _fields) in enumerate(rows[start : start + batch]):
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(parent.path, depth, step + start + offset + 1),
                        depth=depth,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=parent.locale_id,
                        translation_key=uuid.uuid4(),
                    )
                )
            pages = Page.objects.bulk_create(pages)
            own = [
                model(page_ptr_id=page.pk, **fields)
                for page, (_title, _slug, fields) in zip(
                    pages, rows[start : start + batch], strict=True
                )
            ]
            model._base_manager._insert(own, fields=model._meta.local_concrete_fields)
            created += [page.pk for page in pages]
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(rows))
    return created


def fill(args):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from wagtail.models import Page, Revision

    from home.models import Organisation
    from news.models import IntakeSource, NewsIndexPage, NewsPage
    from programs.models import ClubMeetingPage, ClubPage, ResolutionIndexPage, ResolutionPage
    from programs.models.registrations import Registration, RegistrationSettings

    started = time.perf_counter()
    now = timezone.now()
    news = NewsIndexPage.objects.live().get(locale__language_code="ru")
    tags = list(NewsPage.tags.through.objects.values_list("tag_id", flat=True).distinct())
    articles = add_children(
        news,
        NewsPage,
        [
            (
                f"Архивная новость № {number}",
                f"archive-{number}",
                {
                    "date": now - datetime.timedelta(days=30 + number // 10, minutes=number),
                    "lead": f"Краткое содержание архивной новости № {number}.",
                },
            )
            for number in range(args.articles)
        ],
    )
    NewsPage.tags.through.objects.bulk_create(
        [
            NewsPage.tags.through(content_object_id=pk, tag_id=tags[number % len(tags)])
            for number, pk in enumerate(articles)
            if number % 5 == 0 and tags
        ],
        batch_size=5000,
    )
    club = ClubPage.objects.live().filter(locale__language_code="ru").order_by("path").first()
    today = timezone.localdate()
    add_children(
        club,
        ClubMeetingPage,
        [
            (
                f"Архивное заседание № {number}",
                f"archive-meeting-{number}",
                {"start_date": today - datetime.timedelta(days=7 * (number + 1))},
            )
            for number in range(args.meetings)
        ],
    )
    register = ResolutionIndexPage.objects.live().filter(locale__language_code="ru").first()
    resolutions = add_children(
        register,
        ResolutionPage,
        [
            (
                f"Архивная резолюция № {number}",
                f"archive-resolution-{number}",
                {
                    "date": today - datetime.timedelta(days=number + 400),
                    "summary": "Об итогах работы.",
                    "number": f"{number}/2000",
                },
            )
            for number in range(args.resolutions)
        ],
    )
    page_type = ContentType.objects.get_for_model(Page)
    resolution_type = ContentType.objects.get_for_model(ResolutionPage)
    Revision.objects.bulk_create(
        [
            Revision(
                content_type=resolution_type,
                base_content_type=page_type,
                object_id=str(pk),
                content={"title": f"Редакция {version}"},
                created_at=now,
            )
            for pk in resolutions
            for version in (1, 2)
        ],
        batch_size=5000,
    )
    event = RegistrationSettings.objects.order_by("pk").first()
    Registration.objects.bulk_create(
        [
            Registration(
                event=event,
                name=f"Участник {number}",
                email=f"participant{number}@example.org",
                consent_at=now,
                status=Registration.Status.CONFIRMED,
            )
            for number in range(args.registrations)
        ],
        batch_size=5000,
    )
    organisation = Organisation.objects.order_by("pk").first()
    IntakeSource.objects.bulk_create(
        [
            IntakeSource(
                organisation=organisation,
                name=f"Источник {number}",
                url=f"https://library{number}.example.org/news/",
            )
            for number in range(args.sources)
        ]
    )
    # As autovacuum would after such growth: the planner's statistics still describe the demo.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Filled in {time.perf_counter() - started:.0f} s", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_SCALE_DATABASE_URL", DEFAULT_DATABASE_URL),
        help="a database this bench may drop and create",
    )
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--meetings", type=int, default=2_000)
    parser.add_argument("--resolutions", type=int, default=500)
    parser.add_argument("--registrations", type=int, default=50_000)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    from pages_bench import recreate_database

    recreate_database(args.database_url)
    configure(args.database_url)
    try:
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.test import Client

        call_command("migrate", verbosity=0)
        call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
        admin = get_user_model().objects.create_superuser("scale-admin", "scale@example.org")
        clients = {False: Client(HTTP_X_FORWARDED_PROTO="https"), True: Client()}
        clients[True].defaults["HTTP_X_FORWARDED_PROTO"] = "https"
        clients[True].force_login(admin)
        print("Demo content:", flush=True)
        demo = measure(clients, args.repeat)
        fill(args)
        print("At scale:", flush=True)
        scale = measure(clients, args.repeat)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            recreate_database(args.database_url, drop_only=True)

    print(f"\n{'':<28}{'demo ms':>9}{'scale ms':>10}{'×':>6}{'SQL':>9}  peak MiB  verdict")
    failed = []
    for label, (demo_ms, demo_sql, _peak) in demo.items():
        scale_ms, scale_sql, peak = scale[label]
        ratio = scale_ms / demo_ms
        ok = ratio <= TIME_LIMIT and scale_sql == demo_sql
        if not ok:
            failed.append(label)
        memory = f"{peak:>8.1f}" if peak is not None else " " * 8
        print(
            f"{label:<28}{demo_ms:>9.1f}{scale_ms:>10.1f}{ratio:>6.2f}"
            f"{demo_sql:>4} →{scale_sql:>3}  {memory}  {'ok' if ok else 'GROWS'}"
        )
    print(f"\n{len(demo) - len(failed)} of {len(demo)} flat; growing: {', '.join(failed) or '-'}")


if __name__ == "__main__":
    main()
