"""Behaviour every page type of the site shares, whichever app defines it."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404

from wagtail.models import PageViewRestriction


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
    """For an index page whose children are all of one type: route to a child in one query.

    Wagtail's `Page.route` fetches the child page, then its specific row; an index that
    knows its children's type fetches both at once, with what the child's page shows.
    Paths its own routable views answer (feeds, calendars) are left to them.
    """

    def routed_children(self):
        """The children's queryset: the specific type, with `select_related` as needed."""
        raise NotImplementedError

    def route(self, request, path_components):
        if self.live and path_components and not self._is_own_route(path_components):
            child = self.routed_children().child_of(self).filter(slug=path_components[0]).first()
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def _is_own_route(self, path_components):
        resolve_subpage = getattr(self, "resolve_subpage", None)
        if resolve_subpage is None:
            return False
        try:
            resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True
