# council-ocr: one target per habit. `make run` and `make test` work on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MODEL := models/council_de
JOBS ?= $(shell nproc)

.PHONY: setup system-deps models run test test-slow lint bench clean samples

setup: $(VENV)/.installed system-deps models

# Tesseract with German and orientation data, and DejaVu fonts (test scans are rendered with
# them); installed as root when missing (a new machine has no package lists: update first).
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf
system-deps:
	@if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx deu \
		|| ! tesseract --list-langs 2>/dev/null | grep -qx osd || [ ! -f $(FONT) ]; then \
		echo "installing tesseract-ocr, tesseract-ocr-deu, tesseract-ocr-osd, fonts-dejavu-core" >&2; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			tesseract-ocr tesseract-ocr-deu tesseract-ocr-osd fonts-dejavu-core >/dev/null; \
	fi

$(VENV)/.installed: pyproject.toml
	@if ! $(PYTHON) -m venv --help >/dev/null 2>&1 || ! $(PYTHON) -c 'import ensurepip' >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-venv python3-pip >/dev/null; \
	fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# The spaCy pipeline and the lexicon are built from curated sources in models/ (see models/README.md).
models: $(MODEL)/meta.json

$(MODEL)/meta.json: $(VENV)/.installed $(wildcard models/src/*) pipeline/extract/build.py pipeline/extract/nlp.py pipeline/lexicon.py
	$(BIN)/python -m pipeline.extract.build --out $(MODEL)

run: setup
	$(BIN)/council-ocr run samples/ --out out/

test: setup
	$(BIN)/python -m pytest -q -m "not slow"

test-slow: setup
	$(BIN)/python -m pytest -q -m slow

lint: setup
	$(BIN)/ruff check pipeline tests samples
	$(BIN)/ruff format --check pipeline tests samples
	$(BIN)/mypy pipeline

# OCRmyPDF, the peer the bench compares with, is a bench-only dependency (the bench extra).
# With --output-type none it needs no apt package beyond Tesseract (system-deps): it renders
# pages with pypdfium2, not Ghostscript, and qpdf comes inside pikepdf's wheel.
$(VENV)/.bench-installed: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install -q -e '.[dev,bench]'
	touch $@

bench: setup $(VENV)/.bench-installed
	$(BIN)/python -m tests.bench $(BENCH_ARGS)

samples: setup
	$(BIN)/python samples/generate_letters.py --out samples/synthetic --count 12 --seed 2026

clean:
	rm -rf $(VENV) out $(MODEL) models/lexicon *.egg-info
