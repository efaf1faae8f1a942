"""Django's PostgreSQL backend whose connections give up on a server that stops answering.

statement_timeout (settings) makes a working server cancel a long statement itself. A server
that hangs (a stopped process, a proxy or network path that swallows packets) sends nothing
at all, and TCP keepalives cannot tell while its kernel still acknowledges: without a
deadline on our side a request would wait for ever. So every wait for an answer has one
(`answer_timeout`, longer than statement_timeout), after which the connection is closed and
the query fails with OperationalError, which the site answers with its 503 page.
"""

import contextlib

from django.db.backends.postgresql import base

import psycopg


class BoundedConnection(psycopg.Connection):
    """A psycopg connection with a deadline on every round trip to the server."""

    answer_timeout = None

    @classmethod
    def connect(cls, conninfo="", *, answer_timeout=None, **kwargs):
        connection = super().connect(conninfo, **kwargs)
        connection.answer_timeout = answer_timeout
        return connection

    @contextlib.contextmanager
    def answering_within(self, seconds):
        """A shorter deadline for a query that should take no time at all."""
        previous = self.answer_timeout
        self.answer_timeout = min(seconds, previous or seconds)
        try:
            yield
        finally:
            self.answer_timeout = previous

    def wait(self, gen, interval=0.1, timeout=None):
        if timeout is None:
            timeout = self.answer_timeout
        try:
            return super().wait(gen, interval, timeout)
        except psycopg.errors._WaitTimeout:
            # Half-way through the protocol: the connection cannot be used again.
            self.pgconn.finish()
            raise psycopg.OperationalError(
                f"PostgreSQL sent no answer within {timeout} s; connection closed"
            ) from None


class _Psycopg:
    """psycopg as the backend sees it (`DatabaseWrapper.Database`), connecting bounded."""

    def __getattr__(self, name):
        return getattr(psycopg, name)

    connect = staticmethod(BoundedConnection.connect)


class DatabaseWrapper(base.DatabaseWrapper):
    Database = _Psycopg()

    def is_usable(self):
        # The health check before a kept connection is reused: SELECT 1 takes no time on a
        # working server, so a hung one is noticed within connect_timeout.
        if self.connection is None:
            return False
        limit = self.settings_dict["OPTIONS"].get("connect_timeout") or 5
        with self.connection.answering_within(limit):
            return super().is_usable()
