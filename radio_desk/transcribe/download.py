"""The model manager: fetch bigger Whisper models when the studio has internet.

Each catalogue model exists for both engines: a CTranslate2 folder from Hugging Face for
faster-whisper, the original ``.pt`` checkpoint for openai-whisper (which can also use a CTranslate2
folder through :mod:`radio_desk.transcribe.convert`).  Downloads report progress, can be cancelled,
resume where they stopped (HTTP ``Range``) and are checked before use: the SHA-256 from the
catalogue, or the one the server announces (Hugging Face's ``X-Linked-Etag`` for large files, the git
blob SHA-1 ``ETag`` for small ones).  Files land as ``*.part`` first; a model folder appears under its
final name only when every file is complete and verified.

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
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)

ENGINES = ("faster-whisper", "openai-whisper")
_CHUNK = 1024 * 1024
_HF = "https://huggingface.co/{repo}/resolve/main/{file}"
_OPENAI = "https://openaipublic.azureedge.net/main/whisper/models/{sha}/{name}.pt"
_CT2_FILES = ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt", "vocabulary.json")
_CT2_OPTIONAL = {"vocabulary.txt", "vocabulary.json", "preprocessor_config.json"}

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
    sha256: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    size_mb: dict[str, int]  # approximate download size per engine, for the interface
    files: dict[str, tuple[RemoteFile, ...]] = field(default_factory=dict)  # engine -> files


def _ct2_files(repo: str, extra: tuple[str, ...] = ()) -> tuple[RemoteFile, ...]:
    return tuple(
        RemoteFile(_HF.format(repo=repo, file=f), f, optional=f in _CT2_OPTIONAL)
        for f in (*_CT2_FILES, *extra)
    )


def _openai_file(name: str, sha: str) -> tuple[RemoteFile, ...]:
    return (RemoteFile(_OPENAI.format(sha=sha, name=name), f"{name}.pt", sha256=sha),)


CATALOGUE: dict[str, CatalogueEntry] = {
    "small": CatalogueEntry(
        "small",
        {"faster-whisper": 484, "openai-whisper": 461},
        {
            "faster-whisper": _ct2_files("Systran/faster-whisper-small"),
            "openai-whisper": _openai_file(
                "small", "9ecf779972d90ba49c06d968637d720dd632c55bbf19d441fb42bf17a411e794"
            ),
        },
    ),
    "medium": CatalogueEntry(
        "medium",
        {"faster-whisper": 1530, "openai-whisper": 1457},
        {
            "faster-whisper": _ct2_files("Systran/faster-whisper-medium"),
            "openai-whisper": _openai_file(
                "medium", "345ae4da62f9b3d59415adc60127b97c714f32e89e936602e85993674d08dcb1"
            ),
        },
    ),
    "large-v3-turbo": CatalogueEntry(
        "large-v3-turbo",
        {"faster-whisper": 1620, "openai-whisper": 1550},
        {
            "faster-whisper": _ct2_files(
                "mobiuslabsgmbh/faster-whisper-large-v3-turbo", ("preprocessor_config.json",)
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


class _Digest:
    """SHA-256 or git-blob SHA-1 (what Hugging Face announces for small files)."""

    def __init__(self, kind: str, expected: str, size: int | None) -> None:
        self.kind = kind
        self.expected = expected.lower()
        self._h = hashlib.sha256() if kind == "sha256" else hashlib.sha1()
        if kind == "git-sha1":
            if size is None:
                raise ValueError("git blob hash needs the size")
            self._h.update(f"blob {size}\0".encode())

    def update(self, data: bytes) -> None:
        self._h.update(data)

    def ok(self) -> bool:
        return self._h.hexdigest() == self.expected

    def got(self) -> str:
        return self._h.hexdigest()


_HEX64 = re.compile(r"^[0-9a-fA-F]{64}$")
_HEX40 = re.compile(r"^[0-9a-fA-F]{40}$")


def announced_checksum(headers: httpx.Headers) -> tuple[str, str] | None:
    """(kind, hex) from ``X-Linked-Etag``/``ETag``, when the server states a content hash."""
    for key in ("x-linked-etag", "etag"):
        value = headers.get(key)
        if not value:
            continue
        value = value.removeprefix("W/").strip('"')
        if _HEX64.match(value):
            return "sha256", value
        if _HEX40.match(value):
            return "git-sha1", value
    return None


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
    progress: ProgressFn | None = None,
    cancel: CancelFn | threading.Event | None = None,
    client: httpx.Client | None = None,
    optional: bool = False,
) -> Path | None:
    """Fetch ``url`` into ``dest`` via ``dest.part``, resuming a previous partial download.

    Returns ``dest``, or None when ``optional`` and the server has no such file (404).
    """
    part = dest.with_name(dest.name + ".part")
    dest.parent.mkdir(parents=True, exist_ok=True)
    own_client = client is None
    client = client or httpx.Client(timeout=httpx.Timeout(30.0, connect=10.0), follow_redirects=True)
    try:
        for _attempt in range(2):  # a second go from zero if the server ignores our range oddly
            offset = part.stat().st_size if part.exists() else 0
            headers = {"Range": f"bytes={offset}-"} if offset else {}
            try:
                with client.stream("GET", url, headers=headers) as resp:
                    if resp.status_code == 404 and optional:
                        return None
                    if resp.status_code == 416 and offset:  # our part is already complete?
                        total = offset
                        announced = announced_checksum(resp.headers)
                        if _finish(part, dest, sha256, announced, total):
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
                    announced = announced_checksum(resp.headers)
                    digest = _make_digest(sha256, announced, total)
                    done = offset
                    mode = "ab" if offset else "wb"
                    with part.open(mode) as out:
                        if digest and offset:  # hash what is already on disk
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
                            if digest:
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
            if total is not None and done != total:
                raise ModelError(
                    f"Unduhan {dest.name} tidak lengkap ({done:,} dari {total:,} byte); coba lagi untuk "
                    "melanjutkan."
                )
            if digest is not None and not digest.ok():
                part.unlink(missing_ok=True)
                raise ModelError(
                    f"Berkas {dest.name} yang diunduh rusak: checksum {digest.kind} tidak cocok "
                    f"(didapat {digest.got()[:12]}…, seharusnya {digest.expected[:12]}…). Berkas dibuang; "
                    "coba unduh lagi."
                )
            if digest is None:
                log.warning("no checksum known for %s; accepted on size only", url)
            os.replace(part, dest)
            return dest
        raise ModelError(f"Server tidak mendukung unduhan lanjutan untuk {dest.name} ({url}).")
    finally:
        if own_client:
            client.close()


def _make_digest(sha256: str | None, announced: tuple[str, str] | None, total: int | None) -> _Digest | None:
    if sha256:
        return _Digest("sha256", sha256, total)
    if announced and (announced[0] == "sha256" or total is not None):
        return _Digest(announced[0], announced[1], total)
    return None


def _finish(
    part: Path, dest: Path, sha256: str | None, announced: tuple[str, str] | None, total: int
) -> bool:
    digest = _make_digest(sha256, announced, total)
    if digest is None:
        return False  # cannot tell whether the part is complete: fetch again
    with part.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    if digest.ok():
        os.replace(part, dest)
        return True
    return False


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
