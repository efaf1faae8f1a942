"""Proves the demo content consistent with itself and the calendar. Each app lists its rules in
`<app>/demo/checks.py` (`CHECKS`: functions returning the contradictions found, as sentences),
found by app as the demo's loader finds its hooks."""

import importlib
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def contradictions():
    found = []
    for app in settings.LOCAL_APPS:
        name = f"{app}.demo.checks"
        if (
            importlib.util.find_spec(f"{app}.demo") is None
            or importlib.util.find_spec(name) is None
        ):
            continue
        for check in importlib.import_module(name).CHECKS:
            found += check()
    return found


class Command(BaseCommand):
    help = "Fail if the demo content contradicts itself or the calendar."

    def handle(self, *args, **options):
        found = contradictions()
        if found:
            raise CommandError("The demo content contradicts itself:\n- " + "\n- ".join(found))
        self.stdout.write("The demo content is consistent.")
