from django import template
from django.utils.translation import get_language

from wagtail.models import Site

from home.caching import cached
from home.i18n.languages import translated

register = template.Library()


def _site_frame(request):
    """The home page address and main menu of the active language, cached between changes.

    The localized home page falls back to the site root when the language has none yet.
    """
    site = Site.find_for_request(request)
    if site is None:
        return {"home_url": "/", "menu": []}

    def build():
        home = site.root_page.localized
        items = translated(home.get_children().live().public().in_menu())
        return {
            "home_url": home.get_url(request),
            "menu": [
                {
                    "title": item.title,
                    "url": item.get_url(request),
                    "url_path": item.url_path,
                    "slug": item.slug,
                }
                for item in items
            ],
        }

    return cached(request, f"frame:{site.pk}:{get_language()}", build)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    current = context.get("page")
    return {
        "items": _site_frame(context["request"])["menu"],
        "current_path": getattr(current, "url_path", ""),
    }


# The five things readers come for, in the order the home page offers them: the section of
# the main menu with this slug, what the reader does there (translated in the template).
MAIN_TASKS = ("news", "programmes", "clubs", "documents", "membership")


@register.inclusion_tag("includes/main_tasks.html", takes_context=True)
def main_tasks(context):
    """The home page's entry points: the main menu's sections for the five main tasks."""
    by_slug = {item.get("slug"): item for item in _site_frame(context["request"])["menu"]}
    return {"tasks": [(slug, by_slug[slug]) for slug in MAIN_TASKS if slug in by_slug]}


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context["request"]
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    site = Site.find_for_request(request)

    def build():
        return [
            {"title": ancestor.title, "url": ancestor.get_url(request), "depth": ancestor.depth}
            for ancestor in page.get_ancestors().filter(depth__gt=1)
        ]

    # By path, not id: a preview of a page not saved yet has a path but no id.
    ancestors = cached(request, f"crumbs:{site.pk if site else 0}:{page.path}", build)
    return {"ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def home_url(context):
    return _site_frame(context["request"])["home_url"]


@register.simple_tag
def page_numbers(items):
    """The page numbers a listing's pagination shows: the ends, the current page and its
    neighbours, a gap (Paginator.ELLIPSIS) for the rest."""
    return list(items.paginator.get_elided_page_range(items.number, on_each_side=2, on_ends=1))
