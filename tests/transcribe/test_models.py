"""The bundled model (join, verify, atomic), model resolution, and the model manager's downloads
against a real HTTP server on 127.0.0.1 (resume, cancel, checksum, offline)."""

from __future__ import annotations

import hashlib
import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from radio_desk.errors import ModelError
from radio_desk.transcribe import download, models
from radio_desk.transcribe.download import (
    CatalogueEntry,
    DownloadCancelled,
    ModelManager,
    OfflineError,
    RemoteFile,
    download_file,
)
from radio_desk.transcribe.models import (
    BUNDLED_SHA256,
    BUNDLED_SIZE,
    ensure_bundled_model,
    join_parts,
    resolve_model,
    sha256_file,
)


@pytest.fixture
def own_models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private models folder: these tests damage or add models."""
    folder = tmp_path / "models"
    monkeypatch.setenv("RADIO_DESK_MODELS", str(folder))
    return folder


# --- bundled model ------------------------------------------------------------------------------


def test_bundled_model_is_joined_verified_and_complete(bundled_model: Path) -> None:
    assert bundled_model.name == "whisper-base"
    assert (bundled_model / "model.bin").stat().st_size == BUNDLED_SIZE
    assert sha256_file(bundled_model / "model.bin") == BUNDLED_SHA256
    for name in ("config.json", "tokenizer.json", "vocabulary.txt", ".verified"):
        assert (bundled_model / name).is_file(), name


def test_ensure_bundled_model_joins_only_once(bundled_model: Path) -> None:
    before = (bundled_model / "model.bin").stat().st_mtime_ns
    started = time.perf_counter()
    assert ensure_bundled_model() == bundled_model
    assert time.perf_counter() - started < 0.5  # no re-join, no re-hash
    assert (bundled_model / "model.bin").stat().st_mtime_ns == before


def _parts(tmp_path: Path, payload: bytes) -> tuple[list[Path], list[Path]]:
    half = len(payload) // 2
    p1, p2, side = tmp_path / "a.part1", tmp_path / "b.part2", tmp_path / "config.json"
    p1.write_bytes(payload[:half])
    p2.write_bytes(payload[half:])
    side.write_text("{}")
    return [p1, p2], [side]


def test_join_refuses_a_hash_mismatch_and_leaves_nothing(tmp_path: Path) -> None:
    payload = os.urandom(300_000)
    good = hashlib.sha256(payload).hexdigest()
    parts, side = _parts(tmp_path, payload)
    raw = bytearray(parts[1].read_bytes())
    raw[1000] ^= 0xFF  # one flipped byte, size unchanged
    parts[1].write_bytes(bytes(raw))
    dest = tmp_path / "models" / "whisper-base"
    with pytest.raises(ModelError, match=r"checksum SHA-256 model\.bin tidak cocok"):
        join_parts(parts, side, dest, sha256=good, size=len(payload))
    assert not dest.exists()
    assert list(dest.parent.iterdir()) == []  # no temporary folder left either


def test_join_refuses_a_size_mismatch(tmp_path: Path) -> None:
    payload = os.urandom(10_000)
    parts, side = _parts(tmp_path, payload)
    with pytest.raises(ModelError, match="ukuran gabungan"):
        join_parts(parts, side, tmp_path / "m", sha256=hashlib.sha256(payload).hexdigest(), size=9_999)


def test_real_bundled_parts_with_wrong_expected_hash_are_refused(
    own_models: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models, "BUNDLED_SHA256", "0" * 64)
    with pytest.raises(ModelError) as err:
        ensure_bundled_model()
    assert "pasang ulang" in str(err.value).lower()
    assert not (own_models / "whisper-base").exists()


def test_join_interrupted_midway_leaves_no_model(tmp_path: Path) -> None:
    payload = os.urandom(12 * 1024 * 1024)  # several chunks
    parts, side = _parts(tmp_path, payload)
    dest = tmp_path / "models" / "m"

    def interrupt(done: int, total: int) -> None:
        if done > total // 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        join_parts(
            parts,
            side,
            dest,
            sha256=hashlib.sha256(payload).hexdigest(),
            size=len(payload),
            progress=interrupt,
        )
    assert not dest.exists()
    assert list(dest.parent.iterdir()) == []


@pytest.mark.slow
def test_kill_minus_9_during_the_real_join_never_leaves_a_half_model(own_models: Path) -> None:
    code = (
        "import time\n"
        "from radio_desk.transcribe.models import ensure_bundled_model\n"
        "def slow(done, total):\n"
        "    if done > total // 2: print('HALF', flush=True); time.sleep(60)\n"
        "ensure_bundled_model(progress=slow)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "RADIO_DESK_MODELS": str(own_models)},
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "HALF"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=10)
    assert not (own_models / "whisper-base").exists()  # only a hidden .tmp folder remains
    leftovers = list(own_models.glob(".whisper-base.*.tmp"))
    assert leftovers
    for stale in leftovers:  # pretend the crash was long ago: the next join clears it
        os.utime(stale, (time.time() - 3600, time.time() - 3600))
    folder = ensure_bundled_model()
    assert sha256_file(folder / "model.bin") == BUNDLED_SHA256
    assert not list(own_models.glob(".whisper-base.*.tmp"))


def test_verify_detects_a_damaged_installed_model(own_models: Path, bundled_model: Path) -> None:
    folder = own_models / "whisper-base"
    folder.mkdir(parents=True)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt", ".verified"):
        (folder / name).write_bytes((bundled_model / name).read_bytes())
    with (bundled_model / "model.bin").open("rb") as src, (folder / "model.bin").open("wb") as dst:
        data = bytearray(src.read())
        data[-10] ^= 0x01
        dst.write(data)
    with pytest.raises(ModelError, match="rusak"):
        models.verify_bundled_model()
    assert not (folder / ".verified").exists()
    fixed = ensure_bundled_model()  # rejoined from the packages
    assert sha256_file(fixed / "model.bin") == BUNDLED_SHA256


# --- resolving a model argument --------------------------------------------------------------------


def test_resolve_none_is_the_bundled_model(bundled_model: Path) -> None:
    ref = resolve_model(None)
    assert ref.path == bundled_model and ref.is_ct2 and "bawaan" in ref.label
    assert resolve_model("base").path == bundled_model


def test_resolve_a_custom_folder(tmp_path: Path, bundled_model: Path) -> None:
    folder = tmp_path / "my-model"
    folder.mkdir()
    with pytest.raises(ModelError, match=r"model\.bin, config\.json"):
        resolve_model(folder)
    (folder / "model.bin").symlink_to(bundled_model / "model.bin")
    (folder / "config.json").write_text("{}")
    with pytest.raises(ModelError, match=r"tokenizer\.json"):
        resolve_model(folder)
    (folder / "tokenizer.json").write_text("{}")
    ref = resolve_model(str(folder))
    assert ref.path == folder.resolve() and ref.label == "my-model"


def test_resolve_errors_are_plain_indonesian(tmp_path: Path, own_models: Path) -> None:
    with pytest.raises(ModelError, match="tidak ditemukan"):
        resolve_model(str(tmp_path / "nope" / "model"))
    with pytest.raises(ModelError, match="belum diunduh"):
        resolve_model("small")
    with pytest.raises(ModelError, match="tidak dikenal"):
        resolve_model("huge")
    pt = tmp_path / "x.pt"
    pt.write_bytes(b"0")
    with pytest.raises(ModelError, match="--engine openai-whisper"):
        resolve_model(pt, "faster-whisper")


# --- downloads against a local HTTP server -----------------------------------------------------------


class _Server:
    """Serves files from memory with Range support and an optional ETag; records requests."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.etags: dict[str, str] = {}
        self.requests: list[tuple[str, str | None]] = []
        self.ignore_range = False  # behave like a server without HTTP Range support
        self.sent = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                rng = self.headers.get("Range")
                outer.requests.append((self.path, rng))
                if outer.ignore_range:
                    rng = None
                body = outer.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                start = 0
                if rng:
                    start = int(rng.removeprefix("bytes=").split("-")[0])
                    if start >= len(body):
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{len(body)}")
                        self.end_headers()
                        return
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                else:
                    self.send_response(200)
                self.send_header("Content-Length", str(len(body) - start))
                if self.path in outer.etags:
                    self.send_header("ETag", f'"{outer.etags[self.path]}"')
                self.end_headers()
                view = memoryview(body)[start:]
                for i in range(0, len(view), 256 * 1024):
                    try:
                        self.wfile.write(view[i : i + 256 * 1024])
                        outer.sent += len(view[i : i + 256 * 1024])
                    except (BrokenPipeError, ConnectionResetError):
                        return

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[_Server]:
    srv = _Server()
    yield srv
    srv.close()


def test_download_with_progress_and_checksum(server: _Server, tmp_path: Path) -> None:
    body = os.urandom(3 * 1024 * 1024 + 17)
    server.files["/m.bin"] = body
    seen: list[tuple[int, int]] = []
    out = download_file(
        f"{server.base}/m.bin",
        tmp_path / "m.bin",
        sha256=hashlib.sha256(body).hexdigest(),
        progress=lambda d, t: seen.append((d, t)),
    )
    assert out is not None and out.read_bytes() == body
    assert seen[-1] == (len(body), len(body))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert not (tmp_path / "m.bin.part").exists()


def test_cancel_then_resume_with_http_range(server: _Server, tmp_path: Path) -> None:
    body = os.urandom(5 * 1024 * 1024)
    server.files["/big.bin"] = body
    sha = hashlib.sha256(body).hexdigest()
    cancel = threading.Event()

    def stop_after_first_mb(done: int, total: int) -> None:
        if done >= 1024 * 1024:
            cancel.set()

    dest = tmp_path / "big.bin"
    with pytest.raises(DownloadCancelled, match="dibatalkan"):
        download_file(f"{server.base}/big.bin", dest, sha256=sha, progress=stop_after_first_mb, cancel=cancel)
    part = dest.with_name("big.bin.part")
    kept = part.stat().st_size
    assert 0 < kept < len(body) and not dest.exists()
    resumed_from: list[int] = []
    download_file(
        f"{server.base}/big.bin",
        dest,
        sha256=sha,
        progress=lambda d, t: resumed_from.append(d) if not resumed_from else None,
    )
    assert dest.read_bytes() == body
    assert server.requests[-1] == ("/big.bin", f"bytes={kept}-")  # asked only for the rest
    assert resumed_from[0] > kept  # progress continues from what was kept


def test_resume_against_a_server_without_range_support_starts_over(server: _Server, tmp_path: Path) -> None:
    body = os.urandom(2 * 1024 * 1024)
    server.files["/m.bin"] = body
    server.ignore_range = True
    dest = tmp_path / "m.bin"
    dest.with_name("m.bin.part").write_bytes(b"stale bytes from another file")
    download_file(f"{server.base}/m.bin", dest, sha256=hashlib.sha256(body).hexdigest())
    assert dest.read_bytes() == body  # the full 200 answer replaced the part, not appended to it


def test_checksum_mismatch_discards_the_file(server: _Server, tmp_path: Path) -> None:
    server.files["/m.bin"] = b"x" * 100_000
    dest = tmp_path / "m.bin"
    with pytest.raises(ModelError, match="checksum SHA-256 tidak cocok"):
        download_file(f"{server.base}/m.bin", dest, sha256="1" * 64)
    assert not dest.exists() and not dest.with_name("m.bin.part").exists()


def test_a_file_without_a_pinned_hash_is_never_fetched(server: _Server, tmp_path: Path) -> None:
    server.files["/config.json"] = b'{"a": 1}\n'
    with pytest.raises(ModelError, match="tidak punya checksum SHA-256 yang dipatok"):
        download_file(f"{server.base}/config.json", tmp_path / "config.json")
    with pytest.raises(ModelError, match="dipatok"):
        download_file(f"{server.base}/config.json", tmp_path / "config.json", sha256="main")
    assert server.requests == [] and not list(tmp_path.iterdir())


def test_a_length_other_than_the_pinned_one_is_refused(server: _Server, tmp_path: Path) -> None:
    body = b"z" * 5000
    server.files["/model.bin"] = body
    with pytest.raises(ModelError, match="bukan 4,999 byte seperti di katalog"):
        download_file(f"{server.base}/model.bin", tmp_path / "model.bin",
                      sha256=hashlib.sha256(body).hexdigest(), size=4999)  # fmt: skip
    assert not (tmp_path / "model.bin").exists()


def test_the_catalogue_pins_a_revision_and_a_sha256_for_every_file() -> None:
    import re

    for entry in download.CATALOGUE.values():
        for engine, files in entry.files.items():
            assert files, (entry.name, engine)
            for f in files:
                assert re.fullmatch(r"[0-9a-f]{64}", f.sha256 or ""), (entry.name, f.name)
                if engine == "faster-whisper":
                    assert re.search(r"/resolve/[0-9a-f]{40}/", f.url) and "/main/" not in f.url, f.url
                    assert f.size and not f.optional and f.url.endswith("/" + f.name)
                else:
                    assert f.sha256 in f.url  # OpenAI names each checkpoint by its SHA-256
            names = {f.name for f in files}
            if engine == "faster-whisper":
                assert {"model.bin", "config.json", "tokenizer.json"} <= names


def test_the_manager_refuses_a_model_with_an_unpinned_file_before_fetching(
    server: _Server, own_models: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = b"x" * 1000
    server.files["/m/model.bin"] = server.files["/m/config.json"] = body
    entry = CatalogueEntry(
        "small",
        {"faster-whisper": 1},
        {
            "faster-whisper": (
                RemoteFile(
                    f"{server.base}/m/model.bin", "model.bin", sha256=hashlib.sha256(body).hexdigest()
                ),
                RemoteFile(f"{server.base}/m/config.json", "config.json"),  # no pinned hash
            )
        },
    )
    monkeypatch.setitem(download.CATALOGUE, "small", entry)
    with pytest.raises(ModelError, match=r"config\.json tidak punya checksum"):
        ModelManager().download("small", "faster-whisper")
    assert server.requests == []  # not even the pinned file: all or nothing
    assert not (own_models / "faster-whisper" / "small").exists()


def test_offline_says_so_plainly(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(OfflineError) as err:
        download_file(f"http://127.0.0.1:{port}/model.bin", tmp_path / "model.bin", sha256="0" * 64)
    assert "Tidak ada koneksi internet" in str(err.value)
    assert "model bawaan whisper-base" in str(err.value)


def test_manager_downloads_a_ct2_folder_usable_by_name(
    server: _Server, own_models: Path, bundled_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {n: (bundled_model / n).read_bytes() for n in ("config.json", "tokenizer.json")}
    files["model.bin"] = os.urandom(2 * 1024 * 1024)  # stands for the weights; checked by hash
    for name, body in files.items():
        server.files[f"/small/{name}"] = body
    entry = CatalogueEntry(
        "small",
        {"faster-whisper": 2},
        {
            "faster-whisper": tuple(
                RemoteFile(
                    f"{server.base}/small/{n}",
                    n,
                    sha256=hashlib.sha256(files[n]).hexdigest() if n in files else "0" * 64,
                    optional=n not in files,
                )
                for n in ("config.json", "model.bin", "tokenizer.json", "vocabulary.txt")
            )
        },
    )
    monkeypatch.setitem(download.CATALOGUE, "small", entry)
    progress: list[tuple[int, int]] = []
    folder = ModelManager().download("small", "faster-whisper", progress=lambda d, t: progress.append((d, t)))
    assert folder == own_models / "faster-whisper" / "small"
    assert (folder / "model.bin").read_bytes() == files["model.bin"]
    assert not (folder / "vocabulary.txt").exists()  # optional, 404 on the server
    assert progress[-1][0] == sum(len(b) for b in files.values())
    assert resolve_model("small").path == folder
    assert any(m.name == "small" for m in ModelManager().installed())
    ModelManager().remove("small", "faster-whisper")
    assert not folder.exists()


def test_manager_offline_keeps_the_bundled_model(own_models: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    entry = CatalogueEntry(
        "medium",
        {"openai-whisper": 1},
        {"openai-whisper": (RemoteFile(f"http://127.0.0.1:{port}/m.pt", "medium.pt", sha256="0" * 64),)},
    )
    monkeypatch.setitem(download.CATALOGUE, "medium", entry)
    with pytest.raises(OfflineError):
        ModelManager().download("medium", "openai-whisper")
    assert not (own_models / "openai-whisper" / "medium.pt").exists()
    assert "bawaan" in resolve_model(None).label
