"""The intake form's autosave: one JSON file in the data folder, written atomically.

A crash or ``kill -9`` at any moment leaves either the previous draft or the new one on disk, never a
half-written file (write to a temporary file, fsync, rename).  The draft names the call's recording,
so the next start restores the form *with* its (recovered) recording.  No Qt here.
"""

from __future__ import annotations

import contextlib
import json
import logging
from pathlib import Path
from typing import Any

from radio_desk.fsutil import write_json_atomic
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)

DRAFT_VERSION = 1


def default_draft_path() -> Path:
    return app_paths().data / "drafts" / "onair-draft.json"


class DraftStore:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_draft_path()

    def save(self, draft: dict[str, Any]) -> None:
        data = {"version": DRAFT_VERSION, **draft}
        write_json_atomic(self.path, data, tmp=self.path.with_suffix(".json.tmp"), default=str)

    def load(self) -> dict[str, Any] | None:
        """The saved draft, or ``None``; an unreadable file is kept aside (never deleted) and ignored."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as err:
            log.warning("draft %s unreadable (%s); kept as .broken", self.path, err)
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".broken.json"))
            return None
        if not isinstance(raw, dict):
            return None
        raw.pop("version", None)
        return raw

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
