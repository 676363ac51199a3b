"""PortAudio's and libsndfile's English error texts as Indonesian reasons the operator can act on.

``sounddevice`` raises ``PortAudioError`` with PortAudio's ``Pa_GetErrorText`` (``"Invalid sample
rate [PaErrorCode -9997]"``, ``"Error querying device -1"`` when there is no default input);
``soundfile`` raises ``LibsndfileError`` with ``sf_strerror`` (``"Error opening 'x.wav': Format not
recognised."``).  Known texts are matched by a fragment; an unknown one keeps its original words after
a general Indonesian sentence (for the log and for support), so nothing is hidden.
"""

from __future__ import annotations

# fragment of PortAudio's / sounddevice's text (lower case) → Indonesian reason
PORTAUDIO: tuple[tuple[str, str], ...] = (
    ("error querying device -1", "tidak ada perangkat input bawaan (mixer atau mikrofon belum terpasang)"),
    ("error querying device", "perangkat audio itu tidak ada lagi (dicabut atau dimatikan)"),
    ("no input device matching", "perangkat input dengan nama itu tidak ditemukan"),
    ("multiple input devices found", "ada beberapa perangkat input dengan nama itu; pilih dari daftar"),
    ("invalid sample rate", "laju sampel tidak didukung perangkat"),
    ("invalid number of channels", "jumlah kanal tidak didukung perangkat"),
    ("sample format not supported", "format sampel tidak didukung perangkat"),
    ("device unavailable", "perangkat sedang tidak tersedia (dipakai program lain atau dicabut)"),
    ("device or resource busy", "perangkat sedang dipakai program lain"),
    ("invalid device", "perangkat tidak dikenal sistem audio"),
    ("illegal combination of i/o devices", "perangkat input dan output tidak bisa dipakai bersama"),
    ("timed out", "perangkat tidak menjawab tepat waktu"),
    ("insufficient memory", "memori komputer tidak cukup"),
    ("portaudio not initialized", "sistem audio belum siap"),
    ("unanticipated host error", "galat dari driver audio sistem"),
    ("internal portaudio error", "galat di dalam sistem audio"),
    ("stream is stopped", "aliran audio sudah berhenti"),
    ("bad stream pointer", "aliran audio sudah ditutup"),
)

LIBSNDFILE: tuple[tuple[str, str], ...] = (
    ("format not recognised", "format berkasnya tidak dikenali"),
    ("unknown format", "format berkasnya tidak dikenali"),
    ("unimplemented format", "format berkasnya belum didukung"),
    ("file is malformed", "berkasnya rusak"),
    ("malformed", "berkasnya rusak"),
    ("unsupported encoding", "pengodean audionya tidak didukung"),
    ("file has no data", "berkasnya tidak berisi audio"),
    ("no such file", "berkasnya tidak ada"),
    ("permission denied", "berkasnya tidak boleh dibaca (izin ditolak)"),
    ("system error", "galat sistem saat membaca berkas"),
    ("unspecified internal error", "galat di dalam pustaka audio"),
    ("unexpected end of file", "berkasnya terpotong (tidak lengkap)"),
)


def _explain(err: BaseException | str, table: tuple[tuple[str, str], ...], general: str) -> str:
    text = str(err).strip()
    low = text.lower()
    for fragment, reason in table:
        if fragment in low:
            return reason
    return f"{general} (pesan sistem: {text})" if text else general


def portaudio_reason(err: BaseException | str) -> str:
    """Why PortAudio could not do it, in Indonesian (lower case, no final full stop)."""
    return _explain(err, PORTAUDIO, "galat sistem audio")


def libsndfile_reason(err: BaseException | str) -> str:
    """Why libsndfile could not read or write a file, in Indonesian (lower case, no final full stop)."""
    return _explain(err, LIBSNDFILE, "berkas audio tidak bisa dibaca")


def audio_error_text(err: BaseException | str) -> str:
    """What to show for any failure of the audio layer: the app's own (already Indonesian) message as
    it is, PortAudio's and libsndfile's translated, anything else with its class name."""
    if isinstance(err, str):
        return err
    from radio_desk.errors import RadioDeskError

    if isinstance(err, RadioDeskError):
        return str(err)
    name = type(err).__name__
    if name == "PortAudioError":
        return f"Audio tidak bisa dipakai: {portaudio_reason(err)}."
    if name in ("LibsndfileError", "SoundFileError", "SoundFileRuntimeError"):
        return f"Berkas audio tidak bisa dipakai: {libsndfile_reason(err)}."
    return f"Galat audio ({name}): {err}" if str(err) else f"Galat audio ({name})."
