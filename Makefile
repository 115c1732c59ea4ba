# tei-edition: the two commands of the README, and their helpers.
#   make edition   install what is needed, then build the whole example edition
#   make test      install what is needed (with test extras), then run every test
# Works as root on a bare Debian machine with Python 3.11.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
TEI    := $(BIN)/tei-edition

# Debian packages: what building the edition needs, and what the tests add.
DEB_EDITION := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk
DEB_TEST    := jing chromium poppler-utils

.PHONY: edition test check convert fuzz debian-edition debian-test clean

# The whole example edition, step by step; each step stops the build on errors.
edition: $(VENV)/.installed debian-edition
	$(TEI) convert sources/ --out xml/
	$(TEI) validate xml/ --jobs 0
	$(TEI) render --to html --out build/html
	$(TEI) render --to pdf --per-document --out build/pdf
	$(TEI) render --to text --out build/text

convert: $(VENV)/.installed
	$(TEI) convert sources/ --out xml/

# Validate the edition only (schema + editorial rules); exit 1 on errors.
check: $(VENV)/.installed
	$(TEI) validate xml/ --jobs 0

# Benchmark the pipeline on 1,000 and 10,000 generated cables; table, and build/bench.json.
.PHONY: bench
bench: $(VENV)/.installed debian-edition
	$(TEI) bench --n 1000 --n 10000

test: $(VENV)/.installed-test debian-edition debian-test
	$(BIN)/python -m pytest

# Install Debian packages that are missing; `apt-get update` runs once, only when needed.
debian-edition:
	@$(MAKE) --no-print-directory debian-install PACKAGES="$(DEB_EDITION)"
debian-test:
	@$(MAKE) --no-print-directory debian-install PACKAGES="$(DEB_TEST)"
debian-install:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  [ -f /tmp/.tei-edition-apt-updated ] || { apt-get update && touch /tmp/.tei-edition-apt-updated; }; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# Fuzz the converter and the validator for a bounded time each (not part of `make test`).
FUZZ_SECONDS ?= 60
fuzz: $(VENV)/.installed-test
	$(BIN)/pip install --quiet -e ".[fuzz]"
	mkdir -p build/fuzz/convert-corpus build/fuzz/validate-corpus
	cp sources/*.txt build/fuzz/convert-corpus/
	cp xml/*.xml build/fuzz/validate-corpus/
	$(BIN)/python tests/fuzz/fuzz_convert.py -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build/fuzz/crash-convert- build/fuzz/convert-corpus
	$(BIN)/python tests/fuzz/fuzz_validate.py -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -artifact_prefix=build/fuzz/crash-validate- build/fuzz/validate-corpus

clean:
	rm -rf build .pytest_cache
