"""Uploaded files in an S3-compatible bucket (django-storages), when one is configured.

Only image files are public, the same folders that deploy/Caddyfile serves from the media
volume; documents stay private objects that the app streams after checking who asks.
"""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

PUBLIC_FOLDERS = ("images/", "original_images/")


class MediaStorage(S3Storage):
    """The bucket behind STORAGES["default"]; see association.settings.base.s3_media_storage."""

    # No signed URLs: a document's own URL must not open the file for an hour to whoever
    # holds it. Readers get documents from the app's views, never from the bucket.
    querystring_auth = False
    # Replacing a document under the same file name must not overwrite the earlier
    # version's object (home.members.models.DocumentVersion keeps its key).
    file_overwrite = False

    def get_default_settings(self):
        # object_acls: False for buckets that refuse ACLs (AWS's default, MinIO); their
        # policy must then make PUBLIC_FOLDERS readable and nothing else.
        return {**super().get_default_settings(), "object_acls": True}

    def is_public(self, name):
        return clean_name(name).startswith(PUBLIC_FOLDERS)

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if self.object_acls:
            parameters["ACL"] = "public-read" if self.is_public(name) else "private"
        return parameters
