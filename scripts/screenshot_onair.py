"""Screenshot of the On-Air desk during a call (the demo input playing the sample call).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_onair.py [OUT.png] [WIDTHxHEIGHT]

The window is WIDTHxHEIGHT (default 1366x768, the smallest common studio PC screen).  A second shot,
OUT-editor.png, shows the Editor tab while the call is still recorded (the status bar says so).

Runs on a throw-away demo home, so no station data is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "onair-call.png"
    width, height = (int(v) for v in (sys.argv[2] if len(sys.argv) > 2 else "1366x768").split("x"))
    os.environ["RADIO_DESK_DEMO_HOME"] = tempfile.mkdtemp(prefix="radio-desk-shot-")
    from PySide6.QtTest import QTest
    from shot_support import demo_window, wait_until

    from radio_desk.cli.demo import prepare_demo
    from radio_desk.gui.demo_input import demo_recorder_factory

    db = prepare_demo()
    window = demo_window(db, width, height, recorder_factory=demo_recorder_factory(preroll_seconds=1.0))
    desk = window.desk

    wait_until(lambda: desk.recorder.recorder is not None and window.engine.state == "ready", 120)
    wait_until(lambda: desk.today_list.model.rowCount() > 0, 10)
    feeder = desk.recorder.recorder.demo_feeder
    wait_until(
        lambda: 1.0 < feeder.position_s < 1.4, 60
    )  # the caller has just begun: the pre-roll has it all
    desk.toggle_record()
    wait_until(lambda: desk.recorder.recording, 10)
    call = desk.live_call
    wait_until(
        lambda: len(call.segments) >= 3 and desk.recorder.last_status.elapsed_s > 22, 420
    )  # busy CPUs: slow
    desk.ui.callerEdit.setText("Bu Siti")
    desk.ui.phoneEdit.setText("0813-3344-5566")
    desk.form.set_kecamatan("35.22.15")
    desk.form.set_desa("35.22.15.2003")
    desk.accept_suggestion()
    QTest.qWait(700)
    window.grab().save(str(out))
    print(out)
    window.ensure_editor()
    window.ui.tabs.setCurrentIndex(1)
    QTest.qWait(1500)
    editor_shot = out.with_name(out.stem + "-editor" + out.suffix)
    window.grab().save(str(editor_shot))
    print(editor_shot)
    desk.toggle_record()
    wait_until(lambda: not desk.recorder.recording, 10)
    window.close()
    from radio_desk.gui.app import hard_exit

    hard_exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
