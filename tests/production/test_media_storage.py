"""Media in an S3-compatible bucket: images public, member-only documents only through the app.

The bucket is moto's in-process fake: no request leaves the test process.
"""

import io
import runpy
from urllib.parse import urlsplit

from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

import boto3
import pytest
from moto import mock_aws
from PIL import Image as PILImage

from association.settings import base as base_settings
from association.settings.base import s3_media_storage
from association.storage import MediaStorage
from home.demo import make_pdf
from home.models import AssociationDocument
from programs.models import ResolutionStatus
from tests.members.factories import DocumentFactory, member_user, resolution, resolution_index

BUCKET = "association-media"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
S3_ENV = (
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN",
    "DJANGO_MEDIA_ACLS",
)


@pytest.fixture
def s3_env(monkeypatch):
    """Sets the storage variables of the README's table; the rest stay unset."""
    for name in S3_ENV:
        monkeypatch.delenv(name, raising=False)

    def set_env(**values):
        for name, value in values.items():
            monkeypatch.setenv(name, value)

    return set_env


@pytest.fixture
def bucket(s3_env, settings):
    """The settings that AWS_STORAGE_BUCKET_NAME produces, against an empty fake bucket."""
    s3_env(AWS_STORAGE_BUCKET_NAME=BUCKET, AWS_S3_REGION_NAME="eu-central-1")
    storage, _origins = s3_media_storage()
    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-central-1")
        s3.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
        )
        with override_settings(STORAGES={**settings.STORAGES, "default": storage}):
            yield s3


def keys(s3):
    return [item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])]


def readable_by_anyone(s3, key):
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


def jpeg(name="фото.jpg"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 600), (30, 90, 70)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Резолюция",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def settings_from_env():
    """association.settings.base run afresh, as a new process would read the environment."""
    return runpy.run_path(base_settings.__file__)


def test_without_a_bucket_media_stay_on_the_local_disk(s3_env):
    configured = settings_from_env()
    assert configured["STORAGES"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }
    assert configured["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'", "data:"]
    assert isinstance(default_storage, FileSystemStorage)


@pytest.mark.parametrize(
    ("env", "image_url"),
    [
        ({}, "https://association-media.s3.amazonaws.com/images/a.jpg"),
        (
            {"AWS_S3_REGION_NAME": "eu-central-1"},
            "https://association-media.s3.eu-central-1.amazonaws.com/images/a.jpg",
        ),
        (
            {"AWS_S3_ENDPOINT_URL": "https://storage.yandexcloud.net"},
            "https://storage.yandexcloud.net/association-media/images/a.jpg",
        ),
        (
            {"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"},
            "http://127.0.0.1:9000/association-media/images/a.jpg",
        ),
        (
            {
                "AWS_S3_ENDPOINT_URL": "https://storage.yandexcloud.net",
                "AWS_S3_CUSTOM_DOMAIN": "media.library-association.ru",
            },
            "https://media.library-association.ru/images/a.jpg",
        ),
    ],
    ids=["aws", "aws-region", "s3-compatible", "local-http", "custom-domain"],
)
def test_a_named_bucket_takes_the_media_and_the_pages_may_show_its_images(s3_env, env, image_url):
    s3_env(AWS_STORAGE_BUCKET_NAME=BUCKET, **env)
    configured = settings_from_env()
    storage = storages.create_storage(configured["STORAGES"]["default"])
    assert isinstance(storage, MediaStorage)
    assert storage.url("images/a.jpg") == image_url
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(image_url))
    assert origin in configured["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert origin in configured["ADMIN_CONTENT_SECURITY_POLICY"]["img-src"]
    assert configured["STORAGES"]["staticfiles"]["BACKEND"].startswith("whitenoise.")


def test_buckets_without_acls_get_none_and_rely_on_their_policy(s3_env):
    s3_env(AWS_STORAGE_BUCKET_NAME=BUCKET, DJANGO_MEDIA_ACLS="false")
    storage = storages.create_storage(s3_media_storage()[0])
    assert "ACL" not in storage.get_object_parameters("images/a.jpg")
    assert "ACL" not in storage.get_object_parameters("documents/a.pdf")


@pytest.mark.django_db
def test_uploaded_images_and_renditions_are_public_objects_in_the_bucket(bucket, client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Фото", "file": jpeg(), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    rendition = image.get_rendition("fill-200x150")
    assert image.file.name in keys(bucket)
    assert rendition.file.name in keys(bucket)
    assert image.file.name.startswith("original_images/")
    assert rendition.file.name.startswith("images/")
    assert readable_by_anyone(bucket, image.file.name)
    assert readable_by_anyone(bucket, rendition.file.name)
    assert rendition.url.startswith(f"https://{BUCKET}.s3.eu-central-1.amazonaws.com/images/")
    assert "?" not in rendition.url


@pytest.mark.django_db
def test_member_only_documents_are_private_in_the_bucket_and_served_by_the_app(
    bucket, client, editor, home
):
    pdf = make_pdf("Резолюция", ["Рекомендовать внедрить краеведческие маршруты"])
    client.force_login(editor)
    assert upload_document(client, "Резолюция 3-2024.pdf", pdf).status_code == 302
    client.logout()
    document = AssociationDocument.objects.get()
    assert "краеведческие маршруты" in document.extracted_text
    page = resolution(resolution_index(home), ResolutionStatus.ADOPTED, document=document)

    assert keys(bucket) == [document.file.name]
    assert document.file.name.startswith("documents/")
    assert not readable_by_anyone(bucket, document.file.name)

    assert document.url.startswith(f"/documents/{document.pk}/")
    for url in (document.url, page.download_url):
        response = client.get(url, follow=True)
        assert response.redirect_chain[-1][0].startswith("/ru/account/login/?next=")

    client.force_login(member_user())
    assert BUCKET not in client.get(page.url).content.decode()
    for url in (document.url, page.download_url):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert all(BUCKET not in location for location, _status in response.redirect_chain)
        assert response.getvalue() == pdf
        assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_other_documents_are_streamed_by_the_app_not_redirected_to_the_bucket(bucket, client):
    document = DocumentFactory()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert not readable_by_anyone(bucket, document.file.name)


@pytest.mark.django_db
def test_a_replaced_file_of_the_same_name_keeps_the_earlier_version_in_the_bucket(bucket):
    first = make_pdf("Проект", ["Первая редакция"])
    document = DocumentFactory(file=SimpleUploadedFile("Резолюция.pdf", first))
    document.file = SimpleUploadedFile("Резолюция.pdf", make_pdf("Итог", ["Вторая редакция"]))
    document.save()
    version = document.versions.get()
    assert version.file.name != document.file.name
    assert sorted(keys(bucket)) == sorted([version.file.name, document.file.name])
    with version.file.open("rb") as file:
        assert file.read() == first
