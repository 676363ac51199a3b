"""The domain's labels as the interface shows them: Indonesian in the Indonesian interface (the same
words as the reports, :mod:`radio_desk.domain.enums`), English in the English one.  Sources are
English, like every other UI string; ``resources/translations/onair_id.ts`` (context ``DataLabels``)
gives the Indonesian, which a test holds equal to the domain's own labels."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from radio_desk.domain.enums import Channel, Speaker, Status, Urgency

CONTEXT = "DataLabels"

STATUS = {
    Status.BARU: QT_TRANSLATE_NOOP("DataLabels", "New"),
    Status.TERVERIFIKASI: QT_TRANSLATE_NOOP("DataLabels", "Verified"),
    Status.DITERUSKAN: QT_TRANSLATE_NOOP("DataLabels", "Forwarded to the OPD"),
    Status.DIPROSES: QT_TRANSLATE_NOOP("DataLabels", "In progress"),
    Status.SELESAI: QT_TRANSLATE_NOOP("DataLabels", "Done"),
    Status.BUKAN_WEWENANG: QT_TRANSLATE_NOOP("DataLabels", "Not our responsibility"),
    Status.DUPLIKAT: QT_TRANSLATE_NOOP("DataLabels", "Duplicate"),
    Status.DITOLAK: QT_TRANSLATE_NOOP("DataLabels", "Rejected"),
}
URGENCY = {
    Urgency.RENDAH: QT_TRANSLATE_NOOP("DataLabels", "Low"),
    Urgency.SEDANG: QT_TRANSLATE_NOOP("DataLabels", "Medium"),
    Urgency.TINGGI: QT_TRANSLATE_NOOP("DataLabels", "High"),
    Urgency.DARURAT: QT_TRANSLATE_NOOP("DataLabels", "Emergency"),
}
CHANNEL = {
    Channel.ON_AIR: QT_TRANSLATE_NOOP("DataLabels", "On-air call"),
    Channel.SMS: QT_TRANSLATE_NOOP("DataLabels", "SMS"),
    Channel.WHATSAPP: QT_TRANSLATE_NOOP("DataLabels", "WhatsApp"),
    Channel.WALK_IN: QT_TRANSLATE_NOOP("DataLabels", "Walk-in"),
}
SPEAKER = {
    Speaker.PENELEPON: QT_TRANSLATE_NOOP("DataLabels", "Caller"),  # channel 1 of a split recording
    Speaker.PENYIAR: QT_TRANSLATE_NOOP("DataLabels", "Host"),  # channel 2
}
BUNDLED = QT_TRANSLATE_NOOP("DataLabels", "bundled")  # the model shipped with the app ("bawaan")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_label(status: Status | str) -> str:
    return _tr(STATUS[Status(status)])


def urgency_label(urgency: Urgency | str) -> str:
    return _tr(URGENCY[Urgency(urgency)])


def channel_label(channel: Channel | str) -> str:
    return _tr(CHANNEL[Channel(channel)])


def speaker_label(speaker: Speaker | str | None) -> str:
    """ "Penelepon" → "Caller" in English; an unknown or empty speaker as it is."""
    try:
        return _tr(SPEAKER[Speaker(speaker)])
    except ValueError:
        return speaker or ""


def model_label(label: str) -> str:
    """ "whisper-base (bawaan)" → "whisper-base (bundled)" in English; other names as they are."""
    return label.replace("(bawaan)", f"({_tr(BUNDLED)})")
