"""Screenshots of the questions before a hard-to-undo change, at a 1366×768 studio screen, for
docs/screenshots/ (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/status-dialog-screenshots.py

A temporary home with demo cases, the Indonesian interface, the editor filling the screen: the
duplicate dialog (choose the original, confirm), the discard dialog (a reason is required), and the
import dialog with a file that was already imported.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)


def centre(dialog) -> None:  # type: ignore[no-untyped-def]
    """No window manager under Xvfb: put the dialog in the middle of the screen, as one would."""
    dialog.move((SIZE[0] - dialog.width()) // 2, (SIZE[1] - dialog.height()) // 2)


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="rd-shots-"))
    os.environ["RADIO_DESK_HOME"] = str(home)
    from PySide6.QtWidgets import QApplication
    from shot_support import finish

    from radio_desk.demo_data import seed_store
    from radio_desk.domain import Case, Channel, Recording, RecordingState, Urgency
    from radio_desk.gui.editor import EditorWorkspace
    from radio_desk.gui.i18n import install_translators
    from radio_desk.gui.import_flow import ImportDialog
    from radio_desk.gui.tasks import TaskRunner
    from radio_desk.services.importing import check_import
    from radio_desk.settings import Settings
    from radio_desk.store import open_store

    app = QApplication(sys.argv)
    install_translators(app, "id")
    store = open_store(home / "db.sqlite3")
    seed_store(store, 300, seed=3)
    common = dict(station="demo-fm", desa_code="35.22.01.2001", category="jalan", opd="dpubmpr")
    original = store.cases.create(
        Case(caller_name="Pak Harjono", phone="081234567890", urgency=Urgency.TINGGI,
             summary="Jembatan gantung Luwihaji putus sejak banjir", **common)
    )  # fmt: skip
    again = store.cases.create(
        Case(caller_name="Bu Sri", phone="085712345678", urgency=Urgency.TINGGI,
             summary="Jembatan gantung Luwihaji putus, anak sekolah memutar", **common)
    )  # fmt: skip
    settings = Settings(home / "settings.json")
    settings["operator_name"] = "Rina"
    ws = EditorWorkspace(store, settings, TaskRunner(synchronous=True))
    ws.resize(*SIZE)
    ws.move(0, 0)
    ws.show()
    ws.open_case(again.id)
    app.processEvents()
    page = ws.case_page
    page.questions.mark_duplicate(selected=original.id)
    centre(page.questions.dialog)
    app.processEvents()
    app.primaryScreen().grabWindow(0, 0, 0, *SIZE).save(str(OUT / "editor-duplicate-dialog.png"))
    page.questions.dialog.reject()

    page.questions.ask_discard()
    page.questions.dialog.reasonEdit.setPlainText("Rekaman uji mikrofon sebelum siaran, bukan aduan warga.")
    centre(page.questions.dialog)
    app.processEvents()
    app.primaryScreen().grabWindow(0, 0, 0, *SIZE).save(str(OUT / "editor-discard-dialog.png"))
    page.questions.dialog.reject()

    note, wav = home / "PTT-20261203-WA0012.opus", home / "telepon-pak-harjono.wav"
    sf.write(str(note), np.zeros(16000, np.float32), 48000, format="OGG", subtype="OPUS")
    sf.write(str(wav), np.zeros(16000, np.int16), 16000, subtype="PCM_16")
    rec = Recording(case_id=original.id, path=str(wav), samplerate=16000, duration_s=1.0,
                    state=RecordingState.COMPLETE, source_sha256=check_import(store, wav).sha256)  # fmt: skip
    store.recordings.add(rec)
    dialog = ImportDialog([check_import(store, note), check_import(store, wav)], ws)
    assert dialog.checks[0].channel is Channel.WHATSAPP
    dialog.open()
    centre(dialog)
    app.processEvents()
    app.primaryScreen().grabWindow(0, 0, 0, *SIZE).save(str(OUT / "import-dialog.png"))
    dialog.reject()
    ws.shutdown()
    store.close()
    finish(f"screenshots in {OUT}")  # skips the teardown of the Qt objects (PySide crashes there)


if __name__ == "__main__":
    main()
