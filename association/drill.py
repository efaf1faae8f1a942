"""The restore drill: back up, restore into a fresh database and media folder, compare.

`make restore-drill` (the `restore_drill` command) and tests/production/test_restore_drill.py
run it on the demo site plus a set of changes. The comparison is of everything: every row of
every table (pages, revisions, documents and their versions, registrations, the download log,
images and renditions among them), every media file by SHA-256, every file the restored rows
name, and every image's rendition generated again from the restored original.
"""

import copy
import datetime
import hashlib
import io
import time
import uuid
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page

from PIL import Image as PillowImage
from reportlab.pdfgen import canvas

from home.backups import archive

# The tables the drill names in its report (all tables are compared).
COUNTED = {
    "pages": "wagtailcore.Page",
    "revisions": "wagtailcore.Revision",
    "documents": "home.AssociationDocument",
    "document versions": "home.DocumentVersion",
    "downloads": "home.DocumentDownload",
    "registrations": "programs.Registration",
    "images": "wagtailimages.Image",
    "renditions": "wagtailimages.Rendition",
}
# Columns naming media files, per model.
FILE_FIELDS = {
    "home.AssociationDocument": "file",
    "home.DocumentVersion": "file",
    "wagtailimages.Image": "file",
    "wagtailimages.Rendition": "file",
}
RESTORED = "restored"


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    files: int = 0
    renditions_generated: int = 0
    differences: list = field(default_factory=list)
    seconds: dict = field(default_factory=dict)

    def lines(self):
        yield "counts: " + ", ".join(f"{name} {count}" for name, count in self.counts.items())
        yield f"media files compared: {self.files}"
        yield f"renditions generated again from restored originals: {self.renditions_generated}"
        yield "times: " + ", ".join(f"{step} {value:.1f} s" for step, value in self.seconds.items())
        yield f"differences: {len(self.differences)}"
        yield from (f"  {difference}" for difference in self.differences[:50])


def _pdf(text):
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def _png(width, height, colour):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_changes():
    """What editors, members and readers do after the demo is loaded; a summary of it."""
    now = timezone.now()
    stamp = now.strftime("%Y-%m-%d %H:%M:%S")
    user = get_user_model().objects.filter(is_superuser=True).first()
    if user is None:
        user = get_user_model().objects.create_superuser("drill", "drill@example.org", None)

    page = Page.objects.live().filter(depth__gt=2).order_by("path").first().specific
    page.title = f"{page.title} (правка {stamp})"
    page.save_revision(user=user)

    document = apps.get_model("home", "AssociationDocument").objects.order_by("pk").first()
    document.file = ContentFile(_pdf(f"Drill {stamp}"), name="drill-new-version.pdf")
    document.save()

    settings_model = apps.get_model("programs", "RegistrationSettings")
    event = settings_model.objects.order_by("pk").first()
    registration_model = apps.get_model("programs", "Registration")
    for number in range(3):
        registration_model.objects.create(
            event=event,
            name=f"Участник учений {number}",
            email=f"drill-{number}-{uuid.uuid4().hex[:6]}@example.org",
            phone="+7 900 000-00-00",
            consent_at=now,
        )

    apps.get_model("home", "DocumentDownload").objects.create(
        user=user,
        username=user.get_username(),
        document=document,
        document_title=document.title,
    )

    image = get_image_model()(title=f"Снимок учений {stamp}", uploaded_by_user=user)
    image.file = ContentFile(_png(640, 480, (40, 90, 160)), name="drill-picture.png")
    image.save()
    image.get_rendition("fill-320x200")
    return {"page": page.pk, "document": document.pk, "image": image.pk}


def _digest(storage, name):
    digest = hashlib.sha256()
    with storage.open(name, "rb") as file:
        for block in iter(lambda: file.read(archive.CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _tables(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
        )
        return [row[0] for row in cursor.fetchall()]


def _rows(alias, table):
    """Each row of the table as (id or None, md5 of the whole row), sorted."""
    with connections[alias].cursor() as cursor:
        quoted = connections[alias].ops.quote_name(table)
        cursor.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name = %s AND column_name = 'id'",
            [table],
        )
        key = "t.id::text" if cursor.fetchone() else "NULL"
        cursor.execute(f"SELECT {key}, md5(t::text) FROM {quoted} t")  # noqa: S608
        return sorted(cursor.fetchall(), key=lambda row: (row[1], row[0] or ""))


def compare_databases(source, restored, report):
    source_tables, restored_tables = _tables(source), _tables(restored)
    for table in sorted(set(source_tables) ^ set(restored_tables)):
        report.differences.append(f"table {table}: only in one database")
    for table in sorted(set(source_tables) & set(restored_tables)):
        before, after = _rows(source, table), _rows(restored, table)
        if before == after:
            continue
        missing = sorted(set(before) - set(after))
        extra = sorted(set(after) - set(before))
        for key, _digest_value in missing:
            report.differences.append(f"table {table}: row {key} differs or is missing")
        for key, _digest_value in extra:
            if (key, _digest_value) not in missing:
                report.differences.append(f"table {table}: row {key} differs or is extra")
        if len(before) != len(after):
            report.differences.append(f"table {table}: {len(before)} rows, {len(after)} restored")
    for label, model in COUNTED.items():
        report.counts[label] = apps.get_model(model)._base_manager.using(restored).count()


def compare_media(source_storage, restored_storage, report):
    before = set(archive.media_names(source_storage))
    after = set(archive.media_names(restored_storage))
    for name in sorted(before - after):
        report.differences.append(f"media {name}: missing after restore")
    for name in sorted(after - before):
        report.differences.append(f"media {name}: only after restore")
    for name in sorted(before & after):
        if _digest(source_storage, name) != _digest(restored_storage, name):
            report.differences.append(f"media {name}: checksum differs")
    report.files = len(before)


def check_restored_files(restored, restored_storage, report):
    """Every file the restored rows name is there; every image renders again."""
    for model_label, field_name in FILE_FIELDS.items():
        model = apps.get_model(model_label)
        for pk, name in model._base_manager.using(restored).values_list("pk", field_name):
            if name and not restored_storage.exists(name):
                report.differences.append(f"{model_label} {pk}: file {name} not restored")
    spec = Filter(spec="fill-160x100")
    for image in get_image_model()._base_manager.using(restored).order_by("pk"):
        if not restored_storage.exists(image.file.name):
            continue
        try:
            with restored_storage.open(image.file.name, "rb") as original:
                rendition = image.generate_rendition_file(spec, source=File(original))
            rendition.seek(0)
            size = PillowImage.open(rendition).size
        except Exception as error:
            report.differences.append(f"image {image.pk}: rendition failed: {error}")
            continue
        if size != (160, 100):
            report.differences.append(f"image {image.pk}: rendition is {size}")
        report.renditions_generated += 1


def restored_connection(name):
    """Adds a connection alias for database `name` beside the default one."""
    settings_dict = copy.deepcopy(connections[DEFAULT_DB_ALIAS].settings_dict)
    settings_dict["NAME"] = name
    connections.settings[RESTORED] = settings_dict
    if hasattr(connections._connections, RESTORED):
        delattr(connections._connections, RESTORED)
    return settings_dict


def close_restored_connection():
    if RESTORED in connections.settings:
        connections[RESTORED].close()
        delattr(connections._connections, RESTORED)
        del connections.settings[RESTORED]


def create_database(name):
    with connections[DEFAULT_DB_ALIAS]._nodb_cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {connections[DEFAULT_DB_ALIAS].ops.quote_name(name)}")


def drop_database(name):
    with connections[DEFAULT_DB_ALIAS]._nodb_cursor() as cursor:
        quoted = connections[DEFAULT_DB_ALIAS].ops.quote_name(name)
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


def back_up_and_restore(target_dir, restored_db, restored_media, *, recipients=(), identities=()):
    """Backs the default database and media up into `target_dir` and restores them into the
    (empty, existing) database `restored_db` and folder `restored_media`; the times taken."""
    seconds = {}
    target = FileSystemStorage(location=target_dir)
    started = time.monotonic()
    manifest = archive.back_up(
        target,
        connections[DEFAULT_DB_ALIAS].settings_dict,
        default_storage,
        recipients=recipients,
        now=datetime.datetime.now(datetime.UTC),
    )
    seconds["backup"] = time.monotonic() - started
    settings_dict = restored_connection(restored_db)
    started = time.monotonic()
    archive.restore(
        target,
        manifest["name"],
        settings_dict,
        FileSystemStorage(location=restored_media),
        identities=identities,
    )
    seconds["restore"] = time.monotonic() - started
    return manifest, seconds


def compare(restored_media, report):
    """Compares the default database and media with the restored ones (alias RESTORED)."""
    started = time.monotonic()
    restored_storage = FileSystemStorage(location=restored_media)
    compare_databases(DEFAULT_DB_ALIAS, RESTORED, report)
    compare_media(default_storage, restored_storage, report)
    check_restored_files(RESTORED, restored_storage, report)
    report.seconds["compare"] = time.monotonic() - started
    return report
