from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest

from programs.models import ResolutionPage, ResolutionStatus
from tests.members.factories import DocumentFactory, resolution_index

pytestmark = pytest.mark.django_db


def resolution_form(document):
    return nested_form_data(
        {
            "title": "О сетевых изданиях библиотек",
            "slug": "7-2025",
            "number": "7/2025",
            "date": "2025-05-20",
            "status": ResolutionStatus.ADOPTED,
            "adopted_at": "",
            "adopted_at_text": "Общее собрание ассоциации",
            "supersedes": "",
            "summary": "Рекомендации о сайтах и страницах библиотек в соцсетях.",
            "document": document.pk,
            "clauses": streamfield([]),
            "tags": "",
            "comments": inline_formset([]),
        }
    )


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("programs", "resolutionpage", index.pk))


def test_editor_adds_a_resolution_with_a_pdf(client, home, editor):
    index = resolution_index(home)
    client.force_login(editor)
    response = client.post(add_url(index), resolution_form(DocumentFactory()))
    assert response.status_code == 302, response.context["form"].errors
    assert ResolutionPage.objects.get(slug="7-2025").number == "7/2025"


def test_a_resolution_refuses_a_file_that_is_not_a_pdf(client, home, editor):
    index = resolution_index(home)
    docx = DocumentFactory(file=ContentFile(b"not a pdf", "report.docx"))
    client.force_login(editor)
    response = client.post(add_url(index), resolution_form(docx))
    assert response.status_code == 200
    assert "PDF" in str(response.context["form"].errors["document"])
    assert not ResolutionPage.objects.filter(slug="7-2025").exists()
