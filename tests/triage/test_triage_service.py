"""The triage service over a case source: retraining when confirmations accumulate, related cases."""

from __future__ import annotations

import threading
from datetime import timedelta

from test_triage_learning import PROBE, confirmed_cases

from radio_desk.domain.models import Case, utcnow
from radio_desk.triage import learning
from radio_desk.triage.learning import Learner
from radio_desk.triage.service import TriageService


class ListSource:
    """Cases in memory, answering like the store does."""

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []
        self.cases: list[tuple[Case, str]] = []

    def confirmed_pairs(self):
        return list(self.pairs)

    def cases_by_phone(self, phone):
        return [c for c, _ in self.cases if c.phone == phone]

    def recent_cases(self, desa_code, category, since):
        return [
            (c, t)
            for c, t in self.cases
            if c.desa_code == desa_code and c.category == category and c.received_at >= since
        ]


def test_service_retrains_after_enough_confirmations_and_uses_the_new_model(bojonegoro):
    from radio_desk.triage.suggest import Suggester

    source = ListSource()
    service = TriageService(source, Suggester(bojonegoro.taxonomy, "35.22"), Learner())
    assert service.suggest(PROBE).categories[0].code == "ketertiban"
    source.pairs = confirmed_cases()[: learning.MIN_CASES - 1]
    assert service.retrain_if_needed() is False  # too few yet
    source.pairs = confirmed_cases()
    # the GUI runs this in a worker thread
    done = []
    worker = threading.Thread(target=lambda: done.append(service.retrain_if_needed()))
    worker.start()
    worker.join(timeout=30)
    assert done == [True]
    assert service.suggest(PROBE).categories[0].code == "lingkungan"
    assert service.retrain_if_needed() is False  # nothing new since
    # the next start of the app picks the saved model up
    restarted = TriageService(source, Suggester(bojonegoro.taxonomy, "35.22"), Learner())
    assert restarted.suggest(PROBE).categories[0].code == "lingkungan"


def test_confirmations_retrain_in_the_background(bojonegoro):
    from radio_desk.triage.suggest import Suggester

    source = ListSource()
    service = TriageService(source, Suggester(bojonegoro.taxonomy, "35.22"), Learner())
    source.pairs = confirmed_cases()[:5]
    worker = service.retrain_in_background()  # too few confirmations: checks and leaves the model alone
    assert worker is not None
    worker.join(timeout=30)
    assert service.suggester.model is None
    source.pairs = confirmed_cases()
    worker = service.retrain_in_background()
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert service.suggester.model is not None and service.suggester.model.n_trained == len(source.pairs)
    assert service.suggest(PROBE).categories[0].code == "lingkungan"


def test_service_related_cases():
    source = ListSource()
    desa = "35.22.16.2020"
    old_call = Case(
        phone="+6281200000001",
        summary="jalan berlubang dekat masjid leran",
        desa_code=desa,
        category="jalan",
        received_at=utcnow() - timedelta(days=4),
    )
    source.cases = [(old_call, "jalan di leran berlubang besar dekat masjid, motor sering jatuh")]
    service = TriageService(source, learner=Learner())
    got = service.related(
        "lubang besar di jalan dekat masjid leran", phone="+6281200000001", desa_code=desa, category="jalan"
    )
    assert [c.id for c in got.repeat_caller] == [old_call.id]
    assert [r.case.id for r in got.duplicates] == [old_call.id]
    nothing = service.related("x", phone=None, desa_code=None, category=None)
    assert nothing.repeat_caller == () and nothing.duplicates == ()
