"""Settings shared by every environment; safe for production and driven by the environment.

Every variable read here and in security.py is listed in the README's table.
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.functional import lazy

import dj_database_url

from association.settings.env import env_bool, env_list
from association.settings.security import (
    AUTHENTICATION_BACKENDS,
    AXES_CLIENT_IP_CALLABLE,
    AXES_COOLOFF_TIME,
    AXES_ENABLE_ADMIN,
    AXES_FAILURE_LIMIT,
    AXES_HANDLER,
    AXES_LOCKOUT_CALLABLE,
    AXES_LOCKOUT_PARAMETERS,
    AXES_RESET_ON_SUCCESS,
    AXES_USERNAME_CALLABLE,
    CSRF_COOKIE_HTTPONLY,
    LOGIN_ADDRESS_FAILURE_LIMIT,
    PERMISSIONS_POLICY,
    SECURE_CONTENT_TYPE_NOSNIFF,
    SECURE_REFERRER_POLICY,
    SECURITY_TXT_CONTACT,
    SECURITY_TXT_EXPIRES,
    SESSION_COOKIE_HTTPONLY,
    TRUSTED_PROXY_COUNT,
    X_FRAME_OPTIONS,
    admin_content_security_policy,
    content_security_policy,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "association"


def s3_media_storage():
    """STORAGES["default"] for media in an S3-compatible bucket, and the origins of its images.

    Image URLs always name one fixed host (AWS_S3_CUSTOM_DOMAIN, the endpoint with the bucket
    in the path, or AWS's own host for the bucket), so the Content-Security-Policy can allow
    it. Keys are left to boto3, which reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or a
    role) itself, so they never sit in the settings shown on error pages.
    """
    bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
    endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL", ""))
    region = os.environ.get("AWS_S3_REGION_NAME", "")
    domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip("/")
    protocol = "https:"
    if not domain and endpoint.netloc:
        domain = f"{endpoint.netloc}{endpoint.path.rstrip('/')}/{bucket}"
        protocol = f"{endpoint.scheme}:"
    elif not domain:
        domain = f"{bucket}.s3.{region}.amazonaws.com" if region else f"{bucket}.s3.amazonaws.com"
    storage = {
        "BACKEND": "association.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint.geturl() or None,
            "region_name": region or None,
            "custom_domain": domain,
            "url_protocol": protocol,
            "object_acls": env_bool("DJANGO_MEDIA_ACLS", True),
        },
    }
    return storage, [f"{protocol}//{domain.split('/')[0]}"]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The site's own apps, in dependency order: demo content is loaded in this order too.
LOCAL_APPS = ["home", "programs", "news", "search"]

INSTALLED_APPS = LOCAL_APPS + [
    "association",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "home.apps.UsersConfig",  # wagtail.users with the member organisation on user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "home.apps.AdminConfig",  # wagtail.admin without the duplicate submission letter
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Answers the Prometheus endpoint (token or monitoring network only) and times requests.
    "association.metrics.MetricsMiddleware",
    # Answers /healthz and /readyz before host validation and the HTTPS redirect, so that
    # load balancer and container probes work with any Host header over plain HTTP.
    "association.health.HealthCheckMiddleware",
    # Before anything reads the path or query string: NUL or invalid UTF-8 answers 400.
    "association.middleware.MalformedRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "association.middleware.PermissionsPolicyMiddleware",
    "association.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions and authentication: a cache hit runs no database query.
    "association.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.i18n.admin_language.RussianAdminMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "association.middleware.PrivateForSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.moderation.ApprovalMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "association.urls"
# The admin's address (urls.py), whose pages get their own content security policy.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin").strip("/")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "association.wsgi.application"

# SQLite is the embedded default so that `make run` needs no server; production and CI
# point DATABASE_URL at PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Bounded waits: an unreachable or hung database fails a request with the 503 page
    # within seconds instead of holding a gunicorn thread (association.database).
    DATABASES["default"]["ENGINE"] = "association.database"
    _statement_timeout = float(os.environ.get("DJANGO_DB_STATEMENT_TIMEOUT", "30"))
    _statement_ms = round(_statement_timeout * 1000)
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.update(
        connect_timeout=int(os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5")),
        # The server cancels a longer statement itself; 0 turns the limit off.
        options=" ".join(
            filter(None, [_options.get("options"), f"-c statement_timeout={_statement_ms}"])
        ),
        # A server that sends nothing for longer than any statement may take is hung.
        answer_timeout=_statement_timeout + 5 if _statement_timeout else None,
        # A kept connection to a host that vanished is noticed by the kernel.
        keepalives=1,
        keepalives_idle=60,
        keepalives_interval=10,
        keepalives_count=3,
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Russian is the first language from the very first migration: Wagtail creates its
# default locale from LANGUAGE_CODE, and every page created afterwards inherits it.
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", "Русский"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A new translation of a live page starts as a draft (it holds the source text until the
# translators are done); an editor publishes it from the translation editor.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Our own Russian for Wagtail's admin where its translation is wrong or missing comes first;
# `make catalogues` leaves that catalogue alone (it holds no msgid of ours).
LOCALE_PATHS = [PROJECT_DIR / "overrides" / "locale", PROJECT_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Moscow")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads go to a bucket once one is named (association.storage: images public, documents
# private); several app instances can then share them without a shared volume.
MEDIA_ORIGINS = []
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"], MEDIA_ORIGINS = s3_media_storage()

# Background work (mail, digests, read counts, retention) runs in `manage.py db_worker`;
# requests only enqueue. The database backend: the queue is as durable as the data, needs
# no other service and works on SQLite (`make run`) as on PostgreSQL (docs/operations/tasks.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Every letter is stored and handed to the worker (home.jobs.mail), which sends it with
# LETTER_BACKEND and retries a failed one for LETTER_RETRY_HOURS before marking it failed.
EMAIL_BACKEND = "home.jobs.mail.QueuedEmailBackend"
LETTER_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
# The popular searches report keeps at most this many distinct searches (search.searching),
# and hits for WAGTAILSEARCH_HITS_MAX_AGE days (Wagtail's default: 7).
SEARCH_QUERY_LOG_MAX = int(os.environ.get("DJANGO_SEARCH_QUERY_LOG_MAX", "10000"))
WAGTAILSEARCH_HITS_MAX_AGE = int(os.environ.get("DJANGO_SEARCH_HITS_MAX_AGE", "30"))

LETTER_RETRY_HOURS = int(os.environ.get("DJANGO_LETTER_RETRY_HOURS", "26"))
# The first retry waits this long, each next one twice as long, at most an hour.
LETTER_FIRST_RETRY_SECONDS = int(os.environ.get("DJANGO_LETTER_FIRST_RETRY_SECONDS", "60"))
# Letters sent or failed, and finished task results, are deleted after this many days.
LETTER_KEEP_DAYS = int(os.environ.get("DJANGO_LETTER_KEEP_DAYS", "30"))
# Backups (home.backups, docs/operations/backups.md): where to (a directory or
# s3://bucket/prefix), to whom they are encrypted (age public keys; required for a bucket),
# how many to keep, and after how long without a successful one /readyz says "degraded".
BACKUP_TARGET = os.environ.get("BACKUP_TARGET", "")
BACKUP_AGE_RECIPIENTS = os.environ.get("BACKUP_AGE_RECIPIENTS", "")
BACKUP_KEEP_DAILY = int(os.environ.get("BACKUP_KEEP_DAILY", "14"))
BACKUP_KEEP_WEEKLY = int(os.environ.get("BACKUP_KEEP_WEEKLY", "8"))
BACKUP_KEEP_MONTHLY = int(os.environ.get("BACKUP_KEEP_MONTHLY", "12"))
BACKUP_MAX_AGE_HOURS = float(os.environ.get("BACKUP_MAX_AGE_HOURS", "48"))
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@localhost")
# A mail server that stops answering fails the letter (logged) instead of holding a request.
EMAIL_TIMEOUT = int(os.environ.get("DJANGO_EMAIL_TIMEOUT", "10"))


def association_name():
    from home.models.settings import association_name

    return association_name()


# The association's name in «Настройки ассоциации», read when the admin needs it: the admin,
# the site and the letters all take it from there.
WAGTAIL_SITE_NAME = lazy(association_name, str)()
# Where readers reach the site, e.g. https://library-association.ru: written into the default
# Site after every migrate (home.sites), so that absolute links in feeds, the sitemap,
# canonical and hreflang links and calendars point there.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", SITE_URL or "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "home.AssociationDocument"
# Documents are served only through Wagtail's serve view, which checks permissions.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx"]
# Uploads are checked by content as well (home.members.documents); a replaced file is kept.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.members.forms.AssociationDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 2**20
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend with words in their dictionary form (search.words).
        "BACKEND": "search.backend",
        # search.dictionary: PostgreSQL's "russian" with a Russian dictionary in front when
        # the database server has hunspell-ru; the same as "russian" otherwise.
        "SEARCH_CONFIG": "association_russian",
    }
}
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_MODERATION_ENABLED = True
# No avatars from gravatar.com: the admin's CSP blocks them, and they would tell a third
# party who works in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Members sign in on the public site (home.urls), not in the admin.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

NEWS_PAGE_SIZE = int(os.environ.get("NEWS_PAGE_SIZE", "10"))
# The newsroom intake's manners towards member websites (README, Intake).
NEWS_INTAKE = {
    "USER_AGENT": f"LibraryAssociationNewsroom/1.0 (+{WAGTAILADMIN_BASE_URL})",
    "CONNECT_TIMEOUT": 5,
    "READ_TIMEOUT": 15,
    "TOTAL_TIMEOUT": 60,
    "MAX_BYTES": int(os.environ.get("NEWS_INTAKE_MAX_MB", "5")) * 2**20,
    "HOST_DELAY": 1.0,
    "USERNAME": "newsroom-intake",
    # Ports member sites are read on; anything else is refused (news.intake.fetch).
    "PORTS": (80, 443),
    # Host name -> address allowed although not public, on any port: local development and
    # tests only (dev.py, test.py); never from the environment.
    "DEV_HOSTS": {},
    # Hosts read at the same time (each host still one request at a time, with its pause).
    "WORKERS": int(os.environ.get("NEWS_INTAKE_WORKERS", "16")),
}
# One tag vocabulary for every app: «Школа» and «школа» are the same tag.
TAGGIT_CASE_INSENSITIVE = True
LISTING_PAGE_SIZE = int(os.environ.get("LISTING_PAGE_SIZE", "12"))

# Reader services (home.feedback): who is told about mistake reports and questions.
TYPO_REPORT_EMAILS = env_list("TYPO_REPORT_EMAIL")
QUESTION_EMAILS = env_list("QUESTION_EMAIL")
# How long registrations for events keep their personal data after the event, by default.
REGISTRATION_RETENTION_DAYS = int(os.environ.get("DJANGO_REGISTRATION_RETENTION_DAYS", "365"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "association.log.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": os.environ.get("DJANGO_LOG_FORMAT", "text"),
        }
    },
    "filters": {"one_line_warning": {"()": "association.log.OneLineWarning"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        # Django's own console handler (DEBUG only) would print each of its lines twice.
        "django": {"handlers": [], "propagate": True},
        # A request for a host the site does not serve: one warning line, no traceback.
        "django.security.DisallowedHost": {"filters": ["one_line_warning"]},
    },
}

# Cache and sessions: Redis when REDIS_URL is set, so that app instances behind a load
# balancer share them; errors reaching Redis are logged, not raised (association.cache).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "association.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_KEY_PREFIX", "association"),
            # A Redis that hangs costs one short wait, after which the cache stays off for
            # a few seconds (association.cache) instead of every call waiting again.
            "OPTIONS": {
                "socket_connect_timeout": float(
                    os.environ.get("DJANGO_REDIS_CONNECT_TIMEOUT", "0.1")
                ),
                "socket_timeout": float(os.environ.get("DJANGO_REDIS_TIMEOUT", "0.1")),
            },
        }
    }
    # cached_db, where a sign-out during a Redis outage still holds (association.sessions).
    SESSION_ENGINE = "association.sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail writes each rendition it finds to this cache on every call (a Redis round trip per
# image of a listing); a rendition never changes once made, so each process keeps its own.
# When an image's file is replaced its renditions are deleted: another process may point at
# the old files for RENDITIONS_CACHE_SECONDS at most.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": int(os.environ.get("DJANGO_RENDITIONS_CACHE_SECONDS", "300")),
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# After a Redis error the cache is skipped for this long before it is tried again.
CACHE_RETRY_SECONDS = float(os.environ.get("DJANGO_CACHE_RETRY_SECONDS", "5"))

# Full-page cache for anonymous readers (association.cache.PageCacheMiddleware). On by
# default only with Redis: a local-memory cache per process could not be emptied by a
# publish in another process (another gunicorn worker, the scheduler).
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", bool(REDIS_URL))
# The shared parts of rendered pages (home.fragments: for signed-in members, editors, search
# and readers the page cache misses). On by default only with Redis, for the same reason.
SHARED_FRAGMENTS = env_bool("DJANGO_SHARED_FRAGMENTS", bool(REDIS_URL))
# Pages with a live registration (places left) keep their shared fragments this long at most.
SHARED_FRAGMENTS_LIVE_SECONDS = 60
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
# The query parameters public pages read (listing filters, pagination, search); a request
# with any other is served without the page cache, except tracking parameters, which are
# dropped before the page sees them.
PAGE_CACHE_QUERY_PARAMETERS = {
    "day", "event", "format", "kind", "month", "page", "q", "region", "status", "tag", "type",
    "year",
}  # fmt: skip
PAGE_CACHE_TRACKING_PARAMETERS = {"fbclid", "gclid", "yclid", "ysclid", "_openstat", "mc_cid"}
PAGE_CACHE_MAX_VARIANTS = int(os.environ.get("DJANGO_PAGE_CACHE_MAX_VARIANTS", "100"))
PAGE_CACHE_MAX_ADDRESS = 512
# Menus, breadcrumbs, language links, settings and listing facets (home.caching), for every
# reader. Without Redis each process holds its own copy, which a publish in another process
# cannot empty, so it is kept only briefly there.
CONTENT_CACHE_SECONDS = int(
    os.environ.get("DJANGO_CONTENT_CACHE_SECONDS", "600" if REDIS_URL else "30")
)
# The site, its home pages and the pages addresses name, kept pickled in each process under
# the content version (home.caching.remembered). On by default only with Redis: the version
# must be shared for a publish in one process to reach the others.
CONTENT_MEMO = env_bool("DJANGO_CONTENT_MEMO", bool(REDIS_URL))
CONTENT_MEMO_ENTRIES = 2000

# Uploads: request bodies and images are capped; SVG stays out of WAGTAILIMAGES_EXTENSIONS.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DJANGO_DATA_UPLOAD_MAX_MB", "10")) * 2**20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2621440
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILIMAGES_MAX_UPLOAD_MB", "10")) * 2**20

# Content-Security-Policy (association.settings.security): images may come from the bucket.
CONTENT_SECURITY_POLICY = content_security_policy(MEDIA_ORIGINS)
ADMIN_CONTENT_SECURITY_POLICY = admin_content_security_policy(MEDIA_ORIGINS)

# Prometheus metrics (association.metrics, docs/operations/monitoring.md): read with
# "Authorization: Bearer METRICS_TOKEN" or straight from one of METRICS_ALLOWED_NETWORKS;
# with neither set the endpoint answers 404.
METRICS_PATH = "/" + os.environ.get("METRICS_PATH", "metrics").strip("/")
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
METRICS_ALLOWED_NETWORKS = [
    ipaddress.ip_network(network, strict=False) for network in env_list("METRICS_ALLOWED_NETWORKS")
]
# /readyz says "degraded" while tasks have failed within this many minutes (association.health).
HEALTH_FAILED_TASKS_MINUTES = int(os.environ.get("HEALTH_FAILED_TASKS_MINUTES", "60"))

# Error reports to Sentry when SENTRY_DSN is set, without personal data (association.errors).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from association.errors import init_sentry

    init_sentry(SENTRY_DSN)
