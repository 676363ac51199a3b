"""Screenshot of the On-Air desk during a call (the demo input playing the sample call).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_onair.py [OUT.png]

Runs on a throw-away demo home, so no station data is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "onair-call.png"
    os.environ["RADIO_DESK_DEMO_HOME"] = tempfile.mkdtemp(prefix="radio-desk-shot-")
    from PySide6.QtTest import QTest

    from radio_desk.cli.demo import prepare_demo
    from radio_desk.gui.app import application, build_window
    from radio_desk.gui.demo_input import demo_recorder_factory
    from radio_desk.gui.i18n import install_translators

    db = prepare_demo()
    app = application()
    install_translators(app, "id")
    window = build_window(db, demo=True, recorder_factory=demo_recorder_factory(preroll_seconds=1.0))
    window.resize(1500, 940)
    window.show()
    desk = window.desk

    def wait(cond, timeout: float) -> None:  # type: ignore[no-untyped-def]
        end = time.monotonic() + timeout
        while not cond():
            if time.monotonic() > end:
                raise TimeoutError("screenshot: step timed out")
            QTest.qWait(50)

    wait(lambda: desk.recorder.recorder is not None and window.engine.state == "ready", 120)
    wait(lambda: desk.today.rowCount() > 0, 10)
    feeder = desk.recorder.recorder.demo_feeder
    wait(lambda: 1.0 < feeder.position_s < 1.4, 60)  # the caller has just begun: the pre-roll has it all
    desk.toggle_record()
    wait(lambda: desk.recorder.recording, 10)
    call = desk.live_call
    wait(lambda: len(call.segments) >= 3 and desk.recorder.last_status.elapsed_s > 22, 120)
    desk.ui.callerEdit.setText("Bu Siti")
    desk.ui.phoneEdit.setText("0813-3344-5566")
    desk.form.set_kecamatan("35.22.15")
    desk.form.set_desa("35.22.15.2003")
    desk.accept_suggestion()
    QTest.qWait(700)
    window.grab().save(str(out))
    print(out)
    desk.toggle_record()
    wait(lambda: not desk.recorder.recording, 10)
    window.close()
    from radio_desk.gui.app import hard_exit

    hard_exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
