"""The recorder's input device behind a small protocol: the real one is PortAudio (sounddevice); a
test, a benchmark or a simulation can hand the recorder another (:mod:`radio_desk.audio.memory_input`),
as Buzz injects its audio backend.

The contract is PortAudio's: :meth:`InputBackend.open` returns a started stream that calls
``callback(indata, frames, time, status)`` from its own thread with int16 blocks of shape
``(frames, channels)`` (``status.input_overflow`` set when input was lost) and ``finished()`` once
the stream has ended for good (an error, the device unplugged).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import sounddevice as sd

from radio_desk.audio.devices import InputDevice, find_input_device, reinit_portaudio, resolve_input_device
from radio_desk.errors import AudioError

Callback = Callable[[Any, int, Any, Any], None]  # (indata, frames, time, status)


@dataclass(frozen=True)
class StreamRequest:
    """What the recorder opens: int16 blocks of ``blocksize`` frames to ``callback``."""

    device: InputDevice
    samplerate: int
    channels: int
    blocksize: int
    callback: Callback
    finished: Callable[[], None]


class InputStream(Protocol):
    def abort(self) -> None: ...

    def close(self) -> None: ...


class InputBackend(Protocol):
    def resolve(self, name: str | None, channels: int) -> tuple[InputDevice, str | None]:
        """The device to open for ``name`` and a warning when it is a stand-in (AudioError: none)."""
        ...

    def present(self, name: str) -> bool:
        """Whether a device of that name is there now."""
        ...

    def reinit(self) -> None:
        """Look for devices again (a re-plugged one); closes every open stream."""
        ...

    def open(self, request: StreamRequest) -> InputStream:
        """A started stream (AudioError, in Indonesian, when it cannot be opened)."""
        ...


class PortAudioBackend:
    """The real input: PortAudio through sounddevice."""

    def resolve(self, name: str | None, channels: int) -> tuple[InputDevice, str | None]:
        return resolve_input_device(name, channels)

    def present(self, name: str) -> bool:
        return find_input_device(name) is not None

    def reinit(self) -> None:
        reinit_portaudio()

    def open(self, request: StreamRequest) -> InputStream:
        r = request
        try:
            stream = sd.RawInputStream(
                device=r.device.index,
                samplerate=r.samplerate,
                channels=r.channels,
                dtype="int16",
                blocksize=r.blocksize,
                callback=r.callback,
                finished_callback=r.finished,
            )
            stream.start()
        except (sd.PortAudioError, ValueError) as err:
            raise AudioError(
                f"Perangkat input '{r.device.name}' tidak bisa dibuka pada {r.samplerate} Hz: {err}."
            ) from err
        return stream
