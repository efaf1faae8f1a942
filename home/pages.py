"""Behaviour every page type of the site shares, whichever app defines it."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404

from wagtail.models import Page, PageViewRestriction

from home.caching import cached

# What Wagtail accepts as a slug (letters in any script, digits, "_" and "-").
SLUG = re.compile(r"[-\w]{1,255}")


def public_pages(pages):
    """Like `PageQuerySet.public()`, but one subquery instead of a query for the restrictions.

    A page is private when a view restriction sits on it or on an ancestor, i.e. on a page
    whose path is a prefix of its path.
    """
    restrictions = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restrictions))


class SitePageMixin:
    """Mixed into every page class, before `Page`."""

    def get_view_restrictions(self):
        # Wagtail reads the ancestors, then their restrictions: two queries on every page it
        # serves. The ancestors' paths are prefixes of this page's path, so one query does.
        # As in Wagtail, an alias obeys its source page's restrictions and has none of its own.
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()


class OneQueryChildRouteMixin:
    """Route to a child page in one query instead of Wagtail's two (the page, then its row).

    An index whose children are all of one type names it in `routed_children()`, with what the
    child's page shows. Other pages (the home page) learn a child's type from the content
    cache, which any rename, move or deletion empties. Paths the page's own routable views
    answer (feeds, calendars) are left to them.
    """

    def routed_children(self):
        """The children's queryset: one specific type, with `select_related` as needed; None
        when the children are of several types."""
        return None

    def route(self, request, path_components):
        if self.live and path_components and not self._is_own_route(path_components):
            children = self.routed_children()
            if children is None:
                children = self._children_of_the_type_of(request, path_components[0])
            child = None
            if children is not None:
                child = children.child_of(self).filter(slug=path_components[0]).first()
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def _children_of_the_type_of(self, request, slug):
        if not SLUG.fullmatch(slug):  # no page has it; and cache keys stay clean
            return None

        def content_type():
            children = Page.objects.child_of(self).filter(slug=slug)
            return children.values_list("content_type_id", flat=True).first()

        # Unknown slugs are not remembered (see `cached`): they cost Wagtail's usual query.
        content_type_id = cached(request, f"child-type:{self.pk}:{slug}", content_type)
        if content_type_id is None:
            return None
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        return model.objects.all() if model is not None else None

    def _is_own_route(self, path_components):
        resolve_subpage = getattr(self, "resolve_subpage", None)
        if resolve_subpage is None:
            return False
        try:
            resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True
