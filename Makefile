# The two-command set-up: `make serve` (or `make build`) and `make test`, in
# either order. Each first installs (or names, in one line) what pip does not
# bring (scripts/system-deps.sh), then makes .venv (again, if half-made) and
# installs its pinned requirements (scripts/venv.sh): requirements.txt for
# serving and building, requirements-test.txt for the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
VNU := .tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
SERVE_ADDR ?= 127.0.0.1:8000
GOAL := $(or $(firstword $(MAKECMDGOALS)),build)
SETTINGS := GOAL="$(GOAL)" PYTHON="$(PYTHON)" VENV="$(VENV)" VNU="$(VNU)"

.PHONY: build serve test build-deps system-deps validate fix generate new hooks bench audit clean weeks-diff

$(STAMP): requirements.txt
	@$(SETTINGS) scripts/system-deps.sh venv
	@$(SETTINGS) scripts/venv.sh requirements.txt "what serving and building the site need"
	@touch $(STAMP)

# requirements-test.txt starts with -r requirements.txt, so both are then in.
$(TEST_STAMP): requirements-test.txt requirements.txt
	@$(SETTINGS) scripts/system-deps.sh venv
	@$(SETTINGS) scripts/venv.sh requirements-test.txt "the test suite's packages: pytest, Playwright, Hypothesis, zizmor..."
	@touch $(STAMP) $(TEST_STAMP)

build-deps:  ## install (or name, in one line) what building needs that pip does not bring: cairo, Python's venv module
	@$(SETTINGS) scripts/system-deps.sh build

validate: $(STAMP)  ## check the data only (fast)
	$(BIN)/python -m generator validate

fix: $(STAMP)  ## make the mechanical fixes (BOM, tabs, trailing spaces, mirrored easier/harder links), printing each
	$(BIN)/python -m generator fix

generate: build-deps $(STAMP)  ## write the Markdown tree into build/docs
	$(BIN)/python -m generator generate

build: build-deps $(STAMP)  ## generate, then mkdocs build --strict into site/
	$(BIN)/python -m generator build

# The site lives under the path of site_url in mkdocs.yml, so the preview does too.
# The hook (generator/serve_hook.py) generates the Markdown before each build and
# shows data problems at the top of every page, from the first start on; it also
# makes TERM to the server stop it as Ctrl-C does (`exec`: make's child is mkdocs).
serve: build-deps $(STAMP)  ## build, then serve with live reload on http://127.0.0.1:8000/hipdips/ (SERVE_ADDR=host:port for another)
	@mkdir -p build/docs
	@NO_MKDOCS_2_WARNING=1 exec $(BIN)/python -m mkdocs serve --strict --dev-addr $(SERVE_ADDR)

new: $(STAMP)  ## start an exercise file: make new NAME="Banded fire hydrant"
	@test -n "$$NAME" || { echo 'make new: say which exercise, e.g. make new NAME="Banded fire hydrant"' >&2; exit 2; }
	@$(BIN)/python -m generator new exercise "$$NAME"

BASE ?= origin/main
weeks-diff: $(STAMP)  ## which built weeks this branch changes, and how, against BASE (default origin/main)
	$(BIN)/python -m generator weeks-diff --base $(BASE)

hooks:  ## run make validate (and the workflow checks) before every commit
	git config core.hooksPath .githooks
	@echo "pre-commit hook on: .githooks/pre-commit (skip once with git commit --no-verify)"

system-deps:  ## install (or name, in one line) what the tests need that pip does not bring: a browser, Java, cairo, npm
	@$(SETTINGS) scripts/system-deps.sh test

$(VNU): | system-deps  # the Nu HTML checker, from the npm registry (needs java to run)
	npm install --silent --no-save --no-audit --no-fund --prefix .tools/vnu vnu-jar@26.9.27

test: system-deps $(TEST_STAMP) $(VNU)  ## the whole test suite
	$(BIN)/python -m pytest

bench: build-deps $(TEST_STAMP)  ## how the build scales to 100, 1,000 and 5,000 exercises, and a first visit's weight (slow; not part of test; needs Chromium)
	$(BIN)/python benchmarks/build_scale.py

audit: build  ## Lighthouse (mobile) scores of the built site -> benchmarks/AUDIT.md
	$(BIN)/python benchmarks/lighthouse.py

clean:
	rm -rf build site .site-* .pytest_cache .tools
