"""The intake on the corpus of member sites it was not built on (samples/intake/): every
page's fields as written down beside it before the intake ran on it."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import lxml.html
import pytest

from news.intake import service
from news.intake.extract import extract
from news.intake.fetch import FEED_TYPES, HTML_TYPES, Fetcher, decode
from news.models import IntakeItem, IntakeSource, NewsPage
from samples.intake import serve
from tests.factories import OrganisationFactory

PAGES = serve.expected_pages()
MOSCOW = ZoneInfo("Europe/Moscow")


@pytest.fixture(scope="module")
def corpus():
    server = serve.start()
    yield server
    server.shutdown()
    server.server_close()


def text(html):
    return " ".join(lxml.html.fragment_fromstring(html, create_parent="div").text_content().split())


@pytest.mark.parametrize("expected", PAGES, ids=[page["url"] for page in PAGES])
def test_every_corpus_page_gives_its_expected_fields(corpus, expected):
    response = Fetcher().get(corpus.base_url + expected["url"])
    article = extract(decode(response), response.url)

    assert article.title == expected["title"]
    date = None
    if article.published_at:
        stamp = datetime.datetime.fromisoformat(article.published_at).astimezone(MOSCOW)
        date = stamp.strftime("%Y-%m-%d %H:%M")
    assert date == (str(expected["date"]) if expected["date"] else None)
    assert article.lead == expected["lead"]
    body, pictures = [], []
    for block in article.blocks:
        if block["type"] == "paragraph":
            body.append(text(block["html"]))
        elif block["type"] in ("heading", "quote"):
            body.append({block["type"]: block["text"]})
        elif block["type"] == "table":
            body.append({"table": block["rows"]})
        for image in block.get("images", [block] if block["type"] == "image" else []):
            pictures.append(
                {
                    "src": urlsplit(image["src"]).path,
                    "caption": image["caption"],
                    "credit": image["credit"],
                }
            )
    assert body[0] == article.lead
    assert body[1:] == expected["body"]
    assert pictures == expected["pictures"]
    assert article.byline == expected["byline"]
    assert article.age_rating == expected["age_rating"]
    notes = {"date": "no date", "title": "title from <title>"}
    assert sorted(notes[name] for name in article.uncertain) == sorted(expected["notes"])


@pytest.mark.parametrize("source", serve.CONFIG["sources"], ids=lambda source: source["url"])
def test_listings_and_feeds_give_their_articles_once(corpus, source):
    feed = source["kind"] == "feed"
    response = Fetcher().get(
        corpus.base_url + source["url"], accept=FEED_TYPES if feed else HTML_TYPES
    )
    if feed:
        links = [link for link, _title, _date in service.feed_links(response)]
    else:
        links, prefix = service.listing_articles(response, source["prefix"])
        assert prefix == source.get("inferred_prefix", prefix)
    paths = [urlsplit(link).path for link in links]
    assert sorted(paths) == sorted(source["articles"] + source.get("failing", []))


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Березовская районная библиотека", region__name="Край")


def test_a_listing_with_no_prefix_finds_its_articles_and_tells_the_editor_where(
    corpus, organisation, index
):
    source = IntakeSource.objects.create(
        organisation=organisation,
        name="Березовская библиотека",
        kind=IntakeSource.Kind.LISTING,
        url=corpus.base_url + "/j15/novosti.html",
        auto_draft=False,
    )
    counts = service.run([source])

    assert counts == {service.Outcome.QUEUED: 3}
    source.refresh_from_db()
    assert "/j15/novosti/" in source.last_result
    # The print, PDF and e-mail buttons are not articles: three items, no duplicates.
    assert sorted(IntakeItem.objects.values_list("url", flat=True)) == [
        corpus.base_url + "/j15/novosti/12-vstrecha-s-pisatelem.html",
        corpus.base_url + "/j15/novosti/13-konkurs-risunkov.html",
        corpus.base_url + "/j15/novosti/14-biblionoch.html",
    ]


def test_a_failing_entry_in_the_middle_of_a_feed_fails_alone(corpus, organisation, index):
    source = IntakeSource.objects.create(
        organisation=organisation, name="Детская библиотека", url=corpus.base_url + "/wp/feed/"
    )
    counts = service.run([source])

    assert counts == {service.Outcome.IMPORTED: 3, service.Outcome.FAILED: 1}
    failed = IntakeItem.objects.get(status=IntakeItem.Status.FAILED)
    assert failed.url.endswith("/wp/2024/06/udalennaya-zapis/")
    assert NewsPage.objects.count() == 3


def test_an_unexpected_error_on_one_article_does_not_stop_the_run(
    corpus, organisation, index, monkeypatch
):
    real_extract = service.extract

    def breaks_on_one(html, url, *args, **kwargs):
        if "letniy-lager" in url:
            raise RuntimeError("a bug met on one page")
        return real_extract(html, url, *args, **kwargs)

    monkeypatch.setattr(service, "extract", breaks_on_one)
    source = IntakeSource.objects.create(
        organisation=organisation, name="Детская библиотека", url=corpus.base_url + "/wp/feed/"
    )
    counts = service.run([source])

    assert counts == {service.Outcome.IMPORTED: 2, service.Outcome.FAILED: 2}
    broken = IntakeItem.objects.get(url__contains="letniy-lager")
    assert broken.status == IntakeItem.Status.FAILED
    assert "RuntimeError" not in broken.reason and "bug" not in broken.reason


def test_the_draft_keeps_the_gallery_table_photographer_and_what_to_check(
    corpus, organisation, index
):
    lager = service.import_url(corpus.base_url + "/wp/2024/06/letniy-lager/")
    page = lager.page
    assert page.featured_image_credit == "Фото: Светлана Жукова"
    body = page.get_latest_revision_as_object().body
    [gallery] = [block.value for block in body if block.block_type == "gallery"]
    assert [image["credit"] for image in gallery["images"]] == ["Фото: Светлана Жукова"] * 2

    itogi = service.import_url(corpus.base_url + "/bitrix/news/itogi-goda-v-cifrah/")
    body = itogi.page.get_latest_revision_as_object().body
    [table] = [block.value for block in body if block.block_type == "table"]
    assert table["data"][1] == ["Читатели", "11 240", "11 915"]

    undated = service.import_url(corpus.base_url + "/hand/novosti/2024-04-15.htm")
    assert undated.page.date is None
    assert undated.to_check == "заголовок из тега <title>; нет даты на странице"
    comments = {c.contentpath: c.text for c in undated.page.wagtail_admin_comments.all()}
    assert set(comments) == {"date", "title"}
    assert "дату" in comments["date"]
