# policykg: `make demo` and `make test` are the whole set-up.
# Each builds .venv (Python 3.11) with what it needs when it is missing or stale.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out
GOLD   ?= ../shared/eval/gold

.PHONY: demo test eval bench venv clean browser graphology

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

# graphology (the reader behind sigma.js) loads the GraphML and GEXF exports in one test;
# npm installs it into .venv/node when node is there.
GRAPHOLOGY := $(VENV)/node/node_modules/graphology-gexf
graphology: $(STAMP)
	@test -d $(GRAPHOLOGY) || ! command -v npm >/dev/null 2>&1 || \
	  npm install --silent --no-audit --no-fund --prefix $(VENV)/node \
	    graphology@0.26 graphology-graphml@0.5 graphology-gexf@0.13 >/dev/null \
	  || echo "note: could not install graphology; its test will be skipped"

demo: $(STAMP)
	$(BIN)/policykg extract corpus/seeds corpus/dev corpus/pdf --out $(OUT)/records
	$(BIN)/policykg export --records $(OUT)/records --format all --out $(OUT)/graph
	$(BIN)/policykg query owners 高新技术企业 --records $(OUT)/records
	$(BIN)/policykg diff corpus/dev/09_pingtan-allocated-land-transfer-measures-2015.txt \
	  corpus/dev/10_pingtan-allocated-land-transfer-measures-revised-2018.txt --format html --out $(OUT)/diff_09_10.html

test: $(STAMP) browser graphology
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

eval: $(STAMP)
	$(BIN)/policykg extract corpus/seeds corpus/dev --out $(OUT)/eval
	$(BIN)/python $(GOLD)/../score.py --gold $(GOLD) --pred $(OUT)/eval

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(OUT) $(VENV)
