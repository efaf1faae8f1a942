"""A backup run as the scheduler and `manage.py backup` start it: recorded, then pruned."""

import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from home.backups import archive
from home.backups.models import BackupRun
from home.backups.retention import to_keep

logger = logging.getLogger(__name__)


def configured_target():
    if not settings.BACKUP_TARGET:
        raise ImproperlyConfigured("BACKUP_TARGET is not set: there is nowhere to back up to.")
    return settings.BACKUP_TARGET


def recipients():
    """age recipients; required for a remote target, whose files leave the server."""
    found = archive.recipients_from(settings.BACKUP_AGE_RECIPIENTS)
    if archive.is_remote(settings.BACKUP_TARGET) and not found:
        raise ImproperlyConfigured(
            "BACKUP_AGE_RECIPIENTS must be set for a bucket: backups leave the server "
            "only encrypted."
        )
    return found


def prune(target):
    """Deletes the backups retention does not keep; their names."""
    names = archive.backup_names(target)
    kept = to_keep(
        names,
        archive.moment_of,
        daily=settings.BACKUP_KEEP_DAILY,
        weekly=settings.BACKUP_KEEP_WEEKLY,
        monthly=settings.BACKUP_KEEP_MONTHLY,
    )
    deleted = [name for name in names if name not in kept]
    for name in deleted:
        archive.delete_backup(target, name)
    return deleted


def run_backup(trigger=BackupRun.Trigger.SCHEDULED):
    """Backs up the database and the media, records the run, prunes old backups.

    Raises on failure after recording it, so the task shows as failed as well.
    """
    run = BackupRun.objects.create(trigger=trigger, target=settings.BACKUP_TARGET)
    try:
        target = archive.target_storage(configured_target())
        sealed_to = recipients()
        manifest = archive.back_up(
            target,
            connections[DEFAULT_DB_ALIAS].settings_dict,
            default_storage,
            recipients=sealed_to,
            now=run.started_at,
        )
        run.name = manifest["name"]
        run.encrypted = manifest["encrypted"]
        run.database_bytes = manifest["database"]["bytes"]
        run.media_bytes = manifest["media"]["bytes"]
        run.media_files = manifest["media_files"]
        run.pruned = ", ".join(prune(target))[:2000]
        run.status = BackupRun.Status.SUCCEEDED
    except Exception as error:
        run.status = BackupRun.Status.FAILED
        run.error = f"{type(error).__name__}: {error}"[:5000]
        logger.error("Backup failed: %s", run.error)
        raise
    finally:
        run.finished_at = timezone.now()
        run.save()
    return run


def last_success():
    return BackupRun.objects.filter(status=BackupRun.Status.SUCCEEDED).first()
