# policykg: `make demo` and `make test` are the whole set-up.
# Each builds .venv (Python 3.11) with what it needs when it is missing or stale.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out
GOLD   ?= ../shared/eval/gold

.PHONY: demo test eval heldout bench venv native clean browser readers graphology

venv: $(STAMP)

# The editable install is pure Python; `native` then compiles the text stages in place.
$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	POLICYKG_PURE=1 $(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The text stages compiled with mypyc (setup.py; gcc and the Python headers, both on a fresh
# machine): about a minute on two cores, and only when a source changed since the last build
# (extractor/native.py reads the build's record). A failed C build leaves pure Python.
native: $(STAMP)
	@$(BIN)/python -W ignore -c "import sys, extractor.native as n; sys.exit(n.mode != 'compiled')" || \
	  { echo "compiling the text stages with mypyc (about a minute)"; \
	    $(BIN)/python setup.py --quiet build_ext --inplace >$(VENV)/native-build.log 2>&1 || \
	    { tail -20 $(VENV)/native-build.log; exit 1; }; }

# System tools from Debian that some inputs and checks need: Chromium (the HTML reports and
# graph view are rendered in it), LibreOffice (.doc/.wps), Tesseract with its Chinese model and
# a CJK font (scanned PDF pages). `make test` and `make demo` install the missing ones when run
# as root (a fresh machine, CI); otherwise a note says which tests will skip.
HAVE_BROWSER = command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
HAVE_READERS = command -v soffice >/dev/null 2>&1 && command -v tesseract >/dev/null 2>&1 && \
  tesseract --list-langs 2>/dev/null | grep -qx chi_sim
APT_INSTALL = DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends

browser:
	@$(HAVE_BROWSER) || { [ "$$(id -u)" = 0 ] && apt-get update -qq && $(APT_INSTALL) chromium >/dev/null; } \
	  || echo "note: no chromium (install Debian's chromium as root); the browser tests will be skipped"

readers:
	@$(HAVE_READERS) || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	    $(APT_INSTALL) libreoffice-writer-nogui tesseract-ocr tesseract-ocr-chi-sim fonts-wqy-zenhei >/dev/null; } \
	  || echo "note: no LibreOffice/Tesseract (install them as root); the .doc/.wps and OCR tests will be skipped"

# graphology (the reader behind sigma.js) loads the GraphML and GEXF exports in one test;
# npm installs it into .venv/node when npm is there.
GRAPHOLOGY := $(VENV)/node/node_modules/graphology-gexf
graphology: $(STAMP)
	@test -d $(GRAPHOLOGY) || ! command -v npm >/dev/null 2>&1 || \
	  npm install --silent --no-audit --no-fund --prefix $(VENV)/node \
	    graphology@0.26 graphology-graphml@0.5 graphology-gexf@0.13 >/dev/null \
	  || echo "note: could not install graphology; its test will be skipped"

demo: $(STAMP) native readers
	$(BIN)/policykg extract corpus/seeds corpus/dev corpus/pdf --out $(OUT)/records
	$(BIN)/policykg export --records $(OUT)/records --format all --out $(OUT)/graph
	$(BIN)/policykg query owners 高新技术企业 --records $(OUT)/records
	$(BIN)/policykg diff corpus/dev/09_pingtan-allocated-land-transfer-measures-2015.txt \
	  corpus/dev/10_pingtan-allocated-land-transfer-measures-revised-2018.txt --format html --out $(OUT)/diff_09_10.html

test: $(STAMP) native browser readers graphology
	POLICYKG_REQUIRE_NATIVE=1 $(BIN)/python -m pytest -n 2 -p no:cacheprovider

# The scorer and the gold annotations live outside the project (../shared/eval); a fresh
# clone has neither, and says so instead of failing on a missing file.
SCORER = $(GOLD)/../score.py

eval: $(STAMP) native
	@if [ ! -f "$(SCORER)" ] || [ ! -d "$(GOLD)" ]; then \
	  echo "make eval: skipped: it needs the gold annotations and the scorer, which are not part of"; \
	  echo "  this project: GOLD=$(GOLD) (a folder of gold records) and $(SCORER)."; \
	  echo "  Run \`make eval GOLD=/path/to/eval/gold\` with score.py in the folder above it."; \
	else \
	  $(BIN)/policykg extract corpus/seeds corpus/dev --out $(OUT)/eval --quiet --force && \
	  $(BIN)/python $(SCORER) --gold $(GOLD) --pred $(OUT)/eval; \
	fi

# The held-out set (corpus/heldout, issue 10): real documents no rule was written on, with
# their gold beside them; scored by the same scorer, which lives outside the project.
heldout: $(STAMP) native
	@if [ ! -f "$(SCORER)" ]; then \
	  echo "make heldout: skipped: it needs the scorer, which is not part of this project:"; \
	  echo "  $(SCORER). Run \`make heldout GOLD=/path/to/eval/gold\` with score.py in the folder above it."; \
	else \
	  $(BIN)/policykg extract corpus/heldout --out $(OUT)/heldout --quiet --force && \
	  $(BIN)/python $(SCORER) --gold corpus/heldout/gold --pred $(OUT)/heldout; \
	fi

bench: $(STAMP) native
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(OUT) $(VENV) build policykg_native__mypyc.*.so extractor/native_build.json
	find extractor -name '*.so' -delete
