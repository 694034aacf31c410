# Two commands: `make demo` and `make test`. Everything comes from PyPI (and Debian for the test browser).
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast install clean browser

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "$(PY) not found: eventwire needs Python 3.11"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[ray,embed,test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f eventwire.duckdb
	$(BIN)/eventwire code examples/ --db eventwire.duckdb --quiet || test $$? -eq 1
	$(BIN)/eventwire events --db eventwire.duckdb

browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
	  { (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) || \
	    echo "warning: could not install Debian's chromium; browser tests will be skipped"; }

test: install browser
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

clean:
	rm -rf $(VENV) eventwire.duckdb build dist src/*.egg-info
