"""Discarding a test or mistaken case or recording: a reason is required, the audit trail keeps who,
when and why, the audio goes to the trash folder (kept), the case disappears from every list and
comes back whole on restore.  A case the central server already has is refused.  Real store, files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from radio_desk.audio.sidecar import sidecar_path
from radio_desk.domain import Case, Recording, Status
from radio_desk.errors import ValidationError
from radio_desk.services import discard
from radio_desk.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "desk.sqlite3")
    yield s
    s.close()


def _case_with_audio(store: Store, folder: Path, summary: str) -> tuple[Case, Recording]:
    case = store.cases.create(Case(station="lokal", summary=summary, caller_name="Uji"), by="Sari")
    path = folder / f"{case.id}.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(str(path), np.zeros(8000, np.int16), 8000, subtype="PCM_16")
    sidecar_path(path).write_text("{}", encoding="utf-8")
    rec = store.recordings.add(Recording(case_id=case.id, path=str(path), samplerate=8000, duration_s=1.0))
    return case, rec


def test_discarded_case_is_hidden_kept_with_its_reason_and_restored_whole(tmp_path, store):
    case, rec = _case_with_audio(store, tmp_path / "rec", "Tes mikrofon sebelum siaran")
    store.cases.change_status(case.id, Status.TERVERIFIKASI, by="Sari", note="cek")
    trash = tmp_path / "trash"
    with pytest.raises(ValidationError, match="alasan"):
        discard.discard_case(store, case.id, by="Sari", reason="  ", trash=trash)
    assert Path(rec.path).exists()  # refused before anything moved

    d = discard.discard_case(store, case.id, by="Sari", reason="rekaman uji", trash=trash)
    assert store.cases.find(case.id) is None and store.cases.search("mikrofon") == []
    assert not Path(rec.path).exists()
    ((old, new),) = d.files
    assert old == rec.path and Path(new).exists() and Path(new).is_relative_to(trash)
    assert sidecar_path(Path(new)).exists() and (trash / "README.txt").exists()
    (listed,) = store.discards.list()
    assert (listed.kind, listed.by, listed.reason, listed.summary) == (
        "case",
        "Sari",
        "rekaman uji",
        "Tes mikrofon sebelum siaran",
    )
    assert store.recordings.get(rec.id).path == new  # the row stays, pointing at the trash

    back = discard.restore(store, d.id, by="Koordinator Rina")
    assert back.restored_by == "Koordinator Rina" and store.discards.list() == []
    again = store.cases.get(case.id)
    assert (again.summary, again.status) == ("Tes mikrofon sebelum siaran", Status.TERVERIFIKASI)
    assert [e.note for e in store.cases.status_events(case.id)][-1] == "cek"  # its history came back
    assert [r.path for r in store.recordings.for_case(case.id)] == [rec.path] and Path(rec.path).exists()
    assert [h.case.id for h in store.cases.search("mikrofon")] == [case.id]


def test_a_case_the_server_has_is_not_discarded_and_its_audio_stays(tmp_path, store):
    case, rec = _case_with_audio(store, tmp_path / "rec", "Jalan rusak")
    store.cases.mark_synced(case.id, revision=1, remote_id="BJN-1")
    with pytest.raises(ValidationError, match="server pusat"):
        discard.discard_case(store, case.id, by="Sari", reason="salah", trash=tmp_path / "trash")
    assert store.cases.find(case.id) is not None and Path(rec.path).exists()
    assert store.discards.list() == []


def test_a_recording_without_a_case_is_discarded_with_its_call(tmp_path, store):
    path = tmp_path / "rec" / "call.wav"
    path.parent.mkdir()
    sf.write(str(path), np.zeros(8000, np.int16), 8000, subtype="PCM_16")
    rec = store.recordings.add(Recording(path=str(path), samplerate=8000, duration_s=1.0))
    d = discard.discard_recording(
        store, rec, by="Sari", reason="salah tekan F9", call={"case_id": "x"}, trash=tmp_path / "trash"
    )
    assert d.kind == "recording" and d.recording_ids == [rec.id] and not path.exists()
    assert store.recordings.get(rec.id).path == rec.path == d.files[0][1]
    discard.restore(store, d.id, by="Sari")
    assert path.exists() and store.recordings.get(rec.id).path == str(path)


def test_restore_refuses_before_moving_when_audio_is_gone_or_its_place_is_taken(tmp_path, store):
    case, _rec = _case_with_audio(store, tmp_path / "rec", "Tes")
    d = discard.discard_case(store, case.id, by="Sari", reason="uji", trash=tmp_path / "trash")
    ((old, new),) = d.files
    Path(old).write_bytes(b"another recording")  # a new file at the old place: never overwritten
    with pytest.raises(ValidationError, match="sudah ada berkas lain"):
        discard.restore(store, d.id, by="Rina")
    assert Path(old).read_bytes() == b"another recording" and Path(new).exists()
    assert store.cases.find(case.id) is None
    Path(old).unlink()
    Path(new).unlink()  # the trash emptied by hand
    with pytest.raises(ValidationError, match="tidak ada lagi di folder sampah"):
        discard.restore(store, d.id, by="Rina")
    assert store.cases.find(case.id) is None and store.discards.get(d.id).restored_at is None
