# The README's two commands are `make run` and `make test`; the rest are their steps.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(CURDIR)/$(BIN)/python
MANAGE := $(PY) $(CURDIR)/manage.py
LOCAL_APPS := home news programs search

.PHONY: run test check install lint checks docs pytest browser-deps image-check e2e messages catalogues lock clean restore-drill

$(BIN)/.installed: requirements-dev.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

install: $(BIN)/.installed

# Compiled catalogues are build output: msgfmt when gettext is installed, Babel otherwise.
messages: install
	@for app in $(LOCAL_APPS) association; do \
		if [ -d $$app/locale ]; then \
			if command -v msgfmt >/dev/null; then (cd $$app && $(MANAGE) compilemessages -v0); \
			else $(BIN)/pybabel -q compile -d $$app/locale -D django; fi; \
		fi; \
	done

# Refresh the Russian catalogues after adding or changing translatable strings.
catalogues: install
	@for app in $(LOCAL_APPS) association; do \
		(cd $$app && $(MANAGE) makemessages -l ru --no-obsolete --no-location -v0); \
	done

# Absolute links (feeds, sitemap, calendars) name runserver's address; migrate writes it
# into the Site record.
run: export DJANGO_SITE_URL ?= http://127.0.0.1:8000
run: install messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) create_demo_users
	@echo "Site: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/"
	@# The task worker (letters, digests) runs beside runserver and stops with it.
	$(MANAGE) db_worker --no-reload --queue-name '*' & worker=$$!; \
		trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile deploy/postgres.Dockerfile

checks: install messages
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SECRET_KEY=check-deploy-only-not-a-real-secret-0123456789abcdefghijklmnop \
		$(MANAGE) check --deploy --fail-level WARNING --settings=association.settings.production

# The browser journeys' axe-core comes from npm; without npm (or Chromium) they are skipped
# with the reason shown.
browser-deps:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory tests/e2e/node_modules/.package-lock.json; \
	else echo "npm not found: the browser journeys (tests/e2e) will be skipped"; fi

# One worker process per core (pytest-xdist), each with its own test database, demo
# template and Chromium; the 20 slowest tests are listed at the end (pyproject.toml).
PYTEST_WORKERS ?= auto

pytest: install messages browser-deps
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal

# While working: lint, Django's checks and the tests without the browser journeys, the fuzz
# and the golden set's second run on SQLite, in about three minutes. `make test` is the
# whole of it, as CI runs it.
check: lint checks
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal -m "not e2e" \
		--ignore=tests/hardening/test_fuzz.py --ignore=tests/search/test_golden_sqlite.py

# The Dockerfile's build steps and gunicorn, without a container engine (.ci/image-check).
image-check: install
	PYTHON=$(PYTHON) bash .ci/image-check

# The documentation site (docs/, mkdocs.yml): strict, so a broken link or anchor fails the build.
docs: install
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir $(CURDIR)/.cache/docs-site

test: lint checks docs pytest image-check

# The real-browser journeys alone; they need Debian's chromium and axe-core from npm.
tests/e2e/node_modules/.package-lock.json: tests/e2e/package-lock.json
	npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error

e2e: install messages browser-deps
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist worksteal -m e2e

# The restore drill by hand (docs/operations/backups.md): the demo site plus changes in a
# scratch PostgreSQL database, backed up encrypted, restored into a fresh database and media
# folder and compared; fails on any difference. make test runs the same drill as
# tests/production/test_restore_drill.py.
restore-drill: install messages
	$(MANAGE) restore_drill

# Regenerate the lock files after changing dependencies in pyproject.toml.
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --generate-hashes --python-version 3.11 -q -o requirements.lock
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -q -o requirements-dev.lock

clean:
	rm -rf $(VENV) db.sqlite3 media static .cache
