"""Writing a backup to its target and reading it back.

A backup is a folder in the target named by its UTC time (20261207T023000Z) holding
`database.dump` (pg_dump's custom format), `media.tar` (every file of the media storage) and
`manifest.json` (sizes and SHA-256 of the two, written last: a folder without it is
incomplete). With age recipients the two archives are encrypted (`.age`), so whoever holds
the target cannot read them; only the identity kept away from the server decrypts them.
age rather than our own framing on top of `cryptography`: its format is documented and kept,
and the operator can decrypt a backup with Debian's `age` tool alone, without this code.
"""

import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage

import pyrage
from pyrage import x25519

NAME_FORMAT = "%Y%m%dT%H%M%SZ"
NAME_PATTERN = re.compile(r"^\d{8}T\d{6}Z$")
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def name_for(moment):
    return moment.astimezone(datetime.UTC).strftime(NAME_FORMAT)


def moment_of(name):
    return datetime.datetime.strptime(name, NAME_FORMAT).replace(tzinfo=datetime.UTC)


def target_storage(target):
    """The storage behind BACKUP_TARGET: a directory, or `s3://bucket/prefix`.

    The bucket's keys come from BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY (or
    the machine's role), read here so that they never sit in the settings.
    """
    if target.startswith("s3://"):
        from storages.backends.s3 import S3Storage

        bucket, _slash, prefix = target.removeprefix("s3://").partition("/")
        return S3Storage(
            bucket_name=bucket,
            location=prefix.strip("/"),
            endpoint_url=os.environ.get("BACKUP_S3_ENDPOINT_URL") or None,
            region_name=os.environ.get("BACKUP_S3_REGION_NAME") or None,
            access_key=os.environ.get("BACKUP_S3_ACCESS_KEY_ID") or None,
            secret_key=os.environ.get("BACKUP_S3_SECRET_ACCESS_KEY") or None,
            default_acl="private",
            querystring_auth=True,
            file_overwrite=True,
        )
    return FileSystemStorage(location=target.removeprefix("file://"))


def is_remote(target):
    return target.startswith("s3://")


def recipients_from(text):
    """age recipients (public keys, `age1…`) separated by commas or spaces."""
    try:
        return [x25519.Recipient.from_str(item) for item in re.split(r"[\s,]+", text) if item]
    except Exception as error:
        raise ImproperlyConfigured(
            f"BACKUP_AGE_RECIPIENTS: not an age recipient: {error}"
        ) from None


def identities_from(path):
    """The age identities (`AGE-SECRET-KEY-…` lines) of an identity file."""
    lines = Path(path).read_text().splitlines()
    keys = [line.strip() for line in lines if line.strip().startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise BackupError(f"{path}: no AGE-SECRET-KEY line")
    return [x25519.Identity.from_str(key) for key in keys]


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _connection_env(settings_dict):
    """pg_dump's and pg_restore's connection as libpq variables (no password on argv)."""
    if settings_dict["ENGINE"] not in {"association.database", "django.db.backends.postgresql"}:
        raise BackupError("Backups need PostgreSQL (DATABASE_URL); SQLite is not backed up.")
    env = {**os.environ, "PGDATABASE": settings_dict["NAME"]}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    return env


def _run(command, env):
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} not found (Debian: postgresql-client)")
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode:
        raise BackupError(f"{' '.join(command[:2])}: {done.stderr.strip()[-1500:]}")
    return done


def media_names(storage, folder=""):
    """Every file of `storage`, depth first, with forward slashes."""
    directories, files = storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for directory in sorted(directories):
        yield from media_names(storage, f"{folder}/{directory}" if folder else directory)


def _archive_media(storage, path):
    count = 0
    with tarfile.open(path, "w") as archive:
        for name in media_names(storage):
            info = tarfile.TarInfo(name)
            info.size = storage.size(name)
            info.mode = 0o644
            with storage.open(name, "rb") as file:
                archive.addfile(info, file)
            count += 1
    return count


def _seal(path, recipients):
    """Encrypts `path` to the recipients in place of it; returns the new path."""
    if not recipients:
        return path
    sealed = path.with_name(path.name + ".age")
    with open(path, "rb") as source, open(sealed, "wb") as target:
        pyrage.encrypt_io(source, target, recipients)
    path.unlink()
    return sealed


def back_up(target, database_settings, media, *, recipients=(), now):
    """Writes one backup of the database and `media` to the `target` storage.

    Returns the manifest. A failure removes what was written of this backup.
    """
    name = name_for(now)
    with tempfile.TemporaryDirectory(prefix="backup-") as work:
        work = Path(work)
        dump = work / "database.dump"
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"],
            _connection_env(database_settings),
        )
        tar = work / "media.tar"
        files = _archive_media(media, tar)
        manifest = {
            "name": name,
            "created_at": now.isoformat(),
            "encrypted": bool(recipients),
            "media_files": files,
        }
        try:
            for key, path in (("database", dump), ("media", tar)):
                stored = _seal(path, recipients)
                with open(stored, "rb") as file:
                    saved = target.save(f"{name}/{stored.name}", File(file))
                manifest[key] = {
                    "file": saved.rpartition("/")[2],
                    "bytes": stored.stat().st_size,
                    "sha256": _sha256(stored),
                }
                stored.unlink()
            manifest_file = work / MANIFEST
            manifest_file.write_text(json.dumps(manifest, indent=2))
            with open(manifest_file, "rb") as file:
                target.save(f"{name}/{MANIFEST}", File(file))
        except BaseException:
            delete_backup(target, name)
            raise
    return manifest


def backup_names(target):
    """Names of the complete backups in the target, oldest first."""
    try:
        directories, _files = target.listdir("")
    except FileNotFoundError:
        return []
    return sorted(
        name
        for name in directories
        if NAME_PATTERN.match(name) and target.exists(f"{name}/{MANIFEST}")
    )


def delete_backup(target, name):
    try:
        _directories, files = target.listdir(name)
    except FileNotFoundError:
        return
    for file in files:
        target.delete(f"{name}/{file}")
    if isinstance(target, FileSystemStorage):
        Path(target.path(name)).rmdir()


def read_manifest(target, name):
    if name == "latest":
        names = backup_names(target)
        if not names:
            raise BackupError("No complete backup in the target.")
        name = names[-1]
    if not target.exists(f"{name}/{MANIFEST}"):
        raise BackupError(f"No complete backup named {name} in the target.")
    with target.open(f"{name}/{MANIFEST}", "rb") as file:
        return json.load(file)


def _fetch(target, manifest, key, work, identities):
    """Copies an archive out of the target, checks its checksum, decrypts it; its path."""
    entry = manifest[key]
    fetched = work / entry["file"]
    stored = f"{manifest['name']}/{entry['file']}"
    with target.open(stored, "rb") as source, open(fetched, "wb") as copy:
        shutil.copyfileobj(source, copy, CHUNK)
    if _sha256(fetched) != entry["sha256"]:
        raise BackupError(f"{entry['file']}: checksum differs from the manifest; not restored.")
    if not manifest["encrypted"]:
        return fetched
    if not identities:
        raise BackupError("The backup is encrypted: give the age identity (--identity).")
    opened = fetched.with_suffix("")
    try:
        with open(fetched, "rb") as source, open(opened, "wb") as plain:
            pyrage.decrypt_io(source, plain, identities)
    except pyrage.DecryptError as error:
        raise BackupError(f"{entry['file']}: cannot decrypt: {error}") from None
    fetched.unlink()
    return opened


def restore(target, name, database_settings, media, *, identities=(), clean=False):
    """Restores backup `name` (or "latest") into the database and the `media` storage.

    With `clean`, objects of the database are dropped and recreated (an existing site);
    without, the database must be empty (a fresh one). In one transaction either way: a
    failed restore leaves the database as it was. Media files of the same name are replaced;
    others are left alone. Returns the manifest.
    """
    manifest = read_manifest(target, name)
    with tempfile.TemporaryDirectory(prefix="restore-") as work:
        work = Path(work)
        dump = _fetch(target, manifest, "database", work, identities)
        tar = _fetch(target, manifest, "media", work, identities)
        _restore_database(dump, work, database_settings, clean)
        _restore_media(tar, media)
    return manifest


def _restore_database(dump, work, database_settings, clean):
    """pg_restore in one transaction, then the materialized views filled again: pg_restore
    refreshes them with an empty search_path, where their unqualified tables are not found."""
    env = _connection_env(database_settings)
    listing = _run(["pg_restore", "--list", str(dump)], env).stdout.splitlines()
    views = [line.split()[-3:-1] for line in listing if " MATERIALIZED VIEW DATA " in line]
    kept = [line for line in listing if " MATERIALIZED VIEW DATA " not in line]
    (work / "restore.list").write_text("\n".join(kept) + "\n")
    command = ["pg_restore", "--no-owner", "--no-privileges", "--single-transaction"]
    if clean:
        command += ["--clean", "--if-exists"]
    command += [f"--use-list={work / 'restore.list'}", f"--dbname={env['PGDATABASE']}"]
    _run([*command, str(dump)], env)
    for schema, name in views:
        _run(
            [
                "psql",
                "-v",
                "ON_ERROR_STOP=1",
                "-qc",
                f'REFRESH MATERIALIZED VIEW "{schema}"."{name}"',
            ],
            env,
        )


def _restore_media(path, media):
    with tarfile.open(path, "r") as archive:
        for member in archive:
            if not member.isfile():
                continue
            name = member.name
            if name.startswith("/") or ".." in name.split("/"):
                raise BackupError(f"Unsafe file name in the media archive: {name}")
            if media.exists(name):
                media.delete(name)
            saved = media.save(name, File(archive.extractfile(member)))
            if saved != name:
                raise BackupError(f"Media file {name} was stored as {saved}.")


def storage_label(storage: Storage):
    return getattr(storage, "location", "") or type(storage).__name__
