from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from taggit.models import Tag

from home.i18n.tags import tag_name
from home.invalidation import note
from search.pages import as_datetime, tag_listing

FEED_ITEMS = 20


class TagFeed(Feed):
    """RSS of everything tagged with one tag in the active language, newest first."""

    def get_object(self, request, slug):
        note(request, f"tag:{slug}")
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404("Unknown tag")
        return tag

    def title(self, tag):
        return _("Tag “%(tag)s”") % {"tag": tag_name(tag)}

    def link(self, tag):
        return reverse("tag", args=[tag.slug])

    def description(self, tag):
        return _("News, programmes, meetings and documents tagged “%(tag)s”.") % {
            "tag": tag_name(tag)
        }

    def items(self, tag):
        return tag_listing(tag)[:FEED_ITEMS]

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.lead or ""

    def item_link(self, page):
        return page.get_url()

    def item_pubdate(self, page):
        return as_datetime(page.shown_date) if page.shown_date else None
