import importlib
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Create or complete the demo site; safe to run again (nothing is duplicated)."

    def handle(self, *args, **options):
        # Each app owns its demo content in `<app>/demo.py` with a `load(command)` function;
        # discovering them keeps home/ free of imports from the apps built on top of it.
        for app in settings.LOCAL_APPS:
            module_name = f"{app}.demo"
            if importlib.util.find_spec(module_name) is None:
                continue
            self.stdout.write(f"{app}:")
            with transaction.atomic():
                importlib.import_module(module_name).load(self)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def progress(self, message):
        self.stdout.write(f"  {message}")
