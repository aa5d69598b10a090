PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The draft annex of CWS/12/22 (seed 001) against the annex WO/GA/58/9 adopted (seed 002).
REAL_DIFF := $(VENV)/bin/cws diff samples/cws_12_22.txt samples/wo_ga_58_9.txt --old-annex 1 --new-annex 1

.PHONY: setup run test bench samples clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: setup
	$(VENV)/bin/cws batch samples -o output
	$(REAL_DIFF) -f html -o output/diff_cws_12_22_vs_wo_ga_58_9.html
	$(REAL_DIFF) -f json -o output/diff_cws_12_22_vs_wo_ga_58_9.json
	$(REAL_DIFF) -f text -o output/diff_cws_12_22_vs_wo_ga_58_9.txt

test: setup
	$(PY) -m pytest

samples: setup
	$(PY) samples/build.py

converted: setup
	$(PY) samples/convert.py

bench: setup
	for script in bench/*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) output build *.egg-info
