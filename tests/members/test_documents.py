import csv
import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

import pytest

from home.demo import make_pdf
from home.members.documents import content_disposition
from home.models import AssociationDocument, DocumentDownload, DocumentVersion
from tests.members.factories import DocumentFactory, member_user

pytestmark = pytest.mark.django_db


def upload(client, name, content, title="Резолюция"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def form_errors(response):
    return response.context["form"].errors["file"]


def test_a_real_pdf_is_accepted_and_its_text_extracted(client, editor):
    client.force_login(editor)
    pdf = make_pdf("Резолюция", ["Рекомендовать внедрить краеведческие маршруты"])
    response = upload(client, "Резолюция 3-2024.pdf", pdf)
    assert response.status_code == 302
    document = AssociationDocument.objects.get()
    assert "краеведческие маршруты" in document.extracted_text
    assert document.filename == "Резолюция_3-2024.pdf"
    assert document.file_size == len(pdf)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("resolution.pdf", b"MZ\x90\x00" + b"\x00" * 200, "не является PDF"),
        ("resolution.pdf", b"%PDF-1.7\nnot really a pdf", "повреждён"),
        ("resolution.exe", b"MZ\x90\x00" + b"\x00" * 200, "не поддерживается"),
        ("report.docx", b"MZ\x90\x00" + b"\x00" * 200, "не является настоящим"),
        ("resolution.pdf", b"", "пуст"),
    ],
    ids=["renamed-exe", "broken-pdf", "exe", "renamed-docx", "empty"],
)
def test_bad_uploads_are_refused_with_a_russian_message(client, editor, name, content, message):
    client.force_login(editor)
    response = upload(client, name, content)
    assert response.status_code == 200
    assert any(message in error for error in form_errors(response)), form_errors(response)
    assert not AssociationDocument.objects.exists()


def test_oversize_uploads_are_refused(client, editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    client.force_login(editor)
    response = upload(client, "big.pdf", make_pdf("Большой", ["Текст"] * 50))
    assert response.status_code == 200
    assert any("слишком большой" in error for error in form_errors(response))
    assert not AssociationDocument.objects.exists()


def test_replacing_the_file_keeps_the_earlier_one_as_a_version(client, editor):
    document = DocumentFactory(file=ContentFile(make_pdf("Проект", ["Старый текст"]), "v1.pdf"))
    old_name = document.file.name
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "file": SimpleUploadedFile("v2.pdf", make_pdf("Итог", ["Новый текст"])),
            "collection": document.collection_id,
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.filename == "v2.pdf"
    assert "Новый текст" in document.extracted_text
    version = DocumentVersion.objects.get(document=document)
    assert version.file.name == old_name
    assert version.file.storage.exists(old_name)
    assert version.replaced_by == editor
    assert version.uploaded_at <= version.replaced_at


def test_replacing_the_file_in_code_keeps_a_version_too():
    document = DocumentFactory()
    document.file = ContentFile(make_pdf("Итог", ["Окончательный текст"]), "final.pdf")
    document.save()
    assert document.versions.count() == 1
    assert "Окончательный текст" in document.extracted_text
    document.title = "Новое название"
    document.save()
    assert document.versions.count() == 1


def test_earlier_versions_are_for_editors_only(client, editor):
    document = DocumentFactory()
    document.file = ContentFile(make_pdf("Итог", ["Текст"]), "final.pdf")
    document.save()
    version = document.versions.get()
    url = version.url
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/ru/account/login/?next=")
    client.force_login(member_user())
    assert client.get(url).status_code == 403
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert DocumentDownload.objects.get().is_earlier_version


def test_cyrillic_file_names_survive_in_the_download_header():
    header = content_disposition("Резолюция 3-2024.pdf")
    assert header.startswith('attachment; filename="')
    assert "filename*=UTF-8''%D0%A0%D0%B5%D0%B7" in header
    assert header.encode("latin-1")


def test_download_report_lists_and_exports_downloads(client, editor):
    organisation_member = member_user()
    document = DocumentFactory(title="Резолюция клуба методистов")
    DocumentDownload.objects.create(
        user=organisation_member,
        username="member",
        organisation=organisation_member.member_profile.organisation,
        organisation_name=str(organisation_member.member_profile.organisation),
        document=document,
        document_title=document.title,
        filename=document.filename,
    )
    client.force_login(editor)
    response = client.get(reverse("document_downloads_report"))
    assert response.status_code == 200
    assert "Резолюция клуба методистов" in response.content.decode()
    response = client.get(reverse("document_downloads_report") + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][1] == "member"
    assert rows[1][3] == "Резолюция клуба методистов"
    filtered = client.get(
        reverse("document_downloads_report"), {"organisation": organisation_member.pk + 999}
    )
    assert filtered.status_code == 200


def test_download_report_is_closed_to_members(client):
    client.force_login(member_user())
    response = client.get(reverse("document_downloads_report"))
    assert response.status_code in (302, 403)
