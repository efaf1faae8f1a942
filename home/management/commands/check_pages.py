from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from wagtail.models import Page


class Command(BaseCommand):
    help = "Request every live public page and fail unless each answers 200."

    def handle(self, *args, **options):
        client = Client(SERVER_NAME="localhost")
        failures = []
        pages = Page.objects.live().public().filter(depth__gt=1).specific()
        for page in pages:
            url = page.get_url()
            if not url:
                continue
            status = client.get(url).status_code
            if status != 200:
                failures.append(f"{status} {url}")
        self.stdout.write(f"Checked {pages.count()} live pages.")
        if failures:
            raise CommandError("Pages that did not answer 200:\n" + "\n".join(failures))
