"""Screenshots of the editor workspace for docs/screenshots/ (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/editor-screenshots.py

The whole main window at 1366x768 (the smallest common studio PC screen), status bar included.

A temporary home with demo cases and one call spoken by espeak-ng (real speech audio), the
Indonesian interface, the browser with a search, the transcript editor mid-playback, the rundown.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SENTENCES = [
    "Halo mas, saya Pak Harjono dari desa Luwihaji.",
    "Jembatan gantung di desa kami putus sejak banjir kemarin.",
    "Anak anak sekolah harus memutar lima kilometer.",
    "Mohon segera diperbaiki oleh dinas terkait, terima kasih.",
]


def speak(folder: Path) -> tuple[Path, list[tuple[float, float, str]]]:
    parts, spans, t = [], [], 0.0
    rate = 22050
    for i, text in enumerate(SENTENCES):
        wav = folder / f"s{i}.wav"
        subprocess.run(["espeak-ng", "-v", "id", "-s", "150", "-w", str(wav), text], check=True)
        data, rate = sf.read(str(wav), dtype="float32")
        gap = np.zeros(int(0.4 * rate), np.float32)
        parts += [data, gap]
        spans.append((round(t, 2), round(t + len(data) / rate, 2), text))
        t += (len(data) + len(gap)) / rate
    out = folder / "call.wav"
    sf.write(str(out), np.concatenate(parts), rate, subtype="PCM_16")
    return out, spans


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="rd-shots-"))
    os.environ["RADIO_DESK_HOME"] = str(home)
    from PySide6.QtTest import QTest
    from shot_support import finish

    from radio_desk.demo_data import seed_store
    from radio_desk.domain import Case, Recording, RecordingState, TranscriptSegment, Urgency
    from radio_desk.domain.station_time import today_local
    from radio_desk.gui.app import application, build_window
    from radio_desk.gui.demo_input import demo_recorder_factory
    from radio_desk.gui.i18n import install_translators
    from radio_desk.settings import Settings
    from radio_desk.store import open_store

    app = application()
    install_translators(app, "id")
    store = open_store(home / "db.sqlite3")
    seed_store(store, 400, seed=2)
    wav, spans = speak(home)
    case = store.cases.create(
        Case(station="demo-fm", caller_name="Pak Harjono", phone="081234567890", desa_code="35.22.01.2001",
             category="jalan", urgency=Urgency.TINGGI, summary="Jembatan gantung Luwihaji putus",
             opd="dpubmpr")
    )  # fmt: skip
    info = sf.info(str(wav))
    rec = store.recordings.add(
        Recording(case_id=case.id, path=str(wav), samplerate=info.samplerate, duration_s=info.duration,
                  state=RecordingState.COMPLETE, started_at=case.received_at)
    )  # fmt: skip
    segs = [
        TranscriptSegment(rec.id, a, b, t, speaker="Penelepon", engine="faster-whisper") for a, b, t in spans
    ]
    store.segments.replace_for_recording(rec.id, segs)
    store.close()
    settings = Settings()
    settings.update({"operator_name": "Rina", "operators": ["Rina", "Sari"], "first_run_done": True})
    window = build_window(
        home / "db.sqlite3",
        demo=True,
        recorder_factory=demo_recorder_factory(),
        settings=settings,
        start=False,
    )
    window.resize(1366, 768)
    window.show()
    window.ui.tabs.setCurrentIndex(1)
    ws = window.ensure_editor()
    store = window.services.store

    def settle(cond=lambda: True, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
        for _ in range(int(seconds * 20)):
            QTest.qWait(50)
            if cond():
                break
        QTest.qWait(400)

    ws.browser.ui.searchEdit.setText("jalan")
    ws.browser.ui.statusCombo.setCurrentIndex(ws.browser.ui.statusCombo.findData("open"))
    settle(lambda: ws.browser.model.rowCount() > 0 if hasattr(ws.browser, "model") else True, 5)
    window.grab().save(str(OUT / "editor-browser.png"))

    ws.open_case(case.id)
    page = ws.case_page
    settle(
        lambda: (
            page.bundle is not None
            and page.bundle.case.id == case.id
            and page.transcript.segments.rowCount() > 0
        )
    )
    page.playback.runner.wait()
    settle()
    page.transcript.segments.setData(
        page.transcript.segments.index(2, 3), "Anak-anak sekolah harus memutar lima kilometer."
    )
    page.playback.seek(spans[1][0] + 1.2)
    page.ui.segmentTable.selectRow(3)
    settle()
    window.grab().save(str(OUT / "editor-transcript.png"))

    ws.rundown.ui.showDate.setDate(today_local())  # the station's day, as the editor shows it
    settle()
    ids = [c.id for c in store.cases.list(limit=4) if not c.rahasia][:3]
    ws.add_to_rundown([case.id, *ids])
    settle(lambda: False, 3)  # built on a worker
    ws.rundown.items.select_case(case.id)
    ws.rundown.entry.set_clip(spans[1][0], spans[2][1])
    settle()
    window.grab().save(str(OUT / "editor-rundown.png"))
    ws.shutdown()
    finish(f"screenshots in {OUT}")  # skips the teardown of the Qt objects (PySide crashes there)


if __name__ == "__main__":
    main()
