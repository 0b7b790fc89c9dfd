# Signatory: `make run` serves it, `make test` tests it. Both work on a fresh clone with no services.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test setup venv lint format bench clean

venv: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	rm -f $(VENV)/.installed-* && touch $@

# Migrate, load bundled member data and the demo letters, make sure a demo admin exists.
# Every step is idempotent, so `make run` can be run again and again.
setup: venv
	SIGNATORY_DEV=1 $(BIN)/python manage.py migrate --noinput
	SIGNATORY_DEV=1 $(BIN)/python manage.py import_members
	SIGNATORY_DEV=1 $(BIN)/python manage.py load_demo
	SIGNATORY_DEV=1 $(BIN)/python manage.py ensure_admin

run: setup
	@echo ""
	@echo "  Signatory is starting: http://127.0.0.1:$(PORT)/  (admin: /admin/, dashboard: /dashboard/, API: /api/v1/)"
	@echo "  Ctrl-C stops web, worker and beat together."
	@echo ""
	SIGNATORY_DEV=1 DEBUG=1 PORT=$(PORT) $(BIN)/honcho start -f Procfile.dev

test: venv
	SIGNATORY_DEV=1 $(BIN)/pytest $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf var/ .pytest_cache .ruff_cache
