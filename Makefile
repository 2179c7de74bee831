# Gonghui: two commands on a fresh machine — `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install -q --disable-pip-version-check -c requirements/constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench messages makemessages migrate demo worker lock openapi clean

$(VENV)/.run-deps: pyproject.toml requirements/constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(PIP) -e .
	touch $@

$(VENV)/.dev-deps: $(VENV)/.run-deps
	$(PIP) -e '.[dev]'
	touch $@

messages: $(VENV)/.run-deps
	$(BIN)/python manage.py compile_translations

migrate: messages
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo

## run: install, migrate SQLite under var/, load demo data, serve with a job worker
run: demo
	@echo ""
	@echo "  Gonghui is starting at http://$(HOST):$(PORT)/  (demo logins above; Ctrl+C stops)"
	@echo ""
	@trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py jobs_worker & WORKER=$$!; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

worker: migrate
	$(BIN)/python manage.py jobs_worker

## test: the whole suite (SQLite by default; DATABASE_URL=postgres://... for PostgreSQL)
test: $(VENV)/.dev-deps messages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.dev-deps
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src
	$(BIN)/lint-imports  # the layer order of DESIGN.md (pyproject.toml [tool.importlinter])

## bench: speed targets on PostgreSQL (DATABASE_URL, default the local server)
bench: $(VENV)/.dev-deps
	$(BIN)/python -m bench $(BENCH_ARGS)

openapi: $(VENV)/.dev-deps
	$(BIN)/python manage.py export_openapi > docs/openapi.json

makemessages: $(VENV)/.dev-deps
	cd src/gonghui && ../../$(BIN)/python ../../manage.py makemessages -l en --no-obsolete --no-location

lock: $(VENV)/.dev-deps
	$(BIN)/pip freeze --exclude-editable | grep -v '^#' > requirements/constraints.txt

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
