"""F8 on a real call: the complaint's category and place, a summary of the complaint itself, and the
alternatives offered when the place is not certain."""

from __future__ import annotations

from PySide6.QtCore import Qt

from radio_desk.services.calls import Call
from radio_desk.transcribe.engine import Segment

CALL = (
    "Halo selamat pagi Mas, saya Bu Siti dari desa Sukorejo kecamatan Bojonegoro, mau lapor jalan di "
    "depan balai desa rusak parah banyak lubang. Iya Bu, sudah lama ya Bu? Sudah lama Mas. Matur nuwun Mas."
)
# two desa of the regency are called Mulyoagung and the call names no kecamatan
UNSURE = "Mas, tiang listrik PLN di Mulyoagung keropos bawahnya, sudah miring ke rumah warga."


def _f8_on_call(desk, qtbot, text: str):  # type: ignore[no-untyped-def]
    """A finished call transcribed as ``text``: wait for its suggestions, press F8; the form."""
    qtbot.waitUntil(lambda: desk.triage is not None, timeout=15000)
    desk.form_call = Call(segments=[Segment(0.0, 9.0, text)], transcript_done=True)
    desk.suggestions.schedule()
    qtbot.waitUntil(lambda: desk.form.suggestion is not None, timeout=5000)
    qtbot.keyClick(desk.ui.callerEdit, Qt.Key.Key_F8)
    return desk.form


def test_f8_fills_category_place_and_a_summary_of_the_complaint(make_window, qtbot):
    w = make_window()
    desk, ui = w.desk, w.desk.ui
    form = _f8_on_call(desk, qtbot, CALL)
    assert form.category == "jalan"  # not the village government: "balai desa" only says where
    assert form.kecamatan_code == "35.22.15" and form.desa_code == "35.22.15.2003"
    assert ui.kecamatanEdit.text() == "Bojonegoro" and ui.desaEdit.text() == "Sukorejo"
    summary = ui.summaryEdit.text()
    assert "jalan" in summary.lower() and "rusak" in summary.lower() and "Sukorejo" in summary
    for said_around in ("Halo", "Siti", "Matur", "sudah lama ya"):
        assert said_around not in summary
    assert len(summary) <= 140
    assert not form.placeChoiceCombo.isVisibleTo(ui.intakeBox)  # nothing to choose: the place is sure
    ui.summaryEdit.setText(summary + " sejak setahun")  # the operator can edit it
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.today_list.model.rowCount() == 1, timeout=5000)
    case = w.services.store.cases.list()[0]
    assert case.category == "jalan" and case.desa_code == "35.22.15.2003"
    assert case.summary.endswith("sejak setahun")


def test_f8_offers_the_alternatives_when_the_place_is_unsure(make_window, qtbot):
    w = make_window()
    desk, ui = w.desk, w.desk.ui
    form = _f8_on_call(desk, qtbot, UNSURE)
    assert form.category == "listrik"
    assert form.desa_code is None  # not filled in: two desa have that name
    assert form.placeChoiceCombo.isVisibleTo(ui.intakeBox)
    choices = form.place_choices()
    desa = [d for _label, _kec, d in choices if d]
    assert len(desa) >= 2 and all("Mulyoagung" in label for label, _k, d in choices if d)
    pick = next(i for i, (_label, _k, d) in enumerate(choices, 1) if d)
    form.placeChoiceCombo.setCurrentIndex(pick)
    form.placeChoiceCombo.activated.emit(pick)
    assert form.desa_code == choices[pick - 1][2]
    assert form.kecamatan_code == choices[pick - 1][1]
    assert ui.desaEdit.text() == "Mulyoagung"
    assert not form.placeChoiceCombo.isVisibleTo(ui.intakeBox)


def test_a_typed_whatsapp_message_is_triaged_as_it_is_typed(make_window, qtbot):
    w = make_window()
    desk, ui = w.desk, w.desk.ui
    qtbot.waitUntil(lambda: desk.triage is not None, timeout=15000)
    desk.form.clear()
    ui.channelCombo.setCurrentIndex(ui.channelCombo.findData("whatsapp"))
    ui.notesEdit.setPlainText("Min, lampu PJU di desa Sukorejo kec Bojonegoro mati semua sudah seminggu")
    qtbot.waitUntil(lambda: desk.form.suggestion is not None, timeout=5000)
    assert desk.form.suggestion.category == "pju"
    ui.notesEdit.setPlainText("Min, sampah di pasar numpuk dan bau, belum diangkut tiga hari")
    qtbot.waitUntil(lambda: desk.form.suggestion.category == "lingkungan", timeout=5000)
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F8)
    assert desk.form.category == "lingkungan"
    assert "sampah" in ui.summaryEdit.text().lower()
