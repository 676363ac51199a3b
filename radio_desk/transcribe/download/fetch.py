"""Fetching one file: resumable (HTTP ``Range``), cancellable, with progress, kept only when its pinned
SHA-256 (and size) match.  The file lands as ``<name>.part`` and is renamed onto its name once
verified; a cancelled or broken download keeps its part for the next try.  Offline,
:class:`OfflineError` says so plainly.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path

import httpx

from radio_desk.errors import ModelError
from radio_desk.fsutil import sha256_file

_CHUNK = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")

ProgressFn = Callable[[int, int], None]  # (bytes done, bytes total or 0 when unknown)
CancelFn = Callable[[], bool]


class OfflineError(ModelError):
    """No connection: the model cannot be fetched now; the bundled model stays in use."""


class DownloadCancelled(ModelError):
    """The user cancelled; the partial files are kept so the download can resume."""


def pinned_sha256(name: str, sha256: str | None) -> str:
    """The pinned SHA-256 (lower case), or a refusal: nothing is downloaded that cannot be verified."""
    if sha256 is None or not _SHA256.match(sha256.lower()):
        raise ModelError(
            f"Berkas {name} tidak punya checksum SHA-256 yang dipatok di katalog, jadi tidak diunduh: "
            "Radio Desk hanya memasang berkas model yang bisa diperiksa. Perbarui Radio Desk."
        )
    return sha256.lower()


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
    expected = pinned_sha256(dest.name, sha256)
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
