# The two-command set-up: `make serve` (or `make build`) and `make test`.
# Every target creates or refreshes .venv from requirements.txt when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build serve test validate generate clean

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
	$(BIN)/python -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: $(STAMP)  ## the whole test suite
	$(BIN)/python -m pytest

clean:
	rm -rf build site .site-* .pytest_cache
