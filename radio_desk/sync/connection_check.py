"""The connection test of the Settings dialog: one call that says, in Indonesian, what is wrong with a
server address and key (or that all is well).  Plain Python (httpx), run off the GUI thread.

Steps: the address itself; ``/healthz`` (is anything there, is it a Radio Desk server); ``whoami``
with the key (is the key taken, whose is it).  The transport faults are told apart by their cause
(``socket.gaierror`` for DNS, ``ConnectionRefusedError``, ``ssl.SSLCertVerificationError``).
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

WHAT_TIMEOUT = 8.0


@dataclass(frozen=True)
class ConnectionVerdict:
    ok: bool
    problem: str  # "" when ok; else address, dns, refused, timeout, tls, not_radio_desk, key, server
    message: str  # Indonesian, for the dialog


def _cause_chain(err: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    seen: BaseException | None = err
    while seen is not None and seen not in chain:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    return chain


# the transport faults, first match wins: (cause, seen anywhere in the cause chain?, problem, message)
_TRANSPORT_FAULTS: tuple[tuple[type[BaseException], bool, str, str], ...] = (
    (ssl.SSLCertVerificationError, True, "tls",
     "Sertifikat TLS server {host} tidak sah ({detail}). Periksa alamatnya, atau minta Diskominfo "
     "memasang sertifikat yang sah."),
    (ssl.SSLError, True, "tls",
     "Sambungan aman (TLS) ke {host}:{port} gagal. Mungkin alamatnya harus http:// bukan https:// "
     "(atau sebaliknya), atau port-nya salah."),
    (socket.gaierror, True, "dns",
     "Nama server “{host}” tidak ditemukan (DNS). Periksa ejaan alamatnya dan sambungan "
     "internet komputer ini."),
    (httpx.TimeoutException, False, "timeout",
     "Server {host}:{port} tidak menjawab dalam {timeout:.0f} detik. Jaringan lambat, diblokir "
     "firewall, atau server sedang sibuk."),
    (ConnectionRefusedError, True, "refused",
     "Komputer {host} menolak sambungan di port {port}: server Radio Desk tidak berjalan di sana, "
     "atau port-nya salah."),
    (BaseException, False, "refused",
     "Server {host}:{port} tidak bisa dihubungi ({name}). Periksa jaringan dan alamatnya."),
)  # fmt: skip


def _transport_verdict(err: httpx.TransportError, host: str, port: int, timeout: float) -> ConnectionVerdict:
    chain = _cause_chain(err)
    for kind, whole_chain, problem, message in _TRANSPORT_FAULTS:
        cause = next((c for c in (chain if whole_chain else chain[:1]) if isinstance(c, kind)), None)
        if cause is not None:
            detail = getattr(cause, "verify_message", None) or "tidak bisa diverifikasi"
            name = type(err).__name__
            text = message.format(host=host, port=port, timeout=timeout, detail=detail, name=name)
            return ConnectionVerdict(False, problem, text)
    raise AssertionError("unreachable: the last fault matches every error")


def check_connection(url: str, key: str | None, *, timeout: float = WHAT_TIMEOUT,
                     transport: httpx.BaseTransport | None = None) -> ConnectionVerdict:  # fmt: skip
    """What a desk with this address and key would meet; never raises."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ConnectionVerdict(
            False, "address",
            "Alamat server tidak valid: tulis lengkap, misalnya https://aduan.bojonegorokab.go.id.",
        )  # fmt: skip
    host = parts.hostname
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return ConnectionVerdict(False, "address", "Nomor port di alamat server tidak valid.")
    with httpx.Client(base_url=url, timeout=timeout, transport=transport) as http:
        try:
            health = http.get("/healthz")
            if not _is_radio_desk(health):
                return ConnectionVerdict(
                    False, "not_radio_desk",
                    f"{host} menjawab (HTTP {health.status_code}), tetapi bukan server Radio Desk. "
                    "Periksa alamatnya (tanpa /console atau jalur lain di belakangnya).",
                )  # fmt: skip
            if not key:
                return ConnectionVerdict(
                    False, "key", "Server Radio Desk ditemukan, tetapi kunci stasiun belum diisi."
                )
            who = http.get("/api/v1/whoami", headers={"X-API-Key": key})
        except httpx.TransportError as err:
            return _transport_verdict(err, host, port, timeout)
        except httpx.HTTPError as err:
            return ConnectionVerdict(False, "server", f"Sambungan ke {host} gagal: {type(err).__name__}.")
    if who.status_code in (401, 403):
        return ConnectionVerdict(
            False, "key",
            "Server Radio Desk ditemukan, tetapi menolak kunci stasiun ini (salah, dicabut, atau milik "
            "server lain). Minta kunci baru ke admin Diskominfo.",
        )  # fmt: skip
    if who.status_code == 429:
        return ConnectionVerdict(
            False, "server", "Server sedang membatasi permintaan; coba lagi sebentar lagi."
        )
    if who.status_code != 200:
        return ConnectionVerdict(
            False,
            "server",
            f"Server Radio Desk mengalami gangguan (HTTP {who.status_code}); coba lagi nanti.",
        )
    try:
        name, role = str(who.json()["name"]), str(who.json()["role"])
    except (ValueError, KeyError, TypeError):
        return ConnectionVerdict(False, "not_radio_desk", f"{host} menjawab, tetapi bukan server Radio Desk.")
    if role != "station":
        return ConnectionVerdict(
            False, "key",
            f"Kunci ini milik akun “{name}” dengan peran {role}, bukan kunci stasiun. Pakai kunci stasiun.",
        )  # fmt: skip
    return ConnectionVerdict(True, "", f"Tersambung: server Radio Desk menerima kunci stasiun “{name}”.")


def _is_radio_desk(response: httpx.Response) -> bool:
    try:
        return response.status_code == 200 and response.json() == {"status": "ok"}
    except ValueError:
        return False
