"""The closed vocabularies of a complaint: channel, urgency, status, recording state, speaker.

Values are stable lower-case codes (stored in databases and sent to the server); ``label`` is the
Indonesian name shown to users and printed in reports.
"""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    ON_AIR = "on_air"
    SMS = "sms"
    WHATSAPP = "whatsapp"
    WALK_IN = "walk_in"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]


_CHANNEL_LABELS = {
    Channel.ON_AIR: "Telepon siaran",
    Channel.SMS: "SMS",
    Channel.WHATSAPP: "WhatsApp",
    Channel.WALK_IN: "Datang langsung",
}


class Urgency(StrEnum):
    RENDAH = "rendah"
    SEDANG = "sedang"
    TINGGI = "tinggi"
    DARURAT = "darurat"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def rank(self) -> int:
        """1 (Rendah) to 4 (Darurat): the key the operator presses, and the sort order."""
        return list(Urgency).index(self) + 1

    @classmethod
    def from_rank(cls, rank: int) -> Urgency:
        return list(cls)[rank - 1]


class Status(StrEnum):
    BARU = "baru"
    TERVERIFIKASI = "terverifikasi"
    DITERUSKAN = "diteruskan"
    DIPROSES = "diproses"
    SELESAI = "selesai"
    BUKAN_WEWENANG = "bukan_wewenang"
    DUPLIKAT = "duplikat"
    DITOLAK = "ditolak"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_closed(self) -> bool:
        return self in CLOSED_STATUSES


_STATUS_LABELS = {
    Status.BARU: "Baru",
    Status.TERVERIFIKASI: "Terverifikasi",
    Status.DITERUSKAN: "Diteruskan ke OPD",
    Status.DIPROSES: "Diproses",
    Status.SELESAI: "Selesai",
    Status.BUKAN_WEWENANG: "Bukan wewenang",
    Status.DUPLIKAT: "Duplikat",
    Status.DITOLAK: "Ditolak",
}
CLOSED_STATUSES = frozenset({Status.SELESAI, Status.BUKAN_WEWENANG, Status.DUPLIKAT, Status.DITOLAK})


def label_of(kind: type[Channel | Urgency | Status], code: str) -> str:
    """The label of a stored or received ``code`` of ``kind``; the code itself when this version does
    not know it (a newer server's status, say)."""
    try:
        return kind(code).label
    except ValueError:
        return code


class RecordingState(StrEnum):
    RECORDING = "recording"  # being written; left like this only by a crash
    COMPLETE = "complete"
    INTERRUPTED = "interrupted"  # the device vanished mid-call; what was captured is kept
    RECOVERED = "recovered"  # repaired at start-up after a crash


class Speaker(StrEnum):
    PENELEPON = "Penelepon"  # caller, channel 1 of a split input (phone hybrid)
    PENYIAR = "Penyiar"  # host, channel 2 (studio microphone)
