"""The transcript editor's parts: the segment table model, its text editor delegate, and the key
filter that keeps playback under the keyboard while the editor types (Ctrl+Space, Ctrl+←/→)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from radio_desk.domain.models import TranscriptSegment
from radio_desk.gui.data_labels import speaker_label

Key = Qt.ItemDataRole
JUMP_SECONDS = 5.0
TEXT_COLUMN = 3
HEADERS = (
    QT_TRANSLATE_NOOP("SegmentModel", "Start"),
    QT_TRANSLATE_NOOP("SegmentModel", "End"),
    QT_TRANSLATE_NOOP("SegmentModel", "Speaker"),
    QT_TRANSLATE_NOOP("SegmentModel", "Text"),
    QT_TRANSLATE_NOOP("SegmentModel", "Edited"),
)
PLAYING_COLOUR = QColor(255, 224, 102)


def clock(seconds: float) -> str:
    m, s = divmod(max(0.0, seconds), 60)
    return f"{int(m)}:{s:04.1f}"


class SegmentModel(QAbstractTableModel):
    textEdited = Signal(int, str)  # row, new text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.segments: list[TranscriptSegment] = []
        self.playing_row = -1

    def set_segments(self, segments: list[TranscriptSegment]) -> None:
        self.beginResetModel()
        self.segments = list(segments)
        self.playing_row = -1
        self.endResetModel()

    def replace(self, row: int, segment: TranscriptSegment) -> None:
        self.segments[row] = segment
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def row_at_time(self, seconds: float) -> int:
        for i, s in enumerate(self.segments):
            if s.start <= seconds < s.end:
                return i
        return -1

    def set_playing_row(self, row: int) -> None:
        if row == self.playing_row:
            return
        old, self.playing_row = self.playing_row, row
        for r in (old, row):
            if 0 <= r < len(self.segments):
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(HEADERS) - 1), [Key.BackgroundRole])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Key.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Key.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        f = super().flags(index)
        return f | Qt.ItemFlag.ItemIsEditable if index.column() == TEXT_COLUMN else f

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Key.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.segments[index.row()]
        col = index.column()
        if role in (Key.DisplayRole, Key.EditRole):
            return (clock(s.start), clock(s.end), speaker_label(s.speaker), s.text, "✎" if s.edited else "")[
                col
            ]
        if role == Key.BackgroundRole and index.row() == self.playing_row:
            return QBrush(PLAYING_COLOUR)
        if role == Key.ForegroundRole and index.row() == self.playing_row:
            return QBrush(QColor(0, 0, 0))
        if role == Key.ToolTipRole and col == 4 and s.edited:
            return self.tr("Corrected by an editor")
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Key.EditRole
    ) -> bool:
        if role != Key.EditRole or index.column() != TEXT_COLUMN:
            return False
        text = str(value)
        if text == self.segments[index.row()].text:
            return False
        self.textEdited.emit(index.row(), text)
        return True


class PlaybackKeys(QObject):
    """Event filter: Ctrl+Space toggles playback, Ctrl+←/→ jump, in whatever widget has the focus
    (a line editor would otherwise take Ctrl+←/→ as word moves)."""

    def __init__(self, toggle: Callable[[], None], jump: Callable[[float], None], parent: QObject) -> None:
        super().__init__(parent)
        self._toggle, self._jump = toggle, jump

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    @staticmethod
    def _action(event: QKeyEvent) -> str | None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return None
        return {Qt.Key.Key_Space: "toggle", Qt.Key.Key_Left: "back", Qt.Key.Key_Right: "forward"}.get(
            Qt.Key(event.key())
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        action = self._action(event)  # type: ignore[arg-type]
        if action is None:
            return False
        event.accept()
        if event.type() == QEvent.Type.ShortcutOverride:
            return False  # claimed: the key press itself comes next
        if action == "toggle":
            self._toggle()
        else:
            self._jump(-JUMP_SECONDS if action == "back" else JUMP_SECONDS)
        return True


class SegmentDelegate(QStyledItemDelegate):
    """A line editor for the text column; remembers it so Split can cut at the cursor."""

    def __init__(self, keys: PlaybackKeys, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        self.editor: QLineEdit | None = None
        self.editing_row = -1

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        self.keys.watch(editor)
        self.editor, self.editing_row = editor, index.row()
        editor.destroyed.connect(self._gone)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        # Once: a repaint of the row (the playing highlight moving) must not reset what is being typed.
        if editor.property("loaded"):
            return
        editor.setProperty("loaded", True)
        super().setEditorData(editor, index)

    def _gone(self) -> None:
        self.editor, self.editing_row = None, -1

    def cursor_in(self, row: int) -> int | None:
        if self.editor is not None and self.editing_row == row:
            try:
                return self.editor.cursorPosition()
            except RuntimeError:  # the C++ editor is already gone
                return None
        return None
