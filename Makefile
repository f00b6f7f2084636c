# Two commands matter: `make play` and `make test`. Each builds .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

LOCK := requirements.lock
TOOLS := .venv-tools
# `make dist` alone builds with PyInstaller, in a venv of its own from a lock of its own: play and test never need it.
DIST_VENV := .venv-dist
DIST_LOCK := requirements-dist.lock
DIST_STAMP := $(DIST_VENV)/.installed

.PHONY: play test lint screenshots bench fuzz golden lock schema authoring messages dist clean

# Every machine installs exactly what was tested: the versions and hashes in
# the lock file, then the game itself without resolving anything again.
$(STAMP): $(LOCK) pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Council needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Refresh the lock from the ranges in pyproject.toml (for every platform and Python 3.11+), less what
# lock-overrides.txt leaves out (the parts of pyobjc that pyttsx3 asks for and does not use).
lock:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet uv==0.13.9
	$(TOOLS)/bin/uv pip compile pyproject.toml --extra test --universal --python-version 3.11 \
		--generate-hashes --quiet --override lock-overrides.txt -o $(LOCK)
	$(TOOLS)/bin/uv pip compile pyproject.toml requirements-dist.in -c $(LOCK) --universal --python-version 3.11 \
		--generate-hashes --quiet --override lock-overrides.txt -o $(DIST_LOCK)
	@echo "$(LOCK) and $(DIST_LOCK) refreshed: run make test and make dist, then commit them"

# The build venv: the game's libraries at the versions of requirements.lock, and PyInstaller (requirements-dist.in).
$(DIST_STAMP): $(DIST_LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Council needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r $(DIST_LOCK)
	@touch $(DIST_STAMP)

# A one-folder build in dist/councilgame/ (tools/build_dist.py refuses one without the built-in cases), then the
# tests that run the built game (tests/dist: skipped by make test while no build exists).
dist: $(STAMP) $(DIST_STAMP)
	$(DIST_VENV)/bin/python tools/build_dist.py
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest tests/dist -q

play: $(STAMP)
	$(PY) -m councilgame

# The suite, then lint and types: a fresh clone is green only when all three are.
test: $(STAMP) lint
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest

# Lint and type-check with the pinned ruff and mypy (settings in pyproject.toml).
lint: $(STAMP)
	$(PY) -m ruff check src tests tools main.py
	$(PY) -m mypy

screenshots: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) tools/screenshots.py docs/screenshots

bench: $(STAMP)
	$(PY) tools/bench.py

fuzz: $(STAMP)
	$(PY) tools/fuzz.py 100000

# Rewrite tests/golden/ after a deliberate change of behaviour; review the diff, then commit it.
golden: $(STAMP)
	$(PY) tools/golden.py

# Rewrite what is generated from the scenario models after a change to a field or its description (tests fail
# until then): the JSON Schema shipped beside the cases, and the authoring guide, which also reads the schema.
schema: $(STAMP)
	$(PY) -m councilgame.scenario.json_schema

authoring: schema
	$(PY) tools/authoring_guide.py

# The translations: every string marked with _(), N_() or ngettext() in the game and the CLI extracted into
# a template (build/councilgame.pot, not kept), each language's catalogue (.po) brought up to date with it
# (a new message comes in untranslated, a changed one marked fuzzy), and compiled (.mo).
# The .mo files are committed beside the .po: the game, the wheel and make dist read them, so none needs Babel;
# tests/test_i18n.py fails while a .mo is older than its .po or a French message is untranslated.
LOCALES := src/councilgame/locale
messages: $(STAMP)
	@mkdir -p build
	$(VENV)/bin/pybabel -q extract --no-location --sort-output --project=councilgame --no-wrap \
		--msgid-bugs-address= -k N_ -o build/councilgame.pot src/councilgame
	$(VENV)/bin/pybabel -q update --no-wrap --ignore-obsolete -D councilgame -i build/councilgame.pot -d $(LOCALES)
	$(VENV)/bin/pybabel -q compile --statistics -D councilgame -d $(LOCALES)

clean:
	rm -rf $(VENV) $(TOOLS) $(DIST_VENV) build dist .pytest_cache .hypothesis .mypy_cache .ruff_cache
