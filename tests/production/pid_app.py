"""A WSGI application that answers with its worker's process id (tests/production
/test_gunicorn.py serves it with the project's gunicorn configuration)."""

import os


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(os.getpid()).encode()]
