"""The model manager: fetch bigger Whisper models when the studio has internet.

Each catalogue model exists for both engines: a CTranslate2 folder from Hugging Face for
faster-whisper, the original ``.pt`` checkpoint for openai-whisper (which can also use a CTranslate2
folder through :mod:`radio_desk.transcribe.convert`).  Downloads report progress, can be cancelled,
resume where they stopped (HTTP ``Range``) and are checked before use against the catalogue: every
Hugging Face file is fetched at a fixed commit (``resolve/<revision>/``, never the moving ``main``) with
its size and SHA-256 pinned here; the openai-whisper checkpoints are named by their SHA-256.  A file
without a pinned SHA-256 is never downloaded, and a mismatch is refused and discarded.  Files land as
``*.part`` first; a model folder appears under its final name only when every file is complete and
verified.

Where the pins come from: the revisions and hashes below are those that several independent projects
record for the same Hugging Face commits (file sizes and LFS SHA-256 agree across them; for
whisper-base the same sources give our bundled model's SHA-256).  Moving a model to a new revision
means pinning its new hashes here.

Offline, :class:`OfflineError` says so plainly; the bundled whisper-base stays in use.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from radio_desk.errors import ModelError
from radio_desk.fsutil import sha256_file
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)

ENGINES = ("faster-whisper", "openai-whisper")
_CHUNK = 1024 * 1024
_HF = "https://huggingface.co/{repo}/resolve/{revision}/{file}"
_OPENAI = "https://openaipublic.azureedge.net/main/whisper/models/{sha}/{name}.pt"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

ProgressFn = Callable[[int, int], None]  # (bytes done, bytes total or 0 when unknown)
CancelFn = Callable[[], bool]


class OfflineError(ModelError):
    """No connection: the model cannot be fetched now; the bundled model stays in use."""


class DownloadCancelled(ModelError):
    """The user cancelled; the partial files are kept so the download can resume."""


@dataclass(frozen=True)
class RemoteFile:
    url: str
    name: str  # file name inside the model folder (or the checkpoint's name)
    sha256: str | None = None  # required to download: a file without a pinned hash is refused
    optional: bool = False  # a 404 is fine (the folder works without it)
    size: int | None = None  # bytes, when pinned: a different length is refused before hashing


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    size_mb: dict[str, int]  # approximate download size per engine, for the interface
    files: dict[str, tuple[RemoteFile, ...]] = field(default_factory=dict)  # engine -> files


def _hf_files(repo: str, revision: str, files: dict[str, tuple[int, str]]) -> tuple[RemoteFile, ...]:
    """A CTranslate2 folder at one commit of a Hugging Face repository: name -> (size, SHA-256)."""
    return tuple(
        RemoteFile(_HF.format(repo=repo, revision=revision, file=name), name, sha256=sha, size=size)
        for name, (size, sha) in files.items()
    )


def _openai_file(name: str, sha: str) -> tuple[RemoteFile, ...]:
    return (RemoteFile(_OPENAI.format(sha=sha, name=name), f"{name}.pt", sha256=sha),)


# the multilingual tokenizer and vocabulary that Systran's small and medium conversions share
_SYSTRAN_TOKENIZER = (2_203_239, "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab")
_SYSTRAN_VOCABULARY = (459_861, "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913")

CATALOGUE: dict[str, CatalogueEntry] = {
    "small": CatalogueEntry(
        "small",
        {"faster-whisper": 484, "openai-whisper": 461},
        {
            "faster-whisper": _hf_files(
                "Systran/faster-whisper-small",
                "536b0662742c02347bc0e980a01041f333bce120",
                {
                    "config.json": (
                        2_370,
                        "b55496ac7940a7ae47d2c01eab40edfd8701feec1229d9cce3b40014383fb828",
                    ),
                    "model.bin": (
                        483_546_902,
                        "3e305921506d8872816023e4c273e75d2419fb89b24da97b4fe7bce14170d671",
                    ),
                    "tokenizer.json": _SYSTRAN_TOKENIZER,
                    "vocabulary.txt": _SYSTRAN_VOCABULARY,
                },
            ),
            "openai-whisper": _openai_file(
                "small", "9ecf779972d90ba49c06d968637d720dd632c55bbf19d441fb42bf17a411e794"
            ),
        },
    ),
    "medium": CatalogueEntry(
        "medium",
        {"faster-whisper": 1530, "openai-whisper": 1457},
        {
            "faster-whisper": _hf_files(
                "Systran/faster-whisper-medium",
                "08e178d48790749d25932bbc082711ddcfdfbc4f",
                {
                    "config.json": (
                        2_257,
                        "3622a2ddc41ec0e0fd4e68c13c6830f03b90c38d89aaad184de02c8c642cf807",
                    ),
                    "model.bin": (
                        1_527_906_378,
                        "9b45e1009dcc4ab601eff815b61d80e60ce3fd8c74c1a14f4a282258286b51ae",
                    ),
                    "tokenizer.json": _SYSTRAN_TOKENIZER,
                    "vocabulary.txt": _SYSTRAN_VOCABULARY,
                },
            ),
            "openai-whisper": _openai_file(
                "medium", "345ae4da62f9b3d59415adc60127b97c714f32e89e936602e85993674d08dcb1"
            ),
        },
    ),
    "large-v3-turbo": CatalogueEntry(
        "large-v3-turbo",
        {"faster-whisper": 1620, "openai-whisper": 1550},
        {
            # formerly mobiuslabsgmbh/faster-whisper-large-v3-turbo (the old name redirects); same commit
            "faster-whisper": _hf_files(
                "dropbox-dash/faster-whisper-large-v3-turbo",
                "0a363e9161cbc7ed1431c9597a8ceaf0c4f78fcf",
                {
                    "config.json": (
                        2_263,
                        "b0253ea6c0d3bea6b1e19e91a02acfd3b53f4467362efcb5a3e6b16c9b3a9b7e",
                    ),
                    "model.bin": (
                        1_617_884_929,
                        "e76620f83d5f5b69efd3d87e3dc180c1bd21df9fbebacfd4335e5e1efcc018da",
                    ),
                    "preprocessor_config.json": (
                        340,
                        "7ccc62c6f2765af1f3b46c00c9b5894426835a05021c8b9c01eecb6dfb542711",
                    ),
                    "tokenizer.json": (
                        2_710_337,
                        "297b13372ac43916285644fb9687add3cc62ee2a1adb60da3dc25cc94c1871fd",
                    ),
                    "vocabulary.json": (
                        1_068_114,
                        "c69260f2ab26d659b7c398f9a2b2b48ed0df16c3b47d7326782fd9cba71690c1",
                    ),
                },
            ),
            "openai-whisper": _openai_file(
                "large-v3-turbo", "aff26ae408abcba5fbf8813c21e62b0941638c5f6eebfb145be0c9839262a19a"
            ),
        },
    ),
}


def engine_dir(engine: str) -> Path:
    return app_paths().models / engine


def downloaded_model_path(name: str, engine: str) -> Path | None:
    """Where a downloaded catalogue model lives, or None.

    openai-whisper prefers its own checkpoint and falls back to the CTranslate2 folder (converted on
    load); faster-whisper needs the CTranslate2 folder.
    """
    ct2 = engine_dir("faster-whisper") / name
    pt = engine_dir("openai-whisper") / f"{name}.pt"
    if engine == "openai-whisper" and pt.is_file():
        return pt
    if (ct2 / "model.bin").is_file() and (ct2 / "config.json").is_file():
        return ct2
    return None


# --- checksums ------------------------------------------------------------------------------------


def _pinned(name: str, sha256: str | None) -> str:
    """The pinned SHA-256 (lower case), or a refusal: nothing is downloaded that cannot be verified."""
    if sha256 is None or not _SHA256.match(sha256.lower()):
        raise ModelError(
            f"Berkas {name} tidak punya checksum SHA-256 yang dipatok di katalog, jadi tidak diunduh: "
            "Radio Desk hanya memasang berkas model yang bisa diperiksa. Perbarui Radio Desk."
        )
    return sha256.lower()


# --- one file -------------------------------------------------------------------------------------


def _cancelled(cancel: CancelFn | threading.Event | None) -> bool:
    if cancel is None:
        return False
    return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())


def _offline(url: str, err: Exception) -> OfflineError:
    host = httpx.URL(url).host
    return OfflineError(
        f"Tidak ada koneksi internet (server {host} tidak dapat dihubungi), jadi model tidak dapat "
        "diunduh sekarang. Radio Desk tetap memakai model bawaan whisper-base; coba lagi saat "
        f"internet tersedia. ({type(err).__name__})"
    )


def download_file(
    url: str,
    dest: Path,
    *,
    sha256: str | None = None,
    size: int | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelFn | threading.Event | None = None,
    client: httpx.Client | None = None,
    optional: bool = False,
) -> Path | None:
    """Fetch ``url`` into ``dest`` via ``dest.part``, resuming a previous partial download, and keep it
    only when its SHA-256 is ``sha256`` (required: without it nothing is fetched) and, if given, its
    length ``size``.  Returns ``dest``, or None when ``optional`` and the server has no such file (404).
    """
    expected = _pinned(dest.name, sha256)
    part = dest.with_name(dest.name + ".part")
    dest.parent.mkdir(parents=True, exist_ok=True)
    own_client = client is None
    client = client or httpx.Client(timeout=httpx.Timeout(30.0, connect=10.0), follow_redirects=True)
    try:
        for _attempt in range(2):  # a second go from zero if the server ignores our range oddly
            offset = part.stat().st_size if part.exists() else 0
            # identity: lengths and byte ranges are those of the file itself, never of a gzip stream
            headers = {"Accept-Encoding": "identity"} | ({"Range": f"bytes={offset}-"} if offset else {})
            try:
                with client.stream("GET", url, headers=headers) as resp:
                    if resp.status_code == 404 and optional:
                        return None
                    if resp.status_code == 416 and offset:  # our part is already complete?
                        if sha256_file(part) == expected:
                            os.replace(part, dest)
                            return dest
                        part.unlink(missing_ok=True)
                        continue
                    if resp.status_code not in (200, 206):
                        raise ModelError(
                            f"Server menolak unduhan {dest.name} (HTTP {resp.status_code}, {url})."
                        )
                    if resp.status_code == 206:
                        start = _range_start(resp.headers.get("content-range"))
                        if start != offset:
                            part.unlink(missing_ok=True)
                            continue
                        total = _range_total(resp.headers.get("content-range"))
                    else:  # a full response: start again from zero
                        offset = 0
                        length = resp.headers.get("content-length")
                        total = int(length) if length else None
                    if size is not None and total is not None and total != size:
                        raise ModelError(
                            f"Server mengirim {dest.name} sebesar {total:,} byte, bukan {size:,} byte "
                            "seperti di katalog; berkas tidak diunduh."
                        )
                    total = total if total is not None else size
                    digest = hashlib.sha256()
                    done = offset
                    mode = "ab" if offset else "wb"
                    with part.open(mode) as out:
                        if offset:  # hash what is already on disk
                            with part.open("rb") as prev:
                                while chunk := prev.read(_CHUNK):
                                    digest.update(chunk)
                        for chunk in resp.iter_bytes(_CHUNK):
                            if _cancelled(cancel):
                                out.flush()
                                raise DownloadCancelled(
                                    f"Unduhan {dest.name} dibatalkan; bagian yang sudah terunduh "
                                    "disimpan dan akan dilanjutkan pada unduhan berikutnya."
                                )
                            out.write(chunk)
                            digest.update(chunk)
                            done += len(chunk)
                            if progress:
                                progress(done, total or 0)
                        out.flush()
                        os.fsync(out.fileno())
            except (httpx.ConnectError, httpx.ConnectTimeout) as err:
                raise _offline(url, err) from err
            except (httpx.ReadError, httpx.ReadTimeout, httpx.RemoteProtocolError) as err:
                raise ModelError(
                    f"Unduhan {dest.name} terputus ({type(err).__name__}); bagian yang sudah terunduh "
                    "disimpan, coba lagi untuk melanjutkan."
                ) from err
            if total is not None and done < total:
                raise ModelError(
                    f"Unduhan {dest.name} tidak lengkap ({done:,} dari {total:,} byte); coba lagi untuk "
                    "melanjutkan."
                )
            got = digest.hexdigest()
            if got != expected or (size is not None and done != size):
                part.unlink(missing_ok=True)
                raise ModelError(
                    f"Berkas {dest.name} yang diunduh rusak atau bukan versi yang dipatok: checksum SHA-256 "
                    f"tidak cocok (didapat {got[:12]}…, seharusnya {expected[:12]}…). Berkas dibuang; "
                    "coba unduh lagi."
                )
            os.replace(part, dest)
            return dest
        raise ModelError(f"Server tidak mendukung unduhan lanjutan untuk {dest.name} ({url}).")
    finally:
        if own_client:
            client.close()


_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")


def _range_start(value: str | None) -> int | None:
    m = _CONTENT_RANGE.match(value or "")
    return int(m.group(1)) if m else None


def _range_total(value: str | None) -> int | None:
    m = _CONTENT_RANGE.match(value or "")
    return int(m.group(3)) if m and m.group(3) != "*" else None


# --- the manager ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InstalledModel:
    name: str
    engine: str
    path: Path
    size_bytes: int


class ModelManager:
    """Lists, downloads and removes models; the settings dialog drives it from a worker thread."""

    def __init__(
        self,
        catalogue: dict[str, CatalogueEntry] | None = None,
        client_factory: Callable[[], httpx.Client] | None = None,
    ) -> None:
        self.catalogue = catalogue if catalogue is not None else CATALOGUE
        self._client_factory = client_factory or (
            lambda: httpx.Client(timeout=httpx.Timeout(30.0, connect=10.0), follow_redirects=True)
        )

    def installed(self) -> list[InstalledModel]:
        from radio_desk.transcribe.models import BUNDLED_NAME, bundled_model_dir

        found: list[InstalledModel] = []
        bundled = bundled_model_dir()
        if (bundled / "model.bin").is_file():
            found.append(InstalledModel(BUNDLED_NAME, "faster-whisper", bundled, _size(bundled)))
        for name in self.catalogue:
            ct2 = engine_dir("faster-whisper") / name
            if (ct2 / "model.bin").is_file():
                found.append(InstalledModel(name, "faster-whisper", ct2, _size(ct2)))
            pt = engine_dir("openai-whisper") / f"{name}.pt"
            if pt.is_file():
                found.append(InstalledModel(name, "openai-whisper", pt, pt.stat().st_size))
        return found

    def is_online(self, timeout: float = 3.0) -> bool:
        """Whether the model servers answer at all (for greying out the download button)."""
        urls = {f.url for e in self.catalogue.values() for fs in e.files.values() for f in fs}
        hosts = {str(httpx.URL(u).copy_with(path="/", query=None)) for u in urls}
        for host in sorted(hosts):
            try:
                with httpx.Client(timeout=timeout) as c:
                    c.head(host)
                return True
            except httpx.HTTPError:
                continue
        return False

    def download(
        self,
        name: str,
        engine: str = "faster-whisper",
        *,
        progress: ProgressFn | None = None,
        cancel: CancelFn | threading.Event | None = None,
    ) -> Path:
        """Fetch ``name`` for ``engine``; returns the model folder (or ``.pt`` file)."""
        entry = self.catalogue.get(name)
        if entry is None:
            raise ModelError(
                f"Model '{name}' tidak ada di katalog; pilihan: {', '.join(sorted(self.catalogue))}."
            )
        if engine not in entry.files:
            raise ModelError(f"Model '{name}' tidak tersedia untuk mesin {engine}.")
        files = entry.files[engine]
        for f in files:  # before a single byte is fetched: all or nothing
            _pinned(f.name, f.sha256)
        base = engine_dir(engine)
        base.mkdir(parents=True, exist_ok=True)
        sizes: dict[str, tuple[int, int]] = {}

        def file_progress(fname: str) -> ProgressFn:
            def report(done: int, total: int) -> None:
                sizes[fname] = (done, total)
                if progress:
                    progress(sum(d for d, _ in sizes.values()), sum(t for _, t in sizes.values()))

            return report

        with self._client_factory() as client:
            if engine == "openai-whisper":  # one checkpoint file
                f = files[0]
                dest = base / f.name
                if dest.is_file():
                    return dest
                out = download_file(
                    f.url,
                    dest,
                    sha256=f.sha256,
                    size=f.size,
                    progress=file_progress(f.name),
                    cancel=cancel,
                    client=client,
                )
                assert out is not None
                return out
            final = base / name
            if (final / "model.bin").is_file():
                return final
            staging = base / f"{name}.partial"  # kept across runs: resume lives here
            staging.mkdir(parents=True, exist_ok=True)
            for f in files:
                target = staging / f.name
                if target.is_file():
                    continue
                download_file(
                    f.url,
                    target,
                    sha256=f.sha256,
                    size=f.size,
                    progress=file_progress(f.name),
                    cancel=cancel,
                    client=client,
                    optional=f.optional,
                )
            from radio_desk.transcribe.models import validate_ct2_folder

            validate_ct2_folder(staging)
            staging.rename(final)
            return final

    def remove(self, name: str, engine: str) -> None:
        for p in (
            engine_dir(engine) / name,
            engine_dir(engine) / f"{name}.partial",
            engine_dir(engine) / f"{name}.pt",
            engine_dir(engine) / f"{name}.pt.part",
        ):
            if p.is_dir():
                shutil.rmtree(p)
            elif p.exists():
                p.unlink()


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
