"""Kill the task worker and the mail server in the middle of 100 registrations; afterwards
every letter must have been delivered exactly once.

Run by hand against a database of its own (created, migrated and filled with the demo
content on the first run):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/assoc_chaos .venv/bin/python bench/chaos_mail.py

It starts a local SMTP sink (aiosmtpd, appending each message it accepts to a file) and
`manage.py db_worker`, then registers 100 readers for the demo's open meeting through
`programs.registrations.services.register` (the code the form view runs once the form is
valid). Meanwhile it kills the worker (SIGKILL, in the middle of whatever it does, once
while it waits on a hung mail server), hangs and kills the mail server, and starts both
again; as the compose scheduler does every minute, it enqueues `requeue_letters`. It then
waits until no letter is pending and compares the sink's messages with the registrations:
each Message-ID (one per letter, see home.jobs.mail) must arrive once.
"""

import argparse
import collections
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

SINK = r"""
import asyncio, json, os, sys
from email import message_from_bytes
from aiosmtpd.controller import Controller

path, port = sys.argv[1], int(sys.argv[2])

class Handler:
    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content)
        with open(path, "a") as out:
            out.write(json.dumps({"id": message["Message-ID"], "to": envelope.rcpt_tos}) + "\n")
            out.flush()
            os.fsync(out.fileno())
        return "250 OK"

controller = Controller(Handler(), hostname="127.0.0.1", port=port)
controller.start()
print("sink ready", flush=True)
asyncio.new_event_loop().run_forever()
"""


# A mail server that accepts connections and never answers (hung): sends time out.
HANG = r"""
import socket, sys, time
server = socket.create_server(("127.0.0.1", int(sys.argv[1])))
print("hang ready", flush=True)
held = []
while True:
    connection, _ = server.accept()
    held.append(connection)
"""


def start_hanging(port):
    process = subprocess.Popen(  # noqa: S603
        [PYTHON, "-c", HANG, str(port)], stdout=subprocess.PIPE, text=True
    )
    process.stdout.readline()
    return process


def environment(port):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="association.settings.dev",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        DJANGO_EMAIL_HOST="127.0.0.1",
        DJANGO_EMAIL_PORT=str(port),
        DJANGO_EMAIL_TIMEOUT="3",
        DJANGO_LETTER_FIRST_RETRY_SECONDS="1",
    )
    return env


def start_sink(path, port):
    process = subprocess.Popen(  # noqa: S603
        [PYTHON, "-c", SINK, str(path), str(port)], stdout=subprocess.PIPE, text=True
    )
    process.stdout.readline()
    return process


def start_worker(env):
    return subprocess.Popen(  # noqa: S603
        [
            PYTHON,
            "manage.py",
            "db_worker",
            "--no-reload",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--queue-name",
            "*",
            "-v",
            "0",
        ],
        cwd=ROOT,
        env=env,
    )


def kill(process):
    process.send_signal(signal.SIGKILL)
    process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=100)
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--timeout", type=int, default=300, help="seconds to wait for delivery")
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a database of its own, e.g. postgres://…/assoc_chaos")

    env = environment(options.port)
    os.environ.update(env)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", "load_demo_content"],
        cwd=ROOT,
        env=env,
        check=True,  # noqa: S603
        stdout=subprocess.DEVNULL,
    )

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django_tasks_db.models import DBTaskResult

    from home.jobs.mail import requeue_letters
    from home.jobs.models import Letter
    from programs.models import Registration, RegistrationSettings
    from programs.registrations import services

    event = next(
        event
        for event in RegistrationSettings.objects.filter(enabled=True).order_by("pk")
        if event.state()[0] in ("open", "waiting_list")
    )
    event.capacity = None
    event.save()
    Registration.objects.filter(event=event).delete()
    Letter.objects.all().delete()
    DBTaskResult.objects.all().delete()

    sink_file = Path(tempfile.mkdtemp()) / "delivered.jsonl"
    sink = start_sink(sink_file, options.port)
    worker = start_worker(env)
    time.sleep(5)  # the worker's start-up (Django and Wagtail)
    events = []
    started = time.monotonic()
    run = int(time.time())
    for number in range(options.registrations):
        services.register(
            event,
            {
                "name": f"Читатель {number}",
                "email": f"reader{number}.{run}@library.example",
                "language": "ru",
            },
        )
        time.sleep(0.1)
        if number == 20:
            kill(worker)
            events.append(f"{number}: worker killed")
        elif number == 30:
            worker = start_worker(env)
            events.append(f"{number}: worker started")
            time.sleep(3)
        elif number == 40:
            kill(sink)
            sink = start_hanging(options.port)
            events.append(f"{number}: mail server hung")
            time.sleep(2)
        elif number == 45:
            kill(worker)  # most likely waiting on the hung server: its task stays «running»
            kill(sink)
            events.append(f"{number}: worker killed in the middle of a send; mail server killed")
            worker = start_worker(env)
            events.append(f"{number}: worker started (mail server down)")
            time.sleep(5)  # letters fail meanwhile and are put back with back-off
        elif number == 60:
            kill(worker)
            events.append(f"{number}: worker killed (mail server down)")
        elif number == 70:
            worker = start_worker(env)
            events.append(f"{number}: worker started (mail server down)")
            time.sleep(5)
        elif number == 85:
            sink = start_sink(sink_file, options.port)
            events.append(f"{number}: mail server started")
    registered = time.monotonic() - started

    deadline = time.monotonic() + options.timeout
    while Letter.objects.filter(status=Letter.Status.PENDING).exists():
        if time.monotonic() > deadline:
            break
        requeue_letters.enqueue()  # the scheduler's every-minute sweep, more often here
        time.sleep(2)
    recovered = time.monotonic() - started
    orphaned = DBTaskResult.objects.filter(
        status="RUNNING", task_path="home.jobs.mail.deliver_letter"
    ).count()
    requeued = sum(
        result.return_value or 0
        for result in DBTaskResult.objects.filter(task_path="home.jobs.mail.requeue_letters")
    )
    kill(worker)
    kill(sink)

    delivered = [json.loads(line) for line in sink_file.read_text().splitlines()]
    copies = collections.Counter(entry["id"] for entry in delivered)
    letters = Letter.objects.filter(recipients__contains=f".{run}@")
    statuses = collections.Counter(letters.values_list("status", flat=True))
    attempts = sum(letters.values_list("attempts", flat=True))
    result = {
        "registrations": Registration.objects.filter(event=event).count(),
        "letters": letters.count(),
        "letters_by_status": dict(statuses),
        "send_attempts": attempts,
        "letters_retried": letters.filter(attempts__gt=1).count(),
        "delivery_tasks_left_running_by_killed_workers": orphaned,
        "letters_requeued_by_the_sweep": requeued,
        "messages_received": len(delivered),
        "distinct_messages": len(copies),
        "received_twice_or_more": sum(1 for count in copies.values() if count > 1),
        "registrations_seconds": round(registered, 1),
        "all_delivered_after_seconds": round(recovered, 1),
        "events": events,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    ok = (
        result["distinct_messages"] == result["registrations"] == options.registrations
        and result["received_twice_or_more"] == 0
        and statuses.get(Letter.Status.SENT) == options.registrations
    )
    print("every letter delivered exactly once" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
