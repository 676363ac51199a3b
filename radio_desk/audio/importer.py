"""Import existing audio files (WAV, FLAC, OGG/Opus WhatsApp voice notes, MP3, ...) as recordings.

libsndfile (through soundfile, 1.1+) decodes WAV, FLAC, OGG Vorbis/Opus and MP3 itself; those files
are copied unchanged into the recordings folder.  Anything else (M4A/AAC and AMR from phones, WebM,
3GP...) is decoded with FFmpeg's decoders inside PyAV (:mod:`radio_desk.audio.decode`, no system
``ffmpeg`` needed) and stored as FLAC.  Every file is decoded completely first, so a truncated or
corrupt file is refused with a message naming the file and the reason — never half-imported.  The new
recording's lock is held while its files are written, so recovery in another process keeps off them.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

from radio_desk.audio import ownership
from radio_desk.audio.decode import av_blocks
from radio_desk.audio.sidecar import sidecar_path, write_sidecar
from radio_desk.domain import Channel, Recording, RecordingState
from radio_desk.domain.models import utcnow
from radio_desk.errors import AudioError, NotFoundError
from radio_desk.fsutil import sha256_file
from radio_desk.paths import app_paths

NATIVE = {"WAV": "wav", "WAVEX": "wav", "FLAC": "flac", "OGG": "ogg", "MP3": "mp3"}
KNOWN_EXTENSIONS = {".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".m4a", ".aac", ".amr", ".webm", ".3gp"}
SUPPORTED_TEXT = "WAV, FLAC, OGG/Opus (pesan suara WhatsApp), MP3, M4A/AAC dan AMR (rekaman ponsel)"


@dataclass
class ImportedAudio:
    recording: Recording
    source: Path
    channel: Channel  # how the complaint most likely arrived (voice note → WhatsApp)


def _decode_all(path: Path) -> tuple[int, int, int, str]:
    """Decode the whole file; return (frames, samplerate, channels, libsndfile major format)."""
    with sf.SoundFile(str(path)) as f:
        frames = 0
        while True:
            x = f.read(1 << 16, dtype="float32", always_2d=True)
            if len(x) == 0:
                break
            frames += len(x)
        return frames, f.samplerate, f.channels, f.format


def _convert_to_flac(src: Path, dst: Path) -> None:
    """Decode ``src`` with PyAV into a 16-bit FLAC ``dst``; raises :class:`AudioError` on any failure."""
    out: sf.SoundFile | None = None
    try:
        for block, rate in av_blocks(src):
            if out is None:
                out = sf.SoundFile(str(dst), "w", rate, block.shape[0], "PCM_16", format="FLAC")
            out.write(np.ascontiguousarray(block.T))
    finally:
        if out is not None:
            out.close()
    if out is None:
        raise AudioError(f"Berkas '{src.name}' tidak berisi audio (0 sampel).")


def discard_import(imported: ImportedAudio) -> list[Path]:
    """Remove the copy an import made (audio and sidecar) when its case could not be stored: a copy no
    case points to would never be found again.  The source file is never touched.  Returns what could
    not be removed."""
    audio = Path(imported.recording.path)
    left: list[Path] = []
    for path in (audio, sidecar_path(audio)):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            left.append(path)
    return left


def import_audio_file(path: str | Path, recordings_dir: Path | None = None) -> ImportedAudio:
    src = Path(path)
    if not src.exists():
        raise NotFoundError(f"Berkas '{src}' tidak ditemukan.")
    if not src.is_file():
        raise AudioError(f"'{src}' bukan berkas audio (sebuah folder?).")
    if src.stat().st_size == 0:
        raise AudioError(f"Berkas '{src.name}' kosong (0 byte); tidak ada audio untuk diimpor.")
    folder = Path(recordings_dir) if recordings_dir else app_paths().recordings
    now = utcnow()
    rec = Recording(
        state=RecordingState.COMPLETE, started_at=now, device="impor", source_sha256=sha256_file(src)
    )
    target_dir = folder / "impor" / f"{now:%Y}" / f"{now:%m}"
    stem = f"{now:%Y%m%dT%H%M%SZ}_{rec.id.hex[:8]}"

    native_reason = None
    frames = rate = channels = 0
    try:
        frames, rate, channels, major = _decode_all(src)
        if frames == 0:
            raise AudioError(f"Berkas '{src.name}' tidak berisi audio (0 sampel).")
        fmt = NATIVE.get(major)
    except (sf.LibsndfileError, RuntimeError, ValueError) as err:
        fmt, native_reason = None, str(err)
    except OSError as err:
        raise AudioError(f"Berkas '{src.name}' tidak bisa dibaca: {err.strerror}.") from err

    owned = target_dir / f"{stem}.wav"  # the lock's name: every file of this recording has this stem
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        ownership.claim(owned)
    except OSError as err:
        raise _disk_error(src, target_dir, err) from err
    try:
        if fmt is not None:
            _copy_in(src, target_dir, rec, stem, fmt, (frames, rate, channels))
        else:
            _convert_in(src, target_dir, rec, stem, native_reason)
        write_sidecar(Path(rec.path), rec, source=str(src.resolve()), imported=True)
    finally:
        ownership.release(owned)
    return ImportedAudio(rec, src, channel_of_file(src))


VOICE_NOTE_EXTENSIONS = frozenset({".opus", ".ogg", ".oga", ".m4a", ".aac", ".amr", ".3gp"})


def channel_of_file(path: Path) -> Channel:
    """How a file most likely arrived: an Opus/OGG, M4A or AMR file is a phone's voice note (WhatsApp)."""
    return Channel.WHATSAPP if Path(path).suffix.lower() in VOICE_NOTE_EXTENSIONS else Channel.ON_AIR


def _disk_error(src: Path, target_dir: Path, err: OSError) -> AudioError:
    reason = "disk penuh" if err.errno == errno.ENOSPC else err.strerror
    return AudioError(f"Berkas '{src.name}' tidak bisa disalin ke {target_dir}: {reason}.")


def _describe(rec: Recording, dst: Path, fmt: str, frames: int, rate: int, channels: int) -> None:
    rec.path = str(dst)
    rec.format = fmt
    rec.samplerate = rate
    rec.channels = channels
    rec.channel_map = "mono" if channels == 1 else "mix"
    rec.duration_s = frames / rate
    rec.sha256 = sha256_file(dst)


def _copy_in(
    src: Path, target_dir: Path, rec: Recording, stem: str, fmt: str, probe: tuple[int, int, int]
) -> None:
    """A file libsndfile reads: copied unchanged."""
    dst = target_dir / f"{stem}{src.suffix.lower() or '.' + fmt}"
    part = dst.with_name(dst.name + ".part")  # a full disk must not leave half a file behind
    try:
        shutil.copyfile(src, part)
        os.replace(part, dst)
    except OSError as err:
        part.unlink(missing_ok=True)
        raise _disk_error(src, target_dir, err) from err
    _describe(rec, dst, fmt, *probe)


def _convert_in(src: Path, target_dir: Path, rec: Recording, stem: str, native_reason: str | None) -> None:
    """Anything else: decoded with PyAV into a FLAC, checked by reading the FLAC back."""
    dst = target_dir / f"{stem}.flac"
    try:
        with tempfile.TemporaryDirectory(dir=target_dir) as tmp:
            tmp_flac = Path(tmp) / "x.flac"
            try:
                _convert_to_flac(src, tmp_flac)
            except AudioError as err:
                what = (
                    f"format '{src.suffix or '?'}' tidak didukung"
                    if src.suffix.lower() not in KNOWN_EXTENSIONS
                    else "isinya rusak atau bukan audio yang bisa dibaca"
                )
                detail = native_reason or str(err.__cause__ or err)
                raise AudioError(
                    f"Berkas '{src.name}' tidak bisa diimpor: {what} ({detail}). "
                    f"Yang didukung: {SUPPORTED_TEXT}."
                ) from err
            frames, rate, channels, _ = _decode_all(tmp_flac)
            shutil.move(tmp_flac, dst)
    except OSError as err:
        raise _disk_error(src, target_dir, err) from err
    _describe(rec, dst, "flac", frames, rate, channels)
