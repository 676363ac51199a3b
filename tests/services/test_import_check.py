"""The same file imported twice is recognised by its SHA-256, also from the command line (a warning
naming the case that has it); a voice note is offered as WhatsApp."""

from __future__ import annotations

import numpy as np
import soundfile as sf

from radio_desk.cli import main
from radio_desk.domain import Channel
from radio_desk.services.importing import check_import
from radio_desk.store import open_store


def test_same_file_twice_is_named_with_its_case(tmp_path, capsys):
    db = tmp_path / "desk.sqlite3"
    note = tmp_path / "PTT-WA0001.opus"
    sf.write(str(note), np.zeros(4800, np.float32), 48000, format="OGG", subtype="OPUS")
    assert main(["import", str(note), "--database", str(db)]) == 0
    assert "sudah pernah diimpor" not in capsys.readouterr().err
    with open_store(db) as store:
        (case,) = store.cases.list()
        check = check_import(store, note)
        assert case.channel is Channel.WHATSAPP and check.channel is Channel.WHATSAPP
        assert check.existing is not None and check.existing.id == case.id
    assert main(["import", str(note), "--database", str(db)]) == 0
    assert f"sudah pernah diimpor (aduan {case.id})" in capsys.readouterr().err
