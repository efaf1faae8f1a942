from django import template

from home.lowvision import html_classes

register = template.Library()


@register.simple_tag(takes_context=True)
def low_vision_classes(context):
    """The low-vision mode's classes for <html> from the no-script cookie (home.lowvision)."""
    return html_classes(context.get("request"))
