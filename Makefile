# The two-command set-up: `make serve` (or `make build`) and `make test`.
# Every target creates or refreshes .venv from requirements.txt when needed;
# `make test` first installs (or names) what pip does not bring, see
# scripts/system-deps.sh.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VNU := .tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: build serve test system-deps validate fix generate new hooks bench audit clean

$(STAMP): requirements.txt
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

validate: $(STAMP)  ## check the data only (fast)
	$(BIN)/python -m generator validate

fix: $(STAMP)  ## make the mechanical fixes (BOM, tabs, trailing spaces, mirrored easier/harder links), printing each
	$(BIN)/python -m generator fix

generate: $(STAMP)  ## write the Markdown tree into build/docs
	$(BIN)/python -m generator generate

build: $(STAMP)  ## generate, then mkdocs build --strict into site/
	$(BIN)/python -m generator build

# The site lives under the path of site_url in mkdocs.yml, so the preview does too.
serve: $(STAMP)  ## build, then serve with live reload on http://127.0.0.1:8000/hipdips/
	$(BIN)/python -m generator generate
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

new: $(STAMP)  ## start an exercise file: make new NAME="Banded fire hydrant"
	@test -n "$$NAME" || { echo 'make new: say which exercise, e.g. make new NAME="Banded fire hydrant"' >&2; exit 2; }
	@$(BIN)/python -m generator new exercise "$$NAME"

hooks:  ## run make validate (and the workflow checks) before every commit
	git config core.hooksPath .githooks
	@echo "pre-commit hook on: .githooks/pre-commit (skip once with git commit --no-verify)"

system-deps:  ## install (or name, in one line) what pip does not bring: a browser, Java, cairo, npm
	@PYTHON="$(PYTHON)" VENV="$(VENV)" VNU="$(VNU)" scripts/system-deps.sh

$(VNU): | system-deps  # the Nu HTML checker, from the npm registry (needs java to run)
	npm install --silent --no-save --no-audit --no-fund --prefix .tools/vnu vnu-jar@26.9.27

test: system-deps $(STAMP) $(VNU)  ## the whole test suite
	$(BIN)/python -m pytest

bench: $(STAMP)  ## how the build scales to 100, 1,000 and 5,000 exercises (slow; not part of test)
	$(BIN)/python benchmarks/build_scale.py

audit: build  ## Lighthouse (mobile) scores of the built site -> benchmarks/AUDIT.md
	$(BIN)/python benchmarks/lighthouse.py

clean:
	rm -rf build site .site-* .pytest_cache .tools
