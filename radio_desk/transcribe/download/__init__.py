"""Bigger Whisper models when the studio has internet: the catalogue (:mod:`.catalogue`), fetching one
verified file (:mod:`.fetch`) and the model manager (:mod:`.manager`).

Each catalogue model exists for both engines: a CTranslate2 folder from Hugging Face for
faster-whisper, the original ``.pt`` checkpoint for openai-whisper (which can also use a CTranslate2
folder through :mod:`radio_desk.transcribe.convert`).  Downloads report progress, can be cancelled,
resume where they stopped (HTTP ``Range``) and are checked before use against the catalogue: every
Hugging Face file is fetched at a fixed commit (``resolve/<revision>/``, never the moving ``main``)
with its size and SHA-256 pinned; the openai-whisper checkpoints are named by their SHA-256.  A file
without a pinned SHA-256 is never downloaded, and a mismatch is refused and discarded.  Files land as
``*.part`` first; a model folder appears under its final name only when every file is complete and
verified.

The pins and where they come from: :mod:`.catalogue`.

Offline, :class:`OfflineError` says so plainly; the bundled whisper-base stays in use.
"""

from radio_desk.transcribe.download.catalogue import (
    CATALOGUE,
    ENGINES,
    CatalogueEntry,
    RemoteFile,
    downloaded_model_path,
    engine_dir,
)
from radio_desk.transcribe.download.fetch import (
    CancelFn,
    DownloadCancelled,
    OfflineError,
    ProgressFn,
    download_file,
    pinned_sha256,
)
from radio_desk.transcribe.download.manager import InstalledModel, ModelManager

__all__ = [
    "CATALOGUE",
    "ENGINES",
    "CancelFn",
    "CatalogueEntry",
    "DownloadCancelled",
    "InstalledModel",
    "ModelManager",
    "OfflineError",
    "ProgressFn",
    "RemoteFile",
    "download_file",
    "downloaded_model_path",
    "engine_dir",
    "pinned_sha256",
]
