"""The nightly backup on the task queue; the scheduler enqueues it (docs/operations/backups.md)."""

from django_tasks import task

from home.backups.service import run_backup


@task()
def back_up():
    """Back up the database and the media to BACKUP_TARGET and prune old backups."""
    run = run_backup()
    return {"name": run.name, "database_bytes": run.database_bytes, "pruned": run.pruned}
