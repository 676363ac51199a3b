"""Crash-safe WAV files: written with libsndfile's automatic header update, repaired after a crash.

With ``SFC_SET_UPDATE_HEADER_AUTO`` libsndfile rewrites the RIFF/data sizes after every write, so the
file on disk is a valid WAV of everything written so far; a ``kill -9`` loses only what had not been
handed to the OS.  The writer also ``fsync``s regularly against power cuts.  :func:`repair_wav` fixes
the one gap left (the process dying between the data write and the header write, or a header that
never got written): it sets the sizes from the bytes actually on disk.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import soundfile as sf

from radio_desk.errors import AudioError
from radio_desk.fsutil import fsync_dir

SFC_SET_UPDATE_HEADER_AUTO = 0x1061  # sndfile.h; soundfile's cdef does not export it


def open_crash_safe_wav(path: Path, samplerate: int, channels: int, subtype: str = "PCM_16") -> sf.SoundFile:
    f = sf.SoundFile(str(path), "w", samplerate, channels, subtype, format="WAV")
    ok = sf._snd.sf_command(f._file, SFC_SET_UPDATE_HEADER_AUTO, sf._ffi.NULL, sf._snd.SF_TRUE)
    if ok != sf._snd.SF_TRUE:  # pragma: no cover - every libsndfile since 1.0.x supports it
        f.close()
        raise AudioError(f"libsndfile menolak pembaruan header otomatis untuk {path}.")
    fsync_dir(path.parent)
    return f


def fsync_file(f: sf.SoundFile) -> None:
    """Push what libsndfile wrote (it writes through, unbuffered) from the page cache to the disk.

    ``SoundFile.flush`` is ``sf_write_sync``, which calls ``fsync`` on libsndfile's descriptor."""
    f.flush()


def _find_chunks(data: bytes) -> dict[bytes, tuple[int, int]]:
    """RIFF chunk id -> (offset of its payload, declared size), walking from byte 12."""
    chunks: dict[bytes, tuple[int, int]] = {}
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        chunks[cid] = (pos + 8, size)
        if cid == b"data":
            break
        pos += 8 + size + (size & 1)
    return chunks


def _data_layout(path: Path, head: bytes) -> tuple[int, int]:
    """(offset of the audio data, bytes per frame) of a WAV whose first bytes are ``head``."""
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        raise AudioError(f"Berkas {path} bukan WAV yang bisa diperbaiki (header RIFF/WAVE tidak ada).")
    chunks = _find_chunks(head)
    if b"fmt " not in chunks or b"data" not in chunks:
        raise AudioError(f"Berkas {path} tidak punya bagian 'fmt' atau 'data'; tidak bisa diperbaiki.")
    fmt_off, _ = chunks[b"fmt "]
    block_align = struct.unpack("<H", head[fmt_off + 12 : fmt_off + 14])[0] or 1
    return chunks[b"data"][0], block_align


def frames_on_disk(path: Path) -> int:
    """Whole frames of audio in the file, whatever its header says (a header a crash left short)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(min(size, 64 * 1024))
    except OSError as err:
        raise AudioError(f"Berkas rekaman {path} tidak bisa dibaca: {err.strerror}.") from err
    data_off, block_align = _data_layout(path, head)
    return max(0, size - data_off) // block_align


def repair_wav(path: Path) -> int:
    """Make the header of a WAV agree with the audio on disk; return the number of frames.

    Trailing bytes that do not form a whole frame are cut.  Raises :class:`AudioError` when the file is
    not a RIFF/WAVE file at all (nothing to repair).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        with open(path, "r+b") as f:
            head = f.read(min(size, 64 * 1024))
            data_off, block_align = _data_layout(path, head)
            data_bytes = max(0, size - data_off)
            data_bytes -= data_bytes % block_align
            if data_off + data_bytes != size:
                f.truncate(data_off + data_bytes)
            f.seek(4)
            f.write(struct.pack("<I", data_off + data_bytes - 8))
            f.seek(data_off - 4)
            f.write(struct.pack("<I", data_bytes))
            f.flush()
            os.fsync(f.fileno())
    except OSError as err:
        raise AudioError(
            f"Berkas rekaman {path} tidak bisa dibuka untuk diperbaiki: {err.strerror}."
        ) from err
    return data_bytes // block_align
