# The two-command set-up: `make serve` (or `make build`) and `make test`.
# Every target creates or refreshes .venv from requirements.txt when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VNU := .tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: build serve test validate generate bench audit clean

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

validate: $(STAMP)  ## check the data only (fast)
	$(BIN)/python -m generator validate

generate: $(STAMP)  ## write the Markdown tree into build/docs
	$(BIN)/python -m generator generate

build: $(STAMP)  ## generate, then mkdocs build --strict into site/
	$(BIN)/python -m generator build

serve: $(STAMP)  ## build, then serve with live reload on http://127.0.0.1:8000
	$(BIN)/python -m generator generate
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

$(VNU):  # the Nu HTML checker, from the npm registry (needs java to run)
	npm install --silent --no-save --no-audit --no-fund --prefix .tools/vnu vnu-jar@26.9.27

test: $(STAMP) $(VNU)  ## the whole test suite
	$(BIN)/python -m pytest

bench: $(STAMP)  ## how the build scales to 100, 1,000 and 5,000 exercises (slow; not part of test)
	$(BIN)/python benchmarks/build_scale.py

audit: build  ## Lighthouse (mobile) scores of the built site -> benchmarks/AUDIT.md
	$(BIN)/python benchmarks/lighthouse.py

clean:
	rm -rf build site .site-* .pytest_cache .tools
