# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QToolButton, QVBoxLayout,
    QWidget)

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        ReportDialog.resize(900, 680)
        self.dialogLayout = QVBoxLayout(ReportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.optionsLayout = QHBoxLayout()
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.periodForm = QFormLayout()
        self.periodForm.setObjectName(u"periodForm")
        self.fromLabel = QLabel(ReportDialog)
        self.fromLabel.setObjectName(u"fromLabel")

        self.periodForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fromLabel)

        self.fromEdit = QDateEdit(ReportDialog)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)

        self.periodForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.fromEdit)

        self.toLabel = QLabel(ReportDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.periodForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.toEdit = QDateEdit(ReportDialog)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setCalendarPopup(True)

        self.periodForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.toEdit)


        self.optionsLayout.addLayout(self.periodForm)

        self.scopeForm = QFormLayout()
        self.scopeForm.setObjectName(u"scopeForm")
        self.stationLabel = QLabel(ReportDialog)
        self.stationLabel.setObjectName(u"stationLabel")

        self.scopeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.stationLabel)

        self.stationCombo = QComboBox(ReportDialog)
        self.stationCombo.setObjectName(u"stationCombo")

        self.scopeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stationCombo)

        self.editionLabel = QLabel(ReportDialog)
        self.editionLabel.setObjectName(u"editionLabel")

        self.scopeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.editionLabel)

        self.editionCombo = QComboBox(ReportDialog)
        self.editionCombo.setObjectName(u"editionCombo")

        self.scopeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.editionCombo)


        self.optionsLayout.addLayout(self.scopeForm)

        self.actionsLayout = QVBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.generateButton = QPushButton(ReportDialog)
        self.generateButton.setObjectName(u"generateButton")

        self.actionsLayout.addWidget(self.generateButton)

        self.saveButton = QPushButton(ReportDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.actionsLayout.addWidget(self.saveButton)

        self.csvButton = QPushButton(ReportDialog)
        self.csvButton.setObjectName(u"csvButton")

        self.actionsLayout.addWidget(self.csvButton)


        self.optionsLayout.addLayout(self.actionsLayout)


        self.dialogLayout.addLayout(self.optionsLayout)

        self.statusLabel = QLabel(ReportDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.statusLabel)

        self.previewArea = QScrollArea(ReportDialog)
        self.previewArea.setObjectName(u"previewArea")
        self.previewArea.setWidgetResizable(True)
        self.previewArea.setAlignment(Qt.AlignHCenter|Qt.AlignTop)
        self.pageLabel = QLabel()
        self.pageLabel.setObjectName(u"pageLabel")
        self.pageLabel.setAlignment(Qt.AlignHCenter|Qt.AlignTop)
        self.previewArea.setWidget(self.pageLabel)

        self.dialogLayout.addWidget(self.previewArea)

        self.pagerLayout = QHBoxLayout()
        self.pagerLayout.setObjectName(u"pagerLayout")
        self.pagerLeft = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pagerLayout.addItem(self.pagerLeft)

        self.prevButton = QToolButton(ReportDialog)
        self.prevButton.setObjectName(u"prevButton")

        self.pagerLayout.addWidget(self.prevButton)

        self.pageWordLabel = QLabel(ReportDialog)
        self.pageWordLabel.setObjectName(u"pageWordLabel")

        self.pagerLayout.addWidget(self.pageWordLabel)

        self.pageSpin = QSpinBox(ReportDialog)
        self.pageSpin.setObjectName(u"pageSpin")
        self.pageSpin.setMinimum(1)

        self.pagerLayout.addWidget(self.pageSpin)

        self.pageCountLabel = QLabel(ReportDialog)
        self.pageCountLabel.setObjectName(u"pageCountLabel")

        self.pagerLayout.addWidget(self.pageCountLabel)

        self.nextButton = QToolButton(ReportDialog)
        self.nextButton.setObjectName(u"nextButton")

        self.pagerLayout.addWidget(self.nextButton)

        self.pagerRight = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.pagerLayout.addItem(self.pagerRight)


        self.dialogLayout.addLayout(self.pagerLayout)

        self.buttonBox = QDialogButtonBox(ReportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Close)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.fromLabel.setBuddy(self.fromEdit)
        self.toLabel.setBuddy(self.toEdit)
        self.stationLabel.setBuddy(self.stationCombo)
        self.editionLabel.setBuddy(self.editionCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fromEdit, self.toEdit)
        QWidget.setTabOrder(self.toEdit, self.stationCombo)
        QWidget.setTabOrder(self.stationCombo, self.editionCombo)
        QWidget.setTabOrder(self.editionCombo, self.generateButton)
        QWidget.setTabOrder(self.generateButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.csvButton)

        self.retranslateUi(ReportDialog)

        self.generateButton.setDefault(True)


        QMetaObject.connectSlotsByName(ReportDialog)
    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(QCoreApplication.translate("ReportDialog", u"Weekly review report", None))
        self.fromLabel.setText(QCoreApplication.translate("ReportDialog", u"&From", None))
        self.fromEdit.setDisplayFormat(QCoreApplication.translate("ReportDialog", u"dd/MM/yyyy", None))
        self.toLabel.setText(QCoreApplication.translate("ReportDialog", u"&To", None))
        self.toEdit.setDisplayFormat(QCoreApplication.translate("ReportDialog", u"dd/MM/yyyy", None))
        self.stationLabel.setText(QCoreApplication.translate("ReportDialog", u"&Station", None))
        self.editionLabel.setText(QCoreApplication.translate("ReportDialog", u"&Edition", None))
        self.generateButton.setText(QCoreApplication.translate("ReportDialog", u"&Generate", None))
        self.saveButton.setText(QCoreApplication.translate("ReportDialog", u"Save &PDF\u2026", None))
        self.csvButton.setText(QCoreApplication.translate("ReportDialog", u"Export &CSV\u2026", None))
        self.prevButton.setText(QCoreApplication.translate("ReportDialog", u"\u25c0", None))
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("ReportDialog", u"Previous page", None))
#endif // QT_CONFIG(tooltip)
        self.pageWordLabel.setText(QCoreApplication.translate("ReportDialog", u"Page", None))
        self.nextButton.setText(QCoreApplication.translate("ReportDialog", u"\u25b6", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("ReportDialog", u"Next page", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

