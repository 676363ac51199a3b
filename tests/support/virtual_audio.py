"""Virtual sound devices for tests: real PortAudio/ALSA capture and playback, no sound card.

How it works
------------
* A private PulseAudio daemon (``pulseaudio -n``, own socket in a temporary folder, no D-Bus, no
  autospawn) loads one ``module-null-sink``.  PulseAudio supplies what ALSA's ``null`` device lacks: a
  clock.  Its null sink and the sink's monitor source consume and produce audio in real time.
* A temporary ALSA configuration (``ALSA_CONFIG_PATH`` = the system ``alsa.conf`` + our file) declares
  one PCM per virtual device:

  - capture ``NAME``: ALSA's ``file`` plugin with ``infile`` = a raw copy of a known WAV, over a
    ``pulse`` slave recording the null sink's monitor.  For every period the slave delivers (paced by
    PulseAudio's clock), the file plugin overwrites the buffer with the next bytes of ``infile``
    — so the application receives the known samples, bit for bit, at real-time speed.  (The ``null``
    slave would deliver them as fast as the CPU allows; a FIFO as ``infile`` does not work either,
    because PortAudio ignores short reads and repeats stale data.)
  - playback ``NAME``: the ``file`` plugin writing everything played to a raw file, over a ``pulse``
    slave playing into the null sink (again for real-time pacing).

* ``unplug()`` suspends the null sink: every device stops delivering audio (no more callbacks, as
  with an interface that died) until ``replug()``; ``remove(name)`` + ``apply()`` makes a device
  vanish from the device list (the ALSA ``default`` device, routed to PulseAudio, stays).
* After changing the configuration PortAudio is re-initialised (``sd._terminate(); sd._initialize()``)
  because it enumerates devices only at initialisation.  Child processes inherit ``ALSA_CONFIG_PATH``
  (and ``PULSE_SERVER``) from ``os.environ``.

Usage (pytest)::

    va = VirtualAudio(tmp_path_factory.mktemp("va")); va.start()
    dev = va.add_capture("rd_caller", samples_int16, samplerate=48000)   # shape (n, channels)
    out = va.add_playback("rd_speaker", samplerate=48000, channels=2)
    va.apply()          # write the ALSA config, set env vars, re-initialise PortAudio
    ... sounddevice.InputStream(device="rd_caller", ...) ...
    va.stop()

Needs the Debian packages ``pulseaudio`` and ``pulseaudio-utils`` (Makefile APT_TEST_PACKAGES);
:func:`available` says whether they are there so fixtures can skip with a clear reason.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

SYSTEM_ALSA_CONF = "/usr/share/alsa/alsa.conf"
SINK = "rd_null"


def available() -> str | None:
    """``None`` when virtual devices can be built, else the reason they cannot."""
    for tool in ("pulseaudio", "pactl", "parec", "pacat"):
        if shutil.which(tool) is None:
            return f"{tool} not installed (apt packages pulseaudio pulseaudio-utils)"
    if not Path(SYSTEM_ALSA_CONF).exists():
        return f"{SYSTEM_ALSA_CONF} missing (libasound2-data)"
    plugins = list(Path("/usr/lib").glob("*/alsa-lib/libasound_module_pcm_pulse.so"))
    if not plugins:
        return "ALSA pulse plugin missing (apt package libasound2-plugins)"
    return None


@dataclass
class CaptureDevice:
    name: str
    infile: Path
    samples: np.ndarray  # what the device plays into the application, shape (n, channels)
    samplerate: int


@dataclass
class PlaybackDevice:
    name: str
    outfile: Path
    samplerate: int
    channels: int
    dtype: str

    def played(self) -> np.ndarray:
        """Everything applications played to this device so far, shape (n, channels)."""
        raw = np.fromfile(self.outfile, dtype=self.dtype) if self.outfile.exists() else np.zeros(0)
        n = len(raw) // self.channels
        return raw[: n * self.channels].reshape(n, self.channels)


class VirtualAudio:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.socket = self.root / "pulse.sock"
        self.conf = self.root / "asound.conf"
        self.captures: dict[str, CaptureDevice] = {}
        self.playbacks: dict[str, PlaybackDevice] = {}
        self._proc: subprocess.Popen | None = None
        self._saved_env: dict[str, str | None] = {}

    # -- PulseAudio ---------------------------------------------------------------------------
    @property
    def server(self) -> str:
        return f"unix:{self.socket}"

    def start(self, timeout: float = 15.0) -> None:
        (self.root / "home").mkdir(parents=True, exist_ok=True)
        (self.root / "run").mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, HOME=str(self.root / "home"), XDG_RUNTIME_DIR=str(self.root / "run"))
        env.pop("PULSE_SERVER", None)
        self._log = open(self.root / "pulseaudio.log", "wb")  # noqa: SIM115 (closed in stop)
        self._proc = subprocess.Popen(
            [
                "pulseaudio",
                "-n",  # no default.pa: only the modules below
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--use-pid-file=no",
                "--disable-shm=yes",
                "--log-target=stderr",
                "-L",
                f"module-native-protocol-unix auth-anonymous=1 socket={self.socket}",
                "-L",
                f"module-null-sink sink_name={SINK} rate=48000 channels=2",
            ],
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"pulseaudio exited: {(self.root / 'pulseaudio.log').read_text()}")
            if self.socket.exists() and self._can_connect():
                break
            time.sleep(0.05)
        else:
            raise RuntimeError("pulseaudio did not start in time")
        self._wait_until_clock_runs(deadline)

    def _wait_until_clock_runs(self, deadline: float) -> None:
        # An idle null sink sleeps up to 2 s between renders, so a new capture stream may wait that long
        # for its first period.  A silent low-latency player keeps the sink awake (new streams then
        # start within ~10 ms); reading a little audio once makes sure the clock is running.
        self._keeper = subprocess.Popen(
            ["pacat", "--server", self.server, "-d", SINK, "--raw", "--playback", "--latency-msec=20"],
            stdin=subprocess.DEVNULL if not Path("/dev/zero").exists() else open("/dev/zero", "rb"),  # noqa: SIM115
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        rec = subprocess.Popen(
            ["parec", "--server", self.server, "-d", f"{SINK}.monitor", "--raw", "--latency-msec=20"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        try:
            got = 0
            while got < 3840 and time.monotonic() < deadline:
                chunk = rec.stdout.read1(3840) if rec.stdout else b""
                if not chunk:
                    break
                got += len(chunk)
        finally:
            rec.kill()
            rec.wait(5)

    def _can_connect(self) -> bool:
        with socket.socket(socket.AF_UNIX) as s:
            try:
                s.connect(str(self.socket))
                return True
            except OSError:
                return False

    def pactl(self, *args: str) -> str:
        out = subprocess.run(
            ["pactl", "--server", self.server, *args], capture_output=True, text=True, timeout=10, check=True
        )
        return out.stdout.strip()

    def unplug(self) -> None:
        """The devices stop delivering audio (suspended null sink): no more callbacks, as with a
        device that died.  Opening them still succeeds but stays silent, until :meth:`replug`.
        (Unloading the sink instead makes PortAudio's ALSA thread spin on poll errors forever.)"""
        self.pactl("suspend-sink", SINK, "1")

    def replug(self) -> None:
        self.pactl("suspend-sink", SINK, "0")

    def remove(self, name: str) -> None:
        """Make a device vanish from the system (call :meth:`apply` afterwards)."""
        self.captures.pop(name, None)
        self.playbacks.pop(name, None)

    def stop(self) -> None:
        self.restore_env()
        keeper = getattr(self, "_keeper", None)
        if keeper is not None and keeper.poll() is None:
            keeper.kill()
            keeper.wait(5)
        if self._proc is not None and self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGTERM)
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait(5)
        self._proc = None
        if getattr(self, "_log", None):
            self._log.close()

    # -- devices ------------------------------------------------------------------------------
    def add_capture(
        self, name: str, samples: np.ndarray, samplerate: int = 48_000, pad_seconds: float = 120.0
    ) -> CaptureDevice:
        """A capture device playing ``samples`` (int16 or float32, shape (n, channels)) then silence.

        Applications must open it with the same sample format and channel count.  The silence pad
        keeps the device running long after the known samples end (the file plugin has no looping).
        """
        samples = np.ascontiguousarray(samples)
        if samples.ndim == 1:
            samples = samples[:, None]
        infile = self.root / f"{name}.raw"
        with open(infile, "wb") as f:
            samples.tofile(f)
            pad = np.zeros((int(pad_seconds * samplerate), samples.shape[1]), dtype=samples.dtype)
            pad.tofile(f)
        dev = CaptureDevice(name, infile, samples, samplerate)
        self.captures[name] = dev
        return dev

    def add_playback(
        self, name: str, samplerate: int = 48_000, channels: int = 2, dtype: str = "int16"
    ) -> PlaybackDevice:
        dev = PlaybackDevice(name, self.root / f"{name}.out.raw", samplerate, channels, dtype)
        self.playbacks[name] = dev
        return dev

    def config_text(self) -> str:
        parts = []
        for dev in self.captures.values():
            parts.append(
                f"pcm.{dev.name} {{\n"
                f"    type file\n"
                f'    slave.pcm {{ type pulse server "{self.server}" device "{SINK}.monitor" }}\n'
                f'    file "/dev/null"\n'
                f'    infile "{dev.infile}"\n'
                f'    format "raw"\n'
                f'    hint {{ show on description "Radio Desk virtual input {dev.name}" }}\n'
                f"}}\n"
            )
        for dev in self.playbacks.values():
            parts.append(
                f"pcm.{dev.name} {{\n"
                f"    type file\n"
                f'    slave.pcm {{ type pulse server "{self.server}" device "{SINK}" }}\n'
                f'    file "{dev.outfile}"\n'
                f'    format "raw"\n'
                f"    truncate true\n"
                f"}}\n"
            )
        return "\n".join(parts)

    def apply(self) -> None:
        """Write the ALSA configuration, export it to this process and its children, re-init PortAudio."""
        self.conf.write_text(self.config_text(), encoding="utf-8")
        for key, value in (
            ("ALSA_CONFIG_PATH", f"{SYSTEM_ALSA_CONF}:{self.conf}"),
            ("PULSE_SERVER", self.server),
        ):
            if key not in self._saved_env:
                self._saved_env[key] = os.environ.get(key)
            os.environ[key] = value
        reinit_portaudio()

    def restore_env(self) -> None:
        for key, value in self._saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        self._saved_env.clear()
        reinit_portaudio()


def reinit_portaudio() -> None:
    import sounddevice as sd

    sd._terminate()
    sd._initialize()


def known_signal(seconds: float, samplerate: int = 48_000, channels: int = 2, seed: int = 7) -> np.ndarray:
    """A recognisable int16 test signal: different tones per channel plus low noise, never silent."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * samplerate)) / samplerate
    cols = []
    for ch in range(channels):
        tone = 0.4 * np.sin(2 * np.pi * (330 + 220 * ch) * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * t))
        cols.append(tone + 0.02 * rng.standard_normal(len(t)))
    return (np.stack(cols, axis=1) * 32767).astype(np.int16)
