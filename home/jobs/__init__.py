"""Background work on the project's task queue (django-tasks, database backend).

Web requests only enqueue; the worker (`manage.py db_worker`) runs the tasks. Letters are
stored as `Letter` rows by the e-mail backend and delivered by a task that retries with
back-off and is shown in the admin («Фоновые задачи» → «Письма»); see
docs/operations/tasks.md.
"""
