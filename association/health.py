"""Health endpoints for load balancers and container probes, and security.txt."""

import logging
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def healthz(request):
    """The process answers; nothing else is checked."""
    return JsonResponse({"status": "ok"})


def operations_problems():
    """Why production needs looking at although it serves pages: a backup too old, tasks
    failing. Each reason is a short English sentence for the probe's JSON."""
    from association.metrics import failed_tasks
    from home.backups.service import last_success

    reasons = []
    now = timezone.now()
    if settings.BACKUP_TARGET:
        last = last_success()
        limit = timedelta(hours=settings.BACKUP_MAX_AGE_HOURS)
        if last is None:
            reasons.append("no successful backup yet")
        elif now - last.finished_at > limit:
            hours = (now - last.finished_at).total_seconds() / 3600
            reasons.append(f"last successful backup {hours:.0f} hours ago")
    since = now - timedelta(minutes=settings.HEALTH_FAILED_TASKS_MINUTES)
    failed = failed_tasks(since).count()
    if failed:
        reasons.append(
            f"{failed} tasks failed in the last {settings.HEALTH_FAILED_TASKS_MINUTES} minutes"
        )
    return reasons


def readyz(request):
    """Ready for traffic when the database answers; the cache is reported, not required.

    Without Redis every page is still served (from the database, a little slower), so a
    Redis outage must not take the instance out of the load balancer: it is "degraded".
    So is a backup older than BACKUP_MAX_AGE_HOURS or tasks failing: still 200 for the load
    balancer, with the reasons for the monitoring that reads the body.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:
        logger.exception("Readiness: database unreachable")
        checks["database"] = "error"
    try:
        if hasattr(cache, "ping"):
            cache.ping()
        else:
            cache.set("readyz", "ok", 5)
        checks["cache"] = "ok"
    except Exception as error:
        logger.warning("Readiness: cache unreachable: %s", error)
        checks["cache"] = "error"
    reasons = []
    if checks["database"] == "ok":
        try:
            reasons = operations_problems()
        except Exception:
            logger.exception("Readiness: backups and tasks not checked")
            reasons = ["backups and tasks not checked"]
    if checks["cache"] != "ok":
        reasons.insert(0, "cache unreachable")
    status = "degraded" if reasons else "ok"
    if checks["database"] != "ok":
        status = "unavailable"
    body = {"status": status, **checks}
    if status == "degraded":
        body["reasons"] = reasons
    return JsonResponse(body, status=503 if status == "unavailable" else 200)


class HealthCheckMiddleware:
    """Answers /healthz and /readyz first, before host validation and the HTTPS redirect.

    Probes from a load balancer or the container's HEALTHCHECK use an address for a host
    name and plain HTTP; the rest of the site must not see such requests.
    """

    views = {"/healthz": healthz, "/readyz": readyz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = self.views.get(request.path_info)
        if view is None:
            return self.get_response(request)
        response = view(request)
        add_never_cache_headers(response)
        return response


@require_GET
@cache_control(max_age=86400, public=True)
def security_txt(request):
    """RFC 9116 security.txt; 404 until DJANGO_SECURITY_CONTACT is set."""
    if not settings.SECURITY_TXT_CONTACT:
        raise Http404
    expires = settings.SECURITY_TXT_EXPIRES or (
        datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=365)
    ).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [
        f"Contact: {settings.SECURITY_TXT_CONTACT}",
        f"Expires: {expires}",
        "Preferred-Languages: ru, en",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
