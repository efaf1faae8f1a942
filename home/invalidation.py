"""What a change of one page drops from the page cache and the shared fragments.

Rendered HTML (a page-cache copy, a page's shared fragments) is stored with the time its
request began and the dependency tags it was built from; it is served only while none of
those tags has been dropped since. A page's tags come from its place in the tree: its own
node and each ancestor it lies under (`node_tags`), noted when Wagtail routes to it; views
and template tags that show pages from elsewhere note theirs (`note`): search, a tag's page
and feed, the calendar, the most read articles. A response that noted nothing depends on
everything ("other").

A change of one page (a publish, an unpublish, a draft, a delete) drops (`page_changed`):
- the page and every ancestor (their listings, the home page's sections, feeds), for the
  page and each of its translations (language links, the other tree's listings);
- the pages that link to it or that it links to (Wagtail's reference index: related pages,
  links in text, a resolution that supersedes another);
- whatever its page type names (`SitePageMixin.dropped_on_change`: an article's neighbours,
  the calendar), its tags' pages and feeds, search;
- when what other pages show of it (title, address, state) changed, everything below it
  (breadcrumbs), and the whole site when it is in the main menu.
Anything else (settings, snippets, view restrictions, groups, moves) replaces the site-wide
HTML version (`bump_html_version`), as every change used to. The small plain values of the
content cache and memo (home.caching) still follow the content version, which every change
replaces: they cost a query or two to rebuild.

Times, not counters: a tag's value is when it was last dropped, so a page whose rendering
began before a change and ended after it is never stored as fresh.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from home.caching import shared_version

HTML_VERSION_KEY = "pagecache:html-version"
TAG_PREFIX = "dep:"
OTHER = "other"
SEARCH = "search"
# What other pages show of a page; a change of one of these is seen beyond the page itself.
SUMMARY_FIELDS = ("title", "slug", "live", "url_path", "show_in_menus", "locale_id")


def bump_html_version():
    cache.set(HTML_VERSION_KEY, uuid.uuid4().hex, None)


def html_version(request=None):
    """The site-wide version of stored HTML, read from the cache once per request."""
    return shared_version(HTML_VERSION_KEY, request, "_html_version")


def started_at(request):
    """When the request began (association.cache.PageCacheMiddleware notes it first)."""
    started = getattr(request, "_started_at", None)
    if started is None:
        started = request._started_at = time.time()
    return started


def node_tags(path):
    """The tags of the page at treebeard `path`: its node and each ancestor's subtree."""
    return [f"node:{path}", *(f"under:{path[:end]}" for end in range(4, len(path), 4))]


def note(request, *tags):
    """Record that this request's response shows what `tags` stand for."""
    if request is not None:
        request.__dict__.setdefault("_cache_tags", set()).update(tags)


def request_tags(request):
    """The tags of what this request's response shows, for storing it: each one is given a
    value first if it has none, just before the rendering began (see `is_fresh`)."""
    tags = sorted(getattr(request, "_cache_tags", None) or {OTHER})
    keys = [TAG_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, started_at(request) - 0.001, None)
    return tags


def is_fresh(tags, rendered_at):
    """Whether nothing stored HTML depends on was dropped since its rendering began. A tag
    without a value (evicted) gets one now, so that a copy older than the drop that an
    eviction forgot is never taken for fresh."""
    keys = [TAG_PREFIX + tag for tag in tags]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        now = time.time()
        for key in missing:
            cache.add(key, now, None)
        return False
    return all(dropped < rendered_at for dropped in found.values())


def drop(tags):
    """Drop stored HTML depending on any of `tags`: now, and again after the commit (a
    request served in between may have read the old rows)."""
    tags = sorted(set(tags))
    if not tags:
        return

    def mark():
        now = time.time()
        cache.set_many({TAG_PREFIX + tag: now for tag in tags}, None)

    mark()
    transaction.on_commit(mark)


def snapshot(page):
    """What other pages show of `page` as its row stands now, and its tags' slugs; None for
    a page not saved yet. Taken before a save, compared after it (`page_changed`)."""
    if page.pk is None:
        return None
    model = type(page)
    fields = [*SUMMARY_FIELDS, *getattr(model, "summary_fields", ())]
    rows = list(model.objects.filter(pk=page.pk).values(*fields))
    if not rows:
        return None
    before = rows[0]
    before["tags"] = set(tag_slugs(model, page.pk))
    return before


def tag_slugs(model, pk):
    if not any(field.name == "tags" for field in model._meta.get_fields()):
        return []
    return [
        slug
        for slug in model.objects.filter(pk=pk).values_list("tags__slug", flat=True)
        if slug is not None
    ]


def summary(page):
    fields = [*SUMMARY_FIELDS, *getattr(type(page), "summary_fields", ())]
    return {field: getattr(page, field) for field in fields}


def page_changed(page, before=None, deleted=False):
    """Drop what shows `page` (see the module's docstring); the tags dropped."""
    if not (settings.PAGE_CACHE_ENABLED or settings.SHARED_FRAGMENTS):
        return set()
    tags = changed_tags(page, before, deleted)
    if tags is None:
        bump_html_version()
        transaction.on_commit(bump_html_version)
        return None
    drop(tags)
    return tags


def changed_tags(page, before=None, deleted=False):
    """The tags a change of `page` drops, or None when the whole site must go (a page of
    the main menu changed what the menu shows)."""
    from wagtail.models import Page, ReferenceIndex

    now = summary(page)
    seen_elsewhere = deleted or before is None or any(before[key] != now[key] for key in now)
    in_menu = now["show_in_menus"] or before is None or before["show_in_menus"]
    if seen_elsewhere and page.depth <= 3 and in_menu:
        return None
    tags = {OTHER, SEARCH}
    versions = Page.objects.filter(translation_key=page.translation_key)
    paths = set(versions.values_list("path", flat=True)) | {page.path}
    ids = [str(pk) for pk in versions.values_list("pk", flat=True)] or [str(page.pk)]
    # Pages that link to it, and pages it links to (shown there as "superseded by" and such).
    page_type = ReferenceIndex._get_base_content_type(Page)
    references = ReferenceIndex.objects.filter(base_content_type=page_type)
    linking = references.filter(to_content_type=page_type, to_object_id__in=ids)
    linked = references.filter(object_id__in=ids, to_content_type=page_type)
    others = {
        int(pk)
        for pk in [
            *linking.values_list("object_id", flat=True),
            *linked.values_list("to_object_id", flat=True),
        ]
        if pk.isdigit()
    } - {int(pk) for pk in ids}
    if others:
        paths |= set(Page.objects.filter(pk__in=others).values_list("path", flat=True))
    for path in paths:
        tags.add(f"node:{path}")
        tags.update(f"node:{path[:end]}" for end in range(4, len(path), 4))
    if seen_elsewhere:
        tags.add(f"under:{page.path}")
    slugs = set(tag_slugs(type(page), page.pk)) if page.pk and not deleted else set()
    if before is not None:
        slugs |= before["tags"]
    tags.update(f"tag:{slug}" for slug in slugs)
    extra = getattr(page, "dropped_on_change", None)
    if extra is not None:
        tags.update(extra(before, seen_elsewhere))
    return tags
