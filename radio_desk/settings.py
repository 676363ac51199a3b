"""User settings, declared once as typed options (after MusicBrainz Picard's option registry).

Stored per user as JSON in the config folder, written atomically.  The file carries a ``version``;
``UPGRADES`` maps each older version to a function that migrates the raw dict, so an older settings
file upgrades without loss.  The server key is a secret: it lives in the OS keyring, or — where no
keyring exists (headless Linux, CI) — in a file readable only by the user, and the UI says which.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import math
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from radio_desk.domain.sms import DEFAULT_CLOSED_TEMPLATE, DEFAULT_SAVED_TEMPLATE, check_template
from radio_desk.errors import ValidationError
from radio_desk.fsutil import write_json_atomic
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2
KEYRING_SERVICE = "radio-desk"


@dataclass(frozen=True)
class Option:
    key: str
    default: Any
    type: type
    description: str
    choices: tuple[Any, ...] | None = None
    nullable: bool = False
    minimum: float | None = None
    maximum: float | None = None
    check: Callable[[Any], Any] | None = None  # validates and may normalise; raises ValidationError

    def coerce(self, value: Any) -> Any:
        if value is None:
            if self.nullable:
                return None
            raise ValidationError(f"Pengaturan {self.key} tidak boleh kosong.", field=self.key)
        try:
            if self.type is bool:
                value = _to_bool(value)
            elif not isinstance(value, self.type) or isinstance(value, bool) != (self.type is bool):
                value = self.type(value)
        except (TypeError, ValueError) as err:
            raise ValidationError(
                f"Nilai pengaturan {self.key} tidak valid: {value!r}.", field=self.key
            ) from err
        if self.type in (int, float) and not math.isfinite(value):
            raise ValidationError(f"Nilai pengaturan {self.key} tidak valid: {value!r}.", field=self.key)
        if self.minimum is not None and value < self.minimum:
            raise ValidationError(
                f"Pengaturan {self.key} paling kecil {self.minimum:g} (diberikan {value!r}).", field=self.key
            )
        if self.maximum is not None and value > self.maximum:
            raise ValidationError(
                f"Pengaturan {self.key} paling besar {self.maximum:g} (diberikan {value!r}).", field=self.key
            )
        if self.choices is not None and value not in self.choices:
            allowed = ", ".join(map(str, self.choices))
            raise ValidationError(f"Pengaturan {self.key} harus salah satu dari: {allowed}.", field=self.key)
        if self.check is not None:
            value = self.check(value)
        return value


_TRUE = {"1", "true", "yes", "ya", "on", "y"}
_FALSE = {"0", "false", "no", "tidak", "off", "n", ""}


def _to_bool(value: Any) -> bool:
    """``bool("false")`` is True; settings typed in a form or an old file must not be misread."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ValueError(f"not a yes/no value: {value!r}")


def _regency_code(value: str) -> str:
    """A kabupaten/kota of Jawa Timur by code or name ("35.13", "Probolinggo") → its code."""
    from radio_desk.domain.gazetteer import get_gazetteer
    from radio_desk.errors import NotFoundError

    try:
        return get_gazetteer().regency(value).code
    except (NotFoundError, ValidationError) as err:
        raise ValidationError(
            f"Kabupaten asal \u201c{value}\u201d tidak dikenal: isi kode (mis. 35.22 Bojonegoro, "
            "35.13 Probolinggo) atau nama kabupaten di Jawa Timur.",
            field="home_regency",
        ) from err


def _regency_days(value: str) -> str:
    """Extra days off of the regency, as typed ("2026-10-20, 2026-12-01") → sorted ISO dates."""
    from radio_desk.domain.workdays import regency_days_off

    return ", ".join(d.isoformat() for d in sorted(regency_days_off(value).extra))


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        # station
        Option("station_name", "", str, "Nama stasiun radio"),
        Option("station_code", "", str, "Kode stasiun di server pusat"),
        Option(
            "home_regency",
            "35.22",
            str,
            "Kode kabupaten asal stasiun (35.22 Bojonegoro, 35.13 Probolinggo)",
            check=_regency_code,
        ),
        Option("timezone", "Asia/Jakarta", str, "Zona waktu tampilan (WIB)"),
        Option(
            "regency_holidays",
            "",
            str,
            "Hari libur kabupaten di luar libur nasional dan cuti bersama, untuk batas waktu di laporan "
            "(tanggal ISO dipisah koma, mis. 2026-10-20)",
            check=_regency_days,
        ),
        Option("operator_name", "", str, "Nama operator yang sedang bertugas"),
        Option(
            "desk_role",
            "editor",
            str,
            "Peran meja ini: operator, editor atau koordinator (koordinator boleh membuka kembali aduan "
            "berstatus akhir)",
            choices=("operator", "editor", "koordinator"),
        ),
        # audio
        Option("audio_device", None, str, "Nama perangkat input audio", nullable=True),
        Option(
            "audio_samplerate",
            None,
            int,
            "Laju sampel (kosong = bawaan perangkat)",
            nullable=True,
            minimum=8000,
            maximum=384_000,
        ),
        Option("channel_map", "mono", str, "Pemetaan kanal", choices=("mono", "mix", "split")),
        Option("preroll_seconds", 10.0, float, "Pre-roll dalam detik", minimum=0.0, maximum=120.0),
        Option("archive_flac", True, bool, "Simpan rekaman sebagai FLAC setelah panggilan"),
        # transcription
        Option(
            "asr_engine",
            "faster-whisper",
            str,
            "Mesin transkripsi",
            choices=("faster-whisper", "openai-whisper"),
        ),
        Option("asr_model", None, str, "Model (kosong = whisper-base bawaan)", nullable=True),
        Option("asr_language", "id", str, "Bahasa", choices=("id", "jw", "auto")),
        Option("asr_live", True, bool, "Transkripsi langsung selama panggilan"),
        # sync
        Option("server_url", "", str, "Alamat server pusat Diskominfo"),
        Option("sync_enabled", True, bool, "Kirim aduan ke server pusat"),
        # SMS at the studio (a Gammu SMSD, files backend)
        Option("sms_inbox_dir", "", str, "Folder inbox Gammu SMSD (kosong = SMS tidak dibaca)"),
        Option("sms_outbox_dir", "", str, "Folder outbox Gammu SMSD, untuk balasan"),
        Option("sms_replies", False, bool, "Balas SMS pelapor: nomor tiket dan tindak lanjut"),
        Option(
            "sms_reply_saved_template",
            DEFAULT_SAVED_TEMPLATE,
            str,
            "Templat balasan saat laporan disimpan ({tiket}, {stasiun})",
            check=check_template,
        ),
        Option(
            "sms_reply_closed_template",
            DEFAULT_CLOSED_TEMPLATE,
            str,
            "Templat balasan saat OPD menutup laporan ({tiket}, {status}, {tindak_lanjut}, {stasiun})",
            check=check_template,
        ),
        # interface
        Option("ui_language", "id", str, "Bahasa antarmuka", choices=("id", "en")),
        Option("first_run_done", False, bool, "Asisten awal sudah dijalankan"),
        Option("saved_filters", {}, dict, "Filter tersimpan di ruang editor"),
    )
}


def _upgrade_1_to_2(raw: dict[str, Any]) -> dict[str, Any]:
    # v1 called the input "input_device" and stored a "stereo_split" flag.
    if "input_device" in raw:
        raw["audio_device"] = raw.pop("input_device")
    if raw.pop("stereo_split", False):
        raw["channel_map"] = "split"
    return raw


UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1_to_2}


class Settings:
    """Thread-safe typed settings bound to one JSON file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or app_paths().settings_file
        self._lock = threading.Lock()
        self._values: dict[str, Any] = {}
        self._unknown: dict[str, Any] = {}  # keys a newer version wrote: kept, never dropped
        self.load()

    # -- persistence -----------------------------------------------------------------------------
    def load(self) -> None:
        raw: dict[str, Any] = {}
        if self.path.exists():
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
                if not isinstance(raw, dict):
                    raise ValueError("not an object")
            except (OSError, ValueError) as err:
                backup = self.path.with_suffix(".broken.json")
                log.warning(
                    "settings file %s unreadable (%s); kept as %s, using defaults", self.path, err, backup
                )
                with contextlib.suppress(OSError):
                    self.path.replace(backup)
                raw = {}
        version = int(raw.pop("version", SETTINGS_VERSION if not raw else 1))
        while version < SETTINGS_VERSION:
            raw = UPGRADES[version](raw)
            version += 1
        values: dict[str, Any] = {}
        for key, value in raw.items():
            if key in OPTIONS:
                try:
                    values[key] = OPTIONS[key].coerce(value)
                except ValidationError as err:  # kept in the file as it was, the default is used
                    log.warning("ignoring setting: %s", err)
                    self._unknown[key] = value
            else:
                self._unknown[key] = value
        with self._lock:
            self._values = values

    def save(self) -> None:
        with self._lock:
            data = {"version": SETTINGS_VERSION, **self._unknown, **self._values}
        write_json_atomic(self.path, data, tmp=self.path.with_suffix(".tmp"), indent=2)

    # -- access ----------------------------------------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        option = OPTIONS[key]
        with self._lock:
            value = self._values.get(key, option.default)
        # a caller editing a dict/list setting must not change the default or the stored value behind
        # the settings' back (save with ``settings[key] = value``)
        return copy.deepcopy(value) if isinstance(value, dict | list) else value

    def get(self, key: str) -> Any:
        return self[key]

    def __setitem__(self, key: str, value: Any) -> None:
        if key not in OPTIONS:
            raise KeyError(key)
        coerced = OPTIONS[key].coerce(value)
        with self._lock:
            self._values[key] = coerced

    def update(self, values: dict[str, Any], *, save: bool = True) -> None:
        for key, value in values.items():
            self[key] = value
        if save:
            self.save()

    def as_dict(self) -> dict[str, Any]:
        return {key: self[key] for key in OPTIONS}

    # -- secrets ---------------------------------------------------------------------------------
    @property
    def _secret_file(self) -> Path:
        return self.path.parent / "server-key.secret"

    def set_server_key(self, key: str) -> str:
        """Store the server key; returns where it went ("keyring" or "file")."""
        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, "server_key", key)
            self._secret_file.unlink(missing_ok=True)
            return "keyring"
        except Exception as err:  # no backend (headless), locked keyring, D-Bus missing ...
            log.info("no usable keyring (%s); storing the server key in %s", err, self._secret_file)
            self._secret_file.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self._secret_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(key)
            return "file"

    def server_key_storage(self) -> str | None:
        """Where the server key is kept: "keyring", "file" (no usable keyring), or ``None`` (no key)."""
        try:
            import keyring

            if keyring.get_password(KEYRING_SERVICE, "server_key"):
                return "keyring"
        except Exception as err:
            log.debug("keyring unavailable: %s", err)
        return "file" if self._secret_file.exists() else None

    def server_key(self) -> str | None:
        try:
            import keyring

            value = keyring.get_password(KEYRING_SERVICE, "server_key")
            if value:
                return value
        except Exception as err:
            log.debug("keyring unavailable: %s", err)
        if self._secret_file.exists():
            return self._secret_file.read_text(encoding="utf-8").strip() or None
        return None
