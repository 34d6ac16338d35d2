# policykg: `make demo` and `make test` are the whole set-up.
# Each builds .venv (Python 3.11) with what it needs when it is missing or stale.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out
GOLD   ?= ../shared/eval/gold

.PHONY: demo test eval bench venv clean browser browser-note

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Headless Chromium renders the diff report in one test. `make browser` installs Debian's
# package (apt-get, as root) when asked to; `make test` never installs system packages.
HAVE_BROWSER = command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1

browser:
	@$(HAVE_BROWSER) || { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	    || echo "note: could not install chromium; the browser test will be skipped"; }

browser-note:
	@$(HAVE_BROWSER) || echo "note: no chromium: the browser test is skipped (\`make browser\` installs it, as root)"

demo: $(STAMP)
	$(BIN)/policykg extract corpus/seeds corpus/dev corpus/pdf --out $(OUT)/records
	$(BIN)/policykg export --records $(OUT)/records --format all --out $(OUT)/graph
	$(BIN)/policykg query owners 高新技术企业 --records $(OUT)/records
	$(BIN)/policykg diff corpus/dev/09_pingtan-allocated-land-transfer-measures-2015.txt \
	  corpus/dev/10_pingtan-allocated-land-transfer-measures-revised-2018.txt --format html --out $(OUT)/diff_09_10.html

test: $(STAMP) browser-note
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

# The scorer and the gold annotations live outside the project (../shared/eval); a fresh
# clone has neither, and says so instead of failing on a missing file.
SCORER = $(GOLD)/../score.py

eval: $(STAMP)
	@if [ ! -f "$(SCORER)" ] || [ ! -d "$(GOLD)" ]; then \
	  echo "make eval: skipped: it needs the gold annotations and the scorer, which are not part of"; \
	  echo "  this project: GOLD=$(GOLD) (a folder of gold records) and $(SCORER)."; \
	  echo "  Run \`make eval GOLD=/path/to/eval/gold\` with score.py in the folder above it."; \
	else \
	  $(BIN)/policykg extract corpus/seeds corpus/dev --out $(OUT)/eval --quiet && \
	  $(BIN)/python $(SCORER) --gold $(GOLD) --pred $(OUT)/eval; \
	fi

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(OUT) $(VENV)
