# One task runner; CI runs `make test` (see .ci/run), exactly the README's test command.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= newsgraph.duckdb

.PHONY: setup sample test lint typecheck pytest eval bench clean browser screenshots bench-web

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
test: setup browser lint typecheck pytest

## Headless Chromium and its driver for the browser tests (Debian packages), unless installed.
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || { \
	  SUDO=$$(test "$$(id -u)" -eq 0 || echo sudo); \
	  $$SUDO apt-get update -q && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }

## PNGs of the main web pages (seed-style fixture + synthetic store) into screenshots/.
screenshots: setup browser
	$(BIN)/python bench/screenshots.py --out screenshots

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
	$(BIN)/python eval/language.py

## Speed and memory against bare spaCy; prints figures.
bench: setup
	$(BIN)/python bench/ingest.py

## Latency of every page and API call on 10,000 articles, concurrent clients; prints a table.
bench-web: setup
	$(BIN)/python bench/web.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache $(DB) $(DB).wal
