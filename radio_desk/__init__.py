"""Radio Desk: record, transcribe, triage and forward citizens' complaints taken on local radio."""

__version__ = "0.1.0"
