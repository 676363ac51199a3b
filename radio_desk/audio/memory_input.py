"""An input device in memory, for the recorder's fast test tier and simulations (no PortAudio).

The caller plays PortAudio's callback thread: :meth:`MemoryStream.push` hands one int16 block to the
recorder's callback, :meth:`MemoryStream.die` ends the stream as an unplugged device does, and
:meth:`MemoryBackend.unplug` / :meth:`MemoryBackend.plug` take a device away and bring it back.
Everything after the callback (ring, writer, meter, files, fan-out) is the recorder's real code.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from radio_desk.audio.backend import StreamRequest
from radio_desk.audio.devices import InputDevice, find_input_device, resolve_input_device
from radio_desk.errors import AudioError


@dataclass(frozen=True)
class Flags:
    """What PortAudio's ``CallbackFlags`` tells the callback."""

    input_overflow: bool = False


@dataclass
class MemoryStream:
    request: StreamRequest
    closed: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def device(self) -> InputDevice:
        return self.request.device

    def push(self, block: np.ndarray, *, overflow: bool = False) -> None:
        """Deliver ``block`` (int16, ``(frames, channels)``) as PortAudio's callback would."""
        channels = self.request.channels
        if block.dtype != np.int16 or block.ndim != 2 or block.shape[1] != channels:
            raise ValueError(f"an int16 block of {channels} channels, not {block.dtype} {block.shape}")
        with self._lock:
            if not self.closed:
                self.request.callback(block, len(block), None, Flags(overflow) if overflow else None)

    def die(self) -> None:
        """The stream ends for good (an error, the device unplugged)."""
        with self._lock:
            self.closed = True
        self.request.finished()

    def abort(self) -> None:
        with self._lock:
            self.closed = True

    def close(self) -> None:
        self.abort()


def memory_device(name: str = "Memori", channels: int = 2, samplerate: int = 16_000) -> InputDevice:
    return InputDevice(0, name, "memory", channels, float(samplerate), is_default=True)


class MemoryBackend:
    """Devices in memory; ``streams`` are the ones opened, newest last."""

    def __init__(self, devices: list[InputDevice] | None = None) -> None:
        self.devices = list(devices) if devices is not None else [memory_device()]
        self._unplugged: list[InputDevice] = []
        self.streams: list[MemoryStream] = []
        self.reinits = 0
        self._opened = threading.Condition()

    @property
    def stream(self) -> MemoryStream:
        """The stream opened last."""
        if not self.streams:
            raise AudioError("Belum ada aliran input yang dibuka.")
        return self.streams[-1]

    def wait_for_stream(self, count: int, timeout: float = 5.0) -> MemoryStream:
        """The ``count``-th stream once it is open (the recorder reopens on its own thread)."""
        with self._opened:
            if not self._opened.wait_for(lambda: len(self.streams) >= count, timeout):
                raise TimeoutError(f"stream {count} was not opened within {timeout} s")
        return self.streams[count - 1]

    def unplug(self, name: str) -> None:
        """Take the device away; its open stream ends as an unplugged one does."""
        device = _move(name, self.devices, self._unplugged)
        for stream in self.streams:
            if stream.device == device and not stream.closed:
                stream.die()

    def plug(self, name: str) -> None:
        _move(name, self._unplugged, self.devices)

    # -- InputBackend ------------------------------------------------------------------------------
    def resolve(self, name: str | None, channels: int) -> tuple[InputDevice, str | None]:
        return resolve_input_device(name, channels, self.devices)

    def present(self, name: str) -> bool:
        return find_input_device(name, self.devices) is not None

    def reinit(self) -> None:
        self.reinits += 1
        for stream in self.streams:
            stream.abort()

    def open(self, request: StreamRequest) -> MemoryStream:
        if request.device not in self.devices:
            raise AudioError(
                f"Perangkat input '{request.device.name}' tidak bisa dibuka pada {request.samplerate} Hz."
            )
        stream = MemoryStream(request)
        with self._opened:
            self.streams.append(stream)
            self._opened.notify_all()
        return stream


def _move(name: str, source: list[InputDevice], target: list[InputDevice]) -> InputDevice:
    device = find_input_device(name, source)
    if device is None:
        raise ValueError(f"no device {name!r} there")
    source.remove(device)
    target.append(device)
    return device
