# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'editor_rundown.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QDoubleSpinBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTreeWidgetItem, QVBoxLayout,
    QWidget)

from radio_desk.gui.editor.rundown_tree import RundownTree
from radio_desk.gui.editor.waveform_view import WaveformView

class Ui_EditorRundown(object):
    def setupUi(self, EditorRundown):
        if not EditorRundown.objectName():
            EditorRundown.setObjectName(u"EditorRundown")
        self.rundownLayout = QVBoxLayout(EditorRundown)
        self.rundownLayout.setObjectName(u"rundownLayout")
        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.rundownLabel = QLabel(EditorRundown)
        self.rundownLabel.setObjectName(u"rundownLabel")

        self.topRow.addWidget(self.rundownLabel)

        self.rundownCombo = QComboBox(EditorRundown)
        self.rundownCombo.setObjectName(u"rundownCombo")
        self.rundownCombo.setMinimumContentsLength(24)

        self.topRow.addWidget(self.rundownCombo)

        self.dateLabel = QLabel(EditorRundown)
        self.dateLabel.setObjectName(u"dateLabel")

        self.topRow.addWidget(self.dateLabel)

        self.showDate = QDateEdit(EditorRundown)
        self.showDate.setObjectName(u"showDate")
        self.showDate.setCalendarPopup(True)

        self.topRow.addWidget(self.showDate)

        self.newButton = QPushButton(EditorRundown)
        self.newButton.setObjectName(u"newButton")

        self.topRow.addWidget(self.newButton)

        self.deleteButton = QPushButton(EditorRundown)
        self.deleteButton.setObjectName(u"deleteButton")

        self.topRow.addWidget(self.deleteButton)

        self.topSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.topRow.addItem(self.topSpacer)

        self.exportButton = QPushButton(EditorRundown)
        self.exportButton.setObjectName(u"exportButton")

        self.topRow.addWidget(self.exportButton)


        self.rundownLayout.addLayout(self.topRow)

        self.splitter = QSplitter(EditorRundown)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.listPane = QWidget(self.splitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.itemTree = RundownTree(self.listPane)
        self.itemTree.setObjectName(u"itemTree")

        self.listLayout.addWidget(self.itemTree)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.upButton = QPushButton(self.listPane)
        self.upButton.setObjectName(u"upButton")

        self.listButtons.addWidget(self.upButton)

        self.downButton = QPushButton(self.listPane)
        self.downButton.setObjectName(u"downButton")

        self.listButtons.addWidget(self.downButton)

        self.removeButton = QPushButton(self.listPane)
        self.removeButton.setObjectName(u"removeButton")

        self.listButtons.addWidget(self.removeButton)


        self.listLayout.addLayout(self.listButtons)

        self.splitter.addWidget(self.listPane)
        self.itemPane = QWidget(self.splitter)
        self.itemPane.setObjectName(u"itemPane")
        self.itemPaneLayout = QVBoxLayout(self.itemPane)
        self.itemPaneLayout.setObjectName(u"itemPaneLayout")
        self.itemPaneLayout.setContentsMargins(0, 0, 0, 0)
        self.itemForm = QFormLayout()
        self.itemForm.setObjectName(u"itemForm")
        self.itemTitle = QLabel(self.itemPane)
        self.itemTitle.setObjectName(u"itemTitle")
        self.itemTitle.setStyleSheet(u"font-weight: bold;")
        self.itemTitle.setWordWrap(True)

        self.itemForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.itemTitle)

        self.summaryLabel = QLabel(self.itemPane)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.itemForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.itemPane)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMaximumHeight(90)

        self.itemForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.summaryEdit)

        self.excerptLabel = QLabel(self.itemPane)
        self.excerptLabel.setObjectName(u"excerptLabel")

        self.itemForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.excerptLabel)

        self.excerptEdit = QPlainTextEdit(self.itemPane)
        self.excerptEdit.setObjectName(u"excerptEdit")
        self.excerptEdit.setMaximumHeight(90)

        self.itemForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.excerptEdit)

        self.opdLabel = QLabel(self.itemPane)
        self.opdLabel.setObjectName(u"opdLabel")

        self.itemForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.opdLabel)

        self.opdCombo = QComboBox(self.itemPane)
        self.opdCombo.setObjectName(u"opdCombo")

        self.itemForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.opdCombo)

        self.clipLabel = QLabel(self.itemPane)
        self.clipLabel.setObjectName(u"clipLabel")

        self.itemForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.clipLabel)

        self.clipWaveform = WaveformView(self.itemPane)
        self.clipWaveform.setObjectName(u"clipWaveform")
        self.clipWaveform.setMinimumHeight(80)

        self.itemForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.clipWaveform)

        self.clipRow = QHBoxLayout()
        self.clipRow.setObjectName(u"clipRow")
        self.inLabel = QLabel(self.itemPane)
        self.inLabel.setObjectName(u"inLabel")

        self.clipRow.addWidget(self.inLabel)

        self.clipInSpin = QDoubleSpinBox(self.itemPane)
        self.clipInSpin.setObjectName(u"clipInSpin")
        self.clipInSpin.setDecimals(1)
        self.clipInSpin.setMaximum(36000.000000000000000)

        self.clipRow.addWidget(self.clipInSpin)

        self.outLabel = QLabel(self.itemPane)
        self.outLabel.setObjectName(u"outLabel")

        self.clipRow.addWidget(self.outLabel)

        self.clipOutSpin = QDoubleSpinBox(self.itemPane)
        self.clipOutSpin.setObjectName(u"clipOutSpin")
        self.clipOutSpin.setDecimals(1)
        self.clipOutSpin.setMaximum(36000.000000000000000)

        self.clipRow.addWidget(self.clipOutSpin)

        self.playClipButton = QPushButton(self.itemPane)
        self.playClipButton.setObjectName(u"playClipButton")

        self.clipRow.addWidget(self.playClipButton)


        self.itemForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.clipRow)

        self.includeRahasiaCheck = QCheckBox(self.itemPane)
        self.includeRahasiaCheck.setObjectName(u"includeRahasiaCheck")

        self.itemForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.includeRahasiaCheck)

        self.messageLabel = QLabel(self.itemPane)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.itemForm.setWidget(7, QFormLayout.ItemRole.SpanningRole, self.messageLabel)


        self.itemPaneLayout.addLayout(self.itemForm)

        self.itemSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.itemPaneLayout.addItem(self.itemSpacer)

        self.splitter.addWidget(self.itemPane)

        self.rundownLayout.addWidget(self.splitter)


        self.retranslateUi(EditorRundown)

        QMetaObject.connectSlotsByName(EditorRundown)
    # setupUi

    def retranslateUi(self, EditorRundown):
        EditorRundown.setWindowTitle(QCoreApplication.translate("EditorRundown", u"Ayo Mas Bro rundown", None))
        self.rundownLabel.setText(QCoreApplication.translate("EditorRundown", u"Rundown:", None))
        self.dateLabel.setText(QCoreApplication.translate("EditorRundown", u"Show date:", None))
        self.showDate.setDisplayFormat(QCoreApplication.translate("EditorRundown", u"dd-MM-yyyy", None))
        self.newButton.setText(QCoreApplication.translate("EditorRundown", u"New segment", None))
        self.deleteButton.setText(QCoreApplication.translate("EditorRundown", u"Delete", None))
        self.exportButton.setText(QCoreApplication.translate("EditorRundown", u"Export\u2026", None))
        self.upButton.setText(QCoreApplication.translate("EditorRundown", u"Up", None))
        self.downButton.setText(QCoreApplication.translate("EditorRundown", u"Down", None))
        self.removeButton.setText(QCoreApplication.translate("EditorRundown", u"Remove", None))
        self.itemTitle.setText(QCoreApplication.translate("EditorRundown", u"Drag cases here from the case list, or select them there and press \u201cAdd to rundown\u201d.", None))
        self.summaryLabel.setText(QCoreApplication.translate("EditorRundown", u"Read-out summary", None))
        self.excerptLabel.setText(QCoreApplication.translate("EditorRundown", u"Transcript excerpt", None))
        self.opdLabel.setText(QCoreApplication.translate("EditorRundown", u"OPD to answer", None))
        self.clipLabel.setText(QCoreApplication.translate("EditorRundown", u"Clip", None))
        self.inLabel.setText(QCoreApplication.translate("EditorRundown", u"In (s)", None))
        self.outLabel.setText(QCoreApplication.translate("EditorRundown", u"Out (s)", None))
        self.playClipButton.setText(QCoreApplication.translate("EditorRundown", u"Play clip", None))
        self.includeRahasiaCheck.setText(QCoreApplication.translate("EditorRundown", u"Include this confidential (rahasia) case on air \u2014 the decision is recorded", None))
        self.messageLabel.setText("")
    # retranslateUi

