"""Import existing audio files (WAV, FLAC, OGG/Opus WhatsApp voice notes, MP3, ...) as recordings.

libsndfile (through soundfile, 1.1+) decodes WAV, FLAC, OGG Vorbis/Opus and MP3 itself; those files
are copied unchanged into the recordings folder.  Anything else (M4A/AAC, AMR, WebM...) is converted
to FLAC with ffmpeg when it is installed.  Every file is decoded completely first, so a truncated or
corrupt file is refused with a message naming the file and the reason — never half-imported.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import soundfile as sf

from radio_desk.audio.archive import sha256_file
from radio_desk.audio.sidecar import sidecar_path, write_sidecar
from radio_desk.domain import Channel, Recording, RecordingState
from radio_desk.errors import AudioError, NotFoundError
from radio_desk.paths import app_paths

NATIVE = {"WAV": "wav", "WAVEX": "wav", "FLAC": "flac", "OGG": "ogg", "MP3": "mp3"}
KNOWN_EXTENSIONS = {".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".m4a", ".aac", ".amr", ".webm", ".3gp"}
SUPPORTED_TEXT = "WAV, FLAC, OGG/Opus (pesan suara WhatsApp), MP3; M4A/AAC/AMR bila ffmpeg terpasang"


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


def _ffmpeg_to_flac(src: Path, dst: Path) -> str | None:
    """Convert with ffmpeg; ``None`` on success, else ffmpeg's reason."""
    exe = shutil.which("ffmpeg")
    if exe is None:
        return "ffmpeg tidak terpasang"
    out = subprocess.run(
        [
            exe,
            "-nostdin",
            "-v",
            "error",
            "-y",
            "-i",
            str(src),
            "-vn",
            "-c:a",
            "flac",
            "-sample_fmt",
            "s16",
            str(dst),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if out.returncode != 0:
        return (out.stderr.strip().splitlines() or ["ffmpeg gagal"])[-1]
    return None


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
    now = datetime.now(UTC)
    rec = Recording(state=RecordingState.COMPLETE, started_at=now, device="impor")
    target_dir = folder / "impor" / f"{now:%Y}" / f"{now:%m}"
    stem = f"{now:%Y%m%dT%H%M%SZ}_{rec.id.hex[:8]}"

    native_reason = None
    try:
        frames, rate, channels, major = _decode_all(src)
        if frames == 0:
            raise AudioError(f"Berkas '{src.name}' tidak berisi audio (0 sampel).")
        fmt = NATIVE.get(major)
    except (sf.LibsndfileError, RuntimeError, ValueError) as err:
        fmt, native_reason = None, str(err)
    except OSError as err:
        raise AudioError(f"Berkas '{src.name}' tidak bisa dibaca: {err.strerror}.") from err

    part: Path | None = None
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        if fmt is not None:
            dst = target_dir / f"{stem}{src.suffix.lower() or '.' + fmt}"
            part = dst.with_name(dst.name + ".part")  # a full disk must not leave half a file behind
            shutil.copyfile(src, part)
            os.replace(part, dst)
        else:
            with tempfile.TemporaryDirectory(dir=target_dir) as tmp:
                tmp_flac = Path(tmp) / "x.flac"
                reason = _ffmpeg_to_flac(src, tmp_flac)
                if reason is not None:
                    what = (
                        f"format '{src.suffix or '?'}' tidak didukung"
                        if src.suffix.lower() not in KNOWN_EXTENSIONS
                        else "isinya rusak atau bukan audio yang bisa dibaca"
                    )
                    detail = native_reason or reason
                    raise AudioError(
                        f"Berkas '{src.name}' tidak bisa diimpor: {what} ({detail}). "
                        f"Yang didukung: {SUPPORTED_TEXT}."
                    )
                frames, rate, channels, _ = _decode_all(tmp_flac)
                dst = target_dir / f"{stem}.flac"
                shutil.move(tmp_flac, dst)
            fmt = "flac"
    except OSError as err:
        if part is not None:
            part.unlink(missing_ok=True)
        full = err.errno == errno.ENOSPC
        reason = "disk penuh" if full else err.strerror
        raise AudioError(f"Berkas '{src.name}' tidak bisa disalin ke {target_dir}: {reason}.") from err

    rec.path = str(dst)
    rec.format = fmt
    rec.samplerate = rate
    rec.channels = channels
    rec.channel_map = "mono" if channels == 1 else "mix"
    rec.duration_s = frames / rate
    rec.sha256 = sha256_file(dst)
    write_sidecar(dst, rec, source=str(src.resolve()), imported=True)
    voice_note = src.suffix.lower() in {".opus", ".ogg", ".oga", ".m4a", ".aac", ".amr"}
    return ImportedAudio(rec, src, Channel.WHATSAPP if voice_note else Channel.ON_AIR)
