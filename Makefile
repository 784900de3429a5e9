# Two commands on a fresh machine: `make run` (the app with the CentreCall demo on
# http://127.0.0.1:8000) and `make test` (installs and runs the test suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DEMO_PASSWORD ?= Registre-Demo-2026
# `make run` shows the app as its users see it: DEBUG off, so unknown addresses and errors
# get the real 404 and 500 pages; whitenoise serves the static files from static/ (no
# collectstatic needed). `make run RUN_DEBUG=1` brings back Django's debug pages.
RUN_DEBUG ?= 0
# Local HTTP use only: the settings are secure by default (HTTPS, secure cookies, HSTS).
LOCAL_ENV := DJANGO_DEBUG=$(RUN_DEBUG) DJANGO_HTTPS=0 DJANGO_STATIC_MANIFEST=0 \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
	DJANGO_SECRET_KEY=local-only-$(shell hostname)-not-a-production-key-0123456789abcdef

.PHONY: run test test-postgres test-browser bench bench-pdf lint messages system-deps test-deps browser-deps redis clean

$(VENV)/.deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.dev-deps: $(VENV)/.deps requirements-dev.txt
	$(PIP) install -q -r requirements-dev.txt
	touch $@

# WeasyPrint needs Pango, compilemessages needs gettext, and Debian's python3 makes no
# venv without python3-venv (ensurepip); Debian names them so.
system-deps:
	@if ! command -v msgfmt >/dev/null || ! ldconfig -p | grep -q libpangoft2 \
		|| ! $(PYTHON) -c "import ensurepip" 2>/dev/null; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core python3-venv; \
	fi

# What the test suite itself runs: LibreOffice Calc opens the ODS exports, poppler-utils
# (pdfinfo, pdffonts, pdftoppm) reads the PDF ones, Redis carries the jobs that a real Celery
# worker runs in tests/jobs/test_worker.py. `make test` installs them, so that no test is left
# out on a fresh machine.
test-deps: system-deps
	@if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null || ! command -v redis-server >/dev/null; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			libreoffice-calc-nogui poppler-utils redis-server; \
	fi

# Redis on 127.0.0.1:6379 for the job tests, started if nothing answers there (no disk
# persistence: the tests' keys are throw-away).
redis: test-deps
	@if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then \
		redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no; \
		for i in $$(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done; \
	fi

# Browser tests: Debian's Chromium, on top of what the suite needs; Java and npm for the Nu
# HTML Checker (npm's vnu-jar, pinned in package-lock.json, installed into node_modules/).
browser-deps: test-deps
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	fi

messages: $(VENV)/.deps
	$(LOCAL_ENV) $(PY) manage.py compilemessages --ignore=.venv -v 0

run: system-deps $(VENV)/.deps messages
	$(LOCAL_ENV) $(PY) manage.py migrate --no-input
	$(LOCAL_ENV) DEMO_PASSWORD=$(DEMO_PASSWORD) $(PY) manage.py load_demo
	$(LOCAL_ENV) $(PY) manage.py runserver 127.0.0.1:8000

test: test-deps redis $(VENV)/.dev-deps messages
	$(VENV)/bin/ruff check .
	$(PY) -m pytest -m "not browser" -n 2 -q

test-postgres: test-deps redis $(VENV)/.dev-deps messages
	$(PY) -m pytest -m "not browser" -n 2 -q

test-browser: browser-deps $(VENV)/.dev-deps messages
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(PY) -m pytest -m browser -q

bench: $(VENV)/.dev-deps
	$(LOCAL_ENV) $(PY) bench/exports.py

# The register PDF in parts against the single pass and LibreOffice (needs soffice: test-deps).
bench-pdf: test-deps $(VENV)/.dev-deps
	$(LOCAL_ENV) $(PY) bench/pdf_assembly.py

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
