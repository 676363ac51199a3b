"""File → Dibuang…: the discarded cases and recordings (when, who, what, why) and "Pulihkan", run on a
worker through services/discard.py; a restore that cannot be done says why in Indonesian and moves
nothing.  The desk's "Buang…" and the import are in the menus with shortcuts and tooltips.  Real
store, real files, the real main window."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf
from PySide6.QtGui import QKeySequence

from radio_desk.domain import Case, Recording
from radio_desk.gui.i18n import install_translators
from radio_desk.services import discard


def _discarded_case(store, folder: Path, summary: str, reason: str):
    case = store.cases.create(Case(station="lokal", summary=summary, caller_name="Uji"), by="Sari")
    path = folder / f"{case.id}.wav"
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(str(path), np.zeros(8000, np.int16), 8000, subtype="PCM_16")
    store.recordings.add(Recording(case_id=case.id, path=str(path), samplerate=8000, duration_s=1.0))
    d = discard.discard_case(store, case.id, by="Sari", reason=reason, trash=folder / "trash")
    return case, path, d


def _row_of(dialog, discard_id: int) -> int:
    return [d.id for d in dialog.discards].index(discard_id)


def test_discarded_list_restores_and_refuses_in_indonesian(make_window, qtbot, qapp, tmp_path):
    install_translators(qapp, "id")
    try:
        window = make_window(start=False, settings={"operator_name": "Rina"})
        store = window.services.store
        case, audio, first = _discarded_case(store, tmp_path / "rec", "Tes mikrofon", "rekaman uji")
        _, _, second = _discarded_case(store, tmp_path / "rec", "Salah tekan", "salah tekan F9")
        Path(second.files[0][1]).unlink()  # someone emptied the trash folder by hand
        seen: list[str] = []
        window.services.changes.changed.connect(seen.append)

        assert window.action_discards in window.ui.menuFile.actions()
        assert window.action_discards.text() == "&Dibuang…"
        window.action_discards.trigger()
        dialog = window.discards_dialog
        qtbot.waitUntil(lambda: len(dialog.discards) == 2, timeout=5000)
        assert dialog.windowTitle() == "Dibuang" and dialog.restoreButton.text() == "&Pulihkan"
        table = dialog.table
        row = _row_of(dialog, first.id)
        assert [table.horizontalHeaderItem(c).text() for c in range(4)] == ["Kapan", "Oleh", "Apa", "Alasan"]
        assert table.item(row, 1).text() == "Sari" and table.item(row, 3).text() == "rekaman uji"
        assert table.item(row, 2).text() == "Aduan: Tes mikrofon"
        assert not dialog.restoreButton.isEnabled()  # nothing selected

        table.selectRow(row)
        dialog.restoreButton.click()
        qtbot.waitUntil(lambda: "Dipulihkan" in dialog.messageLabel.text(), timeout=5000)
        assert store.cases.get(case.id).summary == "Tes mikrofon" and audio.exists()
        assert store.discards.get(first.id).restored_by == "Rina" and "editor" in seen
        qtbot.waitUntil(lambda: [d.id for d in dialog.discards] == [second.id], timeout=5000)

        table.selectRow(0)
        dialog.restoreButton.click()
        qtbot.waitUntil(lambda: "Tidak dipulihkan" in dialog.messageLabel.text(), timeout=5000)
        text = dialog.messageLabel.text()
        assert "tidak ada lagi di folder sampah" in text and "Traceback" not in text
        assert store.cases.find(second.case_id) is None and store.discards.get(second.id).restored_at is None
        dialog.close()
    finally:
        install_translators(qapp, "en")


def test_discard_and_import_are_in_the_menus_with_shortcuts_and_tooltips(make_window, qapp):
    install_translators(qapp, "id")
    try:
        window = make_window(start=False)
        ui, desk = window.ui, window.desk
        call_menu = ui.menuCall.actions()
        discard_call = window.action_discard_call
        assert call_menu.index(discard_call) == call_menu.index(ui.actionNewForm) + 1
        assert discard_call.text() == "&Buang panggilan…"
        assert discard_call.shortcut() == QKeySequence("Ctrl+Shift+Del")
        assert desk.discardButton.text() == "Buang…"
        assert (
            "bisa dipulihkan" in desk.discardButton.toolTip()
            and "Ctrl+Shift+Del" in desk.discardButton.toolTip()
        )
        importing = window.importer.action
        assert importing in ui.menuFile.actions() and importing.shortcut() == QKeySequence("Ctrl+I")
        assert importing.toolTip().startswith("Berkas audio atau pesan suara WhatsApp")
        assert window.action_discards.shortcut() == QKeySequence("Ctrl+Shift+D")
        ui.tabs.setCurrentIndex(1)
        discard_call.trigger()  # from the Editor tab: the desk's question, on the desk
        assert ui.tabs.currentIndex() == 0
        assert desk.ui.formMessageLabel.text().startswith("Tidak ada yang dibuang")
    finally:
        install_translators(qapp, "en")
