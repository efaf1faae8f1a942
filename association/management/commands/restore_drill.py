import tempfile
import time
import uuid
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import override_settings

from pyrage import x25519

from association import drill


class Command(BaseCommand):
    help = (
        "The restore drill (make restore-drill): the demo site plus changes in a scratch "
        "database, backed up encrypted, restored into a fresh database and media folder and "
        "compared; fails on any difference. PostgreSQL only; the scratch databases are dropped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--plant",
            action="store_true",
            help="change one restored file before comparing, to see the drill fail",
        )

    def handle(self, *args, plant, **options):
        default = connections[DEFAULT_DB_ALIAS]
        if default.vendor != "postgresql":
            raise CommandError("The restore drill needs PostgreSQL (DATABASE_URL).")
        base = f"{default.settings_dict['NAME']}_drill_{uuid.uuid4().hex[:6]}"
        source, restored = f"{base}_source", f"{base}_restored"
        original = default.settings_dict["NAME"]
        report = drill.Report()
        with tempfile.TemporaryDirectory(prefix="restore-drill-") as work:
            work = Path(work)
            drill.create_database(source)
            drill.create_database(restored)
            try:
                default.close()
                default.settings_dict["NAME"] = source
                with override_settings(MEDIA_ROOT=work / "media"):
                    started = time.monotonic()
                    call_command("migrate", verbosity=0)
                    call_command("load_demo_content", stdout=StringIO())
                    drill.make_changes()
                    report.seconds["demo and changes"] = time.monotonic() - started
                    identity = x25519.Identity.generate()
                    manifest, seconds = drill.back_up_and_restore(
                        work / "target",
                        restored,
                        work / "restored-media",
                        recipients=[identity.to_public()],
                        identities=[identity],
                    )
                    report.seconds.update(seconds)
                    if plant:
                        planted = next((work / "restored-media" / "documents").iterdir())
                        planted.write_bytes(planted.read_bytes() + b"\n")
                    drill.compare(work / "restored-media", report)
            finally:
                drill.close_restored_connection()
                default.close()
                default.settings_dict["NAME"] = original
                drill.drop_database(source)
                drill.drop_database(restored)
        self.stdout.write(
            f"backup {manifest['name']}: database dump {manifest['database']['bytes']} B, "
            f"media archive {manifest['media']['bytes']} B, encrypted with age"
        )
        for line in report.lines():
            self.stdout.write(line)
        if report.differences:
            raise CommandError(f"Restore drill: {len(report.differences)} differences.")
        self.stdout.write("Restore drill passed: zero differences.")
