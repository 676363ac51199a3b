"""The transcripts of the desk's calls and the transcript pane: one :class:`CallTranscriber` a call
(live while it is on air when the engine and the settings allow, else from the file after it), its
text kept in the :class:`Call` as it comes, shown for the call the form describes, and stored with
the case once the case is saved."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from radio_desk.audio.recorder import fmt_clock
from radio_desk.audio.stream import AudioSubscription
from radio_desk.domain import Recording
from radio_desk.gui.onair.transcription import CallTranscriber, options_for
from radio_desk.services.calls import Call, store_segments
from radio_desk.transcribe.engine import Segment

if TYPE_CHECKING:
    from radio_desk.gui.onair.desk import OnAirDesk


class CallTranscripts(QObject):
    def __init__(self, desk: OnAirDesk) -> None:
        super().__init__(desk)
        self.desk, self.engine = desk, desk.engine
        self.transcribers: dict[uuid.UUID, CallTranscriber] = {}
        self.shown: Call | None = None  # the call whose transcript the pane shows
        self.engine.state_changed.connect(self._on_engine_state)
        desk.ui.transcriptStateLabel.setText("")

    # -- a call's transcriber ----------------------------------------------------------------
    def begin(self, call: Call, rec: Recording, sub: AudioSubscription) -> None:
        """``call`` is on air: its transcript follows the recorder's audio (``sub``) when it can."""
        settings = self.desk.settings
        tr = CallTranscriber(
            self.engine, options_for(settings), live=bool(settings["asr_live"]),
            channel_map=rec.channel_map, parent=self.desk,
        )  # fmt: skip
        self._wire(call, tr)
        tr.begin(sub)
        self.show(call)
        self.desk.ui.transcriptStateLabel.setText(
            self.tr("Live transcript running.") if tr.is_live else self.no_live_reason()
        )

    def after(self, call: Call) -> None:
        """A restored call without its transcript: make it from the file."""
        tr = CallTranscriber(self.engine, options_for(self.desk.settings), live=False, parent=self.desk)
        self._wire(call, tr)
        if call.recording is not None:
            tr.end(call.recording)

    def end(self, call: Call, rec: Recording) -> None:
        """``call``'s recording ended: its transcript is finished (or made from the file now)."""
        tr = self.transcribers.get(call.case_id)
        if tr is None:
            return
        if not tr.is_live:
            self.desk.ui.transcriptStateLabel.setText(
                self.tr("Transcribing the call…") if self.engine.engine else self.no_live_reason()
            )
        tr.end(rec)

    def drop(self, call: Call) -> None:
        """``call`` was thrown away: its transcript is not wanted any more."""
        tr = self.transcribers.pop(call.case_id, None)
        if tr is not None:
            tr.cancel()

    def cancel_all(self) -> None:
        for tr in self.transcribers.values():
            tr.cancel()

    def no_live_reason(self) -> str:
        if self.engine.state == "loading":
            return self.tr("Speech model still loading: the transcript follows after the call.")
        if self.engine.state == "failed":
            return self.tr("No transcript: the speech model failed to load (%s).") % self.engine.detail
        return self.tr("The transcript follows after the call.")

    def _engine_names(self, call: Call) -> None:
        engine = self.engine.engine
        call.engine = getattr(engine, "name", "") if engine else ""
        call.model = getattr(engine, "model_name", "") if engine else ""

    def _wire(self, call: Call, tr: CallTranscriber) -> None:
        desk, view, state = self.desk, self.desk.ui.transcriptView, self.desk.ui.transcriptStateLabel
        self.transcribers[call.case_id] = tr
        self._engine_names(call)

        def partial(seg: Segment) -> None:
            call.partial = seg
            if self.shown is call:
                view.set_partial(seg)
            desk.suggestions.schedule()

        def final(seg: Segment) -> None:
            call.segments.append(seg)
            call.partial = None
            if self.shown is call:
                view.add_final(seg)
            desk.suggestions.schedule()
            desk.drafts.schedule()

        def finished(segs: list[Segment]) -> None:
            call.segments, call.partial, call.transcript_done = list(segs), None, True
            if self.engine.engine is not None:
                self._engine_names(call)
            self.transcribers.pop(call.case_id, None)
            if self.shown is call:
                view.set_segments(call.segments)
                state.setText(self.tr("Transcript complete (%n segment(s)).", "", len(segs)))
            if call.saved:
                store = desk.store
                desk.runner.submit(lambda: store_segments(store, call), None, desk.store_error)
            desk.suggestions.schedule()
            desk.drafts.save()

        def failed(reason: str) -> None:
            if self.shown is call:
                state.setText(self.tr("Transcript failed: %s") % reason)

        tr.partial.connect(partial)
        tr.final.connect(final)
        tr.finished.connect(finished)
        tr.failed.connect(failed)

    def _on_engine_state(self, state: str, _detail: str) -> None:
        if state == "ready":
            for tr in list(self.transcribers.values()):
                tr.engine_ready()
        elif state == "failed":
            for tr in list(self.transcribers.values()):
                if tr.waiting_for_engine:
                    tr.waiting_for_engine = False
                    tr.failed.emit(self.engine.detail)

    # -- the pane ----------------------------------------------------------------------------
    def show(self, call: Call | None) -> None:
        """The transcript of ``call`` in the pane (``None``: an empty form)."""
        self.shown = call
        ui = self.desk.ui
        ui.transcriptView.clear_call()
        if call is not None:
            ui.transcriptView.set_segments(call.segments, call.partial)
            if call.transcript_done:
                ui.transcriptStateLabel.setText(
                    self.tr("Transcript complete (%n segment(s)).", "", len(call.segments))
                )
        else:  # an empty form: no transcript state, and the clock starts again at zero
            ui.transcriptStateLabel.setText("")
            if self.desk.live_call is None:
                ui.elapsedLabel.setText(fmt_clock(0))
