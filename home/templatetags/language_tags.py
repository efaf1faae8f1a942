from django import template

from home.i18n import alternate_links, language_links

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"languages": language_links(context["request"], context.get("page"))}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def hreflang_links(context):
    return {"alternates": alternate_links(context["request"], context.get("page"))}
