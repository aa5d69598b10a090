PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Versions the tests passed with: a fresh venv gets exactly these.
CONSTRAINTS := constraints.txt
PIP_INSTALL := $(PY) -m pip install --quiet -c $(CONSTRAINTS)
# The draft annex of CWS/12/22 (seed 001) against the annex WO/GA/58/9 adopted (seed 002).
REAL_DIFF := $(VENV)/bin/cws diff samples/cws_12_22.txt samples/wo_ga_58_9.txt --old-annex 1 --new-annex 1

.PHONY: setup run test bench fuzz samples lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml $(CONSTRAINTS) extractors/_pdfium_runs.c extractors/_pdfium_rules.c extractors/_pdfium_addresses.h extractors/_layout.c pipeline/references/_token_patterns.c
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --upgrade pip
	$(PIP_INSTALL) -e '.[test]'
	touch $(STAMP)

run: setup
	$(VENV)/bin/cws batch samples -o output
	$(REAL_DIFF) -f html -o output/diff_cws_12_22_vs_wo_ga_58_9.html
	$(REAL_DIFF) -f json -o output/diff_cws_12_22_vs_wo_ga_58_9.json
	$(REAL_DIFF) -f text -o output/diff_cws_12_22_vs_wo_ga_58_9.txt
	@echo "cws is installed in $(VENV): run $(VENV)/bin/cws, or 'source $(VENV)/bin/activate' first"

test: setup
	$(PY) -m pytest

samples: setup
	$(PIP_INSTALL) -e '.[samples]'
	$(PY) samples/build.py

converted: setup
	$(PY) samples/convert.py

bench: setup
	for script in bench/*.py; do $(PY) $$script || exit 1; done

fuzz: setup
	$(PY) bench/fuzz.py $(FUZZ_EXAMPLES)

# After a deliberate upgrade that the suite passed with: record the venv's versions.
lock: setup
	{ sed -n '1,2p' $(CONSTRAINTS); $(PY) -m pip freeze --all --exclude-editable; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)

clean:
	rm -rf $(VENV) output build *.egg-info extractors/*.so
