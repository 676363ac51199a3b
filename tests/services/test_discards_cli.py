"""``radio-desk discards list`` / ``restore``: the audit trail read back and a discard undone."""

from __future__ import annotations

import numpy as np
import soundfile as sf

from radio_desk.cli import main
from radio_desk.domain import Case, Recording
from radio_desk.services.discard import discard_case
from radio_desk.store import open_store


def test_list_and_restore(tmp_path, capsys):
    db = tmp_path / "desk.sqlite3"
    store = open_store(db)
    case = store.cases.create(Case(station="lokal", summary="Tes siaran"), by="Sari")
    wav = tmp_path / "tes.wav"
    sf.write(str(wav), np.zeros(800, np.int16), 8000, subtype="PCM_16")
    store.recordings.add(Recording(case_id=case.id, path=str(wav), samplerate=8000, duration_s=0.1))
    d = discard_case(store, case.id, by="Sari", reason="uji mikrofon")
    store.close()

    assert main(["discards", "list", "--database", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"{d.id}. " in out and "oleh Sari" in out and "alasan: uji mikrofon" in out and "trash" in out
    assert main(["discards", "restore", str(d.id), "--by", "Rina", "--database", str(db)]) == 0
    assert "dipulihkan oleh Rina" in capsys.readouterr().out
    assert main(["discards", "restore", str(d.id), "--database", str(db)]) == 2  # not twice
    assert "sudah dipulihkan" in capsys.readouterr().err
    with open_store(db) as again:
        assert again.cases.get(case.id).summary == "Tes siaran" and wav.exists()
