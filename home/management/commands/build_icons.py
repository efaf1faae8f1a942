from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from home.icons import write_icons


class Command(BaseCommand):
    help = "Draw the favicon set and the web manifest's icons into the static icons folder."

    def add_arguments(self, parser):
        default = Path(settings.BASE_DIR) / "association" / "static" / "icons"
        parser.add_argument("--output", default=str(default), help="Folder to write into.")

    def handle(self, *args, **options):
        for path in write_icons(options["output"]):
            self.stdout.write(str(path))
