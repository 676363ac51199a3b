"""Qt's own strings in the Indonesian interface (Qt ships no qtbase_id.qm: ours is loaded) and the audio
layer's English (PortAudio, libsndfile) shown in Indonesian where the operator sees it."""

from __future__ import annotations

from pathlib import Path

import pytest
import sounddevice as sd
import soundfile as sf
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox

from radio_desk.audio.error_text import audio_error_text, libsndfile_reason, portaudio_reason
from radio_desk.gui.onair.audio_control import RecorderController


def test_qt_buttons_file_dialog_and_menus_in_indonesian(indonesian, qtbot, tmp_path: Path) -> None:
    assert "qtbase_id.qm" in indonesian
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"Simpan", "Batal"}
    msg = QMessageBox(
        QMessageBox.Icon.Question, "t", "?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    qtbot.addWidget(msg)
    assert {b.text().replace("&", "") for b in msg.buttons()} == {"Ya", "Tidak"}
    dialog = QFileDialog(None, "Simpan laporan", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Cari di:" and labels["fileNameLabel"] == "&Nama berkas:"
    assert labels["fileTypeLabel"] == "&Jenis berkas:"
    buttons = {b.text() for b in dialog.findChildren(QDialogButtonBox)[0].buttons()}
    assert buttons == {"&Simpan", "Batal"}
    edit = QLineEdit("teks")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    actions = {a.text().split("\t")[0] for a in menu.actions() if a.text()}
    assert {"&Batalkan", "&Salin", "&Tempel", "Pilih Semua"} <= actions


def test_portaudio_and_libsndfile_errors_in_indonesian(tmp_path: Path) -> None:
    with pytest.raises(sd.PortAudioError) as no_default:
        sd.query_devices(-1)  # what the studio PC without a default input raised
    assert str(no_default.value) == "Error querying device -1"
    assert portaudio_reason(no_default.value).startswith("tidak ada perangkat input bawaan")
    text = tmp_path / "bukan.wav"
    text.write_text("bukan audio")
    with pytest.raises(sf.LibsndfileError) as bad:
        sf.info(str(text))
    assert "Format not recognised" in str(bad.value)
    assert libsndfile_reason(bad.value) == "format berkasnya tidak dikenali"
    assert audio_error_text(bad.value) == "Berkas audio tidak bisa dipakai: format berkasnya tidak dikenali."
    odd = portaudio_reason("Something new [PaErrorCode -1]")  # unknown: kept after an Indonesian sentence
    assert odd == "galat sistem audio (pesan sistem: Something new [PaErrorCode -1])"


def test_input_that_cannot_open_says_why_in_indonesian(qtbot) -> None:
    def factory():  # type: ignore[no-untyped-def]
        sd.query_devices(-1)  # the real PortAudio error, as opening without a default input gives

    control = RecorderController(factory, synchronous=True)
    with qtbot.waitSignal(control.open_failed, timeout=5000) as failed:
        control.open()
    assert failed.args[0] == (
        "Audio tidak bisa dipakai: tidak ada perangkat input bawaan (mixer atau mikrofon belum terpasang)."
    )
