from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
# runserver's address (`make run`): absolute links in feeds, the sitemap and calendars.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")  # noqa: F405
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL)  # noqa: F405
LETTER_BACKEND = os.environ.get(  # noqa: F405
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# `manage.py serve_intake_samples` serves the sample member sites on 127.0.0.1.
NEWS_INTAKE = {
    **NEWS_INTAKE,  # noqa: F405
    "DEV_HOSTS": {"127.0.0.1": "127.0.0.1", "localhost": "127.0.0.1"},
}
