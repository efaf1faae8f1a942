from django import template

from search.pages import popular_tags as most_used_tags

register = template.Library()


@register.inclusion_tag("search/tags/popular_tags.html")
def popular_tags(limit=10):
    """The most used tags of the active language, across news, programmes and documents."""
    return {"tags": most_used_tags(limit)}
