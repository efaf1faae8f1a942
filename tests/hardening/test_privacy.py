"""What members see is never kept by shared caches; dev media serves images only."""

from django.urls import resolve

import pytest

from programs.models.resolutions import ResolutionStatus
from tests.members.factories import DocumentFactory, member_user, resolution, resolution_index

pytestmark = pytest.mark.django_db


def test_a_members_view_of_a_resolution_is_private(client, home):
    page = resolution(resolution_index(home), ResolutionStatus.ADOPTED, document=DocumentFactory())
    anonymous = client.get(page.url)
    assert "private" not in anonymous.get("Cache-Control", "")
    client.force_login(member_user())
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.download_url in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_every_page_for_a_signed_in_user_is_private(client, home, member):
    client.force_login(member)
    for url in (home.url, "/ru/search/?q=устав", "/ru/account/password-reset/"):
        response = client.get(url)
        assert "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for folder in ("images", "original_images", "documents"):
        (tmp_path / folder).mkdir()
    (tmp_path / "images" / "photo.fill-100x100.webp").write_bytes(b"image")
    (tmp_path / "original_images" / "photo.jpg").write_bytes(b"original")
    (tmp_path / "documents" / "draft.pdf").write_bytes(b"%PDF draft")
    return tmp_path


@pytest.mark.urls("tests.hardening.dev_urls")
@pytest.mark.parametrize(
    "url",
    [
        "/media/documents/draft.pdf",
        "/media//documents/draft.pdf",
        "/media/./documents/draft.pdf",
        "/media/images/../documents/draft.pdf",
        "/media/images/%2E%2E/documents/draft.pdf",
        "/media/original_images/../documents/draft.pdf",
        "/media/images/.",
        "/media/images/",
        "/media/",
    ],
)
def test_dev_media_refuses_documents_however_the_path_is_spelled(client, media, url):
    response = client.get(url)
    # Unmatched, the address falls through to the language redirect and then a 404.
    assert response.status_code in (302, 404)
    assert b"PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


@pytest.mark.urls("tests.hardening.dev_urls")
def test_dev_media_serves_images(client, media):
    for url, body in (
        ("/media/images/photo.fill-100x100.webp", b"image"),
        ("/media/original_images/photo.jpg", b"original"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == body
    assert resolve("/media/images/photo.jpg", urlconf="tests.hardening.dev_urls")
