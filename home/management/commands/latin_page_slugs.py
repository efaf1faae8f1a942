from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from home.text import latin_slug


class Command(BaseCommand):
    help = (
        "Give pages with Cyrillic slugs their Latin ones (as new pages get them); "
        "Wagtail's redirects answer the old addresses with 301."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only list the changes.")

    def handle(self, *args, dry_run=False, **options):
        # Parents first: a child's address is rebuilt from its parent's.
        pages = [page for page in Page.objects.order_by("path") if not page.slug.isascii()]
        for page in pages:
            page = page.specific
            old = page.slug
            if dry_run:
                self.stdout.write(f"{page.url_path}: {old} → {latin_slug(old) or 'page'}")
                continue
            with transaction.atomic():
                page.slug = ""  # regenerated from the title, Latin, unique among siblings
                page.save(update_fields=["slug", "url_path"])
            self.stdout.write(f"{old} → {page.slug}")
        self.stdout.write(f"{len(pages)} pages with Cyrillic slugs.")
