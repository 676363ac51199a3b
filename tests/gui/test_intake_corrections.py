"""A desa typed under the wrong kecamatan says where it is and switches in one click; a fixed phone
number takes its old error away (issue 19)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_desa_in_another_kecamatan_offers_to_switch(indonesian, make_window, qtbot):
    window = make_window(start=False)
    ui, form = window.desk.ui, window.desk.form
    type_into(qtbot, ui.kecamatanEdit, "Kapas")
    assert form.kecamatan_code is not None and ui.kecamatanEdit.text() == "Kapas"
    type_into(qtbot, ui.desaEdit, "Sukorejo")  # Sukorejo is in Tambakrejo, Bojonegoro and Malo
    message = ui.formMessageLabel.text()
    assert message.startswith("Desa “Sukorejo” tidak ada di Kecamatan Kapas; desa itu ada di Kecamatan ")
    for kecamatan in ("Bojonegoro", "Malo", "Tambakrejo"):
        assert kecamatan in message
    assert "tidak ditemukan" not in message
    buttons = {b.text(): b for b in form.switch_buttons}
    assert form.elsewhereBox.isVisible() and "Pindah ke Kec. Bojonegoro" in buttons

    qtbot.mouseClick(buttons["Pindah ke Kec. Bojonegoro"], Qt.MouseButton.LeftButton)
    assert (form.kecamatan_code, form.desa_code) == ("35.22.15", "35.22.15.2003")
    assert (ui.kecamatanEdit.text(), ui.desaEdit.text()) == ("Bojonegoro", "Sukorejo")
    assert ui.formMessageLabel.text() == ""
    assert not form.elsewhereBox.isVisible()


def test_unknown_desa_still_says_not_found(indonesian, make_window, qtbot):
    window = make_window(start=False)
    ui, form = window.desk.ui, window.desk.form
    type_into(qtbot, ui.kecamatanEdit, "Kapas")
    type_into(qtbot, ui.desaEdit, "Zzyzxqw")
    assert ui.formMessageLabel.text() == "Desa “Zzyzxqw” tidak ditemukan."
    assert not form.elsewhereBox.isVisible()


def test_fixed_phone_clears_its_error(indonesian, make_window, qtbot):
    window = make_window(start=False)
    desk, ui = window.desk, window.desk.ui
    ui.summaryEdit.setText("Lampu jalan mati")
    ui.phoneEdit.setText("12")  # typed, not finished: Save finds it
    desk.save()
    assert "Nomor telepon" in ui.formMessageLabel.text()
    type_into(qtbot, ui.phoneEdit, "12")
    assert ui.phoneHintLabel.text().startswith("Nomor telepon")  # the field's own hint, in red

    type_into(qtbot, ui.phoneEdit, "0812-3456-7890")
    assert ui.formMessageLabel.text() == ""  # Save's message about the phone is gone
    assert not ui.phoneHintLabel.text().startswith("Nomor telepon")  # and the field's error too
    qtbot.waitUntil(lambda: ui.phoneHintLabel.text() != "", timeout=5000)  # calls before: looked up
