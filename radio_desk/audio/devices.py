"""Input devices by name: listing, choosing, falling back when the chosen one vanished."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sounddevice as sd

from radio_desk.errors import AudioError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    hostapi: str
    max_input_channels: int
    default_samplerate: float
    is_default: bool = False


def reinit_portaudio() -> None:
    """Re-enumerate devices (PortAudio only looks at initialisation).  Closes every open stream."""
    sd._terminate()
    sd._initialize()


def list_input_devices() -> list[InputDevice]:
    try:
        devices = sd.query_devices()
        hostapis = sd.query_hostapis()
        default_in = sd.default.device[0]
    except sd.PortAudioError as err:
        raise AudioError(f"Daftar perangkat audio tidak bisa dibaca: {err}.") from err
    if default_in is None or default_in < 0:
        for api in hostapis:
            if api.get("default_input_device", -1) >= 0:
                default_in = api["default_input_device"]
                break
    out = []
    for i, d in enumerate(devices):
        if d["max_input_channels"] > 0:
            out.append(
                InputDevice(
                    index=i,
                    name=d["name"],
                    hostapi=hostapis[d["hostapi"]]["name"],
                    max_input_channels=d["max_input_channels"],
                    default_samplerate=d["default_samplerate"],
                    is_default=i == default_in,
                )
            )
    return out


def find_input_device(name: str, devices: list[InputDevice] | None = None) -> InputDevice | None:
    devices = list_input_devices() if devices is None else devices
    for d in devices:
        if d.name == name:
            return d
    low = name.lower()
    for d in devices:
        if low in d.name.lower():
            return d
    return None


def resolve_input_device(
    name: str | None, channels: int = 1, devices: list[InputDevice] | None = None
) -> tuple[InputDevice, str | None]:
    """The device called ``name`` among ``devices`` (default: PortAudio's), else the system default
    with a warning the UI must show.

    Returns ``(device, warning)``; ``warning`` is ``None`` when the requested device was found.
    """
    devices = list_input_devices() if devices is None else devices
    if not devices:
        raise AudioError("Tidak ada perangkat input audio di komputer ini (periksa kabel/driver mixer).")
    warning = None
    chosen = find_input_device(name, devices) if name else None
    if chosen is None:
        chosen = next((d for d in devices if d.is_default), None) or next(
            (d for d in devices if d.name == "default"), devices[0]
        )
        if name:
            warning = f"Perangkat input '{name}' tidak ditemukan; sementara memakai '{chosen.name}'."
            log.warning(warning)
    if chosen.max_input_channels < channels:
        raise AudioError(
            f"Perangkat input '{chosen.name}' hanya punya {chosen.max_input_channels} kanal; "
            f"pemetaan kanal ini butuh {channels}."
        )
    return chosen, warning
