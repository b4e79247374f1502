# Two commands set everything up on a machine with python3, pip and make:
#   make demo   installs into .venv and runs the main job on the bundled demo corpus
#   make test   installs (with test tools) and runs lint + the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: install demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/echoscope ingest demo/corpus.jsonl --db $(DEMO_DB)
	$(BIN)/echoscope detect --db $(DEMO_DB)
	$(BIN)/echoscope pairs --db $(DEMO_DB) --top 5
	$(BIN)/echoscope eval --db $(DEMO_DB) --gold demo/gold.jsonl
	@echo
	@echo "The demo database is $(DEMO_DB). Try:"
	@echo "  $(BIN)/echoscope pairs --db $(DEMO_DB) --top 20"
	@echo "  $(BIN)/echoscope detect --db $(DEMO_DB) --query demo/query-speech.txt"
	@echo "  $(BIN)/echoscope export pairs --db $(DEMO_DB) --format csv --out pairs.csv"

lint: install
	$(BIN)/ruff check src tests benchmarks demo

test: lint
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/run.py --sizes 1000 10000

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache $(DEMO_DB)*
