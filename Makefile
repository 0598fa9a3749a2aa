# The development set-up: a virtual environment in .venv with the core and every local plugin
# distribution (languages/*, plugins/*) installed editable.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DISTS := $(sort $(dir $(wildcard languages/*/pyproject.toml plugins/*/pyproject.toml)))
STAMP := $(VENV)/.installed
TORCH ?= torch==2.13.0

.PHONY: setup demo test bench clean

$(STAMP): pyproject.toml $(addsuffix pyproject.toml,$(DISTS))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	# torch is pinned to the CPU build: an unpinned torch (asked for by plugins/torch) pulls a multi-GB CUDA build.
	$(BIN)/python -m pip install --quiet --disable-pip-version-check $(TORCH) -e '.[dev,hf]' $(foreach d,$(DISTS),-e $(d))
	touch $@

setup: $(STAMP)

demo: setup
	$(BIN)/effiskel demo

test: setup
	$(BIN)/python -m pytest tests benchmarks --benchmark-disable --durations=25

bench: setup
	$(BIN)/python -m pytest benchmarks --benchmark-only --benchmark-autosave

clean:
	rm -rf $(VENV) .pytest_cache .benchmarks .hypothesis
