"""The calls the On-Air desk keeps track of, and which of them the intake form shows.  No Qt here.

* ``form_call``: the call the intake form describes (``None``: an empty form, or ``editing``, an
  existing case opened from today's list);
* ``live_call``: the call being recorded: the form's call, or a new one started while the previous
  form was still open;
* ``parked``: calls waiting for the form, oldest first (their typed values in ``Call.form``).

The widget (:class:`radio_desk.gui.onair.desk.OnAirDesk`) asks the book what to show and hands it
what the recorder and the form did; the book decides.  Tests drive it without a window.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from typing import Any

from radio_desk.domain import Case, Recording
from radio_desk.services.calls import Call

FormValues = dict[str, Any]


class CallBook:
    def __init__(self) -> None:
        self.form_call: Call | None = None
        self.editing: Case | None = None
        self.live_call: Call | None = None
        self.parked: list[Call] = []

    # -- recording ---------------------------------------------------------------------------
    def start(self, call: Call) -> None:
        """``call`` went on air: it takes an empty form, else it waits for the open one."""
        self.live_call = call
        if self.form_call is None and self.editing is None:
            self.form_call = call  # an empty form, or one typed before pressing Record: this call's
        else:
            self.parked.append(call)  # the previous call's form stays open; this one waits for it

    def started(self, rec: Recording) -> Call:
        """The recorder has the call's first audio: the call on air holds ``rec``."""
        call = self.live_call
        if call is None:  # cannot happen; keep the audio anyway
            call = self.live_call = Call(case_id=rec.case_id or uuid.uuid4())
            self.parked.append(call)
        call.recording = rec
        return call

    def stopped(self, rec: Recording) -> Call | None:
        """The recording ended: the call is no longer on air (``None``: there was none)."""
        call, self.live_call = self.live_call, None
        if call is not None:
            call.recording = rec
        return call

    def start_failed(self) -> None:
        """The recorder never started: the call that was to be recorded goes."""
        call = self.live_call
        if call is None or call.recording is not None:
            return
        self.live_call = None
        if self.form_call is call:
            self.form_call = None
        if call in self.parked:
            self.parked.remove(call)

    # -- the form ----------------------------------------------------------------------------
    def call_to_save(self) -> Call | None:
        """What saving the form writes with its case: the form's call, without its recording while
        the call is still on air (that is attached when it stops)."""
        call = self.form_call
        if call is None or call is not self.live_call:
            return call
        return dataclasses.replace(call, recording=None)

    def mark_saved(self, call: Call | None) -> None:
        """The form was saved: ``call``'s case is in the store (then :meth:`next_form`)."""
        if call is not None:
            call.saved = True

    def next_form(self) -> Call | None:
        """An empty form for the next call: the one on air first, else the oldest waiting."""
        self.editing = None
        self.form_call = None
        if self.live_call is not None and self.live_call in self.parked:
            nxt: Call | None = self.live_call
        else:
            nxt = self.parked[0] if self.parked else None
        if nxt is not None:
            self.parked.remove(nxt)
            self.form_call = nxt
        return nxt

    def park(self, values: FormValues | None) -> bool:
        """Ctrl+N: put the form's call aside with its ``values`` (``None``: the form is empty) for an
        empty form.  ``False``: the call on air keeps its empty form, nothing changes."""
        call = self.form_call
        if call is not None and values is not None:
            call.form = values
            self.parked.append(call)
        elif call is not None and call is self.live_call:
            return False
        self.editing = None
        self.form_call = None
        return True

    def open_case(self, case: Case, values: FormValues) -> None:
        """An existing case in the form; the form's own call waits with its ``values``."""
        if self.form_call is not None:
            self.form_call.form = values
            if self.form_call not in self.parked:
                self.parked.append(self.form_call)
            self.form_call = None
        self.editing = case

    def discard(self, call: Call) -> None:
        """``call`` is thrown away (its case marked discarded): it leaves the book."""
        if self.form_call is call:
            self.form_call = None
        if call in self.parked:
            self.parked.remove(call)

    @property
    def waiting(self) -> int:
        return len(self.parked)

    def unsaved(self) -> list[Call]:
        return [c for c in [self.form_call, *self.parked] if c is not None and not c.saved]

    # -- the draft ---------------------------------------------------------------------------
    def draft(self, values: FormValues, form_empty: bool, now: datetime) -> dict[str, Any] | None:
        """What the autosave keeps (``None``: nothing to keep)."""
        calls = self.unsaved()
        if form_empty and not calls and self.editing is None:
            return None
        return {
            "saved_at": now.isoformat(timespec="seconds"),
            "form": values,
            "form_call": str(self.form_call.case_id) if self.form_call else None,
            "editing": str(self.editing.id) if self.editing else None,
            "calls": [c.to_dict() for c in calls],
        }

    def restore(self, draft: dict[str, Any], calls: list[Call], editing: Case | None) -> list[Call]:
        """Take back a draft's calls; those whose transcript is still to be made (returned)."""
        by_id = {c.case_id: c for c in calls}
        form_id = draft.get("form_call")
        self.form_call = by_id.pop(uuid.UUID(form_id), None) if form_id else None
        self.parked = [c for c in calls if self.form_call is None or c.case_id != self.form_call.case_id]
        self.editing = editing
        return [
            c
            for c in [self.form_call, *self.parked]
            if c is not None and c.recording is not None and not c.transcript_done
        ]
