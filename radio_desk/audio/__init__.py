"""Audio: capture, crash-safe files, recovery, playback, import.  No Qt here.

- :mod:`~radio_desk.audio.recorder` — :class:`Recorder` (always listening, pre-roll, one WAV per call,
  :class:`RecorderStatus` snapshots for the UI, ``fanout`` of live audio to the transcriber), built from
  :mod:`~radio_desk.audio.backend` (the input behind a protocol; PortAudio), :mod:`~radio_desk.audio.meter`,
  :mod:`~radio_desk.audio.call_writer` and :mod:`~radio_desk.audio.recorder_types` (``RecorderConfig``)
- :mod:`~radio_desk.audio.memory_input` — an input device in memory (the recorder's fast tests)
- :mod:`~radio_desk.audio.stream` — ``AudioFanOut`` / ``AudioSubscription`` / ``AudioBlock``
- :mod:`~radio_desk.audio.devices` — input devices by name, fallback with a warning
- :mod:`~radio_desk.audio.wavfile` — WAV with automatic header update; header repair
- :mod:`~radio_desk.audio.sidecar` — the JSON kept next to each recording
- :mod:`~radio_desk.audio.recovery` — start-up repair of recordings a crash left open
- :mod:`~radio_desk.audio.ownership` — the lock file a live process holds on a recording it writes
- :mod:`~radio_desk.audio.decode` — PyAV decoding of what libsndfile cannot read (phone formats)
- :mod:`~radio_desk.audio.archive` — WAV → verified FLAC
- :mod:`~radio_desk.audio.importer` — WAV/FLAC/OGG-Opus/MP3, M4A/AAC/AMR (PyAV) as recordings
- :mod:`~radio_desk.audio.playback` — :class:`Player` (play/stop/seek a recording or a segment)
"""
