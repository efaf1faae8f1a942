"""Backups of the database and the media, their retention, restore and the restore drill.

A backup is a PostgreSQL custom-format dump (pg_dump -Fc) and a tar archive of every file in
the media storage, written to a second place named by BACKUP_TARGET (a directory or an
S3-compatible bucket), encrypted to age recipients where the target is remote. Each run is a
`BackupRun` row shown to administrators in «Фоновые задачи»; see docs/operations/backups.md.
"""
