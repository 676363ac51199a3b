"""Sample complaints for demos, tests and benchmarks: our own texts (Indonesian, some Javanese), places
from the home regency's gazetteer, statuses along the lifecycle with their status events."""

from __future__ import annotations

import random
from datetime import timedelta

from radio_desk.domain import (
    Case,
    Channel,
    Recording,
    RecordingState,
    Status,
    TranscriptSegment,
    Urgency,
    utcnow,
)
from radio_desk.domain.lifecycle import TRANSITIONS

# (category, urgency, summary, transcript sentences); "{desa}" is filled with the place.
TEMPLATES: list[tuple[str, Urgency, str, list[str]]] = [
    ("jalan", Urgency.TINGGI, "Jalan poros desa {desa} berlubang besar, sudah ada pengendara jatuh",
     ["Halo mas, saya mau lapor jalan di desa {desa}.", "Lubangnya gede banget, kemarin ada motor jatuh.",
      "Mohon segera diperbaiki sebelum musim hujan."]),
    ("jalan", Urgency.SEDANG, "Dalan ing {desa} rusak, aspal ngelupas",
     ["Kulo badhe matur, dalane ing {desa} rusak parah.",
      "Aspale wis ngelupas kabeh, yen udan dadi blethok."]),
    ("air_bersih", Urgency.TINGGI, "Air PDAM di {desa} mati tiga hari",
     ["Mas, air PDAM di {desa} sudah mati tiga hari.", "Warga terpaksa beli air galon untuk masak."]),
    ("drainase", Urgency.SEDANG, "Saluran air di {desa} mampet, banjir tiap hujan",
     ["Selokan di dekat pasar {desa} mampet sampah.", "Setiap hujan airnya meluap ke rumah warga."]),
    ("pju", Urgency.RENDAH, "Lampu penerangan jalan di {desa} padam sebulan",
     ["Lampu PJU di perempatan {desa} sudah mati sebulan.", "Malam jadi gelap, rawan begal."]),
    ("kesehatan", Urgency.TINGGI, "Puskesmas dekat {desa} kekurangan obat, antrean panjang",
     ["Saya dari {desa}, di puskesmas obatnya sering habis.",
      "Antrenya dari subuh mas, kasihan yang sepuh."]),
    ("adminduk", Urgency.RENDAH, "E-KTP warga {desa} belum jadi setelah tiga bulan",
     ["Mau tanya, KTP elektronik saya sudah tiga bulan belum jadi.", "Katanya blankonya habis terus."]),
    ("lalu_lintas", Urgency.DARURAT, "Kecelakaan di jalan raya {desa}, korban butuh ambulans",
     ["Tolong mas, ada kecelakaan truk sama motor di {desa}.", "Korbannya masih di jalan, butuh ambulans."]),
    ("lingkungan", Urgency.SEDANG, "Sampah menumpuk di pinggir jalan {desa}",
     ["Sampah di pinggir jalan {desa} numpuk, baunya sampai ke rumah.", "Truk sampah tidak pernah lewat."]),
    ("pendidikan", Urgency.SEDANG, "Atap SD di {desa} bocor, murid belajar di teras",
     ["Atap SD negeri di {desa} bocor parah.", "Kalau hujan anak-anak belajar di teras."]),
    ("sosial", Urgency.SEDANG, "Bantuan sosial untuk lansia di {desa} tidak tepat sasaran",
     ["Bansos di {desa} kok yang dapat malah orang mampu.", "Mbah-mbah yang butuh malah tidak dapat."]),
    ("listrik", Urgency.SEDANG, "Listrik di {desa} sering padam malam hari",
     ["Listrike ing {desa} asring mati yen bengi.", "Kulkas warung kula rusak mergo byar pet."]),
]  # fmt: skip

NAMES = ["Pak Slamet", "Bu Sri", "Mas Joko", "Mbak Wulan", "Pak Darmo", "Bu Endang", "Mas Bayu", "Pak Karno"]
OPERATORS = ["penyiar", "editor", "koordinator"]


def _walk_status(rng: random.Random) -> list[Status]:
    """A plausible path along the lifecycle from baru."""
    path = [Status.BARU]
    while rng.random() < 0.65:
        options = sorted(TRANSITIONS[path[-1]] - set(path[-1:]), key=list(Status).index)
        if not options:
            break
        forward = [s for s in options if not s.is_closed or s == Status.SELESAI]
        nxt = forward[0] if forward and rng.random() < 0.85 else rng.choice(options)
        if nxt in path:
            break
        path.append(nxt)
    return path


def make_case(
    rng: random.Random, villages: list, station: str, days: int = 42
) -> tuple[Case, list[str], list[Status]]:
    category, urgency, summary, sentences = rng.choice(TEMPLATES)
    village = rng.choice(villages)
    received = utcnow() - timedelta(seconds=rng.randrange(days * 86400))
    anonim = rng.random() < 0.1
    case = Case(
        station=station,
        received_at=received,
        created_at=received,
        updated_at=received,
        channel=rng.choice(list(Channel)),
        caller_name=rng.choice(NAMES),
        phone=f"08{rng.choice('157')}{rng.randrange(10**8, 10**9)}",
        anonim=anonim,
        rahasia=rng.random() < 0.03,
        kecamatan_code=village.parent_code,
        desa_code=village.code,
        category=category,
        urgency=urgency,
        summary=summary.format(desa=village.name),
    )
    return case, [s.format(desa=village.name) for s in sentences], _walk_status(rng)


def seed_store(
    store, n: int, *, seed: int = 1, station: str = "demo-fm", regency: str = "35.22", days: int = 42
) -> int:  # type: ignore[no-untyped-def]
    """Add ``n`` sample cases with a recording, transcript and status history; returns ``n``."""
    from radio_desk.domain import Station

    rng = random.Random(seed)
    store.stations.upsert(Station(station, "Radio Demo FM", regency))
    villages = store.gazetteer.villages_of_regency(regency)
    for _ in range(n):
        case, sentences, path = make_case(rng, villages, station, days)
        case = store.cases.create(case, by=rng.choice(OPERATORS))
        rec = store.recordings.add(
            Recording(case_id=case.id, path=f"demo/{case.id}.wav", state=RecordingState.COMPLETE,
                      started_at=case.received_at, duration_s=4.0 * len(sentences))
        )  # fmt: skip
        store.segments.replace_for_recording(
            rec.id,
            [
                TranscriptSegment(rec.id, 4.0 * i, 4.0 * i + 3.8, s, engine="demo")
                for i, s in enumerate(sentences)
            ],
        )
        at = case.received_at
        for status in path[1:]:
            at += timedelta(hours=rng.randrange(1, 72))
            opd = store.taxonomy.default_opd(case.category) if status == Status.DITERUSKAN else None
            store.cases.change_status(
                case.id, status, by=rng.choice(OPERATORS), at=min(at, utcnow()), opd=opd
            )
    return n
