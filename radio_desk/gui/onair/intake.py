"""The intake form beside the transcript: fields, place completion, the "called before" hint,
suggestions accepted with one key, and the form's values as a draft dict or a :class:`Case`."""

from __future__ import annotations

import html
import re
import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from radio_desk.domain import Case, Channel, Urgency
from radio_desk.domain.gazetteer import Place
from radio_desk.domain.phone import local_format, normalize_phone
from radio_desk.domain.taxonomy import Taxonomy
from radio_desk.errors import ValidationError
from radio_desk.gui.alive import if_alive
from radio_desk.gui.tasks import TaskRunner
from radio_desk.gui.text_limits import LengthGuard
from radio_desk.services.places import PlaceLookup, complete, resolve
from radio_desk.store import Store
from radio_desk.triage.suggest import PLACE_MIN_CONFIDENCE, Suggestion

URGENCY_COLOURS = {
    Urgency.RENDAH: "#2e7d32",
    Urgency.SEDANG: "#b8860b",
    Urgency.TINGGI: "#d35400",
    Urgency.DARURAT: "#c62828",
}
SUMMARY_MAX = 120


def summary_from(text: str) -> str:
    """A first guess at the one-line summary: the transcript's first complaint-like sentence."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    greeting = re.compile(r"^(halo|hallo|selamat|assalam|permisi|saya\s+\w+\s+dari|nama saya)", re.I)
    pick = next((s for s in sentences if not greeting.match(s)), sentences[0] if sentences else "")
    return pick if len(pick) <= SUMMARY_MAX else pick[: SUMMARY_MAX - 1].rsplit(" ", 1)[0] + "…"


class IntakeForm(QObject):
    changed = Signal()  # anything the operator typed: autosave
    message = Signal(str)
    field_message = Signal(str, str)  # a problem with one field: text, field ("phone", "desa", ...)
    fixed = Signal(str)  # the operator corrected that field: its message may go

    def __init__(
        self, ui: Any, store: Store, runner: TaskRunner, places: PlaceLookup, taxonomy: Taxonomy,
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ui, self.store, self.runner, self.places, self.taxonomy = ui, store, runner, places, taxonomy
        self.kecamatan_code: str | None = None
        self.desa_code: str | None = None
        self.phone_e164: str | None = None
        self.suggestion: Suggestion | None = None
        self.transcript_text = ""
        self._loading = False
        self._setup()

    # -- widgets ---------------------------------------------------------------------------------
    def _setup(self) -> None:
        ui = self.ui
        for ch in Channel:
            ui.channelCombo.addItem(ch.label, ch.value)
        ui.categoryCombo.addItem("—", None)
        for cat in sorted(self.taxonomy.categories.values(), key=lambda c: c.name):
            ui.categoryCombo.addItem(cat.name, cat.code)
        self.urgency_buttons = [ui.urgency1, ui.urgency2, ui.urgency3, ui.urgency4]
        for urg, button in zip(Urgency, self.urgency_buttons, strict=True):
            c = URGENCY_COLOURS[urg]
            button.setStyleSheet(
                f"QPushButton {{ border: 2px solid {c}; padding: 4px 8px; border-radius: 4px; }}"
                f"QPushButton:checked {{ background: {c}; color: white; font-weight: bold; }}"
            )
            button.setProperty("urgency", urg.value)
            button.toggled.connect(self._edited)
        self.kec_model = QStringListModel(self)
        self.desa_model = QStringListModel(self)
        for edit, model, on_text in (
            (ui.kecamatanEdit, self.kec_model, self._kec_typed),
            (ui.desaEdit, self.desa_model, self._desa_typed),
        ):
            completer = QCompleter(model, edit)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)
            edit.textEdited.connect(on_text)
        # leaving a field (Tab, click) or Return finishes it; editingFinished is not used because the
        # completer's popup takes the focus for a moment and fires it with half a word
        self._finishers = {
            ui.kecamatanEdit: self._kec_done, ui.desaEdit: self._desa_done, ui.phoneEdit: self._phone_done,
        }  # fmt: skip
        for edit, finish in self._finishers.items():
            edit.installEventFilter(self)
            edit.returnPressed.connect(finish)
        ui.phoneEdit.textEdited.connect(lambda _t: setattr(self, "phone_e164", None))
        for w in (ui.callerEdit, ui.phoneEdit, ui.kecamatanEdit, ui.desaEdit, ui.summaryEdit):
            w.textEdited.connect(self._edited)
        ui.notesEdit.textChanged.connect(self._edited)
        # where the suggestion is unsure of the place: its alternatives, one pick fills Kecamatan and Desa
        self.placeChoiceLabel = QLabel(self.tr("Place?"), ui.intakeBox)
        self.placeChoiceCombo = QComboBox(ui.intakeBox)
        self.placeChoiceCombo.setObjectName("placeChoiceCombo")
        row = ui.intakeForm.getWidgetPosition(ui.desaEdit)[0] + 1
        ui.intakeForm.insertRow(row, self.placeChoiceLabel, self.placeChoiceCombo)
        self.placeChoiceCombo.activated.connect(self._place_chosen)
        self._show_place_choices(False)
        # a desa typed under the wrong kecamatan: where it is, one click switches the kecamatan
        self.elsewhereLabel = QLabel(self.tr("Desa is in:"), ui.intakeBox)
        self.elsewhereBox = QWidget(ui.intakeBox)
        self.elsewhereBox.setObjectName("desaElsewhereBox")
        QHBoxLayout(self.elsewhereBox).setContentsMargins(0, 0, 0, 0)
        ui.intakeForm.insertRow(row, self.elsewhereLabel, self.elsewhereBox)
        self.switch_buttons: list[QPushButton] = []
        self._show_elsewhere([])
        self.lengths = LengthGuard(
            {"caller_name": ui.callerEdit, "summary": ui.summaryEdit, "notes": ui.notesEdit}, self
        )
        self.lengths.message.connect(self.message)
        for combo in (ui.channelCombo, ui.categoryCombo):
            combo.currentIndexChanged.connect(self._edited)
        for box in (ui.anonimCheck, ui.rahasiaCheck):
            box.toggled.connect(self._edited)
        self.clear()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.PopupFocusReason
            and obj in self._finishers
        ):
            self._finishers[obj]()  # type: ignore[index]
        return super().eventFilter(obj, event)

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    # -- places ----------------------------------------------------------------------------------
    def _kec_typed(self, text: str) -> None:
        self.kecamatan_code = None
        self.kec_model.setStringList(complete(text, self.places.kecamatan))

    def _desa_typed(self, text: str) -> None:
        self.desa_code = None
        self.desa_model.setStringList(complete(text, self.places.desa(self.kecamatan_code)))

    def _kec_done(self) -> None:
        text = self.ui.kecamatanEdit.text()
        place = resolve(text, self.places.kecamatan)
        if place is None:
            self.kecamatan_code = None
            if text.strip():
                message = self.tr("Kecamatan “%s” not found in the regency.") % text.strip()
                self.field_message.emit(message, "kecamatan")
            return
        self.fixed.emit("kecamatan")
        if place.code != self.kecamatan_code:
            self.set_kecamatan(place.code)
            self.changed.emit()

    def _desa_done(self) -> None:
        text = self.ui.desaEdit.text()
        place = resolve(text, self.places.desa(self.kecamatan_code))
        if place is None:
            self.desa_code = None
            if text.strip():
                self._desa_not_found(text.strip())
            return
        self._show_elsewhere([])
        self.fixed.emit("desa")
        if place.code != self.desa_code:
            self.set_desa(place.code)
            self.changed.emit()

    def _desa_not_found(self, text: str) -> None:
        elsewhere = self.places.desa_elsewhere(text, self.kecamatan_code)
        self._show_elsewhere(elsewhere)
        if not elsewhere:
            self.field_message.emit(self.tr("Desa “%s” not found.") % text, "desa")
            return
        g = self.places.gazetteer
        where = ", ".join(g.name(d.parent_code) for d in elsewhere)
        message = self.tr("Desa “%s” is not in Kecamatan %s; it is in Kecamatan %s.") % (
            elsewhere[0].name if len(elsewhere) == 1 else text,
            g.name(self.kecamatan_code),
            where,
        )
        self.field_message.emit(message, "desa")

    def _show_elsewhere(self, desa: list[Place]) -> None:
        layout = self.elsewhereBox.layout()
        for button in self.switch_buttons:
            layout.removeWidget(button)
            button.deleteLater()
        self.switch_buttons = []
        for place in desa[:4]:
            button = QPushButton(
                self.tr("Switch to Kec. %s") % self.places.gazetteer.name(place.parent_code),
                self.elsewhereBox,
            )
            button.setObjectName("switchKecamatanButton")
            button.clicked.connect(lambda _c=False, p=place: self.switch_to(p))
            layout.addWidget(button)
            self.switch_buttons.append(button)
        self.elsewhereLabel.setVisible(bool(desa))
        self.elsewhereBox.setVisible(bool(desa))

    def switch_to(self, desa: Place) -> None:
        """Take ``desa`` with its own kecamatan (the operator's pick of where the desa really is)."""
        self.set_kecamatan(desa.parent_code)
        self.set_desa(desa.code)
        self._show_elsewhere([])
        self.fixed.emit("kecamatan")
        self.fixed.emit("desa")
        self.changed.emit()

    def set_kecamatan(self, code: str | None) -> None:
        self.kecamatan_code = code
        self.ui.kecamatanEdit.setText(self.places.gazetteer.name(code) if code else "")
        if self.desa_code and not (code and self.desa_code.startswith(code + ".")):
            self.set_desa(None)
        self.desa_model.setStringList([p.name for p in self.places.desa(code)][:50])

    def set_desa(self, code: str | None) -> None:
        self.desa_code = code
        self.ui.desaEdit.setText(self.places.gazetteer.name(code) if code else "")
        if code and not self.kecamatan_code:
            self.set_kecamatan(self.places.gazetteer.get(code).parent_code)

    # -- phone -----------------------------------------------------------------------------------
    def _phone_done(self) -> None:
        text = self.ui.phoneEdit.text()
        try:
            e164 = normalize_phone(text)
        except ValidationError as err:
            self.phone_e164 = None
            self._hint(str(err), error=True)
            return
        self.fixed.emit("phone")
        if e164 == self.phone_e164:
            return
        self.phone_e164 = e164
        self._hint("")  # the old error goes at once; the calls-before lookup follows
        if e164 is None:
            return
        self.ui.phoneEdit.setText(local_format(e164))
        self._lookup_phone(e164)

    def _lookup_phone(self, e164: str, exclude: uuid.UUID | None = None) -> None:
        def done(cases: list[Case]) -> None:
            if self.phone_e164 != e164:
                return  # the number changed meanwhile
            if not cases:
                self._hint(self.tr("First call from this number."))
                return
            items = ", ".join(
                f"{c.received_at.astimezone():%d/%m} {self.taxonomy.category_name(c.category)}"
                for c in cases[:3]
            )
            self._hint(self.tr("Called before (%n time(s)): ", "", len(cases)) + items)

        lookup = lambda: self.store.cases.by_phone(e164, exclude=exclude, limit=20)  # noqa: E731
        self.runner.submit(lookup, if_alive(self.ui.phoneHintLabel, done))

    def _hint(self, text: str, error: bool = False) -> None:
        self.ui.phoneHintLabel.setStyleSheet("color: #b42318;" if error else "color: #1f5fa8;")
        self.ui.phoneHintLabel.setText(text)

    # -- urgency / category ----------------------------------------------------------------------
    @property
    def urgency(self) -> Urgency:
        for urg, button in zip(Urgency, self.urgency_buttons, strict=True):
            if button.isChecked():
                return urg
        return Urgency.SEDANG

    def set_urgency(self, urgency: Urgency) -> None:
        self.urgency_buttons[urgency.rank - 1].setChecked(True)

    @property
    def channel(self) -> Channel | None:
        value = self.ui.channelCombo.currentData()
        return Channel(value) if value else None

    @property
    def category(self) -> str | None:
        return self.ui.categoryCombo.currentData()

    def set_category(self, code: str | None) -> None:
        i = self.ui.categoryCombo.findData(code)
        self.ui.categoryCombo.setCurrentIndex(max(i, 0))

    # -- suggestions -----------------------------------------------------------------------------
    def set_suggestion(self, s: Suggestion | None, transcript: str = "") -> None:
        self.suggestion, self.transcript_text = s, transcript
        if s is None or not s.evidence:
            self.ui.suggestionLabel.setText("")
            return
        top = s.categories[0]
        why = ", ".join(top.words[:3])
        parts = [self.tr("Suggested: <b>%s</b>") % html.escape(top.name)]
        if why:
            parts[0] += f" <span style='color:#666'>({html.escape(why)})</span>"
        parts.append(self.tr("urgency %s") % s.urgency.label)
        place = " / ".join(
            p.name + ("" if p.confidence >= PLACE_MIN_CONFIDENCE else "?")
            for p in (s.kecamatan, s.desa)
            if p is not None
        )
        if place:
            parts.append(html.escape(place))
        if s.opd:
            opd = self.taxonomy.opds.get(s.opd)
            parts.append(html.escape(opd.short if opd and opd.short else s.opd_name))
        self.ui.suggestionLabel.setText(" · ".join(parts))

    def accept_suggestion(self) -> bool:
        s = self.suggestion
        if s is None or not s.evidence:
            return False
        self._loading = True
        try:
            self.set_category(s.category)
            self.set_urgency(s.urgency)
            # a place is filled in only when the text is clear about it (not one of three Sukorejos)
            if (
                s.kecamatan is not None
                and s.kecamatan.confidence >= PLACE_MIN_CONFIDENCE
                and not self.kecamatan_code
            ):
                self.set_kecamatan(s.kecamatan.code)
            if s.desa is not None and s.desa.confidence >= PLACE_MIN_CONFIDENCE and not self.desa_code:
                self.set_desa(s.desa.code)
            if not self.kecamatan_code or not self.desa_code:
                self._offer_places(s)
            if not self.ui.summaryEdit.text().strip() and (s.summary or self.transcript_text):
                self.ui.summaryEdit.setText(s.summary or summary_from(self.transcript_text))
        finally:
            self._loading = False
        self.changed.emit()
        return True

    def place_choices(self) -> list[tuple[str, str | None, str | None]]:
        """The alternatives on offer: (label, kecamatan code, desa code)."""
        combo = self.placeChoiceCombo
        return [(combo.itemText(i), *combo.itemData(i)) for i in range(1, combo.count())]

    def _offer_places(self, s: Suggestion) -> None:
        """The places the text may mean, when the suggestion was not sure enough to fill them in."""
        gaz = self.places.gazetteer
        seen: set[tuple[str | None, str | None]] = set()
        items: list[tuple[str, str | None, str | None]] = []
        for p in (s.desa, s.kecamatan, *s.place_candidates):
            if p is None:
                continue
            if p.level == "village":
                kec, desa = gaz.get(p.code).parent_code, p.code
                label = self.tr("Desa %s, Kec. %s") % (p.name, gaz.name(kec))
            else:
                kec, desa = p.code, None
                label = self.tr("Kec. %s") % p.name
            if self.kecamatan_code and kec != self.kecamatan_code:
                continue  # the operator already chose the kecamatan
            if (kec, desa) in seen:
                continue
            seen.add((kec, desa))
            items.append((label, kec, desa))
        combo = self.placeChoiceCombo
        combo.clear()
        if not items:
            self._show_place_choices(False)
            return
        combo.addItem(self.tr("%d possible places: choose one") % len(items), None)
        for label, kec, desa in items[:6]:
            combo.addItem(label, (kec, desa))
        self._show_place_choices(True)
        self.message.emit(self.tr("The place is not certain: choose it under “Place?” or type it."))

    def _place_chosen(self, index: int) -> None:
        data = self.placeChoiceCombo.itemData(index)
        if not data:
            return
        kec, desa = data
        if kec:
            self.set_kecamatan(kec)
        if desa:
            self.set_desa(desa)
        self._show_place_choices(False)
        self.changed.emit()

    def _show_place_choices(self, visible: bool) -> None:
        self.placeChoiceLabel.setVisible(visible)
        self.placeChoiceCombo.setVisible(visible)

    # -- values ----------------------------------------------------------------------------------
    def clear(self) -> None:
        self._loading = True
        try:
            ui = self.ui
            for w in (ui.callerEdit, ui.phoneEdit, ui.kecamatanEdit, ui.desaEdit, ui.summaryEdit):
                w.clear()
            ui.notesEdit.clear()
            ui.channelCombo.setCurrentIndex(0)
            ui.categoryCombo.setCurrentIndex(0)
            ui.anonimCheck.setChecked(False)
            ui.rahasiaCheck.setChecked(False)
            self.set_urgency(Urgency.SEDANG)
            self.kecamatan_code = self.desa_code = self.phone_e164 = None
            self.set_suggestion(None)
            self.placeChoiceCombo.clear()
            self._show_place_choices(False)
            self._show_elsewhere([])
            self._hint("")
            ui.formMessageLabel.clear()
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "caller_name": ui.callerEdit.text(),
            "phone": ui.phoneEdit.text(),
            "kecamatan_code": self.kecamatan_code,
            "kecamatan_text": ui.kecamatanEdit.text(),
            "desa_code": self.desa_code,
            "desa_text": ui.desaEdit.text(),
            "channel": ui.channelCombo.currentData(),
            "anonim": ui.anonimCheck.isChecked(),
            "rahasia": ui.rahasiaCheck.isChecked(),
            "category": self.category,
            "urgency": self.urgency.value,
            "summary": ui.summaryEdit.text(),
            "notes": ui.notesEdit.toPlainText(),
        }

    def is_empty(self) -> bool:
        v = self.values()
        return not any(v[k] for k in ("caller_name", "phone", "kecamatan_text", "desa_text", "category",
                                      "summary", "notes"))  # fmt: skip

    def load(self, v: dict[str, Any]) -> None:
        self._loading = True
        try:
            ui = self.ui
            ui.callerEdit.setText(v.get("caller_name") or "")
            ui.phoneEdit.setText(v.get("phone") or "")
            ui.kecamatanEdit.setText(v.get("kecamatan_text") or "")
            self.kecamatan_code = v.get("kecamatan_code")
            ui.desaEdit.setText(v.get("desa_text") or "")
            self.desa_code = v.get("desa_code")
            ui.channelCombo.setCurrentIndex(max(0, ui.channelCombo.findData(v.get("channel"))))
            ui.anonimCheck.setChecked(bool(v.get("anonim")))
            ui.rahasiaCheck.setChecked(bool(v.get("rahasia")))
            self.set_category(v.get("category"))
            self.set_urgency(Urgency(v.get("urgency") or Urgency.SEDANG))
            ui.summaryEdit.setText(v.get("summary") or "")
            ui.notesEdit.setPlainText(v.get("notes") or "")
        finally:
            self._loading = False
        try:
            self.phone_e164 = normalize_phone(ui.phoneEdit.text())
        except ValidationError:
            self.phone_e164 = None

    def load_case(self, case: Case) -> None:
        g = self.places.gazetteer
        self.load(
            {
                "caller_name": case.caller_name or "",
                "phone": local_format(case.phone) if case.phone else "",
                "kecamatan_code": case.kecamatan_code,
                "kecamatan_text": g.name(case.kecamatan_code),
                "desa_code": case.desa_code,
                "desa_text": g.name(case.desa_code),
                "channel": case.channel.value,
                "anonim": case.anonim,
                "rahasia": case.rahasia,
                "category": case.category,
                "urgency": case.urgency.value,
                "summary": case.summary,
                "notes": case.notes,
            }
        )
        if case.phone:
            self._lookup_phone(case.phone, exclude=case.id)

    def to_case(self, base: Case) -> Case:
        """The form as a case (``base`` gives id, station, times); raises :class:`ValidationError`."""
        self.lengths.check()
        # finish entries the operator did not leave with Tab (Ctrl+Enter straight from the field)
        if self.ui.kecamatanEdit.text().strip() and not self.kecamatan_code:
            self._kec_done()
            if not self.kecamatan_code:
                raise ValidationError(self.tr("Unknown kecamatan: check the spelling."), field="kecamatan")
        if self.ui.desaEdit.text().strip() and not self.desa_code:
            self._desa_done()
            if not self.desa_code:
                raise ValidationError(self.tr("Unknown desa: check the spelling."), field="desa")
        phone = normalize_phone(self.ui.phoneEdit.text())
        v = self.values()
        name = v["caller_name"].strip()
        anonim = v["anonim"] or not name or name.lower() == "anonim"
        category = v["category"]
        suggested_opd = (
            self.suggestion.opd if self.suggestion and self.suggestion.category == category else None
        )
        return Case(
            id=base.id,
            station=base.station,
            received_at=base.received_at,
            channel=Channel(v["channel"]),
            caller_name=None if not name or name.lower() == "anonim" else name,
            phone=phone,
            anonim=anonim,
            rahasia=v["rahasia"],
            kecamatan_code=self.kecamatan_code,
            desa_code=self.desa_code,
            category=category,
            urgency=self.urgency,
            summary=v["summary"].strip(),
            notes=v["notes"].strip(),
            status=base.status,
            opd=base.opd or suggested_opd or self.taxonomy.default_opd(category),
            created_at=base.created_at,
            updated_at=datetime.now(base.updated_at.tzinfo),
        )


def focus_is_text(widget: object) -> bool:
    """Keys 1-4 set the urgency unless the operator is typing somewhere."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit

    if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
        return True
    if isinstance(widget, QTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()
