"""Case browser: filters and full-text search give the store's rows, highlighted; sorting; saved
filters; a stale query result never replaces a newer one."""

from __future__ import annotations

from radio_desk.domain import Status, Urgency
from radio_desk.gui.editor.case_table import CASE_ID_ROLE, SNIPPET_ROLE, SUMMARY_COLUMN
from radio_desk.settings import Settings
from radio_desk.store import HL_START, CaseFilter
from tests.gui import editor_fixtures

# the fixtures these tests use (importing them by name would shadow them)
editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace


def _ids(model) -> set[str]:
    return {model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())}


def _choose(combo, code) -> None:
    combo.setCurrentIndex(combo.findData(code))


def test_filters_return_the_right_rows(workspace, editor_data):
    b, store = workspace.browser, editor_data.store
    assert b.model.rowCount() == store.cases.count() == 83
    _choose(b.ui.categoryCombo, "jalan")
    expected = {str(c.id) for c in store.cases.list(CaseFilter(category="jalan"), limit=None)}
    assert _ids(b.model) == expected and b.model.total == len(expected)
    _choose(b.ui.urgencyCombo, Urgency.TINGGI.value)
    _choose(b.ui.statusCombo, "open")
    f = CaseFilter(category="jalan", urgency=Urgency.TINGGI, closed=False)
    assert _ids(b.model) == {str(c.id) for c in store.cases.list(f, limit=None)}
    assert "case" in b.ui.countLabel.text() or "aduan" in b.ui.countLabel.text()
    b.clear_filters()
    _choose(b.ui.privacyCombo, "rahasia")
    assert str(editor_data.rahasia.case.id) in _ids(b.model)
    assert _ids(b.model) == {str(c.id) for c in store.cases.list(CaseFilter(rahasia=True), limit=None)}
    b.clear_filters()
    desa = editor_data.named.case.desa_code
    _choose(b.ui.kecamatanCombo, editor_data.named.case.kecamatan_code)
    _choose(b.ui.desaCombo, desa)
    assert _ids(b.model) == {str(c.id) for c in store.cases.list(CaseFilter(desa_code=desa), limit=None)}
    b.clear_filters()
    _choose(b.ui.statusCombo, Status.BARU.value)
    assert _ids(b.model) == {str(c.id) for c in store.cases.list(CaseFilter(status=Status.BARU), limit=None)}


def test_search_highlights_matches_and_anonim_names_stay_hidden(workspace, editor_data):
    b = workspace.browser
    b.ui.searchEdit.setText("jembatan gant")
    assert _ids(b.model) == {str(editor_data.named.case.id)}
    snippet = b.model.index(0, SUMMARY_COLUMN).data(SNIPPET_ROLE)
    assert HL_START in snippet and "embatan" in snippet
    b.ui.searchEdit.setText("puskesmas")
    hits = {str(h.case.id) for h in editor_data.store.cases.search("puskesmas", limit=1000)}
    assert hits and _ids(b.model) == hits
    # an anonymous caller's name is not searchable and never shown in the caller column
    b.ui.searchEdit.setText("Sumiati")
    assert str(editor_data.anonim.case.id) in _ids(b.model)  # found through the transcript
    row = next(
        r
        for r in range(b.model.rowCount())
        if b.model.index(r, 0).data(CASE_ID_ROLE) == str(editor_data.anonim.case.id)
    )
    assert b.model.index(row, 6).data() == "Anonim"
    b.ui.searchEdit.setText('"(")*')  # no word at all: nothing, and no error
    assert b.model.rowCount() == 0


def test_sort_by_column(workspace):
    from PySide6.QtCore import Qt

    b = workspace.browser
    b.ui.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # urgency
    ranks = [b.model.row_at(r).urgency.rank for r in range(b.model.rowCount())]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == 4
    b.ui.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    times = [b.model.row_at(r).received_at for r in range(b.model.rowCount())]
    assert times == sorted(times)


def test_stale_result_does_not_replace_newer(workspace):
    model = workspace.browser.model
    old = model.generation
    workspace.browser.ui.searchEdit.setText("jembatan")
    newest = _ids(model)
    model._first_page(old, [])  # the older query answers late
    assert _ids(model) == newest and len(newest) == 1


def test_saved_filters_survive_restart(workspace, tmp_path):
    b = workspace.browser
    _choose(b.ui.categoryCombo, "kesehatan")
    b.ui.searchEdit.setText("obat")
    b.save_filter("Obat puskesmas")
    workspace.runner.wait()
    rows = _ids(b.model)
    b.clear_filters()
    assert _ids(b.model) != rows
    assert Settings(tmp_path / "settings.json")["saved_filters"]["Obat puskesmas"]["category"] == "kesehatan"
    b.apply_saved("Obat puskesmas")
    assert b.ui.searchEdit.text() == "obat" and _ids(b.model) == rows


def test_rows_arrive_page_by_page_as_the_view_scrolls(workspace, editor_data):
    b, model = workspace.browser, workspace.browser.model
    model.page_size = 20
    model.reload()
    assert model.rowCount() == 20 and model.canFetchMore()
    b.ui.table.scrollToBottom()  # the view asks for more rows itself (fetchMore)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 83
    ids = model.case_ids()
    assert len(set(ids)) == 83 and ids == [c.id for c in editor_data.store.cases.list(limit=None)]


def test_date_range_and_channel_filters(workspace, editor_data):
    from datetime import datetime, time

    from PySide6.QtCore import QDate

    from radio_desk.domain import Channel
    from radio_desk.domain.workdays import WIB

    b, store = workspace.browser, editor_data.store
    today = QDate.currentDate()
    b.ui.fromDate.setDate(today.addDays(-10))
    b.ui.toDate.setDate(today.addDays(-3))
    b.ui.dateCheck.setChecked(True)
    start = datetime.combine(today.addDays(-10).toPython(), time(), WIB)
    end = datetime.combine(today.addDays(-2).toPython(), time(), WIB)
    f = CaseFilter(received_from=start, received_to=end)
    expected = {str(c.id) for c in store.cases.list(f, limit=None)}
    assert expected and _ids(b.model) == expected
    assert all(start <= b.model.row_at(r).received_at < end for r in range(b.model.rowCount()))
    _choose(b.ui.channelCombo, Channel.WHATSAPP.value)
    f.channel = Channel.WHATSAPP
    assert _ids(b.model) == {str(c.id) for c in store.cases.list(f, limit=None)}
