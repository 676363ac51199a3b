"""After a call: WAV → FLAC for the archive, verified sample for sample, and only then the WAV removed.

Every step leaves a consistent state if the process dies: the FLAC is written as ``.flac.part`` and
renamed only after verification; the sidecar points at the FLAC before the WAV is deleted; recovery
(:mod:`radio_desk.audio.recovery`) removes a leftover ``.part`` or a WAV whose FLAC is in place.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import numpy as np
import soundfile as sf

from radio_desk.audio.ownership import owning
from radio_desk.audio.sidecar import read_sidecar, sidecar_path, write_sidecar
from radio_desk.domain import Recording
from radio_desk.errors import AudioError
from radio_desk.fsutil import sha256_file

CHUNK_FRAMES = 1 << 18


def _same_audio(a: Path, b: Path) -> bool:
    with sf.SoundFile(str(a)) as fa, sf.SoundFile(str(b)) as fb:
        if (fa.frames, fa.channels, fa.samplerate) != (fb.frames, fb.channels, fb.samplerate):
            return False
        while True:
            xa = fa.read(CHUNK_FRAMES, dtype="int16", always_2d=True)
            xb = fb.read(CHUNK_FRAMES, dtype="int16", always_2d=True)
            if not np.array_equal(xa, xb):
                return False
            if len(xa) == 0:
                return True


def archive_to_flac(rec: Recording) -> Recording:
    """Transcode ``rec``'s WAV to FLAC next to it, verify, update the sidecar, delete the WAV.

    The recording's lock is held throughout, so recovery in another process leaves the ``.part`` alone."""
    wav = Path(rec.path)
    if wav.suffix.lower() != ".wav":
        return rec
    with owning(wav):
        return _archive(rec, wav)


def _archive(rec: Recording, wav: Path) -> Recording:
    part = wav.with_suffix(".flac.part")
    flac = wav.with_suffix(".flac")
    try:
        with (
            sf.SoundFile(str(wav)) as src,
            sf.SoundFile(str(part), "w", src.samplerate, src.channels, "PCM_16", format="FLAC") as dst,
        ):
            while True:
                x = src.read(CHUNK_FRAMES, dtype="int16", always_2d=True)
                if len(x) == 0:
                    break
                dst.write(x)
        with open(part, "rb+") as f:
            os.fsync(f.fileno())
        if not _same_audio(wav, part):
            part.unlink(missing_ok=True)
            raise AudioError(f"Verifikasi FLAC untuk {wav} gagal; WAV asli tetap disimpan.")
        os.replace(part, flac)
    except (OSError, RuntimeError) as err:
        part.unlink(missing_ok=True)
        raise AudioError(
            f"Rekaman {wav} tidak bisa diarsipkan sebagai FLAC: {err}. WAV asli tetap disimpan."
        ) from err
    done = replace(rec, path=str(flac), format="flac", sha256=sha256_file(flac))
    extra = {}
    try:
        old = read_sidecar(sidecar_path(wav))
        extra = {k: old[k] for k in ("preroll_s", "events", "error") if k in old}
    except (OSError, ValueError):
        pass
    write_sidecar(flac, done, **extra)  # same stem: the same sidecar file, now pointing at the FLAC
    wav.unlink()
    return done
