"""The Designer forms in ``ui/``, compiled by ``scripts/build-ui.sh`` (pyside6-uic) into
``radio_desk/gui/generated/ui_<name>.py``; the generated modules are committed so a clean checkout
runs without the Qt tools.  A widget class wraps its form as ``self.ui`` (Picard's pattern)::

    from radio_desk.gui.generated.ui_main_window import Ui_MainWindow
    self.ui = Ui_MainWindow(); self.ui.setupUi(self)
"""
