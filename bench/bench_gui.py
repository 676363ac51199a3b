"""On-Air desk benchmarks: cold start to a usable window, and the longest GUI-thread stall during a
recorded and transcribed call.

* ``cold_start_s``: a fresh process (imports included) on an empty database until the main window
  is shown and its event loop has run once — the speech model is still loading in the background.
  Median and worst of ``RUNS`` starts.  Target ≤ 2 s.
* ``stall_*``: a 10 ms ``QTimer`` probe on the GUI thread records the gap between its ticks while a
  call is recorded (the real :class:`Recorder`, fed the bundled sample call in real time, 3 minutes
  by default), transcribed (live when ``radio_desk.transcribe.live`` exists, else after the call, by
  the real whisper-base) and saved.  ``stall_max_ms`` is the longest gap minus the 10 ms period.
  Target ≤ 50 ms.  ``RADIO_DESK_BENCH_GUI_CALL_S`` shortens the call for a quick look.
  ``stall_worst_gui_stack``: where the GUI thread's Python code stood during the worst stall, from a
  sampler thread that looks only when the probe has been quiet for 30 ms (cheap enough not to cause
  stalls itself).  An event-loop frame there means no code of ours held the thread: it was ready to
  run and the OS did not schedule it (other load on the cores).
  ``gc_full_*``: the collector's full (generation-2) passes during the call and the longest of them;
  each holds the GIL, so it stalls the GUI thread for its whole length (radio_desk/gui/gc_pauses.py).
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import traceback
from pathlib import Path

from bench.common import ROOT, percentile, record

RUNS = 3
CALL_S = float(os.environ.get("RADIO_DESK_BENCH_GUI_CALL_S", "180"))
PROBE_MS = 10

COLD_START = textwrap.dedent(
    """
    import time
    t0 = time.perf_counter()
    from PySide6.QtCore import QTimer
    from radio_desk.gui.app import application, build_window
    from radio_desk.gui.demo_input import demo_recorder_factory
    from radio_desk.settings import Settings
    app = application()
    s = Settings(); s.update({"first_run_done": True})
    w = build_window(recorder_factory=demo_recorder_factory(), settings=s)
    w.show()
    def usable():
        print("USABLE", time.perf_counter() - t0, flush=True)
        w.close(); app.quit()
    QTimer.singleShot(0, usable)
    app.exec()
    """
)


def cold_start() -> tuple[list[float], list[float]]:
    """Wall seconds to a usable window, and the CPU seconds the process spent getting there (the CPU
    figure is what a quiet machine's wall time would be, near enough: start-up is one thread)."""
    times, cpu = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, RADIO_DESK_HOME=home, QT_QPA_PLATFORM="offscreen")
            out = subprocess.run(
                [sys.executable, "-c", COLD_START], cwd=ROOT, env=env, capture_output=True, text=True,
                timeout=120,
            )  # fmt: skip
            line = next((x for x in out.stdout.splitlines() if x.startswith("USABLE")), None)
            if line is None:
                raise RuntimeError(f"cold start failed: {out.stderr[-2000:]}")
            times.append(float(line.split()[1]))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return times, cpu


def stall_during_call() -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtTest import QTest

    from radio_desk.gui.app import application
    from radio_desk.gui.demo_input import demo_recorder_factory
    from radio_desk.gui.main_window import MainWindow
    from radio_desk.gui.services import Services
    from radio_desk.gui.tasks import TaskRunner
    from radio_desk.settings import Settings
    from radio_desk.store import open_store

    app = application()  # noqa: F841 (kept alive for the whole run)
    with tempfile.TemporaryDirectory() as home:
        os.environ["RADIO_DESK_HOME"] = home
        s = Settings()
        s.update({"first_run_done": True, "station_code": "bench-fm"})
        services = Services(
            open_store(Path(home) / "bench.sqlite3"), s, TaskRunner(max_threads=2),
            recorder_factory=demo_recorder_factory(preroll_seconds=2.0), start_sync=False,
        )  # fmt: skip
        w = MainWindow(services)
        w.show()
        w.start()
        desk = w.desk

        def wait(cond, timeout_s: float) -> None:  # type: ignore[no-untyped-def]
            end = time.monotonic() + timeout_s
            while not cond():
                if time.monotonic() > end:
                    raise TimeoutError("benchmark step timed out")
                QTest.qWait(20)

        wait(lambda: desk.recorder.recorder is not None and w.engine.state == "ready", 120)
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]
        sampler = _StallSampler(threading.get_ident())
        full_passes: list[float] = []
        began = [0.0]

        def on_gc(phase: str, info: dict) -> None:
            if info["generation"] != 2:
                return
            if phase == "start":
                began[0] = time.perf_counter()
            else:
                full_passes.append((time.perf_counter() - began[0]) * 1000)

        gc.callbacks.append(on_gc)

        def tick() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now
            sampler.ticked()

        probe = QTimer(interval=PROBE_MS)
        probe.timeout.connect(tick)
        probe.start()
        sampler.start()
        desk.toggle_record()
        wait(lambda: desk.recorder.recording, 10)
        call = desk.live_call
        wait(lambda: desk.recorder.last_status.elapsed_s >= CALL_S, CALL_S + 60)
        t_stop = time.monotonic()
        desk.toggle_record()
        wait(lambda: call.transcript_done, 600)
        final_after_stop = time.monotonic() - t_stop
        desk.ui.summaryEdit.setText("Benchmark")
        desk.accept_suggestion()
        desk.save()
        wait(lambda: call.saved, 30)
        QTest.qWait(200)
        probe.stop()
        sampler.stop()
        gc.callbacks.remove(on_gc)
        live = desk.transcripts.transcribers == {} and bool(call.engine)
        w.close()
        services.store.close()
    stalls = [max(0.0, g - PROBE_MS) for g in gaps[1:]]
    return {
        "call_s": CALL_S,
        "live_transcription": _live_available(),
        "segments": len(call.segments),
        "final_transcript_after_stop_s": round(final_after_stop, 2),
        "stall_max_ms": round(max(stalls), 1),
        "stall_p99_ms": round(percentile(stalls, 0.99), 1),
        "stalls_over_50ms": sum(1 for x in stalls if x > 50),
        "ticks": len(gaps),
        "saved": bool(live or call.saved),
        "stall_worst_gui_stack": sampler.worst_stack,
        "gc_full_passes": len(full_passes),
        "gc_full_max_ms": round(max(full_passes), 1) if full_passes else 0.0,
    }


class _StallSampler(threading.Thread):
    """Keeps the GUI thread's Python stack seen during the longest quiet spell of the probe."""

    QUIET_S = 0.03

    def __init__(self, gui_thread: int) -> None:
        super().__init__(name="bench-stall-sampler", daemon=True)
        self.gui_thread = gui_thread
        self.last_tick = time.perf_counter()
        self.worst_gap = 0.0
        self.worst_stack: list[str] = []
        self._done = threading.Event()

    def ticked(self) -> None:
        self.last_tick = time.perf_counter()

    def stop(self) -> None:
        self._done.set()
        self.join(1.0)

    def run(self) -> None:
        while not self._done.wait(0.005):
            gap = time.perf_counter() - self.last_tick
            if gap < self.QUIET_S or gap <= self.worst_gap:
                continue
            frame = sys._current_frames().get(self.gui_thread)
            if frame is not None:
                self.worst_gap = gap
                frames = traceback.extract_stack(frame)[-5:]
                self.worst_stack = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames]


def _live_available() -> bool:
    from radio_desk.gui.onair.transcription import live_available

    return live_available()


def main() -> None:
    starts, cpu = cold_start()
    metrics: dict = {
        "load_average_1min_at_start": round(os.getloadavg()[0], 2),  # other work sharing the 2 cores
        "cold_start_s": {"median": round(statistics.median(starts), 3), "max": round(max(starts), 3)},
        "cold_start_cpu_s": {"median": round(statistics.median(cpu), 3)},
    }
    metrics["call"] = stall_during_call()
    metrics["load_average_1min_at_end"] = round(os.getloadavg()[0], 2)
    record(
        "gui",
        metrics,
        targets={"cold_start_s.median": "<= 2.0", "call.stall_max_ms": "<= 50"},
    )


if __name__ == "__main__":
    main()
