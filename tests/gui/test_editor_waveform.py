"""Waveform peaks: right length and level, cached on disk and reused while the file is unchanged."""

from __future__ import annotations

import numpy as np
import soundfile as sf

from radio_desk.services.waveform import BUCKETS_PER_SECOND, cache_file, load_waveform


def test_peaks_cached_and_refreshed(tmp_path):
    rate = 8000
    t = np.arange(rate * 3) / rate
    audio = np.where(t < 1.5, 0.5, 0.1) * np.sin(2 * np.pi * 440 * t)
    wav = tmp_path / "call.wav"
    sf.write(str(wav), audio.astype(np.float32), rate)
    cache = tmp_path / "cache"
    first = load_waveform(wav, cache)
    assert not first.cached and abs(first.duration - 3.0) < 1e-3
    assert len(first.peaks) == 3 * BUCKETS_PER_SECOND
    assert abs(first.peaks[:50, 1].max() - 0.5) < 0.02 and abs(first.peaks[-50:, 1].max() - 0.1) < 0.02
    assert cache_file(wav, cache).exists()
    again = load_waveform(wav, cache)
    assert again.cached and np.array_equal(again.peaks, first.peaks)
    sf.write(str(wav), (audio[:rate] * 0.2).astype(np.float32), rate)  # the file changed: recomputed
    third = load_waveform(wav, cache)
    assert not third.cached and abs(third.duration - 1.0) < 1e-3


def test_click_seeks_and_drag_marks_a_clip(qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from radio_desk.gui.editor.waveform_view import WaveformView

    view = WaveformView()
    qtbot.addWidget(view)
    view.resize(200, 80)
    view.set_waveform(np.zeros((500, 2), np.float32), 10.0)
    with qtbot.waitSignal(view.seekRequested) as seek:
        QTest.mouseClick(view, Qt.MouseButton.LeftButton, pos=QPoint(100, 40))
    assert abs(seek.args[0] - 5.0) < 0.06
    view.selectable = True
    QTest.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    QTest.mouseMove(view, QPoint(150, 40))
    with qtbot.waitSignal(view.selectionChanged) as sel:
        QTest.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(150, 40))
    assert sel.args == [2.0, 7.5]
    view.grab()  # paints without error with a selection, marks and a position
