"""Realistic sample cases and status histories for the report's tests, benchmarks and screenshots."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from radio_desk.domain import Case, Channel, Status, StatusEvent, Urgency
from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.domain.taxonomy import get_taxonomy

NAMES = (
    "Siti Aminah",
    "Budi Santoso",
    "Sri Wahyuni",
    "Ahmad Fauzi",
    "Dwi Lestari",
    "Mbah Karto",
    "Ny. Suparmi",
    "Agus Prasetyo",
    "Rina Marlina",
    "Hj. Umi Kulsum",
    "Joko Susilo",
    "Étienne Pérez",
    "Muhammad Rizqi Ḥasan",
    "Dewi Ayu Ñoviani",
)
SUMMARIES = (
    "Jalan berlubang di depan balai desa, sudah tiga bulan belum diperbaiki.",
    "Lampu penerangan jalan mati sepanjang 500 meter, rawan kecelakaan malam hari.",
    "Air PDAM tidak mengalir sejak Senin, warga membeli air galon.",
    "Pengurusan KTP elektronik belum jadi setelah dua bulan.",
    "Sampah menumpuk di pasar, bau sampai ke permukiman.",
    "Pasien BPJS ditolak di puskesmas karena kartu tidak aktif.",
    "Saluran irigasi tersumbat, sawah terancam gagal panen.",
)


def sample_cases(
    n: int, start: date, days: int = 7, seed: int = 7, stations: tuple[str, ...] = ("malowopati-fm",)
) -> tuple[list[Case], list[StatusEvent]]:
    rnd = random.Random(seed)
    tax, gaz = get_taxonomy(), get_gazetteer()
    kecs = gaz.kecamatan_of(tax.regency_code)
    cats = list(tax.categories)
    cases: list[Case] = []
    events: list[StatusEvent] = []
    t0 = datetime(start.year, start.month, start.day, tzinfo=UTC) - timedelta(hours=7)  # 00.00 WIB
    for i in range(n):
        received = t0 + timedelta(seconds=rnd.randrange(days * 86400))
        kec = rnd.choice(kecs)
        desa = rnd.choice(gaz.desa_of(kec.code) or [kec])
        cat = rnd.choice(cats)
        anonim = rnd.random() < 0.15
        c = Case(
            station=rnd.choice(stations),
            received_at=received,
            channel=rnd.choice(list(Channel)),
            caller_name=rnd.choice(NAMES),
            phone=f"+628{rnd.randrange(11, 99)}{rnd.randrange(10**7, 10**8)}",
            anonim=anonim,
            rahasia=rnd.random() < 0.08,
            kecamatan_code=kec.code,
            desa_code=desa.code if desa.level == "village" else None,
            category=cat,
            urgency=rnd.choices(list(Urgency), weights=(3, 5, 2, 0.5))[0],
            summary=rnd.choice(SUMMARIES),
            notes=f"Pelapor bisa dihubungi di 0812-{rnd.randrange(1000, 9999)}-{rnd.randrange(1000, 9999)}."
            if i % 5 == 0
            else "",
            opd=tax.default_opd(cat),
        )
        path = [Status.BARU]
        r = rnd.random()
        chain = [Status.TERVERIFIKASI, Status.DITERUSKAN, Status.DIPROSES, Status.SELESAI]
        steps = 0 if r < 0.15 else 1 if r < 0.25 else 2 if r < 0.5 else 3 if r < 0.7 else 4
        path += chain[:steps]
        if steps == 0 and rnd.random() < 0.3:
            path.append(Status.DUPLIKAT)
        at = received
        prev = None
        for s in path:
            events.append(StatusEvent(c.id, prev, s, at, by="operator"))
            prev = s
            at += timedelta(hours=rnd.choice((2, 6, 20, 30, 50, 90, 130, 200)))
        c.status = path[-1]
        cases.append(c)
    return cases, events
