# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'onair_desk.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

from radio_desk.gui.onair.level_meter import LevelMeter
from radio_desk.gui.onair.transcript_view import TranscriptView

class Ui_OnAirDesk(object):
    def setupUi(self, OnAirDesk):
        if not OnAirDesk.objectName():
            OnAirDesk.setObjectName(u"OnAirDesk")
        self.deskLayout = QVBoxLayout(OnAirDesk)
        self.deskLayout.setObjectName(u"deskLayout")
        self.deskSplitter = QSplitter(OnAirDesk)
        self.deskSplitter.setObjectName(u"deskSplitter")
        self.deskSplitter.setOrientation(Qt.Orientation.Vertical)
        self.deskSplitter.setChildrenCollapsible(False)
        self.topPane = QWidget(self.deskSplitter)
        self.topPane.setObjectName(u"topPane")
        self.topRow = QHBoxLayout(self.topPane)
        self.topRow.setObjectName(u"topRow")
        self.topRow.setContentsMargins(0, 0, 0, 0)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.onAirBox = QGroupBox(self.topPane)
        self.onAirBox.setObjectName(u"onAirBox")
        self.onAirLayout = QVBoxLayout(self.onAirBox)
        self.onAirLayout.setObjectName(u"onAirLayout")
        self.recordRow = QHBoxLayout()
        self.recordRow.setObjectName(u"recordRow")
        self.recordButton = QPushButton(self.onAirBox)
        self.recordButton.setObjectName(u"recordButton")
        self.recordButton.setMinimumSize(QSize(220, 64))
        self.recordButton.setCheckable(True)
        self.recordButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.recordRow.addWidget(self.recordButton)

        self.clockCol = QVBoxLayout()
        self.clockCol.setObjectName(u"clockCol")
        self.elapsedLabel = QLabel(self.onAirBox)
        self.elapsedLabel.setObjectName(u"elapsedLabel")
        self.elapsedLabel.setStyleSheet(u"font-size: 26pt; font-family: monospace;")

        self.clockCol.addWidget(self.elapsedLabel)

        self.callStateLabel = QLabel(self.onAirBox)
        self.callStateLabel.setObjectName(u"callStateLabel")

        self.clockCol.addWidget(self.callStateLabel)


        self.recordRow.addLayout(self.clockCol)


        self.onAirLayout.addLayout(self.recordRow)

        self.levelMeter = LevelMeter(self.onAirBox)
        self.levelMeter.setObjectName(u"levelMeter")

        self.onAirLayout.addWidget(self.levelMeter)

        self.infoRow = QHBoxLayout()
        self.infoRow.setObjectName(u"infoRow")
        self.deviceLabel = QLabel(self.onAirBox)
        self.deviceLabel.setObjectName(u"deviceLabel")

        self.infoRow.addWidget(self.deviceLabel)

        self.prerollLabel = QLabel(self.onAirBox)
        self.prerollLabel.setObjectName(u"prerollLabel")

        self.infoRow.addWidget(self.prerollLabel)


        self.onAirLayout.addLayout(self.infoRow)

        self.audioWarningLabel = QLabel(self.onAirBox)
        self.audioWarningLabel.setObjectName(u"audioWarningLabel")
        self.audioWarningLabel.setWordWrap(True)
        self.audioWarningLabel.setStyleSheet(u"color: #b42318; font-weight: bold;")

        self.onAirLayout.addWidget(self.audioWarningLabel)


        self.leftColumn.addWidget(self.onAirBox)

        self.transcriptBox = QGroupBox(self.topPane)
        self.transcriptBox.setObjectName(u"transcriptBox")
        self.transcriptLayout = QVBoxLayout(self.transcriptBox)
        self.transcriptLayout.setObjectName(u"transcriptLayout")
        self.transcriptView = TranscriptView(self.transcriptBox)
        self.transcriptView.setObjectName(u"transcriptView")

        self.transcriptLayout.addWidget(self.transcriptView)

        self.transcriptStateLabel = QLabel(self.transcriptBox)
        self.transcriptStateLabel.setObjectName(u"transcriptStateLabel")
        self.transcriptStateLabel.setWordWrap(True)

        self.transcriptLayout.addWidget(self.transcriptStateLabel)


        self.leftColumn.addWidget(self.transcriptBox)


        self.topRow.addLayout(self.leftColumn)

        self.intakeBox = QGroupBox(self.topPane)
        self.intakeBox.setObjectName(u"intakeBox")
        self.intakeLayout = QVBoxLayout(self.intakeBox)
        self.intakeLayout.setObjectName(u"intakeLayout")
        self.formCallLabel = QLabel(self.intakeBox)
        self.formCallLabel.setObjectName(u"formCallLabel")
        self.formCallLabel.setWordWrap(True)

        self.intakeLayout.addWidget(self.formCallLabel)

        self.intakeForm = QFormLayout()
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

        self.phoneHintLabel = QLabel(self.intakeBox)
        self.phoneHintLabel.setObjectName(u"phoneHintLabel")
        self.phoneHintLabel.setWordWrap(True)

        self.intakeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phoneHintLabel)

        self.kecamatanLabel = QLabel(self.intakeBox)
        self.kecamatanLabel.setObjectName(u"kecamatanLabel")

        self.intakeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.kecamatanLabel)

        self.kecamatanEdit = QLineEdit(self.intakeBox)
        self.kecamatanEdit.setObjectName(u"kecamatanEdit")

        self.intakeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.kecamatanEdit)

        self.desaLabel = QLabel(self.intakeBox)
        self.desaLabel.setObjectName(u"desaLabel")

        self.intakeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.desaLabel)

        self.desaEdit = QLineEdit(self.intakeBox)
        self.desaEdit.setObjectName(u"desaEdit")

        self.intakeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.desaEdit)

        self.channelLabel = QLabel(self.intakeBox)
        self.channelLabel.setObjectName(u"channelLabel")

        self.intakeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(self.intakeBox)
        self.channelCombo.setObjectName(u"channelCombo")

        self.intakeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.privacyRow = QHBoxLayout()
        self.privacyRow.setObjectName(u"privacyRow")
        self.anonimCheck = QCheckBox(self.intakeBox)
        self.anonimCheck.setObjectName(u"anonimCheck")

        self.privacyRow.addWidget(self.anonimCheck)

        self.rahasiaCheck = QCheckBox(self.intakeBox)
        self.rahasiaCheck.setObjectName(u"rahasiaCheck")

        self.privacyRow.addWidget(self.rahasiaCheck)


        self.intakeForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.privacyRow)

        self.categoryLabel = QLabel(self.intakeBox)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.intakeForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(self.intakeBox)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.intakeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.suggestionRow = QHBoxLayout()
        self.suggestionRow.setObjectName(u"suggestionRow")
        self.suggestionLabel = QLabel(self.intakeBox)
        self.suggestionLabel.setObjectName(u"suggestionLabel")
        self.suggestionLabel.setWordWrap(True)
        self.suggestionLabel.setTextFormat(Qt.TextFormat.RichText)

        self.suggestionRow.addWidget(self.suggestionLabel)

        self.acceptButton = QPushButton(self.intakeBox)
        self.acceptButton.setObjectName(u"acceptButton")
        self.acceptButton.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.suggestionRow.addWidget(self.acceptButton)


        self.intakeForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.suggestionRow)

        self.urgencyLabel = QLabel(self.intakeBox)
        self.urgencyLabel.setObjectName(u"urgencyLabel")

        self.intakeForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.urgencyLabel)

        self.urgencyRow = QHBoxLayout()
        self.urgencyRow.setObjectName(u"urgencyRow")
        self.urgency1 = QPushButton(self.intakeBox)
        self.urgency1.setObjectName(u"urgency1")
        self.urgency1.setCheckable(True)
        self.urgency1.setAutoExclusive(True)

        self.urgencyRow.addWidget(self.urgency1)

        self.urgency2 = QPushButton(self.intakeBox)
        self.urgency2.setObjectName(u"urgency2")
        self.urgency2.setCheckable(True)
        self.urgency2.setAutoExclusive(True)

        self.urgencyRow.addWidget(self.urgency2)

        self.urgency3 = QPushButton(self.intakeBox)
        self.urgency3.setObjectName(u"urgency3")
        self.urgency3.setCheckable(True)
        self.urgency3.setAutoExclusive(True)

        self.urgencyRow.addWidget(self.urgency3)

        self.urgency4 = QPushButton(self.intakeBox)
        self.urgency4.setObjectName(u"urgency4")
        self.urgency4.setCheckable(True)
        self.urgency4.setAutoExclusive(True)

        self.urgencyRow.addWidget(self.urgency4)


        self.intakeForm.setLayout(9, QFormLayout.ItemRole.FieldRole, self.urgencyRow)

        self.summaryLabel = QLabel(self.intakeBox)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.intakeForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QLineEdit(self.intakeBox)
        self.summaryEdit.setObjectName(u"summaryEdit")

        self.intakeForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.notesLabel = QLabel(self.intakeBox)
        self.notesLabel.setObjectName(u"notesLabel")

        self.intakeForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(self.intakeBox)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 80))
        self.notesEdit.setTabChangesFocus(True)

        self.intakeForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.intakeLayout.addLayout(self.intakeForm)

        self.formMessageLabel = QLabel(self.intakeBox)
        self.formMessageLabel.setObjectName(u"formMessageLabel")
        self.formMessageLabel.setWordWrap(True)
        self.formMessageLabel.setStyleSheet(u"color: #b42318;")

        self.intakeLayout.addWidget(self.formMessageLabel)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.queuedLabel = QLabel(self.intakeBox)
        self.queuedLabel.setObjectName(u"queuedLabel")
        self.queuedLabel.setWordWrap(True)

        self.saveRow.addWidget(self.queuedLabel)

        self.saveSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.saveRow.addItem(self.saveSpacer)

        self.clearButton = QPushButton(self.intakeBox)
        self.clearButton.setObjectName(u"clearButton")

        self.saveRow.addWidget(self.clearButton)

        self.saveButton = QPushButton(self.intakeBox)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)


        self.intakeLayout.addLayout(self.saveRow)


        self.topRow.addWidget(self.intakeBox)

        self.deskSplitter.addWidget(self.topPane)
        self.todayBox = QGroupBox(self.deskSplitter)
        self.todayBox.setObjectName(u"todayBox")
        self.todayLayout = QVBoxLayout(self.todayBox)
        self.todayLayout.setObjectName(u"todayLayout")
        self.todayTable = QTableView(self.todayBox)
        self.todayTable.setObjectName(u"todayTable")
        self.todayTable.setAlternatingRowColors(True)
        self.todayTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.todayTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.todayTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.todayLayout.addWidget(self.todayTable)

        self.deskSplitter.addWidget(self.todayBox)

        self.deskLayout.addWidget(self.deskSplitter)

        QWidget.setTabOrder(self.callerEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.kecamatanEdit)
        QWidget.setTabOrder(self.kecamatanEdit, self.desaEdit)
        QWidget.setTabOrder(self.desaEdit, self.channelCombo)
        QWidget.setTabOrder(self.channelCombo, self.anonimCheck)
        QWidget.setTabOrder(self.anonimCheck, self.rahasiaCheck)
        QWidget.setTabOrder(self.rahasiaCheck, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.urgency1)
        QWidget.setTabOrder(self.urgency1, self.urgency2)
        QWidget.setTabOrder(self.urgency2, self.urgency3)
        QWidget.setTabOrder(self.urgency3, self.urgency4)
        QWidget.setTabOrder(self.urgency4, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.todayTable)
        QWidget.setTabOrder(self.todayTable, self.transcriptView)

        self.retranslateUi(OnAirDesk)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(OnAirDesk)
    # setupUi

    def retranslateUi(self, OnAirDesk):
        OnAirDesk.setWindowTitle(QCoreApplication.translate("OnAirDesk", u"On-Air desk", None))
        self.onAirBox.setTitle(QCoreApplication.translate("OnAirDesk", u"On air", None))
        self.recordButton.setText(QCoreApplication.translate("OnAirDesk", u"Record (F9)", None))
        self.elapsedLabel.setText(QCoreApplication.translate("OnAirDesk", u"00:00:00", None))
        self.callStateLabel.setText(QCoreApplication.translate("OnAirDesk", u"Listening", None))
        self.deviceLabel.setText(QCoreApplication.translate("OnAirDesk", u"Input: \u2014", None))
        self.prerollLabel.setText(QCoreApplication.translate("OnAirDesk", u"Pre-roll: 10 s", None))
        self.audioWarningLabel.setText("")
        self.transcriptBox.setTitle(QCoreApplication.translate("OnAirDesk", u"Live transcript", None))
        self.transcriptStateLabel.setText("")
        self.intakeBox.setTitle(QCoreApplication.translate("OnAirDesk", u"Intake", None))
        self.formCallLabel.setText("")
        self.callerLabel.setText(QCoreApplication.translate("OnAirDesk", u"Caller", None))
        self.callerEdit.setPlaceholderText(QCoreApplication.translate("OnAirDesk", u"Name, or empty for Anonim", None))
        self.phoneLabel.setText(QCoreApplication.translate("OnAirDesk", u"Phone", None))
        self.phoneEdit.setPlaceholderText(QCoreApplication.translate("OnAirDesk", u"0812\u2026", None))
        self.phoneHintLabel.setText("")
        self.kecamatanLabel.setText(QCoreApplication.translate("OnAirDesk", u"Kecamatan", None))
        self.desaLabel.setText(QCoreApplication.translate("OnAirDesk", u"Desa", None))
        self.channelLabel.setText(QCoreApplication.translate("OnAirDesk", u"Channel", None))
        self.anonimCheck.setText(QCoreApplication.translate("OnAirDesk", u"Anonim (hide identity)", None))
        self.rahasiaCheck.setText(QCoreApplication.translate("OnAirDesk", u"Rahasia (confidential)", None))
        self.categoryLabel.setText(QCoreApplication.translate("OnAirDesk", u"Category", None))
        self.suggestionLabel.setText("")
        self.acceptButton.setText(QCoreApplication.translate("OnAirDesk", u"Accept (F8)", None))
        self.urgencyLabel.setText(QCoreApplication.translate("OnAirDesk", u"Urgency", None))
        self.urgency1.setText(QCoreApplication.translate("OnAirDesk", u"1 Low", None))
        self.urgency2.setText(QCoreApplication.translate("OnAirDesk", u"2 Medium", None))
        self.urgency3.setText(QCoreApplication.translate("OnAirDesk", u"3 High", None))
        self.urgency4.setText(QCoreApplication.translate("OnAirDesk", u"4 Emergency", None))
        self.summaryLabel.setText(QCoreApplication.translate("OnAirDesk", u"Summary", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("OnAirDesk", u"One line: what is the complaint?", None))
        self.notesLabel.setText(QCoreApplication.translate("OnAirDesk", u"Notes", None))
        self.formMessageLabel.setText("")
        self.queuedLabel.setText("")
        self.clearButton.setText(QCoreApplication.translate("OnAirDesk", u"New form", None))
        self.saveButton.setText(QCoreApplication.translate("OnAirDesk", u"Save (Ctrl+Enter)", None))
        self.todayBox.setTitle(QCoreApplication.translate("OnAirDesk", u"Today's calls", None))
    # retranslateUi

