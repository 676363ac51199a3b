"""What went wrong with the database file, in words an operator can act on.

Every SQLite failure leaving the store becomes a :class:`~radio_desk.errors.StoreError` whose message
is Indonesian, names the file and says what to do.  Never the SQL statement or its values: the engine
hides bound parameters (``hide_parameters=True``) and these messages do not quote SQLAlchemy's text.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, exc, text

from radio_desk.errors import StoreError

log = logging.getLogger(__name__)

# SQLite primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_CONSTRAINT, SQLITE_NOTADB = 19, 26
LOW_SPACE_BYTES = 1024 * 1024  # less free than this when SQLite cannot write: the disk is full
CORRUPT_WORDS = ("malformed", "not a database", "vtable constructor failed", "database corruption")


def corrupt_message(path: Path, what: str, *, not_a_database: bool = False) -> str:
    name = path.name
    lead = (
        f"Berkas {path} bukan basis data Radio Desk atau rusak"
        if not_a_database
        else f"Basis data {path} rusak"
    )
    return (
        f"{lead} ({what}). Radio Desk tidak memakainya agar kerusakan tidak bertambah; "
        "rekaman audio dan catatan JSON-nya di folder rekaman tetap aman. Yang perlu dilakukan: "
        f"(1) tutup Radio Desk; (2) salin {name} (beserta {name}-wal bila ada) ke tempat aman; "
        "(3) pulihkan dari salinan cadangan terakhir, atau minta petugas teknis menyelamatkan isinya "
        f'dengan: sqlite3 {name} ".recover" | sqlite3 pulihan.sqlite3; (4) jalankan Radio Desk lagi.'
    )


def empty_file_message(path: Path) -> str:
    return (
        f"Berkas basis data {path} kosong (0 bita): aduan yang pernah tersimpan di situ tidak ada lagi "
        "(berkas terpotong atau tertimpa). Radio Desk tidak membuat basis data baru di atasnya. Pulihkan "
        "berkas itu dari salinan cadangan; bila memang ingin mulai dari kosong, hapus berkas itu lalu "
        "jalankan Radio Desk lagi."
    )


def refuse_emptied(db: Path) -> None:
    """Refuse a 0-byte file where a database was (truncated, overwritten) instead of silently starting
    an empty one on it; a brand-new file in the middle of its first write has its content in the WAL."""
    try:
        if db.stat().st_size != 0:
            return
    except FileNotFoundError:
        return
    wal = db.with_name(db.name + "-wal")
    if not (wal.exists() and wal.stat().st_size > 0):
        raise StoreError(empty_file_message(db), kind="empty")


def _free_bytes(path: Path) -> int:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return 1 << 62  # unknown: do not claim the disk is full


def _code(err: BaseException) -> tuple[int, str]:
    orig = getattr(err, "orig", err)
    code = getattr(orig, "sqlite_errorcode", None)
    name = getattr(orig, "sqlite_errorname", None) or type(orig).__name__
    return (code & 0xFF if isinstance(code, int) else -1), name


def store_error(err: BaseException, path: Path) -> StoreError:
    """The Indonesian :class:`StoreError` for a database failure ``err`` on ``path``."""
    code, name = _code(err)
    detail = str(getattr(err, "orig", err)).lower()  # SQLite's own sentence: no values, never shown
    # opening the write-ahead log on a full disk fails as an I/O error, not as "full"
    full = code == SQLITE_FULL or "disk is full" in detail
    if not full and code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        full = _free_bytes(path) < LOW_SPACE_BYTES
    if full:
        kind, message = (
            "full",
            (
                f"Disk penuh: basis data {path} tidak bisa ditulis, jadi perubahan ini tidak tersimpan. "
                "Kosongkan ruang disk (hapus berkas yang tidak perlu atau pindahkan rekaman lama), lalu "
                "coba lagi."
            ),
        )
    elif code in (SQLITE_CORRUPT, SQLITE_NOTADB) or any(w in detail for w in CORRUPT_WORDS):
        notadb = code == SQLITE_NOTADB or "not a database" in detail
        kind, message = "corrupt", corrupt_message(path, f"SQLite: {name}", not_a_database=notadb)
    elif code in (SQLITE_READONLY, SQLITE_PERM) or "readonly" in detail:
        kind, message = (
            "readonly",
            (
                f"Basis data {path} hanya bisa dibaca (izin berkas atau disk hanya-baca); perubahan tidak "
                "tersimpan. Periksa izin folder itu atau pindahkan basis data ke folder yang bisa ditulisi."
            ),
        )
    elif code == SQLITE_CANTOPEN:
        kind, message = (
            "cantopen",
            (f"Basis data {path} tidak bisa dibuka. Periksa bahwa foldernya ada dan bisa ditulisi."),
        )
    elif code in (SQLITE_BUSY, SQLITE_LOCKED):
        kind, message = (
            "busy",
            (f"Basis data {path} sedang dikunci program lain terlalu lama; coba lagi sebentar lagi."),
        )
    elif code == SQLITE_IOERR:
        kind, message = (
            "io",
            (
                f"Basis data {path} tidak bisa dibaca atau ditulis (galat disk, {name}). Periksa disk tempat "
                "berkas itu berada, lalu coba lagi."
            ),
        )
    elif code == SQLITE_CONSTRAINT:
        kind, message = "constraint", f"Data tidak disimpan: melanggar aturan basis data ({name})."
    else:
        kind, message = "other", f"Basis data {path} gagal dipakai ({name})."
    log.info("database %s: %s (%s)", path, kind, name)  # the log file; the CLI prints only the message
    return StoreError(message, kind=kind)


def is_database_failure(err: BaseException) -> bool:
    return isinstance(err, exc.DBAPIError | sqlite3.Error)


def quick_check(conn: Connection, path: Path) -> None:
    """``PRAGMA quick_check`` (every page and index structure, not the index contents): raise the
    "damaged" :class:`StoreError` with what to do when it finds a problem."""
    rows = [r for (r,) in conn.execute(text("PRAGMA quick_check(20)"))]
    if rows == ["ok"]:
        return
    log.info("database %s failed its integrity check: %s", path, "; ".join(rows[:5]))
    found = f"pemeriksaan integritas menemukan {len(rows)}{'+' if len(rows) >= 20 else ''} masalah"
    raise StoreError(corrupt_message(path, found), kind="corrupt")
