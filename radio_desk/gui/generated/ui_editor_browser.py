# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'editor_browser.ui'
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
    QDateEdit, QGridLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_EditorBrowser(object):
    def setupUi(self, EditorBrowser):
        if not EditorBrowser.objectName():
            EditorBrowser.setObjectName(u"EditorBrowser")
        self.browserLayout = QVBoxLayout(EditorBrowser)
        self.browserLayout.setObjectName(u"browserLayout")
        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchEdit = QLineEdit(EditorBrowser)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.savedLabel = QLabel(EditorBrowser)
        self.savedLabel.setObjectName(u"savedLabel")

        self.searchRow.addWidget(self.savedLabel)

        self.savedFilterCombo = QComboBox(EditorBrowser)
        self.savedFilterCombo.setObjectName(u"savedFilterCombo")
        self.savedFilterCombo.setMinimumContentsLength(14)

        self.searchRow.addWidget(self.savedFilterCombo)

        self.saveFilterButton = QPushButton(EditorBrowser)
        self.saveFilterButton.setObjectName(u"saveFilterButton")

        self.searchRow.addWidget(self.saveFilterButton)

        self.deleteFilterButton = QPushButton(EditorBrowser)
        self.deleteFilterButton.setObjectName(u"deleteFilterButton")

        self.searchRow.addWidget(self.deleteFilterButton)


        self.browserLayout.addLayout(self.searchRow)

        self.filterGrid = QGridLayout()
        self.filterGrid.setObjectName(u"filterGrid")
        self.dateCheck = QCheckBox(EditorBrowser)
        self.dateCheck.setObjectName(u"dateCheck")

        self.filterGrid.addWidget(self.dateCheck, 0, 0, 1, 1)

        self.fromDate = QDateEdit(EditorBrowser)
        self.fromDate.setObjectName(u"fromDate")
        self.fromDate.setCalendarPopup(True)

        self.filterGrid.addWidget(self.fromDate, 0, 1, 1, 1)

        self.toLabel = QLabel(EditorBrowser)
        self.toLabel.setObjectName(u"toLabel")

        self.filterGrid.addWidget(self.toLabel, 0, 2, 1, 1)

        self.toDate = QDateEdit(EditorBrowser)
        self.toDate.setObjectName(u"toDate")
        self.toDate.setCalendarPopup(True)

        self.filterGrid.addWidget(self.toDate, 0, 3, 1, 1)

        self.categoryCombo = QComboBox(EditorBrowser)
        self.categoryCombo.setObjectName(u"categoryCombo")

        self.filterGrid.addWidget(self.categoryCombo, 0, 4, 1, 1)

        self.urgencyCombo = QComboBox(EditorBrowser)
        self.urgencyCombo.setObjectName(u"urgencyCombo")

        self.filterGrid.addWidget(self.urgencyCombo, 0, 5, 1, 1)

        self.statusCombo = QComboBox(EditorBrowser)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterGrid.addWidget(self.statusCombo, 0, 6, 1, 1)

        self.kecamatanCombo = QComboBox(EditorBrowser)
        self.kecamatanCombo.setObjectName(u"kecamatanCombo")

        self.filterGrid.addWidget(self.kecamatanCombo, 1, 0, 1, 2)

        self.desaCombo = QComboBox(EditorBrowser)
        self.desaCombo.setObjectName(u"desaCombo")

        self.filterGrid.addWidget(self.desaCombo, 1, 2, 1, 2)

        self.stationCombo = QComboBox(EditorBrowser)
        self.stationCombo.setObjectName(u"stationCombo")

        self.filterGrid.addWidget(self.stationCombo, 1, 4, 1, 1)

        self.channelCombo = QComboBox(EditorBrowser)
        self.channelCombo.setObjectName(u"channelCombo")

        self.filterGrid.addWidget(self.channelCombo, 1, 5, 1, 1)

        self.privacyCombo = QComboBox(EditorBrowser)
        self.privacyCombo.setObjectName(u"privacyCombo")

        self.filterGrid.addWidget(self.privacyCombo, 1, 6, 1, 1)

        self.clearButton = QPushButton(EditorBrowser)
        self.clearButton.setObjectName(u"clearButton")

        self.filterGrid.addWidget(self.clearButton, 1, 7, 1, 1)


        self.browserLayout.addLayout(self.filterGrid)

        self.table = QTableView(EditorBrowser)
        self.table.setObjectName(u"table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragOnly)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)

        self.browserLayout.addWidget(self.table)

        self.bottomRow = QHBoxLayout()
        self.bottomRow.setObjectName(u"bottomRow")
        self.countLabel = QLabel(EditorBrowser)
        self.countLabel.setObjectName(u"countLabel")

        self.bottomRow.addWidget(self.countLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomRow.addItem(self.bottomSpacer)

        self.addToRundownButton = QPushButton(EditorBrowser)
        self.addToRundownButton.setObjectName(u"addToRundownButton")

        self.bottomRow.addWidget(self.addToRundownButton)

        self.openButton = QPushButton(EditorBrowser)
        self.openButton.setObjectName(u"openButton")

        self.bottomRow.addWidget(self.openButton)


        self.browserLayout.addLayout(self.bottomRow)

        QWidget.setTabOrder(self.searchEdit, self.table)

        self.retranslateUi(EditorBrowser)

        QMetaObject.connectSlotsByName(EditorBrowser)
    # setupUi

    def retranslateUi(self, EditorBrowser):
        EditorBrowser.setWindowTitle(QCoreApplication.translate("EditorBrowser", u"Cases", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("EditorBrowser", u"Search transcripts, summaries and notes\u2026", None))
        self.savedLabel.setText(QCoreApplication.translate("EditorBrowser", u"Saved filters:", None))
        self.saveFilterButton.setText(QCoreApplication.translate("EditorBrowser", u"Save filter\u2026", None))
        self.deleteFilterButton.setText(QCoreApplication.translate("EditorBrowser", u"Delete saved filter", None))
        self.dateCheck.setText(QCoreApplication.translate("EditorBrowser", u"Received from", None))
        self.fromDate.setDisplayFormat(QCoreApplication.translate("EditorBrowser", u"dd-MM-yyyy", None))
        self.toLabel.setText(QCoreApplication.translate("EditorBrowser", u"to", None))
        self.toDate.setDisplayFormat(QCoreApplication.translate("EditorBrowser", u"dd-MM-yyyy", None))
        self.clearButton.setText(QCoreApplication.translate("EditorBrowser", u"Clear filters", None))
        self.countLabel.setText("")
        self.addToRundownButton.setText(QCoreApplication.translate("EditorBrowser", u"Add to rundown", None))
        self.openButton.setText(QCoreApplication.translate("EditorBrowser", u"Open case", None))
    # retranslateUi

