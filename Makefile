# cohort_site: `make demo` to try it, `make test` to check it. `make help` lists every target.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
# pyenv honours .python-version (3.12); otherwise take the first python3.12+ on PATH.
PYTHON ?= $(shell for p in python3.12 python3.13 python3.14 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_PASSWORD ?= equity-demo-2026
MEDIA_ROOT ?= media
# `make backup` writes a new folder per run; `make restore` needs BACKUP_DIR named.
BACKUP_DIR ?= backups/$(shell date -u +%Y%m%dT%H%M%SZ)

.PHONY: help demo test bench serve venv lint format migrate seed clean check-python backup restore gettext messages

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-8s %s\n", $$1, $$2}'

check-python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "Python 3.12 or newer is required (Django 6); found: $$(python3 --version 2>&1 || echo none)."; \
		echo "Install it (for example 'pyenv install 3.12') and run make again."; exit 1; fi

$(BIN)/.installed-runtime: requirements.txt | check-python
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(BIN)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/.installed-runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

venv: $(BIN)/.installed-dev ## Create .venv and install everything

migrate: $(BIN)/.installed-runtime
	$(BIN)/python manage.py migrate --noinput

seed: migrate ## Load the demo data (idempotent)
	$(BIN)/python manage.py seed_demo --password "$(DEMO_PASSWORD)"

demo: seed ## Install, migrate, seed and serve the demo at http://127.0.0.1:8000 (SQLite)
	@echo "Serving at http://$(HOST):$(PORT)/ — log in with a demo account above (password: $(DEMO_PASSWORD))."
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The compiled catalogs (locale/*/LC_MESSAGES/*.mo) are committed, so the site needs no gettext;
# the tests do (they extract the source's strings to find any missing from the catalog).
gettext:
	@command -v xgettext >/dev/null 2>&1 || { echo "Installing gettext (xgettext, msgfmt)…"; \
		if [ "$$(id -u)" = 0 ]; then apt-get install -y -qq gettext; else sudo apt-get install -y -qq gettext; fi; }

MESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --ignore=media \
	--ignore=static/js/htmx.min.js
messages: gettext $(BIN)/.installed-runtime ## Extract new strings into locale/es and compile (then translate them)
	$(BIN)/python manage.py makemessages -l es --add-location=file --no-obsolete $(MESSAGES_IGNORE)
	$(BIN)/python manage.py makemessages -d djangojs -l es --add-location=file --no-obsolete $(MESSAGES_IGNORE)
	$(BIN)/python manage.py compilemessages --ignore=.venv

test: $(BIN)/.installed-dev gettext ## Lint, check, run the whole test suite and hold the coverage floor
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=cohort_site.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=cohort_site.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m coverage run -m pytest
	$(BIN)/python -m coverage report

# BENCH_SCALE=1 also seeds (once, minutes) and measures the statewide dataset in
# BENCH_SCALE_DATABASE_URL; the load test needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL).
BENCH_SCALE_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/cohort_scale_big
bench: $(BIN)/.installed-dev ## Time every page per role (demo, BENCH_SCALE=1 statewide), imports, load test
	$(BIN)/python bench/run_bench.py --size demo
	@if [ "$(BENCH_SCALE)" = 1 ]; then \
		DATABASE_URL="$(BENCH_SCALE_DATABASE_URL)" $(BIN)/python bench/run_bench.py --size statewide; fi
	$(BIN)/python bench/imports.py
	@case "$(DATABASE_URL)" in postgres*) $(BIN)/python bench/throughput.py && $(BIN)/python bench/load.py;; \
		*) echo "Throughput and load tests skipped: they need DATABASE_URL=postgres://... and REDIS_URL.";; esac

serve: migrate ## Serve with gunicorn and production-like settings (needs SECRET_KEY, ALLOWED_HOSTS)
	DJANGO_SETTINGS_MODULE=cohort_site.settings.production $(BIN)/python manage.py collectstatic --noinput
	DJANGO_SETTINGS_MODULE=cohort_site.settings.production $(BIN)/gunicorn cohort_site.wsgi \
		--bind $(HOST):$(PORT) --workers 3 --access-logfile -

backup: ## Dump PostgreSQL (DATABASE_URL) and uploads (MEDIA_ROOT) into BACKUP_DIR
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL (postgres://...) to back up."; exit 1; }
	@dir="$(BACKUP_DIR)"; mkdir -p "$$dir" && \
	pg_dump --format=custom --no-owner --no-privileges --dbname="$(DATABASE_URL)" \
		--file="$$dir/database.dump" && \
	mkdir -p "$(MEDIA_ROOT)" && tar -czf "$$dir/media.tar.gz" -C "$(MEDIA_ROOT)" . && \
	echo "Backup written to $$dir (database.dump, media.tar.gz)."

restore: ## Restore BACKUP_DIR into DATABASE_URL (an empty database) and MEDIA_ROOT
	@test "$(origin BACKUP_DIR)" != file || { echo "Name the backup: make restore BACKUP_DIR=backups/..."; exit 1; }
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL to the (empty) database to restore into."; exit 1; }
	@test -f "$(BACKUP_DIR)/database.dump" || { echo "No $(BACKUP_DIR)/database.dump."; exit 1; }
	pg_restore --no-owner --no-privileges --single-transaction --exit-on-error \
		--dbname="$(DATABASE_URL)" "$(BACKUP_DIR)/database.dump"
	mkdir -p "$(MEDIA_ROOT)" && tar -xzf "$(BACKUP_DIR)/media.tar.gz" -C "$(MEDIA_ROOT)"
	@echo "Restored $(BACKUP_DIR) into the database and $(MEDIA_ROOT)."

format: $(BIN)/.installed-dev ## Format and fix lint
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean: ## Remove the venv, the SQLite database and collected static files
	rm -rf $(VENV) db.sqlite3 staticfiles
