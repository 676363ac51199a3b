"""Case detail: intake edits with history, status changes (and refusals), duplicates, and the
transcript editor: edits that survive a restart, split/merge, speaker, playback keys and highlight."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from radio_desk.domain import Status
from radio_desk.gui.editor.case_hints import CASE_ROLE
from radio_desk.gui.editor.transcript import TEXT_COLUMN
from radio_desk.store import open_store
from tests.gui import editor_fixtures

# the fixtures these tests use (importing them by name would shadow them)
editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace
_open = editor_fixtures.open_case


def test_edited_transcript_survives_restart(workspace, editor_data):
    page = _open(workspace, editor_data.named.case.id)
    assert page.playback.ready and page.ui.waveform.has_peaks
    model = page.transcript.segments
    assert model.rowCount() == 3
    model.setData(model.index(1, TEXT_COLUMN), "jembatan gantung di Desa Luwihaji putus total")
    assert model.index(1, 4).data() == "✎"
    # a new store on the same file: what a restart sees
    again = open_store(editor_data.store.path)
    segs = again.segments.list_for_case(editor_data.named.case.id)
    assert segs[1].text == "jembatan gantung di Desa Luwihaji putus total" and segs[1].edited
    assert (segs[1].start, segs[1].end) == (4.0, 7.8)
    assert [h.case.id for h in again.cases.search("putus total")] == [editor_data.named.case.id]
    again.close()


def test_split_merge_and_speaker(workspace, editor_data):
    page = _open(workspace, editor_data.named.case.id)
    page.ui.segmentTable.selectRow(1)
    page.transcript.split_current()
    segs = editor_data.store.segments.list_for_case(editor_data.named.case.id)
    assert len(segs) == 4 and (segs[1].end, segs[2].start) == (5.9, 5.9)
    assert page.transcript.segments.rowCount() == 4
    page.ui.segmentTable.selectRow(1)
    page.transcript.merge_current()
    segs = editor_data.store.segments.list_for_case(editor_data.named.case.id)
    assert len(segs) == 3 and (segs[1].start, segs[1].end) == (4.0, 7.8)
    assert segs[1].text == "jembatan gantung di desa kami putus"
    page.ui.segmentTable.selectRow(0)
    page.ui.speakerCombo.setCurrentIndex(page.ui.speakerCombo.findData("Penyiar"))
    page.ui.speakerCombo.activated.emit(page.ui.speakerCombo.currentIndex())
    assert editor_data.store.segments.list_for_case(editor_data.named.case.id)[0].speaker == "Penyiar"


def test_status_change_writes_history_and_refuses_illegal(workspace, editor_data):
    page = _open(workspace, editor_data.named.case.id)
    cid = editor_data.named.case.id
    combo = page.ui.nextStatusCombo
    combo.setCurrentIndex(combo.findData(Status.SELESAI.value))  # baru -> selesai: not allowed
    page.status.apply()
    assert "tidak bisa diubah" in page.ui.transcriptTitle.text()
    assert editor_data.store.cases.get(cid).status == Status.BARU
    combo.setCurrentIndex(combo.findData(Status.TERVERIFIKASI.value))
    page.ui.statusNoteEdit.setText("sudah dicek ke kepala desa")
    page.status.apply()
    events = editor_data.store.cases.status_events(cid)
    assert (events[-1].to_status, events[-1].by, events[-1].note) == (
        Status.TERVERIFIKASI, "Rina", "sudah dicek ke kepala desa",
    )  # fmt: skip
    assert "Verified" in page.ui.statusLabel.text()  # English interface: the data labels too
    history = [
        page.ui.historyTree.topLevelItem(i).text(2) for i in range(page.ui.historyTree.topLevelItemCount())
    ]
    assert any("New → Verified" in h and "kepala desa" in h for h in history)
    # intake edit: stored with its history
    page.ui.summaryEdit.setPlainText("Jembatan gantung Luwihaji putus, warga memutar 5 km")
    page.intake.save()
    change = editor_data.store.cases.history(cid, "summary")[-1]
    assert change.new.endswith("memutar 5 km") and change.by == "Rina"
    assert any(
        "summary:" in page.ui.historyTree.topLevelItem(i).text(2)
        for i in range(page.ui.historyTree.topLevelItemCount())
    )


def test_mark_duplicate_links_to_original(workspace, editor_data):
    from tests.rundown.audio_cases import add_audio_case

    store = editor_data.store
    folder = Path(editor_data.named.recording.path).parent
    dup = add_audio_case(
        store, folder, ["jembatan gantung putus lagi"], caller="Bu Ani",
        summary="Jembatan gantung Luwihaji putus", opd="dpubmpr",
    )  # fmt: skip
    page = _open(workspace, dup.case.id)
    items = [page.ui.relatedList.item(i) for i in range(page.ui.relatedList.count())]
    original = [it for it in items if it.data(CASE_ROLE) == str(editor_data.named.case.id)]
    assert original, [it.text() for it in items]
    page.ui.relatedList.setCurrentItem(original[0])
    page.questions.mark_duplicate()  # asks first, with the selected case as the original
    assert store.cases.get(dup.case.id).status == Status.BARU
    assert page.questions.dialog.original() == editor_data.named.case.id
    page.questions.dialog.ok.click()
    case = store.cases.get(dup.case.id)
    assert case.status == Status.DUPLIKAT and case.duplicate_of == editor_data.named.case.id


def test_keys_and_click_drive_playback_position(workspace, editor_data):
    page = _open(workspace, editor_data.named.case.id)
    table = page.ui.segmentTable
    rect = table.visualRect(page.transcript.segments.index(2, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page.playback.runner.wait()
    assert (
        7.99 <= page.playback.player.position < 8.9
    )  # playing from the segment's start (it moves on while playing)
    page.playback.poll()
    assert page.transcript.segments.playing_row == 2
    page.playback.player.stop()  # jumps below are then exact, however slow the machine
    page.playback.player.seek(8.0)
    # while typing in the segment editor, Ctrl+Left jumps back 5 s instead of moving the cursor
    table.setCurrentIndex(page.transcript.segments.index(2, TEXT_COLUMN))
    table.edit(page.transcript.segments.index(2, TEXT_COLUMN))
    editor = page.transcript.delegate.editor
    assert editor is not None
    editor.setCursorPosition(4)
    QTest.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    page.playback.runner.wait()
    assert 2.99 <= page.playback.player.position < 3.9 and editor.cursorPosition() == 4
    page.playback.poll()
    assert page.transcript.segments.playing_row == 0
    QTest.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    page.playback.runner.wait()
    assert 7.99 <= page.playback.player.position < 8.9


def test_a_case_without_category_shows_what_its_transcript_suggests(workspace, editor_data):
    case_id = editor_data.named.case.id  # "jembatan gantung di desa kami putus", as if just imported
    editor_data.store.cases.update(case_id, {"category": None}, by="test")
    page = _open(workspace, case_id)
    label = page.hints.suggestionLabel
    assert label.isVisibleTo(page) and "Jalan dan Jembatan" in label.text()
    assert page.ui.categoryCombo.currentData() is None
    label.linkActivated.emit("use")  # "use": the category goes into the form, Save keeps it
    assert page.ui.categoryCombo.currentData() == "jalan"
    assert not label.isVisibleTo(page)
    other = _open(workspace, editor_data.anonim.case.id)  # the operator chose its category
    assert not other.hints.suggestionLabel.isVisibleTo(other)
