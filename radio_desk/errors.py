"""Errors a user can read.

Every failure the operator, editor or coordinator may meet is raised as a :class:`RadioDeskError`
whose message is plain Indonesian (the interface language) and names the thing at fault.  The CLI
prints it without a traceback; the GUI shows it in the status bar or next to the field.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


class RadioDeskError(Exception):
    """Base class: ``str(err)`` is a complete, human Indonesian sentence."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field  # the form field at fault, when there is one

    def __str__(self) -> str:
        return self.message


class ValidationError(RadioDeskError):
    """Bad input in a case, a form or a command-line argument."""


class NotFoundError(RadioDeskError):
    """A case, recording or file that does not exist."""


class IllegalTransition(ValidationError):
    """A status change that the complaint lifecycle does not allow."""


class AudioError(RadioDeskError):
    """Capture, playback or audio-file problems."""


class ModelError(RadioDeskError):
    """A speech model that is missing, corrupt or cannot be loaded."""


class StoreError(RadioDeskError):
    """The local database could not be read or written: disk full, damaged or empty file, no permission.
    ``kind`` says which ("full", "corrupt", "empty", "readonly", ...)."""

    def __init__(self, message: str, *, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind


class SyncError(RadioDeskError):
    """The central server could not be reached or refused a request."""


class PermissionDenied(RadioDeskError):
    """The person at the desk may not do this (e.g. only a coordinator reopens a final case)."""


def run_command(prog: str, handler: Callable[[Any], int | None], args: Any) -> int:
    """A command line's exit status for ``handler(args)`` (None counts as 0): a RadioDeskError is
    printed to stderr as ``prog: sentence`` with status 2, never as a traceback; Ctrl+C gives 130."""
    try:
        return int(handler(args) or 0)
    except RadioDeskError as err:
        print(f"{prog}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
