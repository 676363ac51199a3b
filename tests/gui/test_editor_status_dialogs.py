"""The case page's hard-to-undo changes ask first: "Duplikat" from the status list asks for the
original and confirms; a final status says so ("status akhir"); a coordinator reopens it with a
reason (in the history); "Buang" discards a test case with a required reason, recoverable."""

from __future__ import annotations

from pathlib import Path

from radio_desk.domain import Status
from radio_desk.gui.confirm_dialogs import CASE_ROLE
from radio_desk.services import discard as discard_service
from tests.gui import editor_fixtures
from tests.rundown.audio_cases import add_audio_case

editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace
_open = editor_fixtures.open_case


def _history(page) -> list[tuple[str, str]]:
    tree = page.ui.historyTree
    return [
        (tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2)) for i in range(tree.topLevelItemCount())
    ]


def _duplicate(editor_data):
    folder = Path(editor_data.named.recording.path).parent
    return add_audio_case(
        editor_data.store, folder, ["jembatan gantung putus lagi"], caller="Bu Ani",
        summary="Jembatan gantung Luwihaji putus", opd="dpubmpr",
    )  # fmt: skip


def test_duplikat_from_the_status_list_asks_for_the_original_then_it_is_final(workspace, editor_data, qtbot):
    store, original = editor_data.store, editor_data.named.case.id
    dup = _duplicate(editor_data)
    page = _open(workspace, dup.case.id)
    combo = page.ui.nextStatusCombo
    combo.setCurrentIndex(combo.findData(Status.DUPLIKAT.value))
    page.status.apply()
    dialog = page.questions.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.ok.isEnabled()  # no original yet
    assert store.cases.get(dup.case.id).status == Status.BARU  # nothing saved before the answer
    rows = [dialog.list.item(i) for i in range(dialog.list.count())]
    dialog.list.setCurrentItem(next(it for it in rows if it.data(CASE_ROLE) == str(original)))
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    case = store.cases.get(dup.case.id)
    assert case.status == Status.DUPLIKAT and case.duplicate_of == original
    # a final status: the page says so, and every other status says why not
    assert "(final status)" in page.ui.statusLabel.text()
    items = [combo.itemText(i) for i in range(combo.count())]
    assert (
        items and all("final status" in t for t in items) and not any("not allowed now" in t for t in items)
    )
    assert page.ui.reopenButton.isVisibleTo(page) and not page.ui.reopenButton.isEnabled()  # an editor


def test_a_coordinator_reopens_a_final_case_with_a_reason(workspace, editor_data, qtbot):
    store, original = editor_data.store, editor_data.named.case.id
    dup = _duplicate(editor_data)
    store.cases.change_status(dup.case.id, Status.DUPLIKAT, by="Rina", duplicate_of=original)
    workspace.settings["desk_role"] = "koordinator"
    page = _open(workspace, dup.case.id)
    assert page.ui.reopenButton.isVisibleTo(page) and page.ui.reopenButton.isEnabled()
    page.ui.reopenButton.click()
    dialog = page.questions.dialog
    assert dialog.objectName() == "reopenDialog" and not dialog.ok.isEnabled()  # a reason is required
    dialog.reasonEdit.setPlainText("Lokasinya desa lain, bukan duplikat")
    dialog.ok.click()
    workspace.runner.wait()
    case = store.cases.get(dup.case.id)
    assert case.status == Status.TERVERIFIKASI and case.duplicate_of is None
    event = store.cases.status_events(dup.case.id)[-1]
    assert (event.by, event.note) == ("Rina", "Dibuka kembali: Lokasinya desa lain, bukan duplikat")
    qtbot.waitUntil(lambda: any("Dibuka kembali" in text for _by, text in _history(page)), timeout=5000)
    assert not page.ui.reopenButton.isVisibleTo(page)


def test_discard_needs_a_reason_hides_the_case_and_keeps_its_audio(workspace, editor_data, qtbot, tmp_path):
    store = editor_data.store
    test_call = _duplicate(editor_data)
    audio = Path(test_call.recording.path)
    page = _open(workspace, test_call.case.id)
    page.ui.discardButton.click()
    dialog = page.questions.dialog
    assert dialog.objectName() == "discardDialog" and not dialog.ok.isEnabled()
    dialog.reasonEdit.setPlainText("rekaman uji mikrofon")
    with qtbot.waitSignal(page.caseChanged, timeout=5000):
        dialog.ok.click()
    assert store.cases.find(test_call.case.id) is None  # gone from every list
    assert page.bundle is None and "rekaman uji mikrofon" in page.ui.transcriptTitle.text()
    (d,) = store.discards.list()
    assert (d.by, d.reason, d.case_id) == ("Rina", "rekaman uji mikrofon", test_call.case.id)
    assert not audio.exists() and Path(d.files[0][1]).exists()  # in the trash folder, kept
    discard_service.restore(store, d.id, by="Rina")
    assert store.cases.get(test_call.case.id).summary == "Jembatan gantung Luwihaji putus" and audio.exists()


def test_in_indonesian_a_final_status_says_status_akhir(workspace, editor_data, qapp):
    from radio_desk.gui.i18n import install_translators

    store, original = editor_data.store, editor_data.named.case.id
    dup = _duplicate(editor_data)
    store.cases.change_status(dup.case.id, Status.DUPLIKAT, by="Rina", duplicate_of=original)
    install_translators(qapp, "id")
    try:
        page = _open(workspace, dup.case.id)
        combo = page.ui.nextStatusCombo
        items = [combo.itemText(i) for i in range(combo.count())]
        assert "(status akhir)" in page.ui.statusLabel.text()
        assert all(t.endswith("(tidak bisa: status akhir)") for t in items), items
        assert not any("belum boleh sekarang" in t for t in items)
        # the form was built before the language was set: its buttons' translations, as a new page has them
        assert qapp.translate("EditorCase", "Discard…") == "Buang…"
        assert qapp.translate("EditorCase", "Reopen…") == "Buka kembali…"
    finally:
        install_translators(qapp, "en")
