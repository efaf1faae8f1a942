"""Tags and editor-chosen related pages, the way articles, events and final documents have them.

Each page type still declares its own `tags` and its own Orderable of links: a
ClusterTaggableManager needs a through model with a ParentalKey to the concrete page, and so
does an inline list of links, so both stay one table per page type. The rest is shared here:
the panels, the search field, what translations synchronise, and reading the links.
"""

from django.db.models import OuterRef, QuerySet, Subquery

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.i18n.tags import TaggedPageMixin
from home.i18n.translations import localized_pages
from home.pages import public_pages
from home.panels import AddInlinePanel

TOPIC_SEARCH_FIELDS = [index.SearchField("tag_text")]


def topic_panels(links=None, label=None, add_label=""):
    """The tags field and, for a page type with links, their inline list."""
    panels = [FieldPanel("tags")]
    if links:
        panels.append(AddInlinePanel(links, label=label, add_label=add_label))
    return panels


def topic_synchronized_fields(links=None):
    """Tags and links are shared by every language version of a page."""
    fields = [SynchronizedField("tagged_items")]
    if links:
        fields.append(SynchronizedField(links))
    return fields


class TopicPageMixin(TaggedPageMixin):
    """For page types with `tags` (through a model whose related name is `tagged_items`) and,
    where `linked_pages_relation` names one, an Orderable of links to pages whose page field
    is `linked_page_field`."""

    linked_pages_relation = None
    linked_page_field = None

    def linked_pages(self):
        """Live, public pages the editor linked, in the editor's order, each in this page's
        language where it is translated (the links are synchronised)."""
        if self.linked_pages_relation is None:
            return []
        links = getattr(self, self.linked_pages_relation).all()
        target = f"{self.linked_page_field}_id"
        if not isinstance(links, QuerySet):  # a preview: the links live in memory only
            links = sorted(links, key=lambda link: (link.sort_order is None, link.sort_order or 0))
            ids = [getattr(link, target) for link in links]
            found = public_pages(Page.objects.live().filter(pk__in=ids)).in_bulk()
            return localized_pages([found[pk] for pk in ids if pk in found], self.locale_id)
        # The links and their pages in one query.
        order = links.filter(**{target: OuterRef("pk")}).values("sort_order")[:1]
        pages = Page.objects.live().filter(pk__in=links.values(target))
        pages = public_pages(pages).annotate(link_order=Subquery(order)).order_by("link_order")
        return localized_pages(pages, self.locale_id)
