"""The On-Air desk: the operator's window during a live broadcast.

- :mod:`.desk` — :class:`OnAirDesk`, the widget wrapping ``ui/onair_desk.ui`` and the call flow
- :mod:`.audio_control` — the recorder off the GUI thread, status at 20 Hz
- :mod:`.transcription` — engine loading, live and after-call transcripts
- :mod:`.intake` — the intake form; :mod:`.places` — kecamatan/desa completion
- :mod:`.calls` — one call and saving it; :mod:`.drafts` — the autosaved draft
- :mod:`.today` — today's calls table; :mod:`.triage_source` — the store as triage's case source
"""
