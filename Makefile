# One task runner; CI runs `make test` (see .ci/run), exactly the README's test command.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= newsgraph.duckdb

.PHONY: setup sample test lint typecheck pytest eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## The main job on the bundled sample corpus.
sample: setup
	$(BIN)/newsgraph ingest examples/corpus --db $(DB)

## Lint, type-check and run the test suite.
test: setup lint typecheck pytest

lint: setup
	$(BIN)/ruff check src tests bench eval
	$(BIN)/ruff format --check src

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/python -m pytest -q

## Accuracy on the shared dev sets (../shared/eval); prints figures.
eval: setup
	$(BIN)/python -m pip install --quiet -e ".[eval]"
	$(BIN)/python eval/articles.py
	$(BIN)/python eval/entities.py
	$(BIN)/python eval/quotes.py
	$(BIN)/python eval/dates.py
	$(BIN)/python eval/counts.py
	$(BIN)/python eval/places.py
	$(BIN)/python eval/events.py

## Speed and memory against bare spaCy; prints figures.
bench: setup
	$(BIN)/python bench/ingest.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache $(DB) $(DB).wal
