# The two commands of the README:  `make site`  and  `make test`.
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
export NO_MKDOCS_2_WARNING = 1

.PHONY: setup setup-test site serve serve-fil serve-ru test check i18n-update i18n-status package bench bench-serve bench-lighthouse clean

$(BIN)/mkdocs: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

setup: $(BIN)/mkdocs

# Test tools: the Python ones, Debian's Chromium for the browser tests, gettext for msgfmt --check.
setup-test: setup
	$(BIN)/pip install --quiet -e ".[test]"
	npm ci --no-audit --no-fund --loglevel=error
	@command -v chromium >/dev/null && command -v msgfmt >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium gettext; \
	  else sudo apt-get update -q && sudo apt-get install -y -q chromium gettext; fi; }

site: setup            ## set up and build all three languages into site/ (pages unchanged since the last build are reused)
	ACADEMY_PAGE_CACHE=on $(BIN)/mkdocs build

serve: setup           ## preview every language with live reload; an edit renders again only what it changed
	$(BIN)/mkdocs serve --dirty

serve-fil: setup       ## preview Filipino only (fast), at http://127.0.0.1:8000/fil/
	ACADEMY_LANG=fil $(BIN)/mkdocs serve --dirty

serve-ru: setup
	ACADEMY_LANG=ru $(BIN)/mkdocs serve --dirty

# Two workers (pytest-xdist): a browser test waiting on Chromium leaves a core free for a build test.
# Each worker has its own temporary folders, tiny site, Ralph and Chromium; `worksteal` moves tests to the idle worker.
# The tests marked `long` start first (conftest.py); the run ends with the 25 slowest tests and their times.
TEST_WORKERS ?= 2

test: setup-test       ## set up and run every test
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist worksteal --durations=25

check: setup
	$(BIN)/academy check

i18n-update: setup
	$(BIN)/academy i18n update

i18n-status: setup
	$(BIN)/academy i18n status

package: setup         ## SCORM 1.2 and cmi5 zips of every course in every language, into site-packages/
	$(BIN)/academy package

bench: setup
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/footprint.py
	$(BIN)/python bench/packages.py

# Save to preview under `mkdocs serve` at 100 and 1,000 lessons, beside stock Material; slow at 1,000.
bench-serve: setup
	$(BIN)/python bench/serve_loop.py

# Lighthouse (mobile) on a lesson per language, the site served gzipped; needs Debian's Chromium.
bench-lighthouse: site
	cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python bench/lighthouse.py

clean:
	rm -rf site .site.* site-packages $(VENV)
