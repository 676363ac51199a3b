"""Reopening a final case: only a coordinator, always with a reason; the status history says who and
why, a duplicate loses its original link (kept in the field history), the server is told."""

from __future__ import annotations

import json
import logging

import pytest

from radio_desk.domain import Case, Status
from radio_desk.errors import IllegalTransition, PermissionDenied, ValidationError
from radio_desk.services.case_status import reopen_case
from radio_desk.store import open_store
from radio_desk.store.models import OutboxRow


def test_only_a_coordinator_reopens_a_duplicate_with_a_reason(tmp_path, caplog):
    store = open_store(tmp_path / "desk.sqlite3")
    original = store.cases.create(Case(station="lokal", summary="Jembatan putus"), by="Sari")
    dup = store.cases.create(Case(station="lokal", summary="Jembatan putus lagi"), by="Sari")
    store.cases.change_status(dup.id, Status.DUPLIKAT, by="Sari", duplicate_of=original.id)

    with caplog.at_level(logging.WARNING), pytest.raises(PermissionDenied, match="koordinator"):
        reopen_case(store, dup.id, by="Sari", role="editor", reason="bukan duplikat")
    assert f"reopen refused: case {dup.id}, role editor" in caplog.text
    assert "bukan duplikat" not in caplog.text  # the log names who and what, not the text
    with pytest.raises(ValidationError, match="alasan"):
        reopen_case(store, dup.id, by="Rina", role="koordinator", reason=" ")
    with pytest.raises(IllegalTransition, match="belum final"):
        reopen_case(store, original.id, by="Rina", role="koordinator", reason="x")

    event = reopen_case(store, dup.id, by="Rina", role="koordinator", reason="lokasinya lain desa")
    case = store.cases.get(dup.id)
    assert case.status == Status.TERVERIFIKASI and case.duplicate_of is None
    assert (event.from_status, event.by, event.note) == (
        Status.DUPLIKAT,
        "Rina",
        "Dibuka kembali: lokasinya lain desa",
    )
    assert any(ch.field == "duplicate_of" and ch.by == "Rina" for ch in store.cases.history(dup.id))
    with store.read() as s:
        sent = [json.loads(r.payload) for r in s.query(OutboxRow).filter_by(case_id=dup.id, kind="status")]
    assert sent[-1]["from"] == "duplikat" and sent[-1]["to"] == "terverifikasi" and sent[-1]["by"] == "Rina"
    store.close()
