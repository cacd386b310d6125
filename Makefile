# Everything runs from the project's own virtual environment in .venv/.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes run side by side; tests timed against real servers run after, alone.
TEST_WORKERS ?= auto

.PHONY: run serve bench test lint browser redis setup

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# PYTHONWARNINGS: setuptools boxes a warning about editable installs that is no error.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	PYTHONWARNINGS=ignore $(BIN)/pip install -q -e '.[test]'
	touch $@

# Migrate, and load each bundled file once per database, never over what arrived later (an
# admin edit, an import, a sync): on a restart both commands say and change nothing.
setup: $(VENV)/.installed
	@mkdir -p var
	@$(BIN)/python manage.py migrate --noinput -v 0
	@$(BIN)/python manage.py load_bundled data/*.json
	@$(BIN)/python manage.py materialize

run: setup
	@echo "LL2 2.3.0 at http://127.0.0.1:$(PORT)/2.3.0/"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT) --noreload

# The production server: granian (measured faster than gunicorn here, see
# benchmarks/results.md), WEB_CONCURRENCY worker processes, one per core by default, each
# running the app in at most 4 threads (and so holding at most 4 database connections).
serve: setup
	@echo "LL2 2.3.0 at http://127.0.0.1:$(PORT)/2.3.0/"
	$(BIN)/granian --interface wsgi --host 127.0.0.1 --port $(PORT) \
		--workers $${WEB_CONCURRENCY:-$$(nproc)} --blocking-threads 4 --workers-kill-timeout 30 \
		--log-level warning launchlibrary.wsgi:application

# Load 10,000 spacecraft, serve them, drive the server with wrk: benchmarks/results.md.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null && command -v nginx >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light)
	$(BIN)/python benchmarks/run.py

# The browser tests drive Debian's Chromium; install it when it is missing.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver)

# The tests of a failing Redis run Redis servers of their own; install it when it is missing.
redis:
	@command -v redis-server >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server)

# --dist worksteal: each process starts on its half of the tests, in order (tests sharing a
# server stay together), and one done first takes over half of what another has left. Not
# loadscope or loadgroup: they key tests by id, and tests/test_fuzz.py's share one.
test: $(VENV)/.installed browser redis
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal -m "not serial"
	$(BIN)/pytest -m serial

lint: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
