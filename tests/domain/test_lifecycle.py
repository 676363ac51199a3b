from __future__ import annotations

import itertools

import pytest

from radio_desk.domain import Status, allowed_transitions, can_transition, check_transition
from radio_desk.errors import IllegalTransition


def test_happy_path():
    path = [Status.BARU, Status.TERVERIFIKASI, Status.DITERUSKAN, Status.DIPROSES, Status.SELESAI]
    for a, b in itertools.pairwise(path):
        check_transition(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [(Status.BARU, Status.SELESAI), (Status.DITOLAK, Status.BARU), (Status.DUPLIKAT, Status.DIPROSES),
     (Status.BARU, Status.BARU), (Status.BUKAN_WEWENANG, Status.TERVERIFIKASI)],
)  # fmt: skip
def test_illegal(a, b):
    assert not can_transition(a, b)
    with pytest.raises(IllegalTransition) as err:
        check_transition(a, b)
    assert err.value.field == "status"


def test_final_states_have_no_exit_but_selesai_reopens():
    for s in (Status.BUKAN_WEWENANG, Status.DUPLIKAT, Status.DITOLAK):
        assert allowed_transitions(s) == frozenset()
    assert can_transition(Status.SELESAI, Status.DIPROSES)


def test_forwarded_case_can_be_handed_back_for_forwarding_again():
    check_transition(Status.DITERUSKAN, Status.TERVERIFIKASI)
    check_transition(Status.DIPROSES, Status.TERVERIFIKASI)
    check_transition(Status.TERVERIFIKASI, Status.DITERUSKAN)
    assert not can_transition(Status.SELESAI, Status.TERVERIFIKASI)
    assert not can_transition(Status.BARU, Status.DITERUSKAN)


def test_every_status_reachable_from_baru():
    seen, todo = {Status.BARU}, [Status.BARU]
    while todo:
        for nxt in allowed_transitions(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    assert seen == set(Status)
