# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        self.dialogLayout = QVBoxLayout(SettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.stationBox = QGroupBox(SettingsDialog)
        self.stationBox.setObjectName(u"stationBox")
        self.stationForm = QFormLayout(self.stationBox)
        self.stationForm.setObjectName(u"stationForm")
        self.stationNameLabel = QLabel(self.stationBox)
        self.stationNameLabel.setObjectName(u"stationNameLabel")

        self.stationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stationNameLabel)

        self.stationNameEdit = QLineEdit(self.stationBox)
        self.stationNameEdit.setObjectName(u"stationNameEdit")

        self.stationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stationNameEdit)

        self.regencyLabel = QLabel(self.stationBox)
        self.regencyLabel.setObjectName(u"regencyLabel")

        self.stationForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.regencyLabel)

        self.regencyCombo = QComboBox(self.stationBox)
        self.regencyCombo.setObjectName(u"regencyCombo")

        self.stationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.regencyCombo)

        self.timezoneLabel = QLabel(self.stationBox)
        self.timezoneLabel.setObjectName(u"timezoneLabel")

        self.stationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.timezoneLabel)

        self.timezoneCombo = QComboBox(self.stationBox)
        self.timezoneCombo.setObjectName(u"timezoneCombo")

        self.stationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.timezoneCombo)

        self.operatorsLabel = QLabel(self.stationBox)
        self.operatorsLabel.setObjectName(u"operatorsLabel")

        self.stationForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.operatorsLabel)

        self.operatorsEdit = QPlainTextEdit(self.stationBox)
        self.operatorsEdit.setObjectName(u"operatorsEdit")
        self.operatorsEdit.setMaximumSize(QSize(16777215, 70))
        self.operatorsEdit.setTabChangesFocus(True)

        self.stationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.operatorsEdit)

        self.operatorLabel = QLabel(self.stationBox)
        self.operatorLabel.setObjectName(u"operatorLabel")

        self.stationForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.operatorLabel)

        self.operatorCombo = QComboBox(self.stationBox)
        self.operatorCombo.setObjectName(u"operatorCombo")

        self.stationForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.operatorCombo)

        self.deskRoleLabel = QLabel(self.stationBox)
        self.deskRoleLabel.setObjectName(u"deskRoleLabel")

        self.stationForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.deskRoleLabel)

        self.deskRoleCombo = QComboBox(self.stationBox)
        self.deskRoleCombo.setObjectName(u"deskRoleCombo")

        self.stationForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.deskRoleCombo)


        self.leftColumn.addWidget(self.stationBox)

        self.audioBox = QGroupBox(SettingsDialog)
        self.audioBox.setObjectName(u"audioBox")
        self.audioForm = QFormLayout(self.audioBox)
        self.audioForm.setObjectName(u"audioForm")
        self.deviceLabel = QLabel(self.audioBox)
        self.deviceLabel.setObjectName(u"deviceLabel")

        self.audioForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.deviceLabel)

        self.deviceCombo = QComboBox(self.audioBox)
        self.deviceCombo.setObjectName(u"deviceCombo")

        self.audioForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.deviceCombo)

        self.channelMapLabel = QLabel(self.audioBox)
        self.channelMapLabel.setObjectName(u"channelMapLabel")

        self.audioForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channelMapLabel)

        self.channelMapCombo = QComboBox(self.audioBox)
        self.channelMapCombo.setObjectName(u"channelMapCombo")

        self.audioForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channelMapCombo)

        self.prerollLabel = QLabel(self.audioBox)
        self.prerollLabel.setObjectName(u"prerollLabel")

        self.audioForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.prerollLabel)

        self.prerollSpin = QDoubleSpinBox(self.audioBox)
        self.prerollSpin.setObjectName(u"prerollSpin")
        self.prerollSpin.setMaximum(30.000000000000000)
        self.prerollSpin.setDecimals(0)

        self.audioForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.prerollSpin)


        self.leftColumn.addWidget(self.audioBox)

        self.interfaceBox = QGroupBox(SettingsDialog)
        self.interfaceBox.setObjectName(u"interfaceBox")
        self.interfaceForm = QFormLayout(self.interfaceBox)
        self.interfaceForm.setObjectName(u"interfaceForm")
        self.uiLanguageLabel = QLabel(self.interfaceBox)
        self.uiLanguageLabel.setObjectName(u"uiLanguageLabel")

        self.interfaceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.uiLanguageLabel)

        self.uiLanguageCombo = QComboBox(self.interfaceBox)
        self.uiLanguageCombo.setObjectName(u"uiLanguageCombo")

        self.interfaceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.uiLanguageCombo)


        self.leftColumn.addWidget(self.interfaceBox)

        self.leftStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftStretch)


        self.columnsLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.asrBox = QGroupBox(SettingsDialog)
        self.asrBox.setObjectName(u"asrBox")
        self.asrForm = QFormLayout(self.asrBox)
        self.asrForm.setObjectName(u"asrForm")
        self.engineLabel = QLabel(self.asrBox)
        self.engineLabel.setObjectName(u"engineLabel")

        self.asrForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.engineLabel)

        self.engineCombo = QComboBox(self.asrBox)
        self.engineCombo.setObjectName(u"engineCombo")

        self.asrForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.engineCombo)

        self.modelLabel = QLabel(self.asrBox)
        self.modelLabel.setObjectName(u"modelLabel")

        self.asrForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.modelLabel)

        self.modelEdit = QLineEdit(self.asrBox)
        self.modelEdit.setObjectName(u"modelEdit")

        self.asrForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.modelEdit)

        self.asrLanguageLabel = QLabel(self.asrBox)
        self.asrLanguageLabel.setObjectName(u"asrLanguageLabel")

        self.asrForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.asrLanguageLabel)

        self.asrLanguageCombo = QComboBox(self.asrBox)
        self.asrLanguageCombo.setObjectName(u"asrLanguageCombo")

        self.asrForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.asrLanguageCombo)

        self.liveCheck = QCheckBox(self.asrBox)
        self.liveCheck.setObjectName(u"liveCheck")

        self.asrForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.liveCheck)


        self.rightColumn.addWidget(self.asrBox)

        self.syncBox = QGroupBox(SettingsDialog)
        self.syncBox.setObjectName(u"syncBox")
        self.syncForm = QFormLayout(self.syncBox)
        self.syncForm.setObjectName(u"syncForm")
        self.serverLabel = QLabel(self.syncBox)
        self.serverLabel.setObjectName(u"serverLabel")

        self.syncForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.serverLabel)

        self.serverEdit = QLineEdit(self.syncBox)
        self.serverEdit.setObjectName(u"serverEdit")
        self.serverEdit.setPlaceholderText(u"https://aduan.bojonegorokab.go.id")

        self.syncForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.serverEdit)

        self.keyLabel = QLabel(self.syncBox)
        self.keyLabel.setObjectName(u"keyLabel")

        self.syncForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.keyLabel)

        self.keyEdit = QLineEdit(self.syncBox)
        self.keyEdit.setObjectName(u"keyEdit")
        self.keyEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.syncForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.keyEdit)

        self.keyStorageLabel = QLabel(self.syncBox)
        self.keyStorageLabel.setObjectName(u"keyStorageLabel")
        self.keyStorageLabel.setWordWrap(True)

        self.syncForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.keyStorageLabel)

        self.testConnectionButton = QPushButton(self.syncBox)
        self.testConnectionButton.setObjectName(u"testConnectionButton")

        self.syncForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.testConnectionButton)

        self.connectionResultLabel = QLabel(self.syncBox)
        self.connectionResultLabel.setObjectName(u"connectionResultLabel")
        self.connectionResultLabel.setMinimumSize(QSize(0, 48))
        self.connectionResultLabel.setWordWrap(True)

        self.syncForm.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.connectionResultLabel)


        self.rightColumn.addWidget(self.syncBox)

        self.backupBox = QGroupBox(SettingsDialog)
        self.backupBox.setObjectName(u"backupBox")
        self.backupForm = QFormLayout(self.backupBox)
        self.backupForm.setObjectName(u"backupForm")
        self.backupDaysLabel = QLabel(self.backupBox)
        self.backupDaysLabel.setObjectName(u"backupDaysLabel")

        self.backupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.backupDaysLabel)

        self.backupDaysSpin = QSpinBox(self.backupBox)
        self.backupDaysSpin.setObjectName(u"backupDaysSpin")
        self.backupDaysSpin.setMinimum(1)
        self.backupDaysSpin.setMaximum(365)

        self.backupForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.backupDaysSpin)


        self.rightColumn.addWidget(self.backupBox)

        self.rightStretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightStretch)


        self.columnsLayout.addLayout(self.rightColumn)


        self.dialogLayout.addLayout(self.columnsLayout)

        self.messageLabel = QLabel(SettingsDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet(u"color: #b42318;")

        self.dialogLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.deskRoleLabel.setBuddy(self.deskRoleCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.stationNameEdit, self.regencyCombo)
        QWidget.setTabOrder(self.regencyCombo, self.timezoneCombo)
        QWidget.setTabOrder(self.timezoneCombo, self.operatorsEdit)
        QWidget.setTabOrder(self.operatorsEdit, self.operatorCombo)
        QWidget.setTabOrder(self.operatorCombo, self.deviceCombo)
        QWidget.setTabOrder(self.deviceCombo, self.channelMapCombo)
        QWidget.setTabOrder(self.channelMapCombo, self.prerollSpin)
        QWidget.setTabOrder(self.prerollSpin, self.engineCombo)
        QWidget.setTabOrder(self.engineCombo, self.modelEdit)
        QWidget.setTabOrder(self.modelEdit, self.asrLanguageCombo)
        QWidget.setTabOrder(self.asrLanguageCombo, self.liveCheck)
        QWidget.setTabOrder(self.liveCheck, self.serverEdit)
        QWidget.setTabOrder(self.serverEdit, self.keyEdit)
        QWidget.setTabOrder(self.keyEdit, self.testConnectionButton)
        QWidget.setTabOrder(self.testConnectionButton, self.backupDaysSpin)
        QWidget.setTabOrder(self.backupDaysSpin, self.uiLanguageCombo)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.stationBox.setTitle(QCoreApplication.translate("SettingsDialog", u"Station", None))
        self.stationNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"Station name", None))
        self.regencyLabel.setText(QCoreApplication.translate("SettingsDialog", u"Home regency", None))
        self.timezoneLabel.setText(QCoreApplication.translate("SettingsDialog", u"Station time zone", None))
        self.operatorsLabel.setText(QCoreApplication.translate("SettingsDialog", u"Operators (one per line)", None))
        self.operatorLabel.setText(QCoreApplication.translate("SettingsDialog", u"Operator on duty", None))
        self.deskRoleLabel.setText(QCoreApplication.translate("SettingsDialog", u"Role of this desk", None))
#if QT_CONFIG(tooltip)
        self.deskRoleCombo.setToolTip(QCoreApplication.translate("SettingsDialog", u"Only a coordinator's desk may reopen a case with a final status (with a reason).", None))
#endif // QT_CONFIG(tooltip)
        self.audioBox.setTitle(QCoreApplication.translate("SettingsDialog", u"Audio input", None))
        self.deviceLabel.setText(QCoreApplication.translate("SettingsDialog", u"Input device", None))
        self.channelMapLabel.setText(QCoreApplication.translate("SettingsDialog", u"Channels", None))
        self.prerollLabel.setText(QCoreApplication.translate("SettingsDialog", u"Pre-roll", None))
        self.prerollSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" s", None))
        self.interfaceBox.setTitle(QCoreApplication.translate("SettingsDialog", u"Interface", None))
        self.uiLanguageLabel.setText(QCoreApplication.translate("SettingsDialog", u"Interface language", None))
        self.asrBox.setTitle(QCoreApplication.translate("SettingsDialog", u"Transcription", None))
        self.engineLabel.setText(QCoreApplication.translate("SettingsDialog", u"Engine", None))
        self.modelLabel.setText(QCoreApplication.translate("SettingsDialog", u"Model", None))
        self.modelEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"empty = bundled whisper-base; a name (small) or a folder", None))
        self.asrLanguageLabel.setText(QCoreApplication.translate("SettingsDialog", u"Language", None))
        self.liveCheck.setText(QCoreApplication.translate("SettingsDialog", u"Live transcript during the call", None))
        self.syncBox.setTitle(QCoreApplication.translate("SettingsDialog", u"Central server", None))
        self.serverLabel.setText(QCoreApplication.translate("SettingsDialog", u"Server address", None))
        self.keyLabel.setText(QCoreApplication.translate("SettingsDialog", u"Station key", None))
        self.keyStorageLabel.setText("")
        self.testConnectionButton.setText(QCoreApplication.translate("SettingsDialog", u"Test connection", None))
        self.connectionResultLabel.setText("")
        self.backupBox.setTitle(QCoreApplication.translate("SettingsDialog", u"Backups", None))
        self.backupDaysLabel.setText(QCoreApplication.translate("SettingsDialog", u"Keep daily backups for", None))
        self.backupDaysSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" days", None))
        self.messageLabel.setText("")
    # retranslateUi

