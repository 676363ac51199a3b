"""Any audio file → what Whisper wants: 16 kHz mono float32 in [-1, 1].

WAV/FLAC/OGG go through libsndfile (soundfile); anything else (MP3, M4A, AMR from a phone, video)
through FFmpeg's decoders via PyAV, which faster-whisper already depends on.  Resampling uses FFmpeg's
libswresample (PyAV ``AudioResampler``): a proper band-limited resampler, not linear interpolation,
so 8 kHz phone audio and 44.1/48 kHz studio audio both arrive clean.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from radio_desk.errors import AudioError, NotFoundError
from radio_desk.transcribe.engine import SAMPLE_RATE

log = logging.getLogger(__name__)


def load_audio(path: str | Path, *, channel: int | None = None) -> np.ndarray:
    """Decode ``path`` to 16 kHz float32; ``channel`` picks one channel (0 = left), else a mono mix."""
    path = Path(path)
    if not path.exists():
        raise NotFoundError(f"Berkas audio tidak ditemukan: {path}.")
    if path.is_dir():
        raise AudioError(f"'{path}' adalah folder, bukan berkas audio.")
    if path.stat().st_size == 0:
        raise AudioError(f"Berkas audio '{path.name}' kosong (0 byte).")
    data, rate = _read(path)
    if data.ndim == 1:
        data = data[:, None]
    if data.shape[0] == 0:
        raise AudioError(f"Berkas audio '{path.name}' tidak berisi suara (durasi 0 detik).")
    if channel is not None:
        if not 0 <= channel < data.shape[1]:
            raise AudioError(
                f"Berkas audio '{path.name}' hanya punya {data.shape[1]} kanal; "
                f"kanal {channel + 1} tidak ada."
            )
        mono = data[:, channel]
    else:
        mono = data.mean(axis=1)
    mono = np.ascontiguousarray(mono, dtype=np.float32)
    if not np.all(np.isfinite(mono)):
        raise AudioError(f"Berkas audio '{path.name}' rusak: berisi nilai sampel yang tidak valid.")
    return resample(mono, rate, SAMPLE_RATE)


def _read(path: Path) -> tuple[np.ndarray, int]:
    import soundfile as sf

    try:
        data, rate = sf.read(str(path), dtype="float32", always_2d=True)
        return data, int(rate)
    except sf.LibsndfileError as err:
        sf_error = err
    except RuntimeError as err:  # older soundfile raises plain RuntimeError
        sf_error = err
    log.debug("soundfile could not read %s (%s); trying FFmpeg", path, sf_error)
    return _read_av(path)


def _read_av(path: Path) -> tuple[np.ndarray, int]:
    from radio_desk.audio.decode import av_blocks

    chunks: list[np.ndarray] = []
    rate = 0
    for block, block_rate in av_blocks(path):
        chunks.append(block)
        rate = block_rate
    if not chunks or rate <= 0:
        raise AudioError(f"Berkas audio '{path.name}' tidak berisi suara yang dapat dibaca.")
    data = np.concatenate(chunks, axis=1)  # planar frames: (channels, samples)
    return data.T.astype(np.float32, copy=False), rate


def resample(audio: np.ndarray, rate_in: int, rate_out: int = SAMPLE_RATE) -> np.ndarray:
    """Band-limited resampling of mono float32 ``audio`` with libswresample."""
    if rate_in == rate_out or audio.size == 0:
        return audio.astype(np.float32, copy=False)
    import av

    resampler = av.AudioResampler(format="flt", layout="mono", rate=rate_out)
    out: list[np.ndarray] = []
    block = 1 << 16
    for start in range(0, audio.size, block):
        piece = np.ascontiguousarray(audio[start : start + block], dtype=np.float32)[None, :]
        frame = av.AudioFrame.from_ndarray(piece, format="flt", layout="mono")
        frame.sample_rate = rate_in
        frame.pts = None
        out.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(frame))
    out.extend(f.to_ndarray().reshape(-1) for f in resampler.resample(None))
    return np.concatenate(out).astype(np.float32, copy=False) if out else np.zeros(0, np.float32)
