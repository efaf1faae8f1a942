from django import template

from home.i18n import tags

register = template.Library()


@register.filter
def tag_name(tag):
    """`{{ tag|tag_name }}`: the tag's name in the reader's language (see home.i18n.tags)."""
    return tags.tag_name(tag)
