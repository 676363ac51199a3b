"""Editor workspace at scale: 100,000 cases (bulk-loaded like bench_store), the real workspace on the
offscreen Qt platform with its real thread pool.

- keystroke -> updated table: each character typed into the search box, and each filter change,
  timed until the table shows that query's first page (p95 target <= 100 ms);
- burst typing: a word typed without waiting, from the last key to the table (older queries dropped);
- scrolling: one more keyset page deep in the list;
- opening a case with a 10-minute recording until it is ready to play (target <= 500 ms), and until
  its waveform is drawn (first time computed, then from the cache).

``python -m bench editor`` (env ``BENCH_EDITOR_CASES`` to change the count).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import soundfile as sf

from bench.bench_store import bulk_load
from bench.common import record, summary_ms

WORDS = ["jalan", "air pdam", "puskesmas", "lampu", "sampah", "ktp", "banjir", "dalane"]
AUDIO_SECONDS = 600


def _wait(app, done, timeout: float = 30.0) -> float:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEventLoop

    t0 = time.perf_counter()
    while not done():
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
        if time.perf_counter() - t0 > timeout:
            raise TimeoutError("no answer from the workspace")
    return time.perf_counter()


def _audio_case(store, folder: Path, seed: int):  # type: ignore[no-untyped-def]
    from radio_desk.domain import Case, Recording, RecordingState, TranscriptSegment

    rate = 48_000
    rng = np.random.default_rng(seed)
    wav = folder / f"call-{seed}.wav"
    with sf.SoundFile(str(wav), "w", rate, 1, subtype="PCM_16") as f:
        for s in range(AUDIO_SECONDS // 10):  # written in 10 s blocks
            t = np.arange(rate * 10) / rate
            f.write(
                (0.3 * np.sin(2 * np.pi * (150 + 20 * (s % 7)) * t) * rng.random(len(t))).astype(np.float32)
            )
    case = store.cases.create(
        Case(station="demo-fm", summary="Panggilan panjang sepuluh menit", category="jalan")
    )
    rec = store.recordings.add(
        Recording(case_id=case.id, path=str(wav), samplerate=rate, duration_s=AUDIO_SECONDS,
                  state=RecordingState.COMPLETE, started_at=case.received_at)
    )  # fmt: skip
    store.segments.replace_for_recording(
        rec.id, [TranscriptSegment(rec.id, 4.0 * i, 4.0 * i + 3.9, f"kalimat nomor {i}") for i in range(150)]
    )
    return case.id


def main() -> None:
    n = int(os.environ.get("BENCH_EDITOR_CASES", "100000"))
    load_before = os.getloadavg()[0]  # the figures are latencies: say how busy the machine was
    with tempfile.TemporaryDirectory(prefix="bench-editor-") as tmp:
        os.environ["RADIO_DESK_HOME"] = tmp
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        from radio_desk.gui.editor import EditorWorkspace
        from radio_desk.gui.tasks import TaskRunner
        from radio_desk.settings import Settings
        from radio_desk.store import open_store

        path = Path(tmp) / "bench.sqlite3"
        bulk_load(path, n)
        store = open_store(path)
        long_cases = [_audio_case(store, Path(tmp), s) for s in (1, 2)]
        app = QApplication.instance() or QApplication([])
        runner = TaskRunner(max_threads=2)
        ws = EditorWorkspace(store, Settings(Path(tmp) / "settings.json"), runner)
        ws.resize(1400, 900)
        ws.show()
        b, model = ws.browser, ws.browser.model
        shown: list[int] = []
        model.pageLoaded.connect(shown.append)
        _wait(app, lambda: shown)

        def timed(action) -> float:  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            action()
            gen = model.generation
            return _wait(app, lambda: shown and shown[-1] >= gen) - t0

        keys: list[float] = []
        for word in WORDS:
            b.ui.searchEdit.clear()
            _wait(app, lambda: shown[-1] >= model.generation)
            for ch in word:
                keys.append(timed(lambda ch=ch: QTest.keyClicks(b.ui.searchEdit, ch)))
        b.ui.searchEdit.clear()
        _wait(app, lambda: shown[-1] >= model.generation)
        filters: list[float] = []
        ui = b.ui
        for combo in (ui.categoryCombo, ui.statusCombo, ui.urgencyCombo, ui.kecamatanCombo, ui.channelCombo):
            for i in (1, 2, 3, 0):
                filters.append(timed(lambda combo=combo, i=i: combo.setCurrentIndex(i)))
        sorts = [timed(lambda c=c: ui.table.sortByColumn(c, Qt.SortOrder.AscendingOrder)) for c in range(10)]
        ui.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        _wait(app, lambda: shown[-1] >= model.generation)
        burst: list[float] = []
        for word in WORDS:
            ui.searchEdit.clear()
            _wait(app, lambda: shown[-1] >= model.generation)
            burst.append(timed(lambda word=word: QTest.keyClicks(ui.searchEdit, word)))
        ui.searchEdit.clear()
        _wait(app, lambda: shown[-1] >= model.generation)
        scroll: list[float] = []
        for _ in range(40):
            _wait(app, lambda: not model._loading)
            if not model.canFetchMore():
                break
            rows = model.rowCount()
            t0 = time.perf_counter()
            model.fetchMore()
            scroll.append(_wait(app, lambda rows=rows: model.rowCount() > rows) - t0)

        page = ws.case_page
        ready: list[float] = []
        opened: list[float] = []
        waves: dict[str, list[float]] = {"first": [], "cached": []}
        audio_events: list[float] = []
        wave_events: list[float] = []
        page.audioReady.connect(lambda _d: audio_events.append(time.perf_counter()))
        page.waveformReady.connect(lambda: wave_events.append(time.perf_counter()))
        for i in range(8):
            cid = long_cases[i % 2]
            na, nw = len(audio_events), len(wave_events)
            t0 = time.perf_counter()
            ws.open_case(cid)
            _wait(app, lambda na=na: len(audio_events) > na)
            ready.append(audio_events[-1] - t0)
            _wait(app, lambda nw=nw: len(wave_events) > nw)
            waves["first" if i < 2 else "cached"].append(wave_events[-1] - t0)
            _wait(app, lambda: page.transcript.segments.rowCount() == 150)
            opened.append(time.perf_counter() - t0)
        ws.shutdown()
        runner.wait()
        store.close()
    record(
        "editor",
        {
            "cases": n,
            "load_avg_1min": {"before": round(load_before, 1), "after": round(os.getloadavg()[0], 1)},
            "cpus": os.cpu_count(),
            "keystroke_to_table": summary_ms(keys),
            "filter_change_to_table": summary_ms(filters),
            "sort_change_to_table": summary_ms(sorts),
            "burst_typing_last_key_to_table": summary_ms(burst),
            "scroll_next_page": summary_ms(scroll),
            "open_10min_case_ready_to_play": summary_ms(ready),
            "open_10min_case_all_shown": summary_ms(opened),
            "waveform_10min_first": summary_ms(waves["first"]),
            "waveform_10min_cached": summary_ms(waves["cached"]),
        },
        {
            "keystroke_to_table.p95_ms": 100,
            "filter_change_to_table.p95_ms": 100,
            "open_10min_case_ready_to_play.p95_ms": 500,
        },
    )


if __name__ == "__main__":
    main()
