"""The production gunicorn configuration (association/gunicorn.py) keeps its workers under load
and replaces one only when it grows too large or too old."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def worker_pid(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", "/")
    pid = int(connection.getresponse().read())
    connection.close()
    return pid


@pytest.fixture
def serve(tmp_path):
    servers = []

    def start(**environment):
        port = free_port()
        env = {
            name: value for name, value in os.environ.items() if not name.startswith("GUNICORN_")
        }
        env.update(GUNICORN_WORKERS="1", GUNICORN_THREADS="2", **environment)
        log = open(tmp_path / "gunicorn.log", "a")  # noqa: SIM115
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "--config", "python:association.gunicorn",
            "--bind", f"127.0.0.1:{port}",
            "tests.production.pid_app:application",
        ]  # fmt: skip
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
        servers.append((server, log))
        deadline = time.monotonic() + 30
        while True:
            try:
                worker_pid(port)
                return port
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (
                    tmp_path / "gunicorn.log"
                ).read_text()
                time.sleep(0.1)

    yield start
    for server, log in servers:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def pids(port, count):
    found = []
    deadline = time.monotonic() + 30
    while len(found) < count and time.monotonic() < deadline:
        try:
            found.append(worker_pid(port))
        except OSError:
            time.sleep(0.05)  # between an old worker and its replacement
    return found


def test_a_worker_serves_thousands_of_requests_without_a_restart_by_default(serve):
    port = serve()
    assert len(set(pids(port, 2500))) == 1


def test_a_worker_above_its_memory_limit_is_replaced_after_its_request(serve):
    # Any worker is above 1 MiB: each one is replaced once its memory is read.
    port = serve(GUNICORN_MAX_WORKER_MEMORY="1")
    first = worker_pid(port)
    time.sleep(5.5)  # memory is read at most every five seconds
    assert worker_pid(port) == first  # the request that finds it too large is still answered
    assert first not in pids(port, 20)


def test_a_worker_is_replaced_once_it_has_lived_its_age(serve):
    port = serve(GUNICORN_MAX_WORKER_AGE="2")
    first = worker_pid(port)
    assert len(set(pids(port, 50))) == 1
    time.sleep(2.5)
    worker_pid(port)
    assert first not in pids(port, 20)


def test_configuration_defaults():
    from association import gunicorn

    assert gunicorn.max_requests == 0
    assert gunicorn.graceful_timeout <= gunicorn.timeout
    assert gunicorn.max_worker_memory > 0
    assert gunicorn.max_worker_age > 0
