"""The On-Air desk: the operator's window during a live broadcast.

- :mod:`.desk` — :class:`OnAirDesk`, the widget wrapping ``ui/onair_desk.ui`` and the call flow
- :mod:`.audio_control` — the recorder off the GUI thread, status at 20 Hz
- :mod:`.transcription` — engine loading, live and after-call transcripts
- :mod:`.intake` — the intake form (kecamatan/desa completion: :mod:`radio_desk.services.places`)
- :mod:`.today` — today's calls table

The Qt-free parts live in :mod:`radio_desk.services`: ``calls`` (one call, saving it, recovery),
``call_book`` (the calls the desk tracks), ``drafts`` (the autosave), ``triage_source``.
"""
