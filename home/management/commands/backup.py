from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from home.backups import archive
from home.backups.models import BackupRun
from home.backups.service import configured_target, run_backup


class Command(BaseCommand):
    help = (
        "Back up the database and the media to BACKUP_TARGET now and prune old backups, "
        "as the nightly task does; --list shows the backups in the target."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="list the backups, newest last")

    def handle(self, *args, list, **options):
        try:
            if list:
                target = archive.target_storage(configured_target())
                for name in archive.backup_names(target):
                    manifest = archive.read_manifest(target, name)
                    self.stdout.write(
                        f"{name}  database {manifest['database']['bytes']} B  media "
                        f"{manifest['media']['bytes']} B ({manifest['media_files']} files)"
                        f"{'  encrypted' if manifest['encrypted'] else ''}"
                    )
                return
            run = run_backup(trigger=BackupRun.Trigger.MANUAL)
        except (ImproperlyConfigured, archive.BackupError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup {run.name} written to {run.target} in {run.seconds} s: database "
            f"{run.database_bytes} B, media {run.media_bytes} B ({run.media_files} files)"
            + (f"; deleted {run.pruned}" if run.pruned else "")
        )
