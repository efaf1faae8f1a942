"""Error reports to Sentry, with the context to fix them and without personal data.

Off unless SENTRY_DSN is set. The SDK sends no personal data by itself
(`send_default_pii=False`, no local variables); `scrub` then goes through the whole event
before it leaves: request bodies, cookies and most headers are dropped, query values and
token-like path segments are replaced, values under keys that name personal data or secrets
are replaced, and e-mail addresses, phone numbers, bearer tokens and long tokens are cut out
of every remaining string (messages, exception values, breadcrumbs). See
docs/operations/monitoring.md.
"""

import os
import re

FILTERED = "[Filtered]"
SENSITIVE_KEY = re.compile(
    r"pass|secret|token|key|auth|cookie|session|csrf|sig|mail|phone|name|address|ip|user"
    r"|consent|answer|position|organisation|region",
    re.IGNORECASE,
)
# Keys Sentry itself uses whose values carry no personal data.
SAFE_KEYS = {
    "type",
    "module",
    "function",
    "filename",
    "abs_path",
    "lineno",
    "colno",
    "in_app",
    "context_line",
    "pre_context",
    "post_context",
    "level",
    "logger",
    "platform",
    "timestamp",
    "category",
    "transaction",
    "event_id",
    "release",
    "environment",
    "server_name",
    "mechanism",
    "handled",
    "version",
    "sdk",
    "packages",
    "integrations",
    "method",
    "status_code",
    "runtime",
    "os",
    "trace",
    "contexts",
    "frames",
    "values",
    "exception",
    "stacktrace",
    "breadcrumbs",
    "message",
    "formatted",
    "params",
    "extra",
    "tags",
    "data",
    "value",
}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.])\+?\d[\d ()\-]{8,}\d(?![\w.])")
BEARER = re.compile(r"(?i)(bearer|token|key|password)([=: ]+)\S+")
LONG_TOKEN = re.compile(r"[A-Za-z0-9_\-:.]{24,}")
KEPT_HEADERS = {"host", "user-agent", "accept", "accept-language", "content-type", "referer"}


def _scrub_text(text):
    text = EMAIL.sub(FILTERED, text)
    text = BEARER.sub(rf"\1\2{FILTERED}", text)
    text = PHONE.sub(FILTERED, text)
    return LONG_TOKEN.sub(lambda match: _keep_code_path(match.group()), text)


def _keep_code_path(word):
    # Dotted module paths and file paths are context worth keeping, not secrets.
    if "." in word and not any(char.isdigit() for char in word):
        return word
    return FILTERED


def _scrub_path(url):
    path, _question, _query = url.partition("?")
    parts = [_scrub_text(part) if part else part for part in path.split("/")]
    return "/".join(parts)


def _scrub(value, key=None):
    if key is not None and key not in SAFE_KEYS and SENSITIVE_KEY.search(str(key)):
        return FILTERED
    if isinstance(value, dict):
        return {name: _scrub(item, name) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    if isinstance(value, str):
        return _scrub_text(value)
    return value


def _scrub_request(request):
    request.pop("cookies", None)
    request.pop("data", None)
    request.pop("env", None)
    if request.get("url"):
        request["url"] = _scrub_path(request["url"])
    if request.get("query_string"):
        names = re.findall(r"(?:^|&)([^=&]+)", request["query_string"])
        request["query_string"] = "&".join(f"{name}={FILTERED}" for name in names)
    headers = request.get("headers") or {}
    request["headers"] = {
        name: _scrub_text(value) for name, value in headers.items() if name.lower() in KEPT_HEADERS
    }
    if request["headers"].get("Referer"):
        request["headers"]["Referer"] = _scrub_path(request["headers"]["Referer"])
    return request


def scrub(event, hint=None):
    """Sentry's before_send (and before_send_transaction): the event without personal data."""
    event.pop("user", None)
    event.pop("server_name", None)
    request = event.pop("request", None)
    event = _scrub(event)
    if request:
        event["request"] = _scrub_request(request)
    return event


def scrub_breadcrumb(crumb, hint=None):
    return _scrub(crumb)


def init_sentry(dsn, **options):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    return sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub,
        before_send_transaction=scrub,
        before_breadcrumb=scrub_breadcrumb,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        **options,
    )
