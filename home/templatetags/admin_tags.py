from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def admin_site_name():
    """The admin's name for the site (WAGTAIL_SITE_NAME), whatever the Site record is named."""
    return settings.WAGTAIL_SITE_NAME
