"""The restore drill on the demo site plus changes: a backup restored into a fresh database
and media folder compares equal, and a planted difference is found."""

import uuid
from types import SimpleNamespace

from django.core.files.storage import FileSystemStorage
from django.db import DEFAULT_DB_ALIAS, connections

import pytest
from pyrage import x25519

from association import drill
from home.backups import archive
from tests.demo_site import demo_copy

# django_db: the test database is set up only for modules that ask for it.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(databases="__all__")]


@pytest.fixture(scope="module")
def drilled(demo_template, django_db_blocker, tmp_path_factory):
    """The demo with changes committed, backed up encrypted, restored into a fresh database."""
    work = tmp_path_factory.mktemp("drill")
    identity = x25519.Identity.generate()
    with django_db_blocker.unblock(), demo_copy(demo_template, work / "media"):
        changes = drill.make_changes()
        restored = f"{connections[DEFAULT_DB_ALIAS].settings_dict['NAME']}_r{uuid.uuid4().hex[:6]}"
        drill.create_database(restored)
        try:
            manifest, seconds = drill.back_up_and_restore(
                work / "target",
                restored,
                work / "restored-media",
                recipients=[identity.to_public()],
                identities=[identity],
            )
            yield SimpleNamespace(
                work=work,
                media=work / "restored-media",
                target=FileSystemStorage(location=work / "target"),
                manifest=manifest,
                changes=changes,
                identity=identity,
                seconds=seconds,
                blocker=django_db_blocker,
            )
        finally:
            drill.close_restored_connection()
            drill.drop_database(restored)


def compare(drilled):
    with drilled.blocker.unblock():
        return drill.compare(drilled.media, drill.Report())


def test_restored_site_compares_equal_with_the_changes_in_it(drilled):
    report = compare(drilled)
    assert report.differences == []
    counts = report.counts
    assert counts["pages"] > 20 and counts["revisions"] > counts["pages"] / 2
    assert counts["document versions"] >= 1 and counts["downloads"] >= 1
    assert counts["registrations"] >= 3 and counts["renditions"] >= 1
    # Every image's rendition was generated again from its restored original.
    assert report.renditions_generated == counts["images"] > 1
    assert report.files > 20
    with drilled.blocker.unblock():
        restored = drill.RESTORED
        image = (
            drill.get_image_model()._base_manager.using(restored).get(pk=drilled.changes["image"])
        )
        assert image.title.startswith("Снимок учений")


def test_a_changed_file_after_restore_fails_the_drill(drilled):
    planted = next(drilled.media.joinpath("documents").iterdir())
    original = planted.read_bytes()
    planted.write_bytes(original + b"\n")
    try:
        report = compare(drilled)
    finally:
        planted.write_bytes(original)
    name = planted.relative_to(drilled.media).as_posix()
    assert report.differences == [f"media {name}: checksum differs"]


def test_a_changed_row_after_restore_fails_the_drill(drilled):
    with drilled.blocker.unblock(), connections[drill.RESTORED].cursor() as cursor:
        cursor.execute(
            "UPDATE programs_registration SET name = name || '!' "
            "WHERE id = (SELECT max(id) FROM programs_registration) RETURNING id"
        )
        (changed,) = cursor.fetchone()
    try:
        report = compare(drilled)
    finally:
        with drilled.blocker.unblock(), connections[drill.RESTORED].cursor() as cursor:
            cursor.execute(
                "UPDATE programs_registration SET name = rtrim(name, '!') WHERE id = %s",
                [changed],
            )
    assert f"table programs_registration: row {changed} differs or is missing" in (
        report.differences
    )


def test_backup_is_encrypted_and_cannot_be_restored_without_the_identity(drilled, tmp_path):
    name = drilled.manifest["name"]
    for key in ("database", "media"):
        stored = drilled.target.path(f"{name}/{drilled.manifest[key]['file']}")
        assert stored.endswith(".age")
        with open(stored, "rb") as file:
            head = file.read(64)
        assert head.startswith(b"age-encryption.org/v1")
    media = FileSystemStorage(location=tmp_path)
    settings_dict = connections[DEFAULT_DB_ALIAS].settings_dict
    with pytest.raises(archive.BackupError, match="identity"):
        archive.restore(drilled.target, name, settings_dict, media)
    with pytest.raises(archive.BackupError, match="cannot decrypt"):
        archive.restore(
            drilled.target,
            name,
            settings_dict,
            media,
            identities=[x25519.Identity.generate()],
        )


def test_a_damaged_archive_is_refused_before_anything_is_restored(drilled, tmp_path):
    name = drilled.manifest["name"]
    stored = drilled.target.path(f"{name}/{drilled.manifest['media']['file']}")
    with open(stored, "rb") as file:
        original = file.read()
    with open(stored, "r+b") as file:
        file.seek(len(original) // 2)
        file.write(b"X")
    try:
        with pytest.raises(archive.BackupError, match="checksum differs"):
            archive.restore(
                drilled.target,
                name,
                connections[DEFAULT_DB_ALIAS].settings_dict,
                FileSystemStorage(location=tmp_path),
                identities=[drilled.identity],
            )
    finally:
        with open(stored, "wb") as file:
            file.write(original)
    assert not any(tmp_path.iterdir())
