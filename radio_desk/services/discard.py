"""Throwing away a test or mistaken recording or case, with a reason; never silently, never lost.

The rule for the audio: a discarded recording's file (and its JSON sidecar) is *moved* to the trash
folder, ``<data>/trash/<date>/``, and kept there; the desk never deletes it.  The discard (who, when,
why, a snapshot of the case) is kept in the store (:mod:`radio_desk.store.discards`), and
:func:`restore` brings the files and the case back.  Emptying the trash is left to a person (a
file manager), who can see in the trash folder's ``README.txt`` what it holds.

The files move first; if the store then refuses (a case already at the server, a failing disk), they
move back, so the files and the store always agree.  No Qt here (the editor, the desk, tests).
"""

from __future__ import annotations

import logging
import shutil
import uuid
from pathlib import Path
from typing import Any

from radio_desk.audio.sidecar import sidecar_path
from radio_desk.domain.models import Recording, utcnow
from radio_desk.errors import RadioDeskError, StoreError, ValidationError
from radio_desk.paths import app_paths
from radio_desk.store import Store
from radio_desk.store.discards import Discard

log = logging.getLogger(__name__)

TRASH_README = (
    "Rekaman yang dibuang dari Radio Desk (rekaman uji, salah tekan). Alasannya tercatat di basis data "
    "(tabel discards) dan aduan/rekamannya bisa dipulihkan. Radio Desk tidak pernah menghapus isi folder "
    "ini; hapus sendiri bila sudah yakin.\n"
)


def trash_dir() -> Path:
    return app_paths().data / "trash"


def _move(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(src), str(dst))
    side = sidecar_path(src)
    if side.exists():
        shutil.move(str(side), str(sidecar_path(dst)))


def _to_trash(recs: list[Recording], trash: Path) -> dict[uuid.UUID, tuple[str, str]]:
    """Move each recording's file into the trash; recording id → (old path, new path)."""
    folder = trash / f"{utcnow():%Y-%m-%d}"
    moved: dict[uuid.UUID, tuple[str, str]] = {}
    try:
        for rec in recs:
            src = Path(rec.path)
            if not rec.path or not src.exists():
                continue
            dst = folder / src.name
            if dst.exists():
                dst = folder / f"{src.stem}-{rec.id.hex[:8]}{src.suffix}"
            _move(src, dst)
            moved[rec.id] = (str(src), str(dst))
    except OSError as err:
        _back(moved)
        raise StoreError(
            f"Rekaman tidak bisa dipindah ke folder sampah {folder}: {err}", kind="trash"
        ) from err
    readme = trash / "README.txt"
    if moved and not readme.exists():
        readme.write_text(TRASH_README, encoding="utf-8")
    return moved


def _back(moved: dict[uuid.UUID, tuple[str, str]] | list[tuple[str, str]]) -> None:
    pairs = moved.values() if isinstance(moved, dict) else moved
    for old, new in pairs:
        try:
            _move(Path(new), Path(old))
        except OSError as err:  # it stays in the trash, where the discard says it is
            log.error("file %s not moved back to %s: %s", new, old, err)


def discard_case(
    store: Store, case_id: uuid.UUID, *, by: str, reason: str, trash: Path | None = None
) -> Discard:
    """Discard ``case_id`` and move its recordings' files to the trash."""
    store.discards.check_case(case_id)  # before any file moves
    moved = _to_trash(store.recordings.for_case(case_id), trash or trash_dir())
    try:
        d = store.discards.discard_case(case_id, by=by, reason=reason, files=moved)
    except RadioDeskError:
        _back(moved)
        raise
    log.info("case %s discarded by %s (%d file(s) to the trash)", case_id, by, len(moved))
    return d


def discard_recording(
    store: Store, rec: Recording, *, by: str, reason: str, call: dict[str, Any] | None = None,
    trash: Path | None = None,
) -> Discard:  # fmt: skip
    """Discard a recording that has no case (a call never saved) and move its file to the trash."""
    moved = _to_trash([rec], trash or trash_dir())
    files = moved.get(rec.id, (rec.path, rec.path))
    try:
        d = store.discards.discard_recording(rec.id, by=by, reason=reason, files=files, call=call)
    except RadioDeskError:
        _back(moved)
        raise
    rec.path = files[1]
    log.info("recording %s discarded by %s", rec.id, by)
    return d


def _check_files_can_go_back(discard_id: int, files: list[tuple[str, str]]) -> None:
    """Refuse (before anything moves) when an audio file is gone from the trash or its old place is
    taken by another file: restoring must neither lose nor overwrite audio."""
    for old, new in files:
        if old == new:  # nothing was moved (the recording had no file)
            continue
        if not Path(new).exists():
            raise ValidationError(
                f"Buangan nomor {discard_id} tidak bisa dipulihkan: berkas audio {new} tidak ada lagi di "
                "folder sampah. Kembalikan berkas itu ke sana, lalu coba lagi.",
                field="discard",
            )
        if Path(old).exists():
            raise ValidationError(
                f"Buangan nomor {discard_id} tidak bisa dipulihkan: di {old} sudah ada berkas lain. "
                "Pindahkan berkas itu dulu, lalu coba lagi.",
                field="discard",
            )


def restore(store: Store, discard_id: int, *, by: str) -> Discard:
    """Files back where they were, then the case (or recording) back in the store."""
    d = store.discards.get(discard_id)
    if d.restored_at is not None:
        raise ValidationError(f"Buangan nomor {discard_id} sudah dipulihkan.", field="discard")
    _check_files_can_go_back(discard_id, d.files)
    _back(d.files)
    try:
        return store.discards.restore(discard_id, by=by)
    except RadioDeskError:
        _back([(new, old) for old, new in d.files])  # to the trash again, as the store still says
        raise
