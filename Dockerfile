# syntax=docker/dockerfile:1
# Build stage: locked dependencies in a virtual environment, compiled translations and
# collected static files. The runtime stage copies the results without the build tools.
FROM python:3.11-slim-bookworm AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/venv/bin:$PATH

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

RUN python -m venv /venv
COPY requirements.lock /tmp/requirements.lock
RUN pip install --no-cache-dir --require-hashes -r /tmp/requirements.lock

WORKDIR /app
COPY . .
# The same steps as .ci/image-check, which runs them in CI where there is no container engine.
RUN export DJANGO_SETTINGS_MODULE=association.settings.production \
        DJANGO_SECRET_KEY=build-only-collectstatic-key-never-used-at-runtime-0123456789 \
    && python manage.py compilemessages -v0 \
    && python manage.py collectstatic --noinput -v0


FROM python:3.11-slim-bookworm

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=association.settings.production \
    DJANGO_MEDIA_ROOT=/app/media \
    PORT=8000 \
    GUNICORN_WORKERS=2 \
    GUNICORN_THREADS=4 \
    GUNICORN_TIMEOUT=30 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/prometheus

# DejaVu has the Cyrillic glyphs the generated PDFs need; postgresql-client (15, as the
# database server) is pg_dump and pg_restore for the backups (docs/operations/backups.md).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home app

WORKDIR /app
COPY --from=build /venv /venv
# Code and static files stay owned by root: the app user can write only to media.
COPY --from=build /app /app
RUN mkdir -p /app/media /backups /tmp/prometheus \
    && chown app:app /app/media /backups /tmp/prometheus
VOLUME ["/app/media", "/backups"]

USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)"]

# Migrations are a release step (`python manage.py migrate`), never part of starting the app.
CMD ["gunicorn", "--config", "python:association.gunicorn", "association.wsgi:application"]
