"""How well the intake reads member sites it was not built on (run by hand, not in CI).

    .venv/bin/python bench/intake_eval.py [--extractor intake|trafilatura|combined] [-v]

Serves the corpus (samples/intake/: 24 article pages from nine kinds of member site, their
listings and feeds, each page's expected fields beside it) on 127.0.0.1, reads every page
through the intake's fetcher and extractor, and prints per-field accuracy and the total:
title, date, lead, body, pictures (address, caption, photographer), byline, age mark, what
the moderator is told about uncertain fields, no chrome left in the text; for each listing and
feed, that exactly its articles are found (no print, PDF or e-mail duplicates) and that a
failing entry does not stop the rest. `--extractor trafilatura` reads title, date (htmldate),
lead, body and pictures with trafilatura instead (`pip install trafilatura` first, it is not
a dependency); `combined` keeps the intake's fields and takes trafilatura's only where the
intake found nothing.
"""

import argparse
import collections
import datetime
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "association.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

import lxml.html  # noqa: E402

from news.intake import service  # noqa: E402
from news.intake.extract import extract  # noqa: E402
from news.intake.fetch import FEED_TYPES, HTML_TYPES, Fetcher, FetchError, decode  # noqa: E402
from samples.intake import serve  # noqa: E402

MOSCOW = ZoneInfo("Europe/Moscow")
FIELDS = ["title", "date", "lead", "body", "pictures", "byline", "age", "notes", "chrome"]
# Words of site chrome that must not reach a draft's lead, body or captions.
CHROME = [
    "Автор:",
    "Последнее обновление",
    "Печать",
    "Просмотров",
    "Поделиться",
    "Подробности",
    "Опубликовано",
    "Возврат к списку",
    "Добавил:",
    "Made on Tilda",
    "Super User",
    "Рубрика:",
    "Категория:",
    "Текст:",
    "Фото:",
]
NOTES = {"date": "no date", "title": "title from <title>"}


def text(html):
    return " ".join(lxml.html.fromstring(html).text_content().split()) if html.strip() else ""


def path_of(url):
    return urlsplit(url).path


def intake_fields(article):
    """The comparable fields of the intake's Article."""
    body, pictures = [], []
    for block in article.blocks:
        kind = block["type"]
        if kind == "paragraph":
            body.append(text(block["html"]))
        elif kind == "heading":
            body.append({"heading": block["text"]})
        elif kind == "quote":
            body.append({"quote": block["text"]})
        elif kind == "table":
            body.append({"table": block["rows"]})
        for image in block.get("images", [block] if kind == "image" else []):
            pictures.append(
                {
                    "src": path_of(image["src"]),
                    "caption": image.get("caption", ""),
                    "credit": image.get("credit", ""),
                }
            )
    if body and body[0] == article.lead:
        body = body[1:]
    date = ""
    if article.published_at:
        stamp = datetime.datetime.fromisoformat(article.published_at).astimezone(MOSCOW)
        date = stamp.strftime("%Y-%m-%d %H:%M")
    notes = [NOTES[field] for field in getattr(article, "uncertain", [])]
    return {
        "title": article.title,
        "date": date or None,
        "lead": article.lead,
        "body": body,
        "pictures": pictures,
        "byline": article.byline,
        "age": article.age_rating,
        "notes": notes,
    }


def trafilatura_fields(html, url):
    import htmldate
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, include_images=True, include_tables=True, with_metadata=True
    )
    date = htmldate.find_date(html, url=url, original_date=True, outputformat="%Y-%m-%d %H:%M")
    if document is None:
        return {"title": "", "date": date, "lead": "", "body": [], "pictures": []}
    xml = trafilatura.extract(
        html, url=url, output_format="xml", include_images=True, include_tables=True
    )
    body, pictures = [], []
    if xml:
        root = lxml.etree.fromstring(xml.encode())  # noqa: S320 (trafilatura's own output)
        for element in root.iter("p", "head", "quote", "table", "graphic", "list"):
            value = " ".join("".join(element.itertext()).split())
            if element.tag == "p" and value:
                body.append(value)
            elif element.tag == "head":
                body.append({"heading": value})
            elif element.tag == "quote":
                body.append({"quote": value})
            elif element.tag == "list":
                body.append(value)
            elif element.tag == "table":
                rows = [
                    [" ".join("".join(cell.itertext()).split()) for cell in row.iter("cell")]
                    for row in element.iter("row")
                ]
                body.append({"table": rows})
            elif element.tag == "graphic":
                pictures.append(
                    {
                        "src": path_of(element.get("src", "")),
                        "caption": element.get("title", "") or element.get("alt", ""),
                        "credit": "",
                    }
                )
    lead = body[0] if body and isinstance(body[0], str) else ""
    return {
        "title": document.title or "",
        "date": date,
        "lead": lead,
        "body": body[1:] if lead else body,
        "pictures": pictures,
    }


def chrome_left(fields):
    words = [fields["lead"]] + [b for b in fields["body"] if isinstance(b, str)]
    words += [p["caption"] for p in fields["pictures"]]
    joined = " ".join(words)
    return [word for word in CHROME if word in joined]


def compare(expected, got):
    right = {
        "title": got["title"] == expected["title"],
        "date": got["date"] == (str(expected["date"]) if expected["date"] else None),
        "lead": got["lead"] == expected["lead"],
        "body": got["body"] == expected["body"],
        "pictures": got["pictures"] == expected["pictures"],
        "byline": got["byline"] == expected["byline"],
        "age": got["age"] == expected["age_rating"],
        "notes": sorted(got["notes"]) == sorted(expected["notes"]),
        "chrome": not chrome_left(got),
    }
    return right


def read_article(fetcher, url, mode):
    response = fetcher.get(url)
    html = decode(response)
    article = extract(html, response.url)
    fields = intake_fields(article)
    if mode == "intake":
        return fields
    other = trafilatura_fields(html, response.url)
    if mode == "trafilatura":
        return {**fields, **other}
    return {key: fields[key] or other.get(key, fields[key]) for key in fields}


def read_sources(fetcher, base, verbose):
    """(right, total, duplicates) for the listings and feeds."""
    right = duplicates = 0
    for source in serve.CONFIG["sources"]:
        url = base + source["url"]
        feed = source["kind"] == "feed"
        response = fetcher.get(url, accept=FEED_TYPES if feed else HTML_TYPES)
        if feed:
            links = [link for link, _title, _date in service.feed_links(response)]
        else:
            links = [link for link, _t, _d in service.listing_links(response, source["prefix"])]
        found = [path_of(link) for link in links]
        wanted = sorted(source["articles"] + source.get("failing", []))
        duplicates += len(found) - len(set(found))
        ok = sorted(found) == wanted
        right += ok
        if verbose or not ok:
            print(f"  {'ok ' if ok else 'BAD'} {source['url']}: {found}")
    return right, len(serve.CONFIG["sources"]), duplicates


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extractor", choices=["intake", "trafilatura", "combined"])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    mode = args.extractor or "intake"
    server = serve.start()
    settings.NEWS_INTAKE = {**settings.NEWS_INTAKE, "DEV_HOSTS": {"127.0.0.1": "127.0.0.1"}}
    fetcher = Fetcher()
    scores = collections.Counter()
    pages = serve.expected_pages()
    for expected in pages:
        try:
            got = read_article(fetcher, server.base_url + expected["url"], mode)
        except Exception as error:  # noqa: BLE001 (a failure is a wrong answer on every field)
            print(f"FAIL {expected['url']}: {error!r}")
            continue
        right = compare(expected, got)
        scores.update(field for field, ok in right.items() if ok)
        wrong = [field for field, ok in right.items() if not ok]
        if wrong or args.verbose:
            print(f"{expected['url']}: wrong {', '.join(wrong) or 'nothing'}")
            for field in wrong:
                if field == "chrome":
                    print(f"    chrome: {chrome_left(got)}")
                    continue
                wanted = expected.get({"age": "age_rating"}.get(field, field))
                pad = " " * len(field)
                print(f"    {field}: expected {wanted!r}\n    {pad}       got {got[field]!r}")
    try:
        source_right, source_total, duplicates = read_sources(
            fetcher, server.base_url, args.verbose
        )
    except FetchError as error:
        print(f"sources failed: {error}")
        source_right, source_total, duplicates = 0, len(serve.CONFIG["sources"]), 0
    server.shutdown()
    print(f"\nExtractor: {mode}; {len(pages)} pages")
    total = 0
    for field in FIELDS:
        total += scores[field]
        print(
            f"{field:10} {scores[field]:3}/{len(pages)}  {100 * scores[field] / len(pages):5.1f}%"
        )
    print(f"{'sources':10} {source_right:3}/{source_total}  duplicates: {duplicates}")
    everything = len(FIELDS) * len(pages) + source_total
    total += source_right
    print(f"{'total':10} {total:3}/{everything}  {100 * total / everything:5.1f}%")


if __name__ == "__main__":
    main()
