# Arena Monitor: `make run` to see the dashboard, `make test` for everything CI checks.
# The virtualenv is rebuilt only when a requirements file changes (stamp files in .venv/).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
TEST_OUTPUT := test-output
# pytest-xdist workers: 2 measured ~25% faster than serial with identical results (every worker
# gets its own template databases); the browser tests are one group on one worker (loadgroup,
# see tests/e2e/conftest.py); `make test PYTEST_WORKERS=0` runs serially.
PYTEST_WORKERS ?= 2
# Extra pytest options, e.g. `make test PYTEST_ARGS="-k overview -x"`.
PYTEST_ARGS ?=

.DEFAULT_GOAL := help

.PHONY: help run test lint format clean system-deps

# List the targets.
help:
	@echo "make run          start the dashboard on http://127.0.0.1:8501 (demo data on first run)"
	@echo "make test         system packages, lint, then all tests on SQLite and PostgreSQL"
	@echo "make lint         ruff check + ruff format --check"
	@echo "make format       ruff format + ruff check --fix"
	@echo "make clean        remove .venv and test-output (never data/arena.db)"

# The virtualenv itself; pip is upgraded once, when it is created.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Runtime packages; reinstalled only when requirements.txt is newer than the stamp.
$(RUNTIME_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# Test and lint tools (requirements-dev.txt includes requirements.txt).
$(DEV_STAMP): requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(RUNTIME_STAMP)

# Start the dashboard locally: migrate data/arena.db, load demo data only when it is empty.
run: $(RUNTIME_STAMP)
	$(BIN)/python -m arena init --demo
	$(BIN)/python -m streamlit run app.py --server.address=127.0.0.1 --server.port=8501 \
		--browser.gatherUsageStats=false --server.headless=true

# Debian packages the tests need (Chromium, PostgreSQL); installs only what is missing.
system-deps:
	bash scripts/system-deps.sh

# Everything CI checks: lint, then ONE pytest run over tests/ (unit, pages, e2e) on SQLite and a
# throwaway PostgreSQL server. ARENA_REQUIRE_POSTGRES=1 turns a missing server into a failure
# instead of a quiet skip. Screenshots and the server logs go to test-output/.
test: system-deps $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	mkdir -p $(TEST_OUTPUT)
	ARENA_REQUIRE_POSTGRES=1 PYTHON=$(BIN)/python bash scripts/with-postgres.sh \
		$(BIN)/python -m pytest tests -n $(PYTEST_WORKERS) --dist loadgroup --junitxml=$(TEST_OUTPUT)/junit.xml \
		$(PYTEST_ARGS)

# Lint without changing anything (what `make test` checks first).
lint: $(DEV_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Rewrite files into the project's style, then apply ruff's safe fixes.
format: $(DEV_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Remove what make and the tests created. data/arena.db is the user's data: never removed here.
clean:
	rm -rf $(VENV) $(TEST_OUTPUT)
