"""The case page's intake box: its choice lists (kecamatan then its desa), the open case's values in
it, what the editor changed, and saving that, checked first against the lengths the store keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from radio_desk.domain.enums import Channel, Urgency
from radio_desk.domain.models import Case
from radio_desk.errors import ValidationError
from radio_desk.gui.data_labels import channel_label, urgency_label
from radio_desk.gui.editor.combos import fill_combo, select_data
from radio_desk.gui.text_limits import LengthGuard

if TYPE_CHECKING:
    from radio_desk.gui.editor.case_page import CasePage


class CaseIntake(QObject):
    def __init__(self, page: CasePage) -> None:
        super().__init__(page)
        self.page = page
        ui, store = page.ui, page.store
        tax = store.taxonomy
        fill_combo(ui.channelCombo, [(c, channel_label(c)) for c in Channel])
        fill_combo(ui.urgencyCombo, [(u, urgency_label(u)) for u in Urgency])
        cats = sorted(((c.code, c.name) for c in tax.categories.values()), key=lambda x: x[1])
        fill_combo(ui.categoryCombo, cats, self.tr("(none)"))
        opds = sorted(((o.code, o.name) for o in tax.opds.values()), key=lambda x: x[1])
        fill_combo(ui.opdCombo, opds, self.tr("(none)"))
        regency = page.settings["home_regency"]
        kec = [(p.code, p.name) for p in store.gazetteer.kecamatan_of(regency)]
        fill_combo(ui.kecamatanCombo, kec, self.tr("(unknown)"))
        ui.kecamatanCombo.currentIndexChanged.connect(self._kecamatan_changed)
        ui.saveButton.clicked.connect(self.save)
        self.lengths = LengthGuard(
            {"caller_name": ui.callerEdit, "summary": ui.summaryEdit, "notes": ui.notesEdit}, page
        )
        self.lengths.message.connect(lambda text: page.show_message(text, error=bool(text)))

    def _kecamatan_changed(self) -> None:
        ui = self.page.ui
        code = ui.kecamatanCombo.currentData()
        places = self.page.store.gazetteer.desa_of(code) if code else []
        fill_combo(ui.desaCombo, [(p.code, p.name) for p in places], self.tr("(unknown)"))

    def show(self, c: Case) -> None:
        ui = self.page.ui
        ui.callerEdit.setText(c.caller_name or "")
        ui.phoneEdit.setText(c.phone or "")
        ui.anonimCheck.setChecked(c.anonim)
        ui.rahasiaCheck.setChecked(c.rahasia)
        select_data(ui.channelCombo, c.channel)
        select_data(ui.urgencyCombo, c.urgency)
        select_data(ui.categoryCombo, c.category)
        select_data(ui.opdCombo, c.opd)
        select_data(ui.kecamatanCombo, c.kecamatan_code)
        self._kecamatan_changed()
        select_data(ui.desaCombo, c.desa_code)
        ui.summaryEdit.setPlainText(c.summary)
        ui.notesEdit.setPlainText(c.notes)

    def changes(self) -> dict[str, Any]:
        """The fields whose value in the form is not the stored case's."""
        bundle = self.page.bundle
        if bundle is None:
            return {}
        ui, c = self.page.ui, bundle.case
        values = {
            "caller_name": ui.callerEdit.text().strip() or None,
            "phone": ui.phoneEdit.text().strip() or None,
            "anonim": ui.anonimCheck.isChecked(),
            "rahasia": ui.rahasiaCheck.isChecked(),
            "channel": ui.channelCombo.currentData(),
            "urgency": ui.urgencyCombo.currentData(),
            "category": ui.categoryCombo.currentData(),
            "opd": ui.opdCombo.currentData(),
            "kecamatan_code": ui.kecamatanCombo.currentData(),
            "desa_code": ui.desaCombo.currentData(),
            "summary": ui.summaryEdit.toPlainText().strip(),
            "notes": ui.notesEdit.toPlainText().strip(),
        }
        return {k: v for k, v in values.items() if v != getattr(c, k)}

    def save(self) -> None:
        page = self.page
        try:
            self.lengths.check()
        except ValidationError as err:
            page.show_message(str(err), error=True)
            return
        changes = self.changes()
        if page.bundle is None or not changes:
            page.show_message(self.tr("Nothing to save."))
            return
        cid, by, store = page.bundle.case.id, page.operator(), page.store
        page.runner.submit(lambda: store.cases.update(cid, changes, by=by), page._changed, page._error)
