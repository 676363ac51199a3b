"""Import in the window (issue 19): audio files and WhatsApp voice notes dropped on the window (or
chosen from File → Import audio…) become cases; the channel is offered from the file (an Opus voice
note → WhatsApp); the same file twice is recognised by its SHA-256 and says which case has it; the
new case is transcribed in the background (real Whisper) and triaged."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from support.speech import sentence_words_in

from radio_desk.domain import Channel


def _drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.importer.eventFilter(window, event)


def test_drop_a_voice_note_and_a_wav_then_the_same_wav_again(make_window, qtbot, speech_48k, tmp_path):
    window = make_window()
    store = window.services.store
    qtbot.waitUntil(lambda: window.engine.engine is not None, timeout=60000)
    note = tmp_path / "PTT-20261203-WA0007.opus"
    sf.write(str(note), speech_48k.astype(np.float32) / 32768, 48_000, format="OGG", subtype="OPUS")
    wav = tmp_path / "telepon.wav"
    sf.write(str(wav), np.zeros(16_000, np.int16), 16_000, subtype="PCM_16")
    assert window.importer.action is not None and window.importer.action.shortcut().toString() == "Ctrl+I"

    _drop(window, [note, wav])
    qtbot.waitUntil(
        lambda: window.importer.dialog is not None and window.importer.dialog.isVisible(), timeout=10000
    )
    dialog = window.importer.dialog
    channels = [Channel(c.currentData()) for c in dialog.channels]
    assert channels == [Channel.WHATSAPP, Channel.ON_AIR]  # offered from the file
    assert all(b.isChecked() for b in dialog.boxes)
    with qtbot.waitSignal(window.importer.imported, timeout=20000) as got:
        dialog.ok.click()
    voice, phone = got.args[0]
    assert (voice.channel, phone.channel) == (Channel.WHATSAPP, Channel.ON_AIR)
    assert store.recordings.for_case(voice.id)[0].source_sha256 is not None

    # transcribed in the background and triaged: the transcript and the suggestions reach the case
    qtbot.waitUntil(lambda: bool(store.segments.text_for_case(voice.id)), timeout=120_000)
    qtbot.waitUntil(lambda: bool(store.cases.get(voice.id).summary), timeout=120_000)
    heard = store.segments.text_for_case(voice.id).lower()
    assert len(sentence_words_in(heard)) >= 2, heard  # the call's words

    # the same file again: recognised by its SHA-256, unticked, naming the case that has it
    _drop(window, [wav])
    qtbot.waitUntil(
        lambda: window.importer.dialog is not dialog and window.importer.dialog is not None, timeout=10000
    )
    again = window.importer.dialog
    assert not again.boxes[0].isChecked() and not again.ok.isEnabled()
    assert str(phone.id)[:8] in again.table.item(0, 2).text()
    again.reject()
    assert len(store.cases.list()) == 2
