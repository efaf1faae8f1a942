"""A TCP proxy on 127.0.0.1 that can be told to hang, for fault tests and bench/faults_bench.py.

In front of Redis or PostgreSQL it forwards bytes both ways until `hang()`: from then on it
accepts new connections and reads what clients send but never answers, on new and open
connections alike, as a server that was stopped (SIGSTOP) or a network path that swallows
packets would. `resume()` forwards again; `refuse()` stops listening and drops the open
connections, as a server that went down.
"""

import contextlib
import socket
import threading


class HangingProxy:
    def __init__(self, target_port, target_host="127.0.0.1", port=0):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", port))
        self.port = self.listener.getsockname()[1]
        self.hanging = threading.Event()
        self.closed = threading.Event()
        self._sockets = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def hang(self):
        self.hanging.set()

    def resume(self):
        self.hanging.clear()

    def refuse(self):
        """Stop listening and drop open connections, as a server that went down."""
        self.closed.set()
        # close() alone would leave the listener accepting until a blocked accept() returns.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self._sockets.clear()

    close = refuse

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def _keep(self, *sockets):
        with self._lock:
            self._sockets.extend(sockets)

    def _accept(self):
        while not self.closed.is_set():
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            if self.closed.is_set():
                client.close()
                return
            self._keep(client)
            if self.hanging.is_set():
                threading.Thread(target=self._pump, args=(client, None), daemon=True).start()
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            self._keep(upstream)
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source, destination):
        """Copy source to destination; while hanging, swallow what arrives instead."""
        try:
            while data := source.recv(65536):
                if destination is not None and not self.hanging.is_set():
                    destination.sendall(data)
        except OSError:
            pass
        finally:
            if destination is not None and not self.hanging.is_set():
                with contextlib.suppress(OSError):
                    destination.shutdown(socket.SHUT_WR)


def other_process(code, *, redis_url, key_prefix, timeout=120):
    """Run `code` in a new Python process with Django set up (tests.production
    .fault_settings) on the test database and the given Redis: a one-off process such as
    `manage.py shell` or the scheduler's publish_scheduled, or another app instance."""
    import os
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    from django.db import connection

    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="tests.production.fault_settings",
        FAULT_DATABASE_NAME=connection.settings_dict["NAME"],
        FAULT_REDIS_URL=redis_url,
        FAULT_KEY_PREFIX=key_prefix,
    )
    script = "import django\ndjango.setup()\n" + textwrap.dedent(code)
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout
