from django import template

from wagtail.models import Page, Site

from home.i18n import translated

register = template.Library()


def _home_for(request):
    """The home page of the active language, falling back to the site root.

    Remembered on the request, since the header, menu and footer all need it.
    """
    if not hasattr(request, "_localized_home"):
        site = Site.find_for_request(request)
        request._localized_home = site.root_page.localized if site else None
    return request._localized_home


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _home_for(request)
    current = context.get("page")
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    items = translated(items)
    return {
        "home": home,
        "items": items,
        "current_path": getattr(current, "url_path", ""),
        "request": request,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}
    return {"ancestors": page.get_ancestors().filter(depth__gt=1), "page": page}


@register.simple_tag(takes_context=True)
def home_url(context):
    home = _home_for(context["request"])
    return home.url if home else "/"
