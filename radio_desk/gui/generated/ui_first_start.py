# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_start.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

from radio_desk.gui.onair.level_meter import LevelMeter

class Ui_FirstStartDialog(object):
    def setupUi(self, FirstStartDialog):
        if not FirstStartDialog.objectName():
            FirstStartDialog.setObjectName(u"FirstStartDialog")
        self.dialogLayout = QVBoxLayout(FirstStartDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(FirstStartDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.firstForm = QFormLayout()
        self.firstForm.setObjectName(u"firstForm")
        self.stationNameLabel = QLabel(FirstStartDialog)
        self.stationNameLabel.setObjectName(u"stationNameLabel")

        self.firstForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stationNameLabel)

        self.stationNameEdit = QLineEdit(FirstStartDialog)
        self.stationNameEdit.setObjectName(u"stationNameEdit")

        self.firstForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stationNameEdit)

        self.deviceLabel = QLabel(FirstStartDialog)
        self.deviceLabel.setObjectName(u"deviceLabel")

        self.firstForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.deviceLabel)

        self.deviceCombo = QComboBox(FirstStartDialog)
        self.deviceCombo.setObjectName(u"deviceCombo")

        self.firstForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.deviceCombo)

        self.uiLanguageLabel = QLabel(FirstStartDialog)
        self.uiLanguageLabel.setObjectName(u"uiLanguageLabel")

        self.firstForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.uiLanguageLabel)

        self.uiLanguageCombo = QComboBox(FirstStartDialog)
        self.uiLanguageCombo.setObjectName(u"uiLanguageCombo")

        self.firstForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.uiLanguageCombo)


        self.dialogLayout.addLayout(self.firstForm)

        self.testRow = QHBoxLayout()
        self.testRow.setObjectName(u"testRow")
        self.testButton = QPushButton(FirstStartDialog)
        self.testButton.setObjectName(u"testButton")

        self.testRow.addWidget(self.testButton)

        self.levelMeter = LevelMeter(FirstStartDialog)
        self.levelMeter.setObjectName(u"levelMeter")

        self.testRow.addWidget(self.levelMeter)


        self.dialogLayout.addLayout(self.testRow)

        self.testResultLabel = QLabel(FirstStartDialog)
        self.testResultLabel.setObjectName(u"testResultLabel")
        self.testResultLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.testResultLabel)

        self.messageLabel = QLabel(FirstStartDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setStyleSheet(u"color: #b42318; font-weight: bold;")
        self.messageLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(FirstStartDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.stationNameEdit, self.deviceCombo)
        QWidget.setTabOrder(self.deviceCombo, self.uiLanguageCombo)
        QWidget.setTabOrder(self.uiLanguageCombo, self.testButton)

        self.retranslateUi(FirstStartDialog)

        QMetaObject.connectSlotsByName(FirstStartDialog)
    # setupUi

    def retranslateUi(self, FirstStartDialog):
        FirstStartDialog.setWindowTitle(QCoreApplication.translate("FirstStartDialog", u"Radio Desk: first start", None))
        self.introLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Welcome to Radio Desk. Three questions and the desk is ready; everything can be changed later in Settings.", None))
        self.stationNameLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Station name", None))
        self.deviceLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Audio input", None))
        self.uiLanguageLabel.setText(QCoreApplication.translate("FirstStartDialog", u"Interface language", None))
        self.testButton.setText(QCoreApplication.translate("FirstStartDialog", u"Test input (5 s)", None))
        self.testResultLabel.setText("")
        self.messageLabel.setText("")
    # retranslateUi

