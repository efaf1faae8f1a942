"""The intake's steps: read a source, fetch its articles, queue them, make drafts."""

import datetime
import logging
from collections import Counter
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

import feedparser
import lxml.html

from news.intake.drafts import DraftError, create_draft, intake_user
from news.intake.extract import ExtractionError, clean_url, extract
from news.intake.fetch import FEED_TYPES, HTML_TYPES, Fetcher, FetchError, decode
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
    """Addresses of articles linked from a news listing page, outside menus and footers."""
    tree = lxml.html.document_fromstring(decode(response))
    tree.make_links_absolute(response.url)
    listing = urlsplit(response.url)
    prefix = prefix or listing.path
    links = []
    for anchor in tree.iter("a"):
        href = anchor.get("href", "")
        parts = urlsplit(href)
        if (
            parts.netloc != listing.netloc
            or not parts.path.startswith(prefix)
            or parts.path.rstrip("/") == listing.path.rstrip("/")
            or any(a.tag in ("nav", "header", "footer", "aside") for a in anchor.iterancestors())
        ):
            continue
        url = clean_url(href)
        if url not in links and len(url) <= MAX_URL:
            links.append(url)
    return [(url, "", None) for url in links]


def run_source(source, fetcher=None, user=None):
    """Read one source and process its new articles; a Counter of item statuses."""
    fetcher = fetcher or Fetcher()
    counts = Counter()
    source.last_fetched_at = timezone.now()
    try:
        response = fetcher.get(
            source.url,
            etag=source.etag,
            last_modified=source.last_modified,
            accept=FEED_TYPES if source.kind == IntakeSource.Kind.FEED else HTML_TYPES,
        )
        if response.not_modified:
            source.last_result = _("Nothing new since the last visit.")
            source.save()
            return counts
        if source.kind == IntakeSource.Kind.FEED:
            links = feed_links(response)
        else:
            links = listing_links(response, source.article_prefix)
    except FetchError as error:
        source.last_result = str(error)
        source.save()
        counts["source failed"] += 1
        return counts
    for url, title, date in links[:MAX_ITEMS_PER_RUN]:
        item = process(url, source, fetcher, user, title, date)
        counts[item.status] += 1
    source.etag, source.last_modified = response.etag, response.last_modified
    source.last_result = _("Articles found: %(count)s.") % {"count": len(links)}
    source.save()
    return counts


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
    return process(url, source, fetcher or Fetcher(), user, draft=True)


def fail(item, reason):
    item.status = Status.FAILED
    item.reason = str(reason)
    item.fetched_at = timezone.now()
    item.save()
    return item


def process(url, source, fetcher, user, fallback_title="", fallback_date=None, draft=None):
    """Fetch and extract one article and queue it; never imports the same article twice."""
    url = clean_url(url)
    item = IntakeItem.objects.filter(url=url).first()
    if item is not None and item.status == Status.REJECTED:
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
    if draft if draft is not None else (source is not None and source.auto_draft):
        accept(item, user, fetcher)
    return item


def store(item, article, response):
    item.canonical_url = article.canonical_url
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
    if item.content_hash == article.content_hash or item.status == Status.REJECTED:
        item.fetched_at = timezone.now()
        item.save(update_fields=["fetched_at"])
        return item
    if item.status in (Status.IMPORTED, Status.CHANGED):
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
    return item


def reject(item, reason=""):
    item.status = Status.REJECTED
    item.reason = reason
    item.save()
    return item


def run(sources=None, fetcher=None):
    """Every active source in turn, one fetcher so robots.txt and pauses are shared."""
    fetcher = fetcher or Fetcher()
    user = intake_user()
    totals = Counter()
    for source in sources if sources is not None else IntakeSource.objects.filter(active=True):
        totals.update(run_source(source, fetcher, user))
    return totals
