"""Waveform peaks of a recording, computed once and cached (no Qt: runs on a worker thread).

The file is read block by block (10 minutes of 48 kHz audio is never held in memory at once) and
reduced to ``BUCKETS_PER_SECOND`` (min, max) pairs of the channel mix.  The result is cached as a
``.npy`` under the cache folder, keyed by the file's path, size and modification time, so reopening
a case draws its waveform at once.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from radio_desk.errors import AudioError, NotFoundError
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)

BUCKETS_PER_SECOND = 50
BLOCK_SECONDS = 10


@dataclass(frozen=True)
class Waveform:
    peaks: np.ndarray  # shape (n, 2): min, max per bucket, float32 in [-1, 1]
    duration: float  # seconds
    cached: bool = False  # came from the cache


def cache_file(path: Path, cache_dir: Path | None = None) -> Path:
    st = path.stat()
    key = hashlib.sha1(f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:20]
    return (cache_dir or app_paths().cache / "waveforms") / f"{key}-{BUCKETS_PER_SECOND}.npy"


def compute_peaks(path: Path) -> Waveform:
    try:
        info = sf.info(str(path))
        bucket = max(1, info.samplerate // BUCKETS_PER_SECOND)
        block = bucket * BUCKETS_PER_SECOND * BLOCK_SECONDS
        parts: list[np.ndarray] = []
        for data in sf.blocks(str(path), blocksize=block, dtype="float32", always_2d=True):
            mono = data.mean(axis=1)
            n = len(mono) // bucket
            if n:
                frames = mono[: n * bucket].reshape(n, bucket)
                parts.append(np.stack([frames.min(axis=1), frames.max(axis=1)], axis=1))
            rest = mono[n * bucket :]
            if len(rest):
                parts.append(np.array([[rest.min(), rest.max()]], dtype=np.float32))
    except (sf.LibsndfileError, RuntimeError) as err:
        raise AudioError(f"Gelombang suara {path.name} tidak bisa dibaca: {err}.") from err
    peaks = np.concatenate(parts).astype(np.float32) if parts else np.zeros((0, 2), np.float32)
    return Waveform(peaks, info.frames / info.samplerate if info.samplerate else 0.0)


def load_waveform(path: Path | str, cache_dir: Path | None = None) -> Waveform:
    """The recording's peaks, from the cache when it is fresh, else computed and cached."""
    path = Path(path)
    if not path.exists():
        raise NotFoundError(f"Berkas rekaman {path} tidak ditemukan.")
    cached = cache_file(path, cache_dir)
    if cached.exists():
        try:
            data = np.load(cached, allow_pickle=False)
            return Waveform(data[1:].astype(np.float32), float(data[0, 0]), cached=True)
        except (OSError, ValueError) as err:
            log.warning("waveform cache %s unreadable (%s); recomputing", cached, err)
    wf = compute_peaks(path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(tmp, np.concatenate([np.array([[wf.duration, 0.0]], np.float32), wf.peaks]))
        tmp.replace(cached)
    except OSError as err:  # a read-only cache only costs time
        log.warning("waveform cache %s not written: %s", cached, err)
    return wf
