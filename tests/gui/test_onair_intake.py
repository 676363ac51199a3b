"""The intake form: keyboard-first logging, place completion, repeat callers, today's calls."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from radio_desk.domain import Case, Channel, Urgency
from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.gui.data_labels import speaker_label
from radio_desk.gui.onair.transcript_view import TranscriptView
from radio_desk.services.calls import Call
from radio_desk.services.places import complete, resolve
from radio_desk.transcribe.engine import Segment

COMPLAINT = (
    "Selamat pagi. Saya mau melapor, jalan di desa Sukorejo kecamatan Bojonegoro rusak parah, "
    "banyak lubang besar. Kemarin ada pengendara motor jatuh. Mohon segera diperbaiki."
)


def _call_with_transcript(text: str) -> Call:
    return Call(segments=[Segment(0.0, 9.0, text)], transcript_done=True)


def test_logging_a_call_takes_at_most_five_keystrokes(make_window, qtbot):
    w = make_window()
    desk, ui = w.desk, w.desk.ui
    qtbot.waitUntil(lambda: desk.triage is not None, timeout=15000)
    desk.form_call = _call_with_transcript(COMPLAINT)  # the call just hung up; its transcript is in
    desk.suggestions.schedule()
    qtbot.waitUntil(lambda: desk.form.suggestion is not None, timeout=5000)
    assert "Jalan" in ui.suggestionLabel.text()
    keys = 0
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F8)  # accept category, urgency, place, summary
    keys += 1
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    keys += 1
    qtbot.waitUntil(lambda: desk.today_list.model.rowCount() == 1, timeout=5000)
    assert keys <= 5
    case = w.services.store.cases.list()[0]
    assert case.category == "jalan"
    assert case.kecamatan_code == "35.22.15" and case.desa_code == "35.22.15.2003"
    assert case.urgency in (Urgency.TINGGI, Urgency.SEDANG)
    assert "jalan" in case.summary.lower()
    assert case.opd  # routed to the category's OPD
    assert desk.form.is_empty() and desk.form_call is None


def test_number_keys_set_urgency_outside_text_fields(make_window, qtbot):
    w = make_window()
    ui, form = w.desk.ui, w.desk.form
    ui.categoryCombo.setFocus()
    qtbot.keyClick(ui.categoryCombo, Qt.Key.Key_4)
    assert form.urgency is Urgency.DARURAT
    assert ui.urgency4.isChecked()
    qtbot.keyClick(ui.anonimCheck, Qt.Key.Key_1)
    assert form.urgency is Urgency.RENDAH
    ui.phoneEdit.setFocus()
    qtbot.keyClicks(ui.phoneEdit, "0813")  # digits in a text field are text
    assert ui.phoneEdit.text() == "0813" and form.urgency is Urgency.RENDAH
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # Alt+3 from anywhere
    assert form.urgency is Urgency.TINGGI


def test_place_completion_tolerates_typos():
    g = get_gazetteer()
    kec = g.kecamatan_of("35.22")
    assert resolve("bojonegro", kec).name == "Bojonegoro"
    assert resolve("Kec. Kapaz", kec).name == "Kapas"
    assert resolve("xyzzy", kec) is None
    assert complete("kap", kec)[0] == "Kapas"
    assert "Kapas" in complete("kpas", kec)
    desa = g.desa_of("35.22.15")
    assert resolve("sukorjo", desa).code == "35.22.15.2003"


def test_phone_normalised_with_called_before_hint(make_window, qtbot):
    w = make_window()
    store = w.services.store
    store.cases.create(Case(phone="+6281234567890", category="air_bersih", summary="PDAM mati", station="x"))
    ui = w.desk.ui
    ui.phoneEdit.setFocus()
    qtbot.keyClicks(ui.phoneEdit, "+62 812 3456 7890")
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_Tab)
    assert ui.phoneEdit.text() == "081234567890"
    qtbot.waitUntil(lambda: "1" in ui.phoneHintLabel.text(), timeout=5000)
    assert "air" in ui.phoneHintLabel.text().lower()
    ui.phoneEdit.setFocus()
    ui.phoneEdit.clear()
    qtbot.keyClicks(ui.phoneEdit, "12345")
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_Tab)
    assert "12345" in ui.phoneHintLabel.text()  # the reason names what was typed
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "12345" in ui.formMessageLabel.text()  # not saved, nothing lost
    assert ui.phoneEdit.text() == "12345"
    assert w.services.store.cases.count() == 1


def test_today_list_masks_anonim_and_double_click_edits(make_window, qtbot):
    w = make_window()
    store = w.services.store
    now = datetime.now(UTC)
    store.cases.create(
        Case(caller_name="Rahmat", anonim=True, received_at=now, summary="Banjir", station="x")
    )
    store.cases.create(Case(caller_name="Siti", received_at=now, summary="Lampu mati", station="x",
                            channel=Channel.SMS))  # fmt: skip
    desk, ui = w.desk, w.desk.ui
    desk.refresh()
    qtbot.waitUntil(lambda: desk.today_list.model.rowCount() == 2, timeout=5000)
    callers = {desk.today_list.model.index(r, 1).data() for r in range(2)}
    assert callers == {"Anonim", "Siti"}
    row = next(r for r in range(2) if desk.today_list.model.index(r, 1).data() == "Siti")
    rect = ui.todayTable.visualRect(desk.today_list.model.index(row, 1))
    qtbot.mouseClick(ui.todayTable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(ui.todayTable.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ui.callerEdit.text() == "Siti" and desk.editing is not None
    ui.summaryEdit.setText("Lampu jalan mati di perempatan")
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.editing is None, timeout=5000)
    siti = next(c for c in store.cases.list() if c.caller_name == "Siti")
    assert siti.summary == "Lampu jalan mati di perempatan" and siti.urgency is Urgency.DARURAT
    assert siti.channel is Channel.SMS  # untouched fields stay
    assert {h.field for h in store.cases.history(siti.id)} == {"summary", "urgency"}
    assert store.cases.count() == 2


def test_new_call_can_start_while_the_previous_form_is_open(make_window, qtbot):
    w = make_window()
    desk, ui = w.desk, w.desk.ui
    qtbot.waitUntil(lambda: desk.recorder.recorder is not None, timeout=5000)
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: desk.recorder.recording, timeout=5000)
    first = desk.live_call
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not desk.recorder.recording, timeout=5000)
    ui.callerEdit.setText("Penelepon pertama")
    ui.summaryEdit.setText("Sampah menumpuk")
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F9)  # the next caller is on air already
    qtbot.waitUntil(lambda: desk.recorder.recording, timeout=5000)
    second = desk.live_call
    assert second is not first and desk.form_call is first
    assert ui.callerEdit.text() == "Penelepon pertama"
    assert "1" in ui.queuedLabel.text()
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: first.saved, timeout=5000)
    assert desk.form_call is second and ui.callerEdit.text() == ""  # the form now serves the call on air
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not desk.recorder.recording, timeout=5000)
    store = w.services.store
    assert store.recordings.for_case(first.case_id)[0].id == first.recording.id
    assert store.cases.find(second.case_id) is None  # not saved yet; its recording is in the store
    assert store.recordings.find(second.recording.id) is not None


def test_transcript_view_partial_text_and_auto_scroll(qtbot):
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(300, 120)
    view.show()
    for i in range(40):
        view.add_final(Segment(i, i + 1, f"kalimat nomor {i}", speaker="Penelepon" if i % 2 else "Penyiar"))
    view.set_partial(Segment(40, 41, "sedang bicara"))
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() and bar.maximum() > 0)
    html = view.toHtml()
    # the speaker in the interface's language (no translator here: the English source)
    assert f"{speaker_label('Penelepon')}:" in view.toPlainText() and "italic" in html  # partial differs
    bar.setValue(0)  # the operator scrolls back to read
    view.add_final(Segment(41, 42, "kalimat baru"))
    assert bar.value() == 0 and not view.follow
    bar.setValue(bar.maximum())
    view.add_final(Segment(42, 43, "lagi"))
    assert view.follow and bar.value() == bar.maximum()


def test_new_form_parks_the_unsaved_call_and_empty_forms_are_not_saved(make_window, qtbot):
    w = make_window()
    desk, ui = w.desk, w.desk.ui
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ui.formMessageLabel.text() and w.services.store.cases.count() == 0
    desk.form_call = _call_with_transcript(COMPLAINT)
    ui.callerEdit.setText("Pak Dul")
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert desk.form.is_empty() and desk.form_call is None
    assert len(desk.parked) == 1 and desk.parked[0].form["caller_name"] == "Pak Dul"
    assert "1" in ui.queuedLabel.text()
    ui.summaryEdit.setText("SMS: lampu mati")
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.today_list.model.rowCount() == 1, timeout=5000)
    assert ui.callerEdit.text() == "Pak Dul"  # the parked call comes back into the form
