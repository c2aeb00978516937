# The two commands that matter: `make site` builds every site into site/, `make test` runs every test.
# Both create the virtualenv (.venv) from pinned requirements on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.runtime-installed
# The generator's compiled bytecode (this machine's Python may be told not to write it: PYTHONDONTWRITEBYTECODE),
# so no run compiles the generator's modules again (about a tenth of a second for each process).
BYTECODE := $(VENV)/.generator-compiled
READY := $(RUNTIME) $(BYTECODE)
TESTING := $(VENV)/.test-installed
# Tools of the browser tests and the quality gates, installed when missing (CI runs as root on a clean machine):
# from Debian, Chromium, Java (for the Nu HTML Checker), hunspell and its British English dictionary;
# from the npm registry, axe-core and vnu-jar (package-lock.json); the Welsh dictionary (requirements-spelling.txt).
CHROMIUM := /usr/bin/chromium
DEBIAN_TOOLS := $(CHROMIUM) /usr/bin/java /usr/bin/hunspell /usr/share/hunspell/en_GB.dic
NODE_TOOLS := node_modules/.installed
CY_DICTIONARY := .tools/hunspell/cy_GB.dic
TOOLS := $(DEBIAN_TOOLS) $(NODE_TOOLS) $(CY_DICTIONARY)
# TENANT=rotherham builds tenants/rotherham/ instead of the default tenant (the repository's own data/ and content/).
TENANT ?=
GENERATOR := $(BIN)/python -m generator $(if $(TENANT),--tenant $(TENANT))
SITE ?= main
SITE_LANG ?=
ADDRESS ?= 127.0.0.1:8000

.PHONY: site test check gates translations facts translated external-links serve clean stop-server messages lint tools bench \
	pr-check pr-summary

site: $(READY)
	$(GENERATOR) build $(if $(ABSOLUTE_LINKS),--absolute-links) $(if $(RELEASE),--release)

test: $(TESTING) $(BYTECODE) $(TOOLS)
	$(BIN)/python -m ruff check generator tests bench
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: $(READY)
	$(GENERATOR) check

# The quality gates over the built site/: links, translations, freshness, safety, spelling, HTML, accessibility.
# RELEASE=1 turns the warnings (out-of-date Welsh, old figures) into errors. $(TESTING) brings Playwright, which
# drives Chromium for the accessibility gate.
gates: site $(TOOLS) $(TESTING)
	$(GENERATOR) gates $(if $(RELEASE),--release)

# Exactly what a pull request's workflow runs (.github/workflows/pull-request.yml: one step per target, in this
# order; tests/test_pull_requests.py holds the two together), so a failure there can be reproduced here.
PR_STEPS := check site pr-summary gates
pr-check:
	$(foreach step,$(PR_STEPS),$(MAKE) --no-print-directory $(step) &&) true

# The pages a change touches (compared with PR_BASE), where they are in the preview and their translation state:
# a pull request's job summary. PREVIEW_URL: where the preview can be downloaded, when it can.
# origin/main as a pull request has it; a clone without that remote compares with its own main.
PR_BASE ?= $(shell git rev-parse -q --verify origin/main >/dev/null && echo origin/main || echo main)
pr-summary: $(READY)
	@$(GENERATOR) changes --base $(PR_BASE) $(if $(PREVIEW_URL),--preview $(PREVIEW_URL))

# Every page's translation state, as a Markdown table to paste into a pull request.
translations: $(READY)
	@$(GENERATOR) translations

# Confirmed and unconfirmed facts per file and per council, oldest first, with what each waits for.
facts: $(READY)
	@$(GENERATOR) facts

# After updating a translation: record which version of the original it now matches (FILE=content/cy/...).
translated: $(READY)
	$(GENERATOR) translated $(FILE)

# Links to other websites, checked over the network (only when asked; CI has no network).
external-links: $(READY)
	$(GENERATOR) external-links

tools: $(TOOLS)

# Live preview of one site in one language: make serve SITE=anglesey SITE_LANG=cy
serve: $(READY)
	$(GENERATOR) serve --site $(SITE) $(if $(SITE_LANG),--lang $(SITE_LANG)) --address $(ADDRESS)

clean:
	$(GENERATOR) clean 2>/dev/null || rm -rf site .site.staging .site.staging.next .build

# `make site` leaves a build server running so the next build starts at once; it stops by itself after 10 minutes
# unused (FOSTERING_BUILD_SERVER=0 turns it off).
stop-server: $(READY)
	$(GENERATOR) build-server --stop

# Refresh the interface-string template and the Welsh catalogue after adding strings to templates or code.
messages: $(RUNTIME)
	$(BIN)/pybabel extract -F babel.cfg -o site_src/locales/messages.pot --no-location --omit-header .
	$(BIN)/pybabel update -i site_src/locales/messages.pot -d site_src/locales -l cy --no-fuzzy-matching

# Our builds against one plain `mkdocs build` per generated project (README, Performance).
bench: $(READY)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

lint: $(TESTING)
	$(BIN)/python -m ruff check generator tests bench

$(RUNTIME): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(BYTECODE): $(RUNTIME) $(shell find generator -name '*.py')
	$(BIN)/python -m compileall -q generator
	touch $@

$(TESTING): $(RUNTIME) requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

$(DEBIAN_TOOLS) &:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless \
		hunspell hunspell-en-gb

# --ignore-scripts: vnu-jar's install script would download a Java; Debian's is used instead.
$(NODE_TOOLS): package.json package-lock.json
	command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm)
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(CY_DICTIONARY): requirements-spelling.txt $(RUNTIME)
	rm -rf .tools/download
	$(BIN)/python -m pip download --quiet --no-deps --require-hashes -r requirements-spelling.txt -d .tools/download
	$(BIN)/python -m generator.checks.tools .tools/download .tools/hunspell
	rm -rf .tools/download
	touch $@
