from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from home.typography import shorten
from home.typography import typograph as set_typography

register = template.Library()


@register.filter(is_safe=True)
def typograph(value):
    """Non-breaking spaces and dashes of Russian typography (home.typography), for titles,
    leads, captions and rich text alike: plain text is escaped first, HTML keeps its tags."""
    if value is None or value == "":
        return value
    return mark_safe(set_typography(conditional_escape(value)))  # noqa: S308 - escaped above


@register.filter(is_safe=True)
def midsentence(value):
    """A Russian month or phrase set in the middle of a sentence: «январь 2027», not «Январь
    2027» (month names are lower case in Russian); other languages keep their capitals."""
    text = str(value or "")
    if not text or not get_language().startswith("ru"):
        return value
    return text[0].lower() + text[1:]


@register.filter
def excerpt(value, words=30):
    """A lead or description shortened at a sentence's or phrase's end (home.typography)."""
    return shorten(value, int(words))
