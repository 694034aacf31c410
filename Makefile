# Two commands: `make demo` and `make test`. Everything comes from PyPI (and Debian for the test browser).
# Python 3.11 (or 3.12): python3.11 when it exists, else python3 (checked below)
PY ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null || echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast install clean browser

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "$(PY) not found: eventwire needs Python 3.11"; exit 1; }
	@$(PY) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 13) else 1)' || \
	  { echo "$(PY) is Python $$($(PY) -c 'import platform; print(platform.python_version())'); eventwire needs 3.11 or 3.12 (make PY=/path/to/python3.11)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[ray,embed,test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f eventwire.duckdb
	$(BIN)/eventwire code examples/ --db eventwire.duckdb --quiet || test $$? -eq 1
	$(BIN)/eventwire events --db eventwire.duckdb --limit 0

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
