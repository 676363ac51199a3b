"""Qt's own messages (qWarning, qCritical... from Qt's C++ code: a missing platform plugin, a font,
a layout set twice) into the Python log instead of a console the windowed app does not have."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,  # Qt aborts after the handler returns; faulthandler dumps
}


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category if context is not None and context.category else "default"
    log.log(LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(_handler)
