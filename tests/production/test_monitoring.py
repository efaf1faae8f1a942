"""Eyes on production: the metrics endpoint and who may read it, its figures across worker
processes, /readyz on stale backups and failing tasks, error reports without personal data."""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.handlers.wsgi import WSGIHandler
from django.test import Client, RequestFactory
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

import pytest
import sentry_sdk
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families
from sentry_sdk.transport import Transport

from association.errors import init_sentry
from home.backups.models import BackupRun
from home.jobs.mail import requeue_letters
from news.models import IntakeItem, IntakeSource
from tests.factories import OrganisationFactory

TOKEN = "metrics-token-for-tests-0123456789"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def monitored(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_NETWORKS = []
    return settings


def scrape(client, **headers):
    return client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **headers)


def samples(response):
    found = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def test_metrics_are_off_until_a_token_or_a_network_is_set(client, settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = []
    assert client.get("/metrics").status_code == 404


@pytest.mark.django_db
def test_metrics_refuse_anonymous_requests_and_wrong_tokens(monitored):
    client = Client(HTTP_HOST="10.0.0.5:8000")
    response = client.get("/metrics")
    assert response.status_code == 401 and response["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION=TOKEN).status_code == 401
    response = scrape(client)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_monitoring_network_reads_metrics_but_not_through_the_proxy(settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = [__import__("ipaddress").ip_network("10.20.0.0/16")]
    inside = Client(REMOTE_ADDR="10.20.3.4")
    assert inside.get("/metrics").status_code == 200
    assert Client(REMOTE_ADDR="10.21.0.1").get("/metrics").status_code == 401
    # The proxy sits in the same network: what it forwards is a reader's request.
    forwarded = inside.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert forwarded.status_code == 401


@pytest.mark.django_db
def test_metrics_show_latency_per_view_and_page_cache_hits(monitored, page_cache, about, client):
    for _ in range(3):
        assert client.get(about.url).status_code == 200
    found = samples(scrape(client))
    view = (("view", "wagtail_serve"),)
    assert found[("association_request_seconds_count", view)] >= 1
    hits = found[("association_cache_requests_total", (("layer", "page"), ("result", "hit")))]
    misses = found[("association_cache_requests_total", (("layer", "page"), ("result", "miss")))]
    assert hits >= 2 and misses >= 1
    assert ("association_request_seconds_count", (("view", "page-cache"),)) in found


@pytest.mark.django_db
def test_metrics_show_queue_failed_tasks_intake_and_backup_age(monitored, task_queue, client):
    requeue_letters.enqueue()
    failed = requeue_letters.enqueue()
    DBTaskResult.objects.filter(pk=failed.id).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )
    source = IntakeSource.objects.create(
        organisation=OrganisationFactory(), name="ЦБС Заречья", url="https://example.org/rss"
    )
    IntakeItem.objects.create(source=source, url="https://example.org/1", status="imported")
    IntakeItem.objects.create(source=source, url="https://example.org/2", status="failed")
    BackupRun.objects.create(
        status=BackupRun.Status.SUCCEEDED,
        finished_at=timezone.now() - datetime.timedelta(days=3),
    )
    found = samples(scrape(client))
    waiting = DBTaskResult.objects.ready().count()
    assert waiting >= 1
    assert found[("association_task_queue_depth", (("queue", "default"),))] == waiting
    task = (("task", "home.jobs.mail.requeue_letters"),)
    assert found[("association_tasks_failed_24h", task)] == 1
    for status in ("imported", "failed"):
        key = (("source", "ЦБС Заречья"), ("status", status))
        assert found[("association_intake_items", key)] == 1
    assert 3 * 86400 <= found[("association_backup_age_seconds", ())] < 3 * 86400 + 60
    assert found[("association_backup_last_run_failed", ())] == 0


def test_counts_of_several_worker_processes_add_up(tmp_path):
    """gunicorn's workers each count in their own file; one scrape adds them up."""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    count = "from home.metrics import count_cache; [count_cache('page', True) for _ in range(5)]"
    for _ in range(2):
        subprocess.run([sys.executable, "-c", count], env=env, cwd=ROOT, check=True)  # noqa: S603
    read = (
        "from prometheus_client import CollectorRegistry, generate_latest, multiprocess\n"
        "r = CollectorRegistry(); multiprocess.MultiProcessCollector(r)\n"
        "print(generate_latest(r).decode())"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", read], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    assert 'association_cache_requests_total{layer="page",result="hit"} 10.0' in done.stdout


@pytest.mark.django_db
def test_readyz_is_degraded_by_a_stale_backup_yet_stays_in_the_load_balancer(client, settings):
    settings.BACKUP_TARGET = "/var/backups/association"
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["reasons"] == ["no successful backup yet"]
    run = BackupRun.objects.create(
        status=BackupRun.Status.SUCCEEDED,
        finished_at=timezone.now() - datetime.timedelta(hours=50),
    )
    body = client.get("/readyz").json()
    assert body["status"] == "degraded" and body["database"] == "ok"
    assert body["reasons"] == ["last successful backup 50 hours ago"]
    BackupRun.objects.filter(pk=run.pk).update(finished_at=timezone.now())
    assert client.get("/readyz").json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_readyz_is_degraded_while_tasks_fail(client, task_queue):
    result = requeue_letters.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )
    body = client.get("/readyz").json()
    assert client.get("/readyz").status_code == 200
    assert body["status"] == "degraded"
    assert body["reasons"] == ["1 tasks failed in the last 60 minutes"]
    DBTaskResult.objects.filter(pk=result.id).update(
        finished_at=timezone.now() - datetime.timedelta(hours=2)
    )
    assert client.get("/readyz").json()["status"] == "ok"


class CapturingTransport(Transport):
    """Keeps the envelopes the SDK would send; nothing leaves the process."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)


PERSONAL = [
    "olga.petrova@library.example",
    "+7 912 345-67-89",
    "Ольга Петрова",
    "sessionid-value-abcdef0123456789",
    "csrftoken-value-0123456789abcdef",
    "s3cr3t-Passw0rd",
    "tok_9f8e7d6c5b4a3928171605f4e3d2c1b0",
    "Bearer abc.def.ghi-token-value-987654321",
    "203.0.113.77",
]


@csrf_exempt
def failing_registration(request, token):
    """Fails with what a careless view might put in an error: the reader's own data."""
    reader = request.POST
    sentry_sdk.get_isolation_scope().set_user(
        {"email": reader["email"], "ip_address": request.META["REMOTE_ADDR"]}
    )
    sentry_sdk.set_extra("registration", {"name": reader["name"], "phone": reader["phone"]})
    sentry_sdk.set_context("form", {"password": reader["password"]})
    sentry_sdk.add_breadcrumb(message=f"Letter for {reader['email']}")
    raise ValueError(
        f"Registration of {reader['name']} <{reader['email']}>, phone {reader['phone']}, "
        f"with {request.COOKIES['reader']}, failed"
    )


urlpatterns = [path("ru/registration/<str:token>/", failing_registration)]


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_an_error_report_leaves_without_personal_data(settings):
    transport = CapturingTransport()
    # Through Django's WSGI handler, as gunicorn calls it: the SDK reads the request there.
    environ = (
        RequestFactory()
        .post(
            "/ru/registration/tok_9f8e7d6c5b4a3928171605f4e3d2c1b0/"
            "?token=tok_9f8e7d6c5b4a3928171605f4e3d2c1b0&page=2",
            data={
                "name": "Ольга Петрова",
                "email": "olga.petrova@library.example",
                "phone": "+7 912 345-67-89",
                "password": "s3cr3t-Passw0rd",
            },
            HTTP_COOKIE="reader=sessionid-value-abcdef0123456789; "
            "csrftoken=csrftoken-value-0123456789abcdef",
            HTTP_AUTHORIZATION="Bearer abc.def.ghi-token-value-987654321",
            HTTP_X_FORWARDED_FOR="203.0.113.77",
            REMOTE_ADDR="203.0.113.77",
        )
        .environ
    )
    statuses = []
    with init_sentry("http://public@127.0.0.1:9/1", transport=transport):
        b"".join(WSGIHandler()(environ, lambda status, headers: statuses.append(status)))
        sentry_sdk.flush()
    assert statuses == ["500 Internal Server Error"]
    items = [item for envelope in transport.envelopes for item in envelope]
    events = [json.loads(item.payload.get_bytes()) for item in items if item.type == "event"]
    assert events, "the error was not reported"
    sent = "".join(item.payload.get_bytes().decode() for item in items)
    for value in PERSONAL:
        assert value not in sent, value
    # Still useful: what failed, where, on which address.
    event = events[0]
    assert event["exception"]["values"][0]["type"] == "ValueError"
    assert "failed" in event["exception"]["values"][-1]["value"]
    assert event["request"]["url"].endswith("/ru/registration/[Filtered]/")
    assert event["request"]["query_string"] == "token=[Filtered]&page=[Filtered]"
    assert event["request"]["method"] == "POST"
