"""Search latency on 10,000 pages of generated Russian text (run by hand, not in CI).

    .venv/bin/python bench/search_bench.py [--pages 10000] [--rounds 5] [--reindex]
    .venv/bin/python bench/search_bench.py --golden

--golden prints, for SQLite and PostgreSQL, the golden set's recall (the share of
tests/search/golden.py's FIRST_PAGE queries whose page is on the first results page) and
the rank of each expected page, on the demo site built afresh (a temporary SQLite file;
BENCH_GOLDEN_DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/assoc_search_golden).

Builds a separate PostgreSQL database (BENCH_DATABASE_URL, by default
postgres://postgres@127.0.0.1:5432/assoc_search_bench): migrations, news articles and
standard pages written from word lists in several grammatical forms, one index update.
Then it requests the search page for a mix of queries (common and rare words, other word
forms, phrases, filters, typos) and prints latency percentiles. The database is reused
on the next run when it already holds enough pages; --rebuild starts afresh.
"""

import argparse
import inspect
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import parse_qsl

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/assoc_search_bench"
GOLDEN_URL = "postgres://postgres@127.0.0.1:5432/assoc_search_golden"
RESULTS_PER_PAGE = 10
# Ranks beyond this are reported as missing.
MAX_RANK = 100

# Nouns with their forms (the stemmer must bring these together), adjectives agreeing in
# a few forms, verbs in the past tense; enough variety for realistic term frequencies.
NOUNS = [
    ("библиотека", "библиотеки", "библиотеке", "библиотеку", "библиотекой", "библиотек"),
    ("библиотекарь", "библиотекаря", "библиотекари", "библиотекарей", "библиотекарям"),
    ("руководитель", "руководителя", "руководители", "руководителей", "руководителям"),
    ("читатель", "читателя", "читатели", "читателей", "читателям", "читателями"),
    ("книга", "книги", "книге", "книгу", "книгой", "книг", "книгами"),
    ("документ", "документа", "документы", "документов", "документам"),
    ("решение", "решения", "решений", "решению", "решением"),
    ("семинар", "семинара", "семинары", "семинаров", "семинаре"),
    ("школа", "школы", "школе", "школу", "школой"),
    ("методист", "методиста", "методисты", "методистов", "методистам"),
    ("клуб", "клуба", "клубы", "клубов", "клубе"),
    ("заседание", "заседания", "заседаний", "заседании"),
    ("программа", "программы", "программе", "программу", "программ"),
    ("проект", "проекта", "проекты", "проектов", "проектом"),
    ("фонд", "фонда", "фонды", "фондов", "фонде"),
    ("краеведение", "краеведения", "краеведению"),
    ("волонтёр", "волонтёра", "волонтёры", "волонтёров"),
    ("конкурс", "конкурса", "конкурсы", "конкурсов"),
    ("учредитель", "учредителя", "учредителем", "учредители"),
    ("округ", "округа", "округе", "округов"),
    ("посёлок", "посёлка", "посёлке", "посёлков"),
    ("выставка", "выставки", "выставке", "выставок"),
    ("встреча", "встречи", "встрече", "встреч"),
    ("отчёт", "отчёта", "отчёты", "отчётов"),
    ("стажировка", "стажировки", "стажировке", "стажировок"),
    ("оцифровка", "оцифровки", "оцифровке"),
    ("газета", "газеты", "газете", "газет"),
    ("сотрудник", "сотрудника", "сотрудники", "сотрудников"),
    ("коллега", "коллеги", "коллегам", "коллег"),
    ("чтение", "чтения", "чтений", "чтению"),
]
ADJECTIVES = [
    ("итоговый", "итоговые", "итоговых", "итоговым", "итоговая"),
    ("сельский", "сельская", "сельские", "сельских", "сельской"),
    ("муниципальный", "муниципальная", "муниципальные", "муниципальных"),
    ("детский", "детская", "детские", "детских"),
    ("модельный", "модельная", "модельные", "модельных"),
    ("областной", "областная", "областные", "областных"),
    ("методический", "методическая", "методические", "методических"),
    ("краеведческий", "краеведческая", "краеведческие", "краеведческих"),
    ("новый", "новая", "новые", "новых"),
    ("общий", "общая", "общие", "общих"),
    ("летний", "летняя", "летние", "летних"),
    ("электронный", "электронная", "электронные", "электронных"),
]
VERBS = [
    "обсудили", "приняли", "подготовили", "провели", "рассказали", "открыли",
    "представили", "утвердили", "собрали", "поддержали", "оцифровали", "наградили",
]  # fmt: skip
LINKS = ["и", "в", "на", "для", "о", "с", "по", "после", "перед", "из"]
PLACES = [
    "Твери", "Кимрах", "Кашине", "Торжке", "Ржеве", "Бежецке", "Осташкове", "Вышнем Волочке",
]  # fmt: skip
TAGS = [
    "Школа руководителей", "краеведение", "итоговые документы", "клуб методистов",
    "детское чтение", "волонтёры", "оцифровка", "конкурсы", "повышение квалификации",
]  # fmt: skip
# Words on about one page in a hundred each, in several forms: most real queries are for
# words far rarer than the generated vocabulary above, each of which is on most pages.
RARE = [
    ("экслибрис", "экслибрисы", "экслибрисов"),
    ("палеография", "палеографии", "палеографией"),
    ("инкунабула", "инкунабулы", "инкунабул"),
    ("маргиналии", "маргиналиях", "маргиналий"),
]
QUERIES = {
    "common word": ["библиотека", "библиотеки", "читателей", "книги", "проект"],
    "other form": ["библиотекарь", "руководителям", "итоговый документ", "волонтеры"],
    "phrase": [
        "руководитель библиотеки",
        "сельские библиотеки",
        "модельная библиотека",
        "итоговые документы заседания",
    ],
    "place or rare phrase": ["оцифровка газет", "стажировки", "Кашин", "Бежецке"],
    "rare word": ["экслибрис", "палеографию", "инкунабулах", "маргиналии"],
    "filtered": ["библиотека&type=news.newspage", "методистов&year=2024"],
    "no match, suggestion": ["библеотекари", "методиcтов клуп", "краеведенее"],
    "empty or odd": ["", "?!", "'; drop table x; --"],
}


def sentence(rng, words=12):
    parts = []
    while len(parts) < words:
        parts += [rng.choice(rng.choice(ADJECTIVES)), rng.choice(rng.choice(NOUNS))]
        roll = rng.random()
        if roll < 0.3:
            parts.append(rng.choice(VERBS))
        elif roll < 0.45:
            parts += ["в", rng.choice(PLACES)]
        else:
            parts.append(rng.choice(LINKS))
    text = " ".join(parts[:words])
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(3, 6)))


def ensure_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def build(pages, seed):
    """Insert pages in bulk: the tree paths are computed here instead of one add_child each."""
    import datetime
    import uuid

    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from wagtail.models import Page

    from taggit.models import Tag

    from home.models import HomePage, StandardPage
    from news.models import NewsIndexPage, NewsPage, NewsPageTag

    rng = random.Random(seed)
    now = timezone.now()
    home = HomePage.objects.get(depth=2, locale__language_code="ru")
    parents = {}
    for model, slug, title in [
        (NewsIndexPage, "bench-news", "Новости"),
        (StandardPage, "bench-pages", "Материалы"),
    ]:
        parent = home.get_children().filter(slug=slug).first()
        parents[model] = (
            parent.specific if parent else home.add_child(instance=model(title=title, slug=slug))
        )
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
    started = time.perf_counter()
    for offset in range(0, pages, 1000):
        with transaction.atomic():
            batch = []
            for number in range(offset, min(pages, offset + 1000)):
                model = NewsPage if number % 10 < 7 else StandardPage
                parent = parents[NewsIndexPage if model is NewsPage else StandardPage]
                parent.numchild += 1
                slug = f"bench-{seed}-{number}"
                batch.append(
                    (
                        model,
                        Page(
                            title=sentence(rng, rng.randint(5, 9)).rstrip("."),
                            draft_title="",
                            slug=slug,
                            content_type=ContentType.objects.get_for_model(model),
                            live=True,
                            has_unpublished_changes=False,
                            path=Page._get_path(parent.path, parent.depth + 1, parent.numchild),
                            depth=parent.depth + 1,
                            numchild=0,
                            url_path=f"{parent.url_path}{slug}/",
                            locale_id=home.locale_id,
                            translation_key=uuid.uuid4(),
                            first_published_at=now - datetime.timedelta(days=rng.randint(1, 1800)),
                            last_published_at=now,
                        ),
                    )
                )
            Page.objects.bulk_create([page for _model, page in batch])
            tagged = []
            for model, page in batch:
                body = [("paragraph", f"<p>{paragraph(rng)}</p>") for _ in range(rng.randint(3, 6))]
                for forms in RARE:
                    if rng.random() < 0.01:
                        body.append(("paragraph", f"<p>{sentence(rng)} {rng.choice(forms)}.</p>"))
                fields = {"lead": sentence(rng, rng.randint(15, 25)), "body": body}
                if model is NewsPage:
                    fields["date"] = page.first_published_at
                    tagged += [
                        NewsPageTag(tag=tag, content_object_id=page.pk)
                        for tag in rng.sample(tags, rng.randint(0, 2))
                    ]
                child = model(page_ptr_id=page.pk, **fields)
                child.__dict__.update({k: v for k, v in page.__dict__.items() if k != "_state"})
                child.save_base(raw=True)
            NewsPageTag.objects.bulk_create(tagged)
            for parent in parents.values():
                Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)
        print(f"  {offset + len(batch)} pages, {time.perf_counter() - started:.0f} s", flush=True)
    started = time.perf_counter()
    call_command("wagtail_update_index", verbosity=0)
    print(f"  search index built in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    call_command("refresh_search_vocabulary", verbosity=0)
    print(f"  suggestion vocabulary refreshed in {time.perf_counter() - started:.1f} s")
    # Building the index writes every row twice (entry, then title norms); measure the
    # tables as autovacuum leaves them, not bloated just after the bulk load.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def search(client, query):
    words, _, filters = query.partition("&")
    return client.get("/ru/search/", {"q": words, **dict(parse_qsl(filters))})


def measure(rounds):
    from django.test import Client

    client = Client()
    timings = {category: [] for category in QUERIES}
    for query_list in QUERIES.values():  # warm caches and the query log
        for query in query_list:
            search(client, query)
    for _ in range(rounds):
        for category, query_list in QUERIES.items():
            for query in query_list:
                started = time.perf_counter()
                response = search(client, query)
                timings[category].append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{query!r} answered {response.status_code}")
    return timings


def golden_ranks():
    """{query: rank of its expected page (1-based) or None}, on this process's database."""
    from django.core.management import call_command
    from django.utils import translation

    from search.pages import visible_pages
    from search.searching import refresh_vocabulary, run_search, suggest
    from search.text import query_terms
    from tests.search.golden import FIRST_PAGE, build_site

    call_command("migrate", verbosity=0)
    build_site()
    refresh_vocabulary()
    # The code before the normalisation took no raw query (and had no layout suggestions).
    takes_raw = "raw" in inspect.signature(suggest).parameters
    ranks = {}
    with translation.override("ru"):
        visible = visible_pages("ru")
        for query, expected in FIRST_PAGE.items():
            terms = query_terms(query)
            results, _broadened = run_search(terms, visible)
            if not results.count():
                arguments = (terms, visible, query) if takes_raw else (terms, visible)
                suggestion = suggest(*arguments)
                if suggestion:
                    results, _broadened = run_search(query_terms(suggestion), visible)
            urls = [page.url_path for page in results[:MAX_RANK]]
            ranks[query] = urls.index(expected) + 1 if expected in urls else None
    return ranks


def golden(engines=("sqlite", "postgresql")):
    """Run golden_ranks in a process per database engine and print them side by side."""
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for engine in engines:
            if engine == "sqlite":
                url = f"sqlite:///{folder}/golden.sqlite3"
            else:
                url = os.environ.get("BENCH_GOLDEN_DATABASE_URL", GOLDEN_URL)
                drop_database(url)
                ensure_database(url)
            started = time.perf_counter()
            output = subprocess.run(  # noqa: S603 - this script, this interpreter
                [sys.executable, __file__, "--golden-ranks"],
                env={**os.environ, "DATABASE_URL": url},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            results[engine] = json.loads(output.strip().splitlines()[-1])
            print(f"  {engine}: built and searched in {time.perf_counter() - started:.0f} s")
    queries = list(next(iter(results.values())))
    print(f"\n{'query':<28}" + "".join(f"{engine:>12}" for engine in results))
    for query in queries:
        ranks = [results[engine][query] for engine in results]
        print(f"{query:<28}" + "".join(f"{rank or '-':>12}" for rank in ranks))
    print(f"\n{'recall (first page)':<28}", end="")
    for engine in results:
        ranks = list(results[engine].values())
        recall = sum(1 for rank in ranks if rank and rank <= RESULTS_PER_PAGE) / len(ranks)
        print(f"{recall:>11.0%} ", end="")
    print(f"\n{'mean rank of those found':<28}", end="")
    for engine in results:
        found = [rank for rank in results[engine].values() if rank]
        print(f"{statistics.mean(found) if found else 0:>12.1f}", end="")
    print(f"\n{'queries':<28}" + "".join(f"{len(queries):>12}" for _ in results))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1993)
    parser.add_argument("--rebuild", action="store_true", help="drop the database first")
    parser.add_argument(
        "--reindex", action="store_true", help="rebuild the search index of existing pages"
    )
    parser.add_argument("--golden", action="store_true", help="golden set recall and ranks")
    parser.add_argument("--golden-ranks", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.golden:
        golden()
        return
    if args.golden_ranks:
        os.environ["DJANGO_SETTINGS_MODULE"] = "association.settings.test"
        os.environ.setdefault("DJANGO_PAGE_CACHE", "false")
        import django

        django.setup()
        print(json.dumps(golden_ranks()))
        return

    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    if args.rebuild:
        drop_database(url)
    ensure_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "association.settings.test"
    os.environ.setdefault("DJANGO_PAGE_CACHE", "false")

    import django
    from django.conf import settings

    # One index update at the end instead of one per page while generating.
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    django.setup()

    from django.core.management import call_command
    from django.db import connection

    from wagtail.models import Page

    call_command("migrate", verbosity=0)
    existing = Page.objects.filter(depth__gt=2).count()
    if existing < args.pages:
        print(f"Generating {args.pages - existing} pages into {connection.settings_dict['NAME']}")
        build(args.pages - existing, args.seed + existing)
    elif args.reindex:
        started = time.perf_counter()
        call_command("wagtail_update_index", verbosity=0)
        call_command("refresh_search_vocabulary", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        print(f"  search index rebuilt in {time.perf_counter() - started:.0f} s")
    total = Page.objects.filter(depth__gt=2, live=True).count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(" on ")[0]
    print(f"{total} live pages; {version}; {os.cpu_count()} CPUs")

    timings = measure(args.rounds)
    every = [value for values in timings.values() for value in values]
    print(f"\n{'queries':<24}{'n':>5}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for category, values in [*timings.items(), ("all", every)]:
        print(
            f"{category:<24}{len(values):>5}{statistics.median(values):>9.0f}"
            f"{percentile(values, 0.95):>9.0f}{percentile(values, 0.99):>9.0f}"
        )


if __name__ == "__main__":
    main()
