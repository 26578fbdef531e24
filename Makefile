# Two commands for a newcomer: `make run` (the demo) and `make test` (lint and the whole suite).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | md5sum | cut -c1-8)

# The demo and the tests run with DEBUG on unless the environment says otherwise.
export DEBUG ?= 1

# Every first-party package; the layers between them are in .importlinter.
APPS := digivaardig core common organisations personas selfscan campaigns learning agendas coaching reminders dashboards

.PHONY: install run test lint format bench e2e messages

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/bandit -q -r $(APPS) -x '*/tests/*' --severity-level medium --confidence-level medium

# After changing interface text: collect the strings into locale/en (then translate the new msgstr
# entries) and compile; both .po and .mo are committed, so running the portal needs no gettext.
messages: install
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=bench --ignore=tests --ignore='*/tests/*'
	$(PY) manage.py compilemessages -l en --ignore=.venv

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: lint
	$(PY) manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=ci-check-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') ALLOWED_HOSTS=digivaardig.example.nl \
		$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) -m pytest

bench: install
	$(PY) bench/run.py
