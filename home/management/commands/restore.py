from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

import dj_database_url

from home.backups import archive


class Command(BaseCommand):
    help = (
        "Restore a backup (its name, or latest) from BACKUP_TARGET into the database and the "
        "media storage, replacing what is there. Stop the app, the worker and the scheduler "
        "first (docs/operations/backups.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="the backup's name (see `backup --list`) or latest")
        parser.add_argument("--identity", help="age identity file, for an encrypted backup")
        parser.add_argument("--target", help="where the backups are (default: BACKUP_TARGET)")
        parser.add_argument(
            "--database-url", help="restore into this database instead (e.g. a fresh one)"
        )
        parser.add_argument("--media-root", help="restore the media into this folder instead")
        parser.add_argument("--no-input", action="store_true", help="do not ask to confirm")

    def handle(self, *args, name, identity, target, database_url, media_root, **options):
        target = target or settings.BACKUP_TARGET
        if not target:
            raise CommandError("Name the backups' place: --target or BACKUP_TARGET.")
        if database_url and not media_root:
            # A check of a backup in a scratch database must not overwrite the live media.
            raise CommandError("With --database-url, name the media folder too: --media-root.")
        database = connections[DEFAULT_DB_ALIAS].settings_dict
        if database_url:
            database = dj_database_url.parse(database_url)
        media = FileSystemStorage(location=media_root) if media_root else default_storage
        if not options["no_input"]:
            answer = input(
                f"Replace the contents of database {database['NAME']} and of the media with "
                f"backup {name}? Type yes: "
            )
            if answer.strip() != "yes":
                raise CommandError("Not restored.")
        try:
            identities = archive.identities_from(identity) if identity else ()
            manifest = archive.restore(
                archive.target_storage(target),
                name,
                database,
                media,
                identities=identities,
                clean=True,
            )
        except archive.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored backup {manifest['name']}: database into {database['NAME']}, "
            f"{manifest['media_files']} media files. Run `manage.py migrate` next."
        )
