"""The model manager: lists the installed models, downloads catalogue models (all files of a model or
none: a folder gets its final name only when every file is complete and verified) and removes them.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from radio_desk.errors import ModelError
from radio_desk.transcribe.download.catalogue import CATALOGUE, CatalogueEntry, RemoteFile, engine_dir
from radio_desk.transcribe.download.fetch import CancelFn, ProgressFn, download_file, pinned_sha256


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
            pinned_sha256(f.name, f.sha256)
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

            def fetch(f: RemoteFile, dest: Path) -> Path | None:
                return download_file(
                    f.url, dest, sha256=f.sha256, size=f.size, progress=file_progress(f.name),
                    cancel=cancel, client=client, optional=f.optional,
                )  # fmt: skip

            if engine == "openai-whisper":  # one checkpoint file
                f = files[0]
                dest = base / f.name
                if dest.is_file():
                    return dest
                out = fetch(f, dest)
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
                fetch(f, target)
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
