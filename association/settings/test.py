from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LETTER_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = ""

# Tests never share the machine's Redis: the page cache is off unless a test turns it on.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
PAGE_CACHE_ENABLED = False
SHARED_FRAGMENTS = False
# One process, and the cache (with the content version) is emptied before each test.
CONTENT_MEMO = True
# Axes stays on; this subclass only lets the test client's login(), which passes no
# request, through (tests.production.auth).
AUTHENTICATION_BACKENDS = [
    "tests.production.auth.AxesTestBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# The intake's test servers run on 127.0.0.1: no pause between requests, short waits.
NEWS_INTAKE = {
    **NEWS_INTAKE,  # noqa: F405
    "HOST_DELAY": 0,
    "READ_TIMEOUT": 1,
    "TOTAL_TIMEOUT": 3,
    "MAX_BYTES": 512 * 1024,
    # The sample sites are served on 127.0.0.1: allowed here explicitly (never in base.py).
    "DEV_HOSTS": {"127.0.0.1": "127.0.0.1", "localhost": "127.0.0.1"},
    # Tests run in one database transaction, which other threads cannot see.
    "WORKERS": 1,
}

# Test databases are thrown away: commits need not wait for the write-ahead log to reach
# the disk, which is most of the time a migration or a transactional test spends.
if DATABASES["default"]["ENGINE"] == "association.database":  # noqa: F405
    _options = DATABASES["default"]["OPTIONS"]  # noqa: F405
    _options["options"] = f"{_options.get('options', '')} -c synchronous_commit=off".strip()
