# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'editor_case.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from radio_desk.gui.editor.waveform_view import WaveformView

class Ui_EditorCase(object):
    def setupUi(self, EditorCase):
        if not EditorCase.objectName():
            EditorCase.setObjectName(u"EditorCase")
        self.caseLayout = QHBoxLayout(EditorCase)
        self.caseLayout.setObjectName(u"caseLayout")
        self.splitter = QSplitter(EditorCase)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.leftScroll = QScrollArea(self.splitter)
        self.leftScroll.setObjectName(u"leftScroll")
        self.leftScroll.setWidgetResizable(True)
        self.leftPane = QWidget()
        self.leftPane.setObjectName(u"leftPane")
        self.leftLayout = QVBoxLayout(self.leftPane)
        self.leftLayout.setObjectName(u"leftLayout")
        self.titleLabel = QLabel(self.leftPane)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.leftLayout.addWidget(self.titleLabel)

        self.syncLabel = QLabel(self.leftPane)
        self.syncLabel.setObjectName(u"syncLabel")
        self.syncLabel.setVisible(False)
        self.syncLabel.setStyleSheet(u"color: #b00020; font-weight: bold;")
        self.syncLabel.setWordWrap(True)
        self.syncLabel.setTextFormat(Qt.PlainText)

        self.leftLayout.addWidget(self.syncLabel)

        self.intakeBox = QGroupBox(self.leftPane)
        self.intakeBox.setObjectName(u"intakeBox")
        self.intakeForm = QFormLayout(self.intakeBox)
        self.intakeForm.setObjectName(u"intakeForm")
        self.callerLabel = QLabel(self.intakeBox)
        self.callerLabel.setObjectName(u"callerLabel")

        self.intakeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.callerLabel)

        self.callerEdit = QLineEdit(self.intakeBox)
        self.callerEdit.setObjectName(u"callerEdit")

        self.intakeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.callerEdit)

        self.phoneLabel = QLabel(self.intakeBox)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.intakeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.intakeBox)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.intakeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.privacyLabel = QLabel(self.intakeBox)
        self.privacyLabel.setObjectName(u"privacyLabel")

        self.intakeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.privacyLabel)

        self.privacyRow = QHBoxLayout()
        self.privacyRow.setObjectName(u"privacyRow")
        self.anonimCheck = QCheckBox(self.intakeBox)
        self.anonimCheck.setObjectName(u"anonimCheck")

        self.privacyRow.addWidget(self.anonimCheck)

        self.rahasiaCheck = QCheckBox(self.intakeBox)
        self.rahasiaCheck.setObjectName(u"rahasiaCheck")

        self.privacyRow.addWidget(self.rahasiaCheck)


        self.intakeForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.privacyRow)

        self.channelLabel = QLabel(self.intakeBox)
        self.channelLabel.setObjectName(u"channelLabel")

        self.intakeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(self.intakeBox)
        self.channelCombo.setObjectName(u"channelCombo")

        self.intakeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.kecamatanLabel = QLabel(self.intakeBox)
        self.kecamatanLabel.setObjectName(u"kecamatanLabel")

        self.intakeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.kecamatanLabel)

        self.kecamatanCombo = QComboBox(self.intakeBox)
        self.kecamatanCombo.setObjectName(u"kecamatanCombo")

        self.intakeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.kecamatanCombo)

        self.desaLabel = QLabel(self.intakeBox)
        self.desaLabel.setObjectName(u"desaLabel")

        self.intakeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.desaLabel)

        self.desaCombo = QComboBox(self.intakeBox)
        self.desaCombo.setObjectName(u"desaCombo")

        self.intakeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.desaCombo)

        self.categoryLabel = QLabel(self.intakeBox)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.intakeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(self.intakeBox)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.intakeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.urgencyLabel = QLabel(self.intakeBox)
        self.urgencyLabel.setObjectName(u"urgencyLabel")

        self.intakeForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.urgencyLabel)

        self.urgencyCombo = QComboBox(self.intakeBox)
        self.urgencyCombo.setObjectName(u"urgencyCombo")

        self.intakeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.urgencyCombo)

        self.opdLabel = QLabel(self.intakeBox)
        self.opdLabel.setObjectName(u"opdLabel")

        self.intakeForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.opdLabel)

        self.opdCombo = QComboBox(self.intakeBox)
        self.opdCombo.setObjectName(u"opdCombo")

        self.intakeForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.opdCombo)

        self.summaryLabel = QLabel(self.intakeBox)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.intakeForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.intakeBox)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMaximumHeight(70)

        self.intakeForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.notesLabel = QLabel(self.intakeBox)
        self.notesLabel.setObjectName(u"notesLabel")

        self.intakeForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(self.intakeBox)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumHeight(70)

        self.intakeForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.saveButton = QPushButton(self.intakeBox)
        self.saveButton.setObjectName(u"saveButton")

        self.intakeForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.saveButton)


        self.leftLayout.addWidget(self.intakeBox)

        self.statusBox = QGroupBox(self.leftPane)
        self.statusBox.setObjectName(u"statusBox")
        self.statusGrid = QGridLayout(self.statusBox)
        self.statusGrid.setObjectName(u"statusGrid")
        self.statusLabel = QLabel(self.statusBox)
        self.statusLabel.setObjectName(u"statusLabel")

        self.statusGrid.addWidget(self.statusLabel, 0, 0, 1, 3)

        self.followUpLabel = QLabel(self.statusBox)
        self.followUpLabel.setObjectName(u"followUpLabel")
        self.followUpLabel.setVisible(False)
        self.followUpLabel.setWordWrap(True)
        self.followUpLabel.setTextFormat(Qt.PlainText)
        self.followUpLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.followUpLabel.setStyleSheet(u"background: #eef6ee; padding: 4px;")

        self.statusGrid.addWidget(self.followUpLabel, 2, 0, 1, 3)

        self.statusErrorLabel = QLabel(self.statusBox)
        self.statusErrorLabel.setObjectName(u"statusErrorLabel")
        self.statusErrorLabel.setVisible(False)
        self.statusErrorLabel.setWordWrap(True)
        self.statusErrorLabel.setTextFormat(Qt.PlainText)
        self.statusErrorLabel.setStyleSheet(u"color: #b00020;")

        self.statusGrid.addWidget(self.statusErrorLabel, 3, 0, 1, 3)

        self.nextStatusCombo = QComboBox(self.statusBox)
        self.nextStatusCombo.setObjectName(u"nextStatusCombo")

        self.statusGrid.addWidget(self.nextStatusCombo, 1, 0, 1, 1)

        self.statusNoteEdit = QLineEdit(self.statusBox)
        self.statusNoteEdit.setObjectName(u"statusNoteEdit")

        self.statusGrid.addWidget(self.statusNoteEdit, 1, 1, 1, 1)

        self.changeStatusButton = QPushButton(self.statusBox)
        self.changeStatusButton.setObjectName(u"changeStatusButton")

        self.statusGrid.addWidget(self.changeStatusButton, 1, 2, 1, 1)

        self.reopenButton = QPushButton(self.statusBox)
        self.reopenButton.setObjectName(u"reopenButton")
        self.reopenButton.setVisible(False)

        self.statusGrid.addWidget(self.reopenButton, 4, 0, 1, 1)

        self.discardButton = QPushButton(self.statusBox)
        self.discardButton.setObjectName(u"discardButton")

        self.statusGrid.addWidget(self.discardButton, 4, 2, 1, 1)


        self.leftLayout.addWidget(self.statusBox)

        self.relatedBox = QGroupBox(self.leftPane)
        self.relatedBox.setObjectName(u"relatedBox")
        self.relatedLayout = QVBoxLayout(self.relatedBox)
        self.relatedLayout.setObjectName(u"relatedLayout")
        self.relatedList = QListWidget(self.relatedBox)
        self.relatedList.setObjectName(u"relatedList")
        self.relatedList.setMaximumHeight(110)

        self.relatedLayout.addWidget(self.relatedList)

        self.duplicateButton = QPushButton(self.relatedBox)
        self.duplicateButton.setObjectName(u"duplicateButton")

        self.relatedLayout.addWidget(self.duplicateButton)


        self.leftLayout.addWidget(self.relatedBox)

        self.historyBox = QGroupBox(self.leftPane)
        self.historyBox.setObjectName(u"historyBox")
        self.historyLayout = QVBoxLayout(self.historyBox)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyTree = QTreeWidget(self.historyBox)
        self.historyTree.setObjectName(u"historyTree")
        self.historyTree.setRootIsDecorated(False)

        self.historyLayout.addWidget(self.historyTree)


        self.leftLayout.addWidget(self.historyBox)

        self.leftScroll.setWidget(self.leftPane)
        self.splitter.addWidget(self.leftScroll)
        self.rightPane = QWidget(self.splitter)
        self.rightPane.setObjectName(u"rightPane")
        self.rightLayout = QVBoxLayout(self.rightPane)
        self.rightLayout.setObjectName(u"rightLayout")
        self.rightLayout.setContentsMargins(0, 0, 0, 0)
        self.transcriptTitle = QLabel(self.rightPane)
        self.transcriptTitle.setObjectName(u"transcriptTitle")

        self.rightLayout.addWidget(self.transcriptTitle)

        self.waveform = WaveformView(self.rightPane)
        self.waveform.setObjectName(u"waveform")
        self.waveform.setMinimumHeight(90)

        self.rightLayout.addWidget(self.waveform)

        self.transportRow = QHBoxLayout()
        self.transportRow.setObjectName(u"transportRow")
        self.playButton = QPushButton(self.rightPane)
        self.playButton.setObjectName(u"playButton")

        self.transportRow.addWidget(self.playButton)

        self.positionLabel = QLabel(self.rightPane)
        self.positionLabel.setObjectName(u"positionLabel")

        self.transportRow.addWidget(self.positionLabel)

        self.transportSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.transportRow.addItem(self.transportSpacer)

        self.speakerCombo = QComboBox(self.rightPane)
        self.speakerCombo.setObjectName(u"speakerCombo")

        self.transportRow.addWidget(self.speakerCombo)

        self.splitButton = QPushButton(self.rightPane)
        self.splitButton.setObjectName(u"splitButton")

        self.transportRow.addWidget(self.splitButton)

        self.mergeButton = QPushButton(self.rightPane)
        self.mergeButton.setObjectName(u"mergeButton")

        self.transportRow.addWidget(self.mergeButton)

        self.retranscribeButton = QPushButton(self.rightPane)
        self.retranscribeButton.setObjectName(u"retranscribeButton")

        self.transportRow.addWidget(self.retranscribeButton)


        self.rightLayout.addLayout(self.transportRow)

        self.segmentTable = QTableView(self.rightPane)
        self.segmentTable.setObjectName(u"segmentTable")
        self.segmentTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.segmentTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.segmentTable.setWordWrap(True)

        self.rightLayout.addWidget(self.segmentTable)

        self.hintLabel = QLabel(self.rightPane)
        self.hintLabel.setObjectName(u"hintLabel")

        self.rightLayout.addWidget(self.hintLabel)

        self.splitter.addWidget(self.rightPane)

        self.caseLayout.addWidget(self.splitter)


        self.retranslateUi(EditorCase)

        QMetaObject.connectSlotsByName(EditorCase)
    # setupUi

    def retranslateUi(self, EditorCase):
        EditorCase.setWindowTitle(QCoreApplication.translate("EditorCase", u"Case", None))
        self.titleLabel.setText(QCoreApplication.translate("EditorCase", u"No case open", None))
        self.intakeBox.setTitle(QCoreApplication.translate("EditorCase", u"Intake", None))
        self.callerLabel.setText(QCoreApplication.translate("EditorCase", u"Caller", None))
        self.phoneLabel.setText(QCoreApplication.translate("EditorCase", u"Phone", None))
        self.privacyLabel.setText(QCoreApplication.translate("EditorCase", u"Privacy", None))
        self.anonimCheck.setText(QCoreApplication.translate("EditorCase", u"Anonymous (anonim)", None))
        self.rahasiaCheck.setText(QCoreApplication.translate("EditorCase", u"Confidential (rahasia)", None))
        self.channelLabel.setText(QCoreApplication.translate("EditorCase", u"Channel", None))
        self.kecamatanLabel.setText(QCoreApplication.translate("EditorCase", u"Kecamatan", None))
        self.desaLabel.setText(QCoreApplication.translate("EditorCase", u"Desa", None))
        self.categoryLabel.setText(QCoreApplication.translate("EditorCase", u"Category", None))
        self.urgencyLabel.setText(QCoreApplication.translate("EditorCase", u"Urgency", None))
        self.opdLabel.setText(QCoreApplication.translate("EditorCase", u"Responsible OPD", None))
        self.summaryLabel.setText(QCoreApplication.translate("EditorCase", u"Summary", None))
        self.notesLabel.setText(QCoreApplication.translate("EditorCase", u"Notes", None))
        self.saveButton.setText(QCoreApplication.translate("EditorCase", u"Save changes", None))
        self.statusBox.setTitle(QCoreApplication.translate("EditorCase", u"Status", None))
        self.statusLabel.setText("")
        self.statusNoteEdit.setPlaceholderText(QCoreApplication.translate("EditorCase", u"Note for this status change", None))
        self.changeStatusButton.setText(QCoreApplication.translate("EditorCase", u"Change status", None))
        self.reopenButton.setText(QCoreApplication.translate("EditorCase", u"Reopen\u2026", None))
        self.discardButton.setText(QCoreApplication.translate("EditorCase", u"Discard\u2026", None))
#if QT_CONFIG(tooltip)
        self.discardButton.setToolTip(QCoreApplication.translate("EditorCase", u"A test or mistaken case: hidden from every list, with its reason kept; it can be restored", None))
#endif // QT_CONFIG(tooltip)
        self.relatedBox.setTitle(QCoreApplication.translate("EditorCase", u"Related cases (possible duplicates)", None))
        self.duplicateButton.setText(QCoreApplication.translate("EditorCase", u"Mark this case as duplicate of the selected one", None))
        self.historyBox.setTitle(QCoreApplication.translate("EditorCase", u"History", None))
        ___qtreewidgetitem = self.historyTree.headerItem()
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("EditorCase", u"Change", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("EditorCase", u"Who", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("EditorCase", u"When", None))
        self.transcriptTitle.setText(QCoreApplication.translate("EditorCase", u"Transcript", None))
        self.playButton.setText(QCoreApplication.translate("EditorCase", u"Play", None))
        self.positionLabel.setText(QCoreApplication.translate("EditorCase", u"0:00.0", None))
        self.splitButton.setText(QCoreApplication.translate("EditorCase", u"Split", None))
        self.mergeButton.setText(QCoreApplication.translate("EditorCase", u"Merge with next", None))
        self.retranscribeButton.setText(QCoreApplication.translate("EditorCase", u"Transcribe again\u2026", None))
        self.hintLabel.setText(QCoreApplication.translate("EditorCase", u"Ctrl+Space play/pause \u00b7 Ctrl+\u2190/\u2192 jump 5 s \u00b7 double-click a segment to edit it", None))
    # retranslateUi

