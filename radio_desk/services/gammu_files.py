"""Gammu SMSD's files backend, read and written the way its manual describes (gammu-smsd-files(7)).

Incoming messages are files in the inbox folder named ``IN<date>_<time>_<serial>_<sender>_<part>.<ext>``
(``IN20021130_021531_00_+45409000931640979_00.txt``).  What is in them depends on the daemon's
``InboxFormat``:

* ``unicode`` (the default): the text as UTF-16 with a byte-order mark;
* ``standard``: the text in the system's encoding (UTF-8 on a Linux studio PC);
* ``detail``: the gammu-smsbackup(5) format, an ini file with one ``[SMSBackupNNN]`` section per part
  and the text hex-encoded (UCS-2, or bytes for 8-bit messages).

A multipart message is joined by the daemon before it is written (it waits ``MultipartTimeout`` for the
missing parts): with the text formats it becomes one file per part, same date, time, serial and
sender, the part number counting ``00``, ``01``...; with ``detail`` one file holding every part.  So a
message here is the group of files sharing ``IN<date>_<time>_<serial>_<sender>``, its texts joined in
part order; that prefix is the message's id (the desk imports each id once).  ``.bin`` files
(8-bit data, e.g. ringtones or WAP push) carry no text and are left out.

Outgoing messages are files in the outbox folder named
``OUT<priority><date>_<time>_<serial>_<recipient>_<note>.txt``; :func:`write_outbox` writes one
(UTF-16 with a byte-order mark, which the daemon reads whatever its ``OutboxFormat``) under a hidden
temporary name first, so the daemon never picks up half a file.  Plain Python, no Qt.
"""

from __future__ import annotations

import configparser
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from radio_desk.fsutil import atomic_write

INBOX_NAME = re.compile(
    r"^IN(?P<date>\d{8})_(?P<time>\d{6})_(?P<serial>\d{2,})_(?P<sender>[^_]+)_(?P<part>\d{2,})"
    r"\.(?P<ext>txt|smsbackup|bin)$"
)
_RECIPIENT = re.compile(r"^\+?[0-9]{3,20}$")
_NOTE = re.compile(r"^[A-Za-z0-9]{1,40}$")


class GammuFileError(ValueError):
    """A file in the SMSD folders that is not what Gammu writes (the message says which and why)."""


@dataclass(frozen=True)
class InboxFile:
    name: str
    message_id: str  # IN<date>_<time>_<serial>_<sender>: the parts of one message share it
    received_at: datetime  # naive, the daemon's local time as in the name
    sender: str
    part: int
    ext: str


@dataclass(frozen=True)
class IncomingSms:
    message_id: str
    sender: str
    received_at: datetime  # naive local time (from the file name)
    text: str
    parts: int
    files: tuple[str, ...]


def parse_inbox_name(name: str) -> InboxFile | None:
    """The fields of an inbox file's name, or ``None`` for a file the daemon did not write."""
    m = INBOX_NAME.match(name)
    if m is None:
        return None
    try:
        when = datetime.strptime(m["date"] + m["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    message_id = f"IN{m['date']}_{m['time']}_{m['serial']}_{m['sender']}"
    return InboxFile(name, message_id, when, m["sender"], int(m["part"]), m["ext"])


def decode_text_file(data: bytes) -> str:
    """The text of a ``unicode`` or ``standard`` inbox file (UTF-16 with its mark, else UTF-8, else
    Windows-1252: a Windows studio PC writes the ANSI code page)."""
    if data[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def is_smsbackup(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return b"[SMSBackup" in head and head.lstrip().startswith((b";", b"["))


def decode_smsbackup(data: bytes) -> list[tuple[int, str]]:
    """The parts of a gammu-smsbackup(5) file as (part number, text), in the file's order.

    The part number comes from the concatenation header (UDH ``050003 ref total part`` or its 16-bit
    form) when there is one, else from the section's position."""
    parser = configparser.ConfigParser(interpolation=None, strict=False, comment_prefixes=(";", "#"))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string(data.decode("utf-8", errors="replace").lstrip("\ufeff"))
    except configparser.Error as err:
        raise GammuFileError(f"berkas SMS backup tidak terbaca ({err.__class__.__name__})") from err
    parts: list[tuple[int, str]] = []
    for index, name in enumerate(s for s in parser.sections() if s.startswith("SMSBackup")):
        sec = parser[name]
        hexes = "".join(sec[k] for k in sorted((k for k in sec if re.fullmatch(r"Text\d+", k)), key=_num))
        coding = sec.get("Coding", "Default_No_Compression")
        text = _decode_hex_text(hexes.strip(), coding)
        parts.append((_udh_part(sec.get("UDH", "")) or index + 1, text))
    if not parts:
        raise GammuFileError("berkas SMS backup tanpa pesan")
    return parts


def _num(key: str) -> int:
    return int(key[4:])


def _decode_hex_text(hexes: str, coding: str) -> str:
    try:
        raw = bytes.fromhex(hexes)
    except ValueError as err:
        raise GammuFileError("teks SMS backup bukan heksadesimal") from err
    if coding.startswith("8bit"):
        return raw.decode("latin-1")
    return raw.decode("utf-16-be", errors="replace")  # Gammu keeps the decoded text as UCS-2


def _udh_part(udh: str) -> int | None:
    """The part number in a user data header's concatenation element (IE 00: 8-bit reference, IE 08:
    16-bit reference), or ``None``."""
    try:
        raw = bytes.fromhex(udh.strip())
    except ValueError:
        return None
    i, end = 1, min(len(raw), 1 + (raw[0] if raw else 0))
    while i + 1 < end:
        ie, size = raw[i], raw[i + 1]
        data = raw[i + 2 : i + 2 + size]
        if ie == 0x00 and size == 3 and len(data) == 3:
            return data[2]
        if ie == 0x08 and size == 4 and len(data) == 4:
            return data[3]
        i += 2 + size
    return None


def scan_inbox(folder: Path) -> dict[str, list[InboxFile]]:
    """The message ids in the inbox folder with their files (parts in order); others are ignored."""
    groups: dict[str, list[InboxFile]] = {}
    with os.scandir(folder) as it:
        for entry in it:
            info = parse_inbox_name(entry.name)
            if info is not None and entry.is_file():
                groups.setdefault(info.message_id, []).append(info)
    for files in groups.values():
        files.sort(key=lambda f: f.part)
    return groups


def read_message(folder: Path, files: list[InboxFile]) -> IncomingSms | None:
    """One message from its files, parts joined in order; ``None`` when it carries no text (8-bit).

    Raises :class:`GammuFileError` for a file that cannot be read as Gammu writes it, ``OSError`` when
    the disk refuses."""
    texts: list[tuple[int, str]] = []
    for f in files:
        if f.ext == "bin":
            continue
        data = (folder / f.name).read_bytes()
        if is_smsbackup(data):
            texts.extend(decode_smsbackup(data))
        else:
            texts.append((f.part, decode_text_file(data)))
    texts = [(n, t.replace("\x00", "")) for n, t in texts]  # Gammu pads some UCS-2 texts with NULs
    if not texts:
        return None
    texts.sort(key=lambda p: p[0])
    first = files[0]
    text = "".join(t for _, t in texts).replace("\r\n", "\n").strip()
    return IncomingSms(
        first.message_id, first.sender, first.received_at, text, len(texts), tuple(f.name for f in files)
    )


def outbox_name(recipient: str, when: datetime, note: str, serial: int = 0, priority: str = "B") -> str:
    """``OUT<priority><date>_<time>_<serial>_<recipient>_<note>.txt`` (gammu-smsd-files(7))."""
    if not _RECIPIENT.match(recipient):
        raise GammuFileError(f"nomor tujuan tidak valid untuk SMSD: {recipient!r}")
    if not _NOTE.match(note):
        raise GammuFileError(f"catatan nama berkas hanya huruf dan angka: {note!r}")
    if len(priority) != 1 or not "A" <= priority <= "Z":
        raise GammuFileError("prioritas SMSD satu huruf A-Z")
    return f"OUT{priority}{when:%Y%m%d_%H%M%S}_{serial:02d}_{recipient}_{note}.txt"


def write_outbox(folder: Path, name: str, text: str) -> Path:
    """Write one outgoing message into the daemon's outbox (UTF-16 with its mark), all or nothing."""
    if not folder.is_dir():
        raise FileNotFoundError(f"folder outbox SMSD {folder} tidak ada")
    path = folder / name
    with atomic_write(path, "wb") as fh:
        fh.write(b"\xfe\xff" + text.encode("utf-16-be"))
    return path


def from_run_on_receive(env: dict[str, str], args: list[str], now: datetime) -> IncomingSms | None:
    """The message a ``RunOnReceive`` program is started for (gammu-smsd-run(7)): the daemon puts the
    parts in the environment (``SMS_MESSAGES``, ``SMS_<n>_NUMBER``, ``SMS_<n>_TEXT``) and, when it could
    decode them, the joined text (``DECODED_PARTS``, ``DECODED_<n>_TEXT``); the arguments are the
    backend's ids (the inbox files with the files backend, none with ``service = null``).

    The id is the files backend's message id when there is one (so the inbox reader and this agree),
    else the backend's ids, else a digest of sender, text and minute.  ``None`` without a text."""
    import hashlib

    try:
        count = int(env.get("SMS_MESSAGES", "0"))
        decoded = int(env.get("DECODED_PARTS", "0"))
    except ValueError as err:
        raise GammuFileError("SMS_MESSAGES / DECODED_PARTS bukan angka") from err
    sender = env.get("SMS_1_NUMBER", "").strip()
    texts = [env.get(f"DECODED_{n}_TEXT", "") for n in range(1, decoded + 1)]
    text = "".join(texts) if any(t.strip() for t in texts) else ""
    if not text:
        text = "".join(env.get(f"SMS_{n}_TEXT", "") for n in range(1, count + 1))
    text = text.replace("\x00", "").replace("\r\n", "\n").strip()
    if not sender or not text:
        return None
    names = [parse_inbox_name(Path(a).name) for a in args]
    if names and names[0] is not None:
        first = names[0]
        return IncomingSms(first.message_id, sender, first.received_at, text, max(count, 1), tuple(args))
    if args:
        message_id = "smsd:" + ",".join(args)
    else:
        digest = hashlib.sha256(f"{sender}\n{text}\n{now:%Y%m%d%H%M}".encode()).hexdigest()[:24]
        message_id = "run:" + digest
    return IncomingSms(message_id[:200], sender, now, text, max(count, 1), tuple(args))
