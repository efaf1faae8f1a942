"""What the demo's consistency rules share (`manage.py check_demo_content`): pages rendered as
a reader or as the staff see them."""

import re

from django.contrib.auth import get_user_model
from django.test import Client

HEADING = re.compile(r"<h2[^>]*>\s*([^<]+?)\s*</h2>")


def rendered(page, as_staff=False):
    """The page's HTML, for an anonymous reader or for a superuser if the demo has one."""
    client = Client(SERVER_NAME="localhost")
    if as_staff:
        user = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
        if user is not None:
            client.force_login(user)
    response = client.get(page.get_url())
    return response.content.decode() if response.status_code == 200 else ""


def headings(html):
    return HEADING.findall(html)
