"""Letters through the task queue: stored by the request, sent by the worker, retried, shown."""

import datetime
import smtplib
from unittest import mock

from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home.jobs.mail import deliver_letter, queue_letter, requeue_letters
from home.jobs.models import Letter

pytestmark = pytest.mark.django_db


class DownMailServer:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPConnectError(421, "Service not available")


def test_a_letter_is_stored_and_sent_by_the_worker_not_by_the_request(task_queue):
    send_mail("Тема", "Текст", None, ["reader@library.example"])
    assert mail.outbox == []
    letter = Letter.objects.get()
    assert letter.status == Letter.Status.PENDING
    assert letter.recipients == "reader@library.example"
    task_queue()
    assert [message.subject for message in mail.outbox] == ["Тема"]
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT and letter.attempts == 1


def test_the_same_key_queues_one_letter_and_duplicate_tasks_send_it_once(task_queue):
    for _ in range(2):
        queue_letter(EmailMessage("Дайджест", "…", to=["a@library.example"]), key="digest:1")
    letter = Letter.objects.get()
    deliver_letter.enqueue(letter.pk)  # a duplicate task, as a sweep racing a retry could make
    requeue_letters.enqueue()
    task_queue()
    assert len(mail.outbox) == 1


def test_a_failed_letter_is_retried_with_back_off_then_marked_failed(task_queue, settings):
    settings.LETTER_BACKEND = f"{__name__}.DownMailServer"
    send_mail("Тема", "Текст", None, ["reader@library.example"])
    task_queue()
    letter = Letter.objects.get()
    assert letter.status == Letter.Status.PENDING
    assert letter.attempts == 1 and "SMTPConnectError" in letter.last_error
    retry = DBTaskResult.objects.get(pk=letter.task_id)
    assert retry.status == TaskResultStatus.READY
    assert retry.run_after - timezone.now() > datetime.timedelta(seconds=50)
    assert letter.give_up_at - letter.created_at >= datetime.timedelta(days=1)

    # A day and more later the mail server still refuses: the letter is failed for good.
    Letter.objects.update(give_up_at=timezone.now())
    DBTaskResult.objects.update(run_after=timezone.now())
    task_queue()
    letter.refresh_from_db()
    assert letter.status == Letter.Status.FAILED and letter.attempts == 2
    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()


def test_a_letter_whose_task_was_lost_with_a_killed_worker_is_requeued(task_queue):
    send_mail("Тема", "Текст", None, ["reader@library.example"])
    # The worker claimed the task and was killed: the result stays «running» for ever.
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING)
    task_queue()
    assert mail.outbox == []
    requeue_letters.enqueue()
    task_queue()
    assert len(mail.outbox) == 1
    assert Letter.objects.get().status == Letter.Status.SENT


def test_administrators_see_failed_letters_and_the_queue_editors_do_not(client, superuser, editor):
    Letter.objects.create(
        key="x",
        subject="Письмо, которое не ушло",
        recipients="a@library.example",
        message=Letter.pack(EmailMessage("x", "y", to=["a@library.example"])),
        status=Letter.Status.FAILED,
        last_error="SMTPConnectError: 421",
    )
    client.force_login(superuser)
    response = client.get("/admin/snippets/home/letter/?status=failed")
    assert response.status_code == 200
    assert "Письмо, которое не ушло" in response.content.decode()
    assert client.get("/admin/snippets/django_tasks_database/dbtaskresult/").status_code == 200
    client.force_login(editor)
    assert client.get("/admin/snippets/home/letter/").status_code in (302, 403)


def test_wagtail_moderation_notifications_go_through_the_queue(task_queue, moderator):
    from wagtail.admin.mail import send_mail as wagtail_send_mail

    wagtail_send_mail("Страница отправлена на проверку", "…", [moderator.email])
    assert Letter.objects.get().recipients == moderator.email
    assert mail.outbox == []
    task_queue()
    assert [letter.to for letter in mail.outbox] == [[moderator.email]]


def test_old_letters_and_task_results_are_deleted_but_waiting_letters_kept(task_queue):
    from home.jobs.mail import delete_old_records

    for status in (Letter.Status.SENT, Letter.Status.FAILED, Letter.Status.PENDING):
        Letter.objects.create(
            key=status,
            status=status,
            created_at=timezone.now() - datetime.timedelta(days=40),
            message=Letter.pack(EmailMessage("x", "y", to=["a@library.example"])),
        )
    delete_old_records.enqueue()
    task_queue()
    assert list(Letter.objects.values_list("status", flat=True)) == [Letter.Status.PENDING]


class ProcessDied(BaseException):
    """What a killed process amounts to: nothing after it runs and no handler catches it."""


def test_a_registration_and_its_letter_commit_together_whatever_stops_the_process(task_queue, home):
    from programs.models import Registration
    from programs.registrations import services
    from tests.programs.factories import programme_index
    from tests.programs.registration_helpers import event_with_registration

    _page, event_settings = event_with_registration(programme_index(home), capacity=5)
    data = {"name": "Мария Иванова", "email": "maria@library.example"}
    with (
        mock.patch.object(services, "send_confirmation", side_effect=ProcessDied),
        pytest.raises(ProcessDied),
    ):
        services.register(event_settings, data)
    # No place was kept whose letter was never queued.
    assert not Registration.objects.exists()

    services.register(event_settings, data)
    registration = Registration.objects.get()
    assert Letter.objects.get().recipients == registration.email
    task_queue()
    assert [message.to for message in mail.outbox] == [["maria@library.example"]]
