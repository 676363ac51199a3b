"""The collector's full passes stay off the operator's clock: long-lived objects are frozen."""

from __future__ import annotations

import gc

from radio_desk.gui import gc_pauses


def test_frozen_objects_leave_the_collectors_generations() -> None:
    survivor = {"kept": [1, 2, 3]}
    assert any(o is survivor for o in gc.get_objects())
    before = gc.get_freeze_count()
    try:
        assert gc_pauses.freeze_long_lived("test") > before
        assert not any(o is survivor for o in gc.get_objects())  # no pass walks it any more
        newcomer = {"later": [4]}
        assert any(o is newcomer for o in gc.get_objects())  # what comes after is collected as usual
    finally:
        gc.unfreeze()


def test_the_window_freezes_at_start_and_once_the_model_is_loaded(make_window, qtbot, monkeypatch) -> None:
    import radio_desk.gui.main_window as main_window

    reasons: list[str] = []
    monkeypatch.setattr(main_window, "freeze_long_lived", reasons.append)
    w = make_window()
    assert reasons == ["window started"]
    qtbot.waitUntil(lambda: w.engine.state == "ready", timeout=60000)
    qtbot.waitUntil(lambda: len(reasons) == 2, timeout=5000)
    assert reasons[1] == "speech model loaded"
