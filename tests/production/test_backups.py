"""Backups: what is kept, where they go, how each run is recorded and who sees it."""

import datetime
import io
import json
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.test import override_settings

import boto3
import pytest
import yaml
from moto import mock_aws
from pyrage import x25519

from home.backups import archive
from home.backups.models import BackupRun
from home.backups.retention import to_keep
from home.backups.service import prune, run_backup

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
UTC = datetime.UTC


def nightly(days, until=datetime.datetime(2026, 12, 7, 2, 30, tzinfo=UTC)):
    return [archive.name_for(until - datetime.timedelta(days=day)) for day in range(days)]


def test_retention_keeps_14_days_8_weeks_and_12_months_of_nightly_backups():
    names = nightly(3 * 365)
    kept = to_keep(names, archive.moment_of)
    moments = sorted((archive.moment_of(name) for name in kept), reverse=True)
    newest = moments[0]
    assert archive.name_for(newest) == "20261207T023000Z"
    # The last 14 nights, every one of them.
    assert [moment.date() for moment in moments[:14]] == [
        (newest - datetime.timedelta(days=day)).date() for day in range(14)
    ]
    weeks = {moment.isocalendar()[:2] for moment in moments}
    months = {(moment.year, moment.month) for moment in moments}
    assert len(weeks) >= 8 and len(months) == 12
    # Nothing older than the twelfth month back, and at most 14 + 8 + 12 backups.
    assert min(moments) >= datetime.datetime(2026, 1, 1, tzinfo=UTC)
    assert len(kept) <= 34
    # The oldest kept is the newest backup of its month (the month's last night).
    assert min(moments).date() == datetime.date(2026, 1, 31)


def test_retention_keeps_the_newest_of_several_backups_on_one_day():
    names = ["20261207T023000Z", "20261207T150000Z", "20261206T023000Z"]
    assert to_keep(names, archive.moment_of, daily=1, weekly=0, monthly=0) == {"20261207T150000Z"}


def fake_backup(target, name):
    target.save(f"{name}/database.dump", ContentFile(b"PGDMP"))
    target.save(f"{name}/{archive.MANIFEST}", ContentFile(b"{}"))


def test_pruning_deletes_what_retention_does_not_keep_and_leaves_incomplete_names_alone(tmp_path):
    target = FileSystemStorage(location=tmp_path)
    for name in nightly(60):
        fake_backup(target, name)
    (tmp_path / "notes").mkdir()
    deleted = prune(target)
    left = archive.backup_names(target)
    assert len(left) + len(deleted) == 60
    assert set(left) == to_keep(nightly(60), archive.moment_of)
    assert (tmp_path / "notes").is_dir()
    assert not (tmp_path / deleted[0]).exists()


@pytest.fixture
def site_media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "устав.pdf").write_bytes(b"%PDF-1.4 charter")
    return tmp_path / "media"


def test_a_backup_run_is_recorded_with_its_sizes(site_media, tmp_path, settings):
    settings.BACKUP_TARGET = str(tmp_path / "backups")
    run = run_backup(trigger=BackupRun.Trigger.MANUAL)
    assert run.status == BackupRun.Status.SUCCEEDED and run.finished_at
    assert run.media_files == 1 and run.database_bytes > 10_000 and not run.encrypted
    manifest = json.loads((tmp_path / "backups" / run.name / archive.MANIFEST).read_text())
    assert manifest["database"]["bytes"] == run.database_bytes
    assert (tmp_path / "backups" / run.name / "database.dump").read_bytes()[:5] == b"PGDMP"


def test_the_scheduler_enqueues_the_nightly_backup_and_the_worker_runs_it(
    site_media, tmp_path, settings, task_queue
):
    compose = yaml.safe_load((Path(settings.BASE_DIR) / "compose.yaml").read_text())
    scheduler = " ".join(compose["services"]["scheduler"]["command"])
    assert '[ "$$(date +%H)" = "02" ]' in scheduler
    assert "enqueue home.backups.tasks.back_up" in scheduler
    settings.BACKUP_TARGET = str(tmp_path / "backups")
    call_command("enqueue", "home.backups.tasks.back_up", stdout=io.StringIO())
    assert not BackupRun.objects.exists()
    task_queue()
    run = BackupRun.objects.get()
    assert run.trigger == BackupRun.Trigger.SCHEDULED
    assert run.status == BackupRun.Status.SUCCEEDED
    assert archive.backup_names(FileSystemStorage(location=tmp_path / "backups")) == [run.name]


def test_a_failed_run_is_recorded_and_leaves_no_half_backup(
    site_media, tmp_path, settings, monkeypatch
):
    settings.BACKUP_TARGET = str(tmp_path / "backups")
    with monkeypatch.context() as patch:
        patch.setitem(connections["default"].settings_dict, "NAME", "no_such_database_h34")
        with pytest.raises(archive.BackupError, match="no_such_database_h34"):
            run_backup()
    run = BackupRun.objects.get()
    assert run.status == BackupRun.Status.FAILED and "pg_dump" in run.error
    assert archive.backup_names(FileSystemStorage(location=tmp_path / "backups")) == []


def test_a_bucket_target_needs_recipients_and_gets_only_encrypted_files(site_media, settings):
    settings.BACKUP_TARGET = "s3://association-backups/site"
    with pytest.raises(ImproperlyConfigured, match="BACKUP_AGE_RECIPIENTS"):
        run_backup()
    assert BackupRun.objects.get().status == BackupRun.Status.FAILED

    identity = x25519.Identity.generate()
    settings.BACKUP_AGE_RECIPIENTS = str(identity.to_public())
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="association-backups")
        run = run_backup()
        keys = sorted(
            item["Key"] for item in s3.list_objects_v2(Bucket="association-backups")["Contents"]
        )
        assert keys == [
            f"site/{run.name}/database.dump.age",
            f"site/{run.name}/manifest.json",
            f"site/{run.name}/media.tar.age",
        ]
        body = s3.get_object(Bucket="association-backups", Key=keys[2])["Body"].read()
        assert body.startswith(b"age-encryption.org/v1") and b"charter" not in body
        target = archive.target_storage(settings.BACKUP_TARGET)
        assert archive.backup_names(target) == [run.name]
        restored = FileSystemStorage(location=site_media.parent / "restored")
        archive._restore_media(
            archive._fetch(
                target,
                archive.read_manifest(target, "latest"),
                "media",
                site_media.parent,
                [identity],
            ),
            restored,
        )
        assert restored.open("documents/устав.pdf").read() == b"%PDF-1.4 charter"
    assert run.encrypted


@override_settings(LANGUAGE_CODE="ru")
def test_administrators_see_the_backups_in_russian_and_editors_do_not(client, superuser, editor):
    BackupRun.objects.create(
        status=BackupRun.Status.FAILED, name="20261207T023000Z", error="pg_dump: no space"
    )
    client.force_login(superuser)
    response = client.get("/admin/snippets/home/backuprun/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Резервные копии" in page and "не удалась" in page
    client.force_login(editor)
    assert client.get("/admin/snippets/home/backuprun/").status_code in (302, 403)


def test_the_commands_refuse_what_would_go_wrong(settings, tmp_path):
    settings.BACKUP_TARGET = ""
    with pytest.raises(CommandError, match="BACKUP_TARGET"):
        call_command("backup", stdout=io.StringIO())
    assert BackupRun.objects.get().status == BackupRun.Status.FAILED
    # Checking a backup in a scratch database must not write into the live media.
    with pytest.raises(CommandError, match="--media-root"):
        call_command(
            "restore",
            "latest",
            "--target",
            str(tmp_path),
            "--database-url",
            "postgres://postgres@127.0.0.1/scratch",
            "--no-input",
        )
    with pytest.raises(CommandError, match="No complete backup"):
        call_command(
            "restore",
            "latest",
            "--target",
            str(tmp_path),
            "--media-root",
            str(tmp_path),
            "--no-input",
        )
