"""Phone recordings made at test time with PyAV's encoders: M4A (AAC in MP4), raw AAC (ADTS), AMR-NB,
3GP (AMR-NB in 3GPP) — the formats WhatsApp, phone dialers and voice-memo apps send to a studio."""

from __future__ import annotations

from pathlib import Path

import numpy as np

TONE_HZ = 440.0

# suffix -> (container, encoder, sample rate)
PHONE_FORMATS = {
    ".m4a": ("ipod", "aac", 44_100),
    ".aac": ("adts", "aac", 44_100),
    ".amr": ("amr", "libopencore_amrnb", 8_000),
    ".3gp": ("3gp", "libopencore_amrnb", 8_000),
}


def tone(seconds: float, rate: int) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * TONE_HZ * t)).astype(np.float32)


def make_phone_file(path: Path, seconds: float = 1.5) -> Path:
    """Encode a 440 Hz tone into ``path`` in the format its suffix names (see ``PHONE_FORMATS``)."""
    import av

    container, codec, rate = PHONE_FORMATS[path.suffix]
    x = tone(seconds, rate)
    with av.open(str(path), "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate, layout="mono")
        sample_format = stream.codec_context.format.name
        block = 1024
        for start in range(0, len(x), block):
            piece = x[start : start + block]
            data = (piece * 32767).astype(np.int16) if sample_format == "s16" else piece
            frame = av.AudioFrame.from_ndarray(data[None, :], format=sample_format, layout="mono")
            frame.sample_rate = rate
            frame.pts = start
            for packet in stream.encode(frame):  # PyAV re-frames to the codec's frame size
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def dominant_hz(samples: np.ndarray, rate: int) -> float:
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    spectrum = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    return float(np.fft.rfftfreq(len(mono), 1 / rate)[int(np.argmax(spectrum))])
