"""Application services: Qt-free work that needs several core packages at once (recording, speech,
triage, store), used by both the GUI and the command line."""
