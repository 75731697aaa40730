# Each target makes its own .venv with the project installed; Python >= 3.11.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test gazetteer boundaries bench clean

$(BIN)/geoclaims: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "geoclaims needs Python >= 3.11, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,build]'
	@touch $@

## demo: set up, then run the bundled Kursk example and render its maps into ./geoclaims-demo/
demo: $(BIN)/geoclaims
	$(BIN)/geoclaims demo

## test: set up (with Debian's chromium for the browser tests and PostgreSQL + PostGIS for the ledger
## tests), then run the whole test suite
test: $(BIN)/geoclaims
	bash .ci/ensure-chromium
	bash .ci/ensure-postgis
	$(BIN)/python -m pytest

## gazetteer: rebuild data/gazetteer/places.json.gz from its sources
gazetteer: $(BIN)/geoclaims
	$(BIN)/python data/gazetteer/build.py

## bench: run the benchmarks and print our figures beside the baselines
bench: $(BIN)/geoclaims
	$(BIN)/python -m pip install --quiet -e '.[test,build,bench]'
	$(BIN)/python benchmarks/bench_geocode.py
	$(BIN)/python benchmarks/bench_spellings.py
	$(BIN)/python benchmarks/bench_timeline.py
	$(BIN)/python benchmarks/bench_render.py
	$(BIN)/python benchmarks/bench_observed.py
	$(BIN)/python benchmarks/bench_extract.py
	bash .ci/ensure-postgis
	$(BIN)/python benchmarks/bench_ledger.py
	$(BIN)/python benchmarks/bench_distributed.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache geoclaims-demo

## boundaries: rebuild data/boundaries/*.geojson from Natural Earth (needs npm and the registries)
boundaries: $(BIN)/geoclaims
	$(BIN)/python data/boundaries/build.py
