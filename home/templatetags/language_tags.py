from django import template
from django.utils.html import format_html

from home.i18n.languages import alternate_links, language_links, locale_codes

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"languages": language_links(context["request"], context.get("page"))}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def hreflang_links(context):
    return {"alternates": alternate_links(context["request"], context.get("page"))}


@register.simple_tag(takes_context=True)
def other_language(context, target):
    """` lang="ru" hreflang="ru"` on a link to `target` when it is in another language than
    the page showing it: an English page links to the Russian original where no translation
    exists yet, and screen readers must read its title in Russian (WCAG 3.1.2)."""
    page = context.get("page")
    if page is None or target is None or target.locale_id == page.locale_id:
        return ""
    code = locale_codes(context.get("request")).get(target.locale_id)
    return format_html(' lang="{}" hreflang="{}"', code, code) if code else ""
