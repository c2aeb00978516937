# The two commands that matter: `make site` builds every site into site/, `make test` runs every test.
# Both create the virtualenv (.venv) from pinned requirements on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
TESTING := $(VENV)/.test-installed
# Browser tests use Debian's Chromium; `make test` installs it when missing (CI runs as root).
CHROMIUM := /usr/bin/chromium
SITE ?= national
SITE_LANG ?=
ADDRESS ?= 127.0.0.1:8000

.PHONY: site test check serve clean messages lint bench

site: $(RUNTIME)
	$(BIN)/python -m generator build $(if $(ABSOLUTE_LINKS),--absolute-links) $(if $(RELEASE),--release)

test: $(TESTING) $(CHROMIUM)
	$(BIN)/python -m ruff check generator tests bench
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: $(RUNTIME)
	$(BIN)/python -m generator check

# Live preview of one site in one language: make serve SITE=anglesey SITE_LANG=cy
serve: $(RUNTIME)
	$(BIN)/python -m generator serve --site $(SITE) $(if $(SITE_LANG),--lang $(SITE_LANG)) --address $(ADDRESS)

clean:
	$(BIN)/python -m generator clean 2>/dev/null || rm -rf site .build

# Refresh the interface-string template and the Welsh catalogue after adding strings to templates or code.
messages: $(RUNTIME)
	$(BIN)/pybabel extract -F babel.cfg -o site_src/locales/messages.pot --no-location --omit-header .
	$(BIN)/pybabel update -i site_src/locales/messages.pot -d site_src/locales -l cy --no-fuzzy-matching

# Our builds against one plain `mkdocs build` per generated project (README, Performance).
bench: $(RUNTIME)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

lint: $(TESTING)
	$(BIN)/python -m ruff check generator tests bench

$(RUNTIME): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(TESTING): $(RUNTIME) requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
