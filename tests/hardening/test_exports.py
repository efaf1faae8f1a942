"""Spreadsheet exports: cells a spreadsheet would take for formulas are neutralised in CSV and
kept as text in XLSX, in every export of the admin."""

import csv
import io

from django.urls import reverse

import pytest
from openpyxl import load_workbook

from home.members.models import DocumentDownload
from home.members.roles import grant_snippet_permissions
from tests.programs.registration_helpers import event_with_registration, registration

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '=HYPERLINK("http://x","x")',
    "+7 495 000-00-00",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
]


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.fixture
def index(home):
    from tests.programs.factories import programme_index

    return programme_index(home)


def test_registration_export_neutralises_formulas_in_csv_and_keeps_text_in_xlsx(
    client, editor, index
):
    grant_snippet_permissions()
    _page, event = event_with_registration(index)
    for number, payload in enumerate(PAYLOADS):
        registration(event, name=payload, position=payload, email=f"r{number}@library.example")
    client.force_login(editor)
    url = "/admin/snippets/programs/registration/"
    rows = csv_rows(client.get(url, {"export": "csv"}))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert sorted(row[3] for row in rows[1:]) == sorted("'" + payload for payload in PAYLOADS)

    response = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    names = sorted(row[3].value for row in sheet.iter_rows(min_row=2))
    assert names == sorted(PAYLOADS)
    assert all(row[3].data_type == "s" for row in sheet.iter_rows(min_row=2))


def test_download_report_export_neutralises_formulas(client, editor):
    DocumentDownload.objects.create(
        username="=cmd|' /C calc'!A0", organisation_name="+1", document_title="@x", filename="-y"
    )
    client.force_login(editor)
    rows = csv_rows(client.get(reverse("document_downloads_report") + "?export=csv"))
    assert rows[1][1:5] == ["'=cmd|' /C calc'!A0", "'+1", "'@x", "'-y"]


def test_wagtail_s_own_exports_are_neutralised_too(client, superuser, home):
    home.title = "=1+1"
    home.save_revision().publish()
    client.force_login(superuser)
    rows = csv_rows(client.get("/admin/reports/site-history/", {"export": "csv"}))
    assert not [cell for row in rows[1:] for cell in row if cell.startswith("=")]
