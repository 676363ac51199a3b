"""Export a rundown to a folder: the PDF (through :mod:`radio_desk.reports.rundown`), one WAV clip per
item cut from its recording, and an M3U playlist of the clips in aired order.

Privacy: clip file names carry only the position, category and desa -- never a caller's name; the
public edition (the default) names no reporter in the PDF or the playlist, the internal one names
those who are not anonymous ("Anonim" for the others); every text passes the reports' masking.
Rahasia cases are left out unless an editor explicitly included the item (who and when are stored
with the item and printed next to it).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import soundfile as sf

from radio_desk.domain.rundown import Rundown, RundownEntry
from radio_desk.errors import NotFoundError, RadioDeskError, ValidationError
from radio_desk.reports.indonesian import format_datetime
from radio_desk.reports.privacy import caller_label, check_edition, clean_text, names_shown, without_name
from radio_desk.reports.rundown import RundownItem, build_rundown

if TYPE_CHECKING:
    from radio_desk.domain.models import Case
    from radio_desk.store.store import Store


@dataclass
class ExportResult:
    folder: Path
    pdf: Path
    playlist: Path
    clips: list[Path] = field(default_factory=list)
    aired: list[uuid.UUID] = field(default_factory=list)  # case ids in aired order
    left_out: list[uuid.UUID] = field(default_factory=list)  # rahasia cases not included
    warnings: list[str] = field(default_factory=list)  # e.g. an item whose audio is missing


def slug(text: str, limit: int = 32) -> str:
    """ASCII file-name part: "Kecamatan Dander" -> "kecamatan-dander"."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:limit].strip("-") or "aduan"


def is_aired(entry: RundownEntry, case: Case) -> bool:
    return not case.rahasia or entry.rahasia_included


def air_numbers(entries: list[RundownEntry], cases: dict[uuid.UUID, Case]) -> dict[uuid.UUID, int]:
    """The number each aired item has in the PDF, the clip names and the playlist (1, 2, ...); a
    rahasia item left out (or a deleted case) has none, and the numbers after it close up."""
    out: dict[uuid.UUID, int] = {}
    for entry in entries:
        case = cases.get(entry.case_id)
        if case is not None and is_aired(entry, case):
            out[entry.case_id] = len(out) + 1
    return out


def _pdf_case(entry: RundownEntry, case: Case) -> tuple[Case, str]:
    """The case and read-out text as printed: an explicitly included rahasia case says so."""
    if not case.rahasia:
        return case, entry.summary
    when = format_datetime(entry.rahasia_included_at) if entry.rahasia_included_at else "-"
    note = f"[RAHASIA – disertakan secara eksplisit oleh {entry.rahasia_included_by}, {when}] "
    return dataclasses.replace(case, rahasia=False), note + entry.summary


def write_clip(source: Path, clip_in: float, clip_out: float, out: Path) -> float:
    """Cut ``[clip_in, clip_out)`` seconds of ``source`` into the WAV ``out``; returns its length."""
    if not source.exists():
        raise NotFoundError(f"Berkas rekaman {source} tidak ditemukan.")
    try:
        with sf.SoundFile(str(source)) as f:
            rate = f.samplerate
            start = max(0, min(round(clip_in * rate), f.frames))
            stop = max(start, min(round(clip_out * rate), f.frames))
            f.seek(start)
            data = f.read(stop - start, dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError) as err:
        raise RadioDeskError(f"Berkas rekaman {source.name} tidak bisa dibaca: {err}.") from err
    if len(data) == 0:
        raise ValidationError(
            f"Klip {clip_in:.1f}–{clip_out:.1f} detik berada di luar rekaman {source.name}."
        )
    try:
        sf.write(str(out), np.clip(data, -1.0, 1.0), rate, subtype="PCM_16")
    except (sf.LibsndfileError, RuntimeError, OSError) as err:
        raise RadioDeskError(f"Klip {out.name} tidak bisa ditulis: {err}.") from err
    return len(data) / rate


def export_rundown(
    store: Store,
    rundown: Rundown,
    folder: Path | str,
    *,
    by: str = "",
    edition: str = "public",
    names: bool | None = None,
) -> ExportResult:
    """Save ``rundown`` and write its PDF, clips and playlist into ``folder``; ``names`` (default: the
    edition's, i.e. only the internal edition) says whether reporters are named."""
    check_edition(edition)
    named = names_shown(edition, names)
    folder = Path(folder)
    store.rundowns.save(rundown)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ValidationError(f"Folder ekspor {folder} tidak bisa dibuat: {err.strerror or err}.") from err
    entries = list(rundown.entries)  # grouped and numbered by save()
    cases = {c.id: c for c in store.cases.get_many([e.case_id for e in entries])}
    stem = f"rundown-{rundown.show_date.isoformat()}"
    result = ExportResult(folder, folder / f"{stem}.pdf", folder / f"{stem}.m3u")
    tax, gaz = store.taxonomy, store.gazetteer
    items: list[RundownItem] = []
    playlist = ["#EXTM3U", f"#PLAYLIST:{rundown.title} {rundown.show_date.isoformat()}"]
    numbers = air_numbers(entries, cases)  # as the editor's list shows them
    for entry in entries:
        case = cases.get(entry.case_id)
        if case is not None and not named:
            case = without_name(case)
        if case is None:
            result.warnings.append(f"Aduan {entry.case_id} sudah dihapus; dilewati.")
            continue
        if not is_aired(entry, case):
            result.left_out.append(case.id)
            continue
        n = numbers[case.id]
        result.aired.append(case.id)
        pdf_case, summary = _pdf_case(entry, case)
        items.append(
            RundownItem(
                pdf_case, summary, entry.excerpt, entry.clip_in, entry.clip_out, entry.opd or case.opd
            )
        )
        if entry.recording_id is None or entry.clip_in is None or entry.clip_out is None:
            continue
        recording = store.recordings.find(entry.recording_id)
        if recording is None:
            result.warnings.append(f"Item {n}: rekaman tidak ada lagi; klip tidak dibuat.")
            continue
        place = gaz.name(case.desa_code) if case.desa_code else ""
        name = f"{n:02d}-{slug(case.category or 'aduan', 16)}-{slug(place or 'tanpa-lokasi')}.wav"
        try:
            seconds = write_clip(Path(recording.path), entry.clip_in, entry.clip_out, folder / name)
        except RadioDeskError as err:
            result.warnings.append(f"Item {n}: {err}")
            continue
        result.clips.append(folder / name)
        where = f" – {place}" if place else ""
        title = clean_text(f"{n}. {tax.category_name(case.category)}{where} ({caller_label(case)})", case)
        playlist += [f"#EXTINF:{round(seconds)},{title}", name]
    build_rundown(items, result.pdf, rundown.show_date, rundown.station, edition=edition, names=named)
    try:
        result.playlist.write_text("\n".join(playlist) + "\n", encoding="utf-8")
    except OSError as err:
        raise ValidationError(f"Daftar putar {result.playlist} tidak bisa ditulis: {err.strerror}.") from err
    store.rundowns.mark_exported(rundown.id, by=by)
    return result
