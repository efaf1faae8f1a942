"""The intake's steps: read a source, fetch its articles, queue them, make drafts."""

import datetime
import logging
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from django import db
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import feedparser
import lxml.html

from news.intake.drafts import DraftError, create_draft, intake_user
from news.intake.extract import ExtractionError, clean_url, extract, is_button_link, is_chrome
from news.intake.fetch import FEED_TYPES, HTML_TYPES, Fetcher, FetchError, decode, setting
from news.models import IntakeItem, IntakeSource

logger = logging.getLogger(__name__)
MAX_ITEMS_PER_RUN = 30
MAX_URL = IntakeItem._meta.get_field("url").max_length
Status = IntakeItem.Status


def feed_links(response):
    """(address, title, date) of each entry of an RSS or Atom feed, newest first as given."""
    parsed = feedparser.parse(
        response.body, response_headers={"content-type": response.content_type}
    )
    if not parsed.entries:
        raise FetchError(_("The feed has no entries or cannot be read."))
    links = []
    for entry in parsed.entries:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        date = datetime.datetime(*stamp[:6], tzinfo=datetime.UTC) if stamp else None
        if entry.get("link") and len(entry.link) <= MAX_URL:
            links.append((entry.link, entry.get("title", ""), date))
    return links


def listing_links(response, prefix=""):
    """Addresses of articles linked from a news listing page, outside menus, sidebars and
    footers, without print, PDF and e-mail buttons; with no prefix given, articles are the
    links under the listing's own folder, else under the folder most of its links share."""
    return [(url, "", None) for url in listing_articles(response, prefix)[0]]


def listing_articles(response, prefix=""):
    """(addresses, the path prefix they were taken under) of a listing's articles."""
    tree = lxml.html.document_fromstring(decode(response))
    tree.make_links_absolute(response.url)
    listing = urlsplit(response.url)
    links = []
    for anchor in tree.iter("a"):
        href = anchor.get("href", "")
        parts = urlsplit(href)
        if (
            parts.scheme not in ("http", "https")
            or parts.netloc != listing.netloc
            or parts.path.rstrip("/") == listing.path.rstrip("/")
            or "nofollow" in anchor.get("rel", "").lower().split()
            or is_button_link(href)
            or any(is_chrome(ancestor) for ancestor in anchor.iterancestors())
        ):
            continue
        url = clean_url(href)
        if url not in links and len(url) <= MAX_URL:
            links.append(url)
    if not prefix:
        prefix = infer_prefix(listing.path, [urlsplit(url).path for url in links])
    return [url for url in links if urlsplit(url).path.startswith(prefix)], prefix


def infer_prefix(listing_path, paths):
    """The folder a listing's articles live in: the listing's own (/news/ for /news/ or
    /news.html), else the folder most of its links share."""
    own = re.sub(r"\.[a-z]+$", "", listing_path).rstrip("/") + "/"
    if any(path.startswith(own) for path in paths):
        return own
    folders = Counter(path.rstrip("/").rsplit("/", 1)[0] + "/" for path in paths)
    if folders:
        folder, count = folders.most_common(1)[0]
        if count >= 2:
            return folder
    return own


class Outcome:
    """What a run did with an article: what the counts and messages report."""

    QUEUED = "queued"  # new, waiting for an editor
    IMPORTED = "imported"  # its draft was made now
    CHANGED = "changed"  # known, changed at the source since its draft
    KNOWN = "known"  # already in the queue, nothing new
    REJECTED = "rejected"  # rejected before: left alone
    FAILED = "failed"


def run_source(source, fetcher=None, user=None):
    """Read one source and process its new articles; a Counter of outcomes."""
    fetcher = fetcher or Fetcher()
    counts = Counter()
    source.last_fetched_at = timezone.now()
    prefix = source.article_prefix
    try:
        response = fetcher.get(
            source.url,
            etag=source.etag,
            last_modified=source.last_modified,
            accept=FEED_TYPES if source.kind == IntakeSource.Kind.FEED else HTML_TYPES,
        )
        if response.not_modified:
            source.last_result = _("Nothing new since the last visit.")
            source.save(update_fields=["last_fetched_at", "last_result"])
            return counts
        if source.kind == IntakeSource.Kind.FEED:
            links = feed_links(response)
        else:
            urls, prefix = listing_articles(response, source.article_prefix)
            links = [(url, "", None) for url in urls]
    except FetchError as error:
        source.last_result = str(error)
        source.save(update_fields=["last_fetched_at", "last_result"])
        counts["source failed"] += 1
        return counts
    for url, title, date in links[:MAX_ITEMS_PER_RUN]:
        counts[safely(process, url, source, fetcher, user, title, date).outcome] += 1
    source.etag, source.last_modified = response.etag, response.last_modified
    source.last_result = describe(source, links, prefix, counts)
    source.save(update_fields=["last_fetched_at", "last_result", "etag", "last_modified"])
    return counts


def describe(source, links, prefix, counts):
    """The source's last result for the editor: what was found where, and what is new."""
    found = _("Articles found: %(count)s.") % {"count": len(links)}
    if source.kind == IntakeSource.Kind.LISTING and not source.article_prefix:
        found += " " + _("Article addresses start with %(prefix)s (found on the listing).") % {
            "prefix": prefix
        }
    fresh = counts[Outcome.QUEUED] + counts[Outcome.IMPORTED] + counts[Outcome.CHANGED]
    if not fresh and not counts[Outcome.FAILED]:
        return found + " " + _("Nothing new.")
    return f"{found} " + _("New: %(new)s, drafts made: %(drafts)s, failed: %(failed)s.") % {
        "new": fresh,
        "drafts": counts[Outcome.IMPORTED],
        "failed": counts[Outcome.FAILED],
    }


def safely(step, url, source, *args, **kwargs):
    """One article's processing: whatever goes wrong with it fails that article only."""
    try:
        with transaction.atomic():
            return step(url, source, *args, **kwargs)
    except Exception:
        logger.exception("Intake failed on %s", url[:500])
        item = IntakeItem.objects.filter(url=clean_url(url)[:MAX_URL]).first()
        if item is None:
            item = IntakeItem(url=clean_url(url)[:MAX_URL], source=source)
        return fail(item, _("The article could not be processed (an internal error)."))


def source_of(url):
    """The source on whose site (host, and folder of the feed or listing) the address is."""
    article = urlsplit(url)
    for source in IntakeSource.objects.order_by("-active", "pk"):
        own = urlsplit(source.url)
        folder = own.path[: own.path.rfind("/") + 1] or "/"
        if own.netloc == article.netloc and article.path.startswith(folder):
            return source
    return None


def import_url(url, source=None, user=None, fetcher=None):
    """Import one page pasted by an editor: its draft is made at once unless it fails."""
    if source is None:
        source = source_of(url)
    return safely(process, url, source, fetcher or Fetcher(), user, draft=True)


def fail(item, reason):
    item.outcome = Outcome.FAILED
    item.status = Status.FAILED
    item.reason = str(reason)
    item.fetched_at = timezone.now()
    item.save()
    return item


def process(url, source, fetcher, user, fallback_title="", fallback_date=None, draft=None):
    """Fetch and extract one article and queue it; never imports the same article twice."""
    url = clean_url(url)
    if len(url) > MAX_URL:
        return fail(IntakeItem(url=url[:MAX_URL], source=source), _("The address is too long."))
    item = IntakeItem.objects.filter(url=url).first()
    if item is not None and item.status == Status.REJECTED:
        item.outcome = Outcome.REJECTED
        return item
    known = item is not None and item.status != Status.FAILED
    try:
        response = fetcher.get(
            url,
            etag=item.etag if known else "",
            last_modified=item.last_modified if known else "",
        )
        if response.not_modified:
            item.fetched_at = timezone.now()
            item.save(update_fields=["fetched_at"])
            item.outcome = Outcome.KNOWN
            return item
        article = extract(decode(response), response.url, fallback_title, fallback_date)
    except (FetchError, ExtractionError) as error:
        item = item or IntakeItem(url=url, source=source)
        return fail(item, error)

    same = (
        item
        if known
        else IntakeItem.objects.filter(canonical_url=article.canonical_url)
        .exclude(status=Status.FAILED)
        .first()
        or IntakeItem.objects.filter(content_hash=article.content_hash)
        .exclude(status=Status.FAILED)
        .first()
    )
    if same is not None:
        return remember_changes(same, article, response)

    item = item or IntakeItem(url=url)
    item.source = item.source or source
    item.status = Status.NEW
    item.reason = ""
    store(item, article, response)
    item.outcome = Outcome.QUEUED
    if draft if draft is not None else (source is not None and source.auto_draft):
        accept(item, user, fetcher)
    return item


def store(item, article, response):
    limit = IntakeItem._meta.get_field("canonical_url").max_length
    item.canonical_url = article.canonical_url if len(article.canonical_url) <= limit else ""
    item.content_hash = article.content_hash
    item.title = article.title
    item.published_at = (
        datetime.datetime.fromisoformat(article.published_at) if article.published_at else None
    )
    item.data = article.as_data()
    item.etag, item.last_modified = response.etag, response.last_modified
    item.fetched_at = timezone.now()
    item.save()


def remember_changes(item, article, response):
    """A known article seen again: flag it if its text changed after the draft was made."""
    item.outcome = Outcome.KNOWN
    if item.content_hash == article.content_hash or item.status == Status.REJECTED:
        item.fetched_at = timezone.now()
        item.save(update_fields=["fetched_at"])
        return item
    if item.status in (Status.IMPORTED, Status.CHANGED):
        item.outcome = Outcome.CHANGED
        item.status = Status.CHANGED
        item.reason = _(
            "The article changed on the member's site after its draft was made: "
            "compare it with the draft and update the draft by hand."
        )
    store(item, article, response)
    return item


def accept(item, user=None, fetcher=None):
    """Make the draft of a new item and submit it to moderation."""
    if item.status != Status.NEW:
        item.outcome = Outcome.KNOWN
        return item
    try:
        page = create_draft(item, user or intake_user(), fetcher or Fetcher())
    except (DraftError, ValidationError) as error:
        messages = getattr(error, "messages", None)
        return fail(item, "; ".join(messages) if messages else error)
    item.page = page
    item.status = Status.IMPORTED
    item.reason = ""
    item.save()
    item.outcome = Outcome.IMPORTED
    return item


def reject(item, reason=""):
    item.status = Status.REJECTED
    item.reason = reason
    item.save()
    return item


def run(sources=None, fetcher=None):
    """Every active source; different hosts at the same time (NEWS_INTAKE["WORKERS"]), each
    host's sources one after another, one fetcher so robots.txt and pauses are shared."""
    fetcher = fetcher or Fetcher()
    user = intake_user()
    if sources is None:
        sources = IntakeSource.objects.filter(active=True).select_related("organisation")
    by_host = {}
    for source in sources:
        by_host.setdefault(urlsplit(source.url).netloc.lower(), []).append(source)
    workers = min(setting("WORKERS"), len(by_host))
    totals = Counter()
    if workers <= 1:
        for group in by_host.values():
            totals.update(read_host(group, fetcher, user))
        return totals
    with ThreadPoolExecutor(workers, thread_name_prefix="intake") as pool:
        jobs = [pool.submit(read_host, group, fetcher, user, True) for group in by_host.values()]
        for job in jobs:
            totals.update(job.result())
    return totals


def read_host(sources, fetcher, user, own_thread=False):
    """One host's sources in turn; a source that breaks unexpectedly stops only itself."""
    counts = Counter()
    try:
        for source in sources:
            try:
                counts.update(run_source(source, fetcher, user))
            except Exception:
                logger.exception("Intake failed on source %s", source.pk)
                counts["source failed"] += 1
    finally:
        if own_thread:
            db.connection.close()
    return counts
