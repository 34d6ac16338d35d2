# policykg: `make demo` and `make test` are the whole set-up.
# Each builds .venv (Python 3.11) with what it needs when it is missing or stale.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out
GOLD   ?= ../shared/eval/gold

.PHONY: demo test eval bench venv clean browser readers

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Headless Chromium renders the diff report in one test; install Debian's package when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "note: could not install chromium; the browser test will be skipped"; }

# .doc/.wps go through LibreOffice and scanned PDF pages through Tesseract's Chinese model;
# the font draws the image-only PDF of benchmarks/ocr_fidelity.py. Installed when missing;
# without them those files end in one line naming the missing tool, and their tests skip.
readers:
	@command -v soffice >/dev/null 2>&1 && command -v tesseract >/dev/null 2>&1 && \
	  tesseract --list-langs 2>/dev/null | grep -qx chi_sim || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	      libreoffice-writer-nogui tesseract-ocr tesseract-ocr-chi-sim fonts-wqy-zenhei >/dev/null) \
	    || echo "note: could not install LibreOffice/Tesseract; the .doc/.wps and OCR tests will be skipped"; }

demo: $(STAMP)
	$(BIN)/policykg extract corpus/seeds corpus/dev corpus/pdf --out $(OUT)/records
	$(BIN)/policykg export --records $(OUT)/records --format all --out $(OUT)/graph
	$(BIN)/policykg query owners 高新技术企业 --records $(OUT)/records
	$(BIN)/policykg diff corpus/dev/09_pingtan-allocated-land-transfer-measures-2015.txt \
	  corpus/dev/10_pingtan-allocated-land-transfer-measures-revised-2018.txt --format html --out $(OUT)/diff_09_10.html

test: $(STAMP) browser readers
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

eval: $(STAMP)
	$(BIN)/policykg extract corpus/seeds corpus/dev --out $(OUT)/eval
	$(BIN)/python $(GOLD)/../score.py --gold $(GOLD) --pred $(OUT)/eval

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(OUT) $(VENV)
