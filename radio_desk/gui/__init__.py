"""The desktop app: Qt windows that wire core services (store, audio, transcribe, triage, sync,
reports) to views.  Everything Qt lives here; the core never imports this package.

- :mod:`~radio_desk.gui.tasks` — run work off the GUI thread, results back on it
- :mod:`~radio_desk.gui.i18n` — Qt translators (Indonesian default, English fallback)
- :mod:`~radio_desk.gui.forms` — load the Designer forms from ``ui/``
"""
