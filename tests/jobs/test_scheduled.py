"""Scheduled work goes through the queue: the scheduler enqueues, the worker runs."""

import datetime
import io
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
import yaml

from home.jobs.models import Letter
from news.models import Subscriber
from news.tasks import send_news_digest
from tests.news.factories import news_index, news_page

pytestmark = pytest.mark.django_db

COMPOSE = yaml.safe_load((Path(settings.BASE_DIR) / "compose.yaml").read_text())


def test_compose_runs_a_worker_and_the_scheduler_only_enqueues_mail_and_upkeep():
    worker = COMPOSE["services"]["worker"]
    assert worker["command"][:3] == ["python", "manage.py", "db_worker"]
    scheduler = " ".join(COMPOSE["services"]["scheduler"]["command"])
    for command in ("send_news_digest", "aggregate_news_reads", "delete_expired_registrations"):
        assert f"manage.py {command}" not in scheduler
        assert f"tasks.{command}" in scheduler
    assert "enqueue home.jobs.mail.requeue_letters" in scheduler


def test_make_run_starts_the_worker_beside_runserver():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    run = makefile[makefile.index("\nrun:") : makefile.index("\nlint:")]
    assert "db_worker" in run and "kill $$worker" in run


def test_an_enqueued_digest_is_sent_by_the_worker_once_a_day_whatever_reruns(home, task_queue):
    index = news_index(home)
    news_page(index, title="Семинар методистов", date=timezone.now() - datetime.timedelta(days=1))
    ten_days_ago = timezone.now() - datetime.timedelta(days=10)
    Subscriber.objects.create(
        email="ru@library.example",
        language="ru",
        consent_at=ten_days_ago,
        confirmed_at=ten_days_ago,
    )
    call_command("enqueue", "news.tasks.send_news_digest", stdout=io.StringIO())
    assert mail.outbox == []
    task_queue()
    assert [letter.to for letter in mail.outbox] == [["ru@library.example"]]
    # Run again the same day (a retried task, or --days 0): the same letter is not queued.
    send_news_digest.enqueue(days=0)
    task_queue()
    assert len(mail.outbox) == 1
    assert Letter.objects.get().status == Letter.Status.SENT


@pytest.mark.parametrize(
    "task",
    [
        "news.tasks.aggregate_news_reads",
        "programs.tasks.delete_expired_registrations",
        "search.tasks.collect_search_queries",
        "home.jobs.mail.requeue_letters",
        "home.jobs.mail.delete_old_records",
    ],
)
def test_every_scheduled_task_runs_in_the_worker(task, task_queue):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    call_command("enqueue", task, stdout=io.StringIO())
    task_queue()
    result = DBTaskResult.objects.get(task_path=task)
    assert result.status == TaskResultStatus.SUCCESSFUL, result.traceback


def test_processes_that_lose_cache_writes_queue_one_version_bump_between_them(task_queue):
    from django_tasks_db.models import DBTaskResult

    from association.cache import _lose_write, _Outage

    for _process in range(3):  # three scheduler runs during one Redis outage
        outage = _Outage()
        _lose_write(outage)
        _lose_write(outage)
        assert outage.lost_write
    assert (
        DBTaskResult.objects.filter(task_path__endswith="bump_content_version_when_back").count()
        == 1
    )
