"""The Settings dialog's connection test says what is wrong, in Indonesian, for each real fault: a bad
address, a name DNS does not know, a refused port, a server that never answers, a self-signed TLS
certificate, a web server that is not Radio Desk, a wrong key, an admin's key; and "Tersambung"."""

from __future__ import annotations

import functools
import http.server
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from threaded_server import free_port, threaded_server

from radio_desk.sync.connection_check import check_connection


@contextmanager
def web_server(folder: Path, tls: tuple[Path, Path] | None = None) -> Iterator[str]:
    """A plain web server (Python's http.server) on a free port, optionally behind TLS."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    scheme = "http"
    if tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(str(tls[0]), str(tls[1]))
        httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_address_dns_refused_timeout(tmp_path: Path) -> None:
    v = check_connection("aduan.example", "k")
    assert (v.ok, v.problem) == (False, "address") and "https://" in v.message
    v = check_connection("https://server-radio-desk.invalid", "k")
    assert v.problem == "dns" and "tidak ditemukan (DNS)" in v.message
    port = free_port()
    v = check_connection(f"http://127.0.0.1:{port}", "k")
    assert v.problem == "refused" and f"port {port}" in v.message
    with socket.socket() as silent:  # accepts (the kernel's backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        v = check_connection(f"http://127.0.0.1:{silent.getsockname()[1]}", "k", timeout=1)
    assert v.problem == "timeout" and "tidak menjawab dalam 1 detik" in v.message


def test_self_signed_certificate(tmp_path: Path) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    with web_server(tmp_path, (cert, key)) as url:
        v = check_connection(url, "k")
        assert v.problem == "tls" and "Sertifikat TLS" in v.message and "self" in v.message.lower()
        # the same server asked in plain http: not a certificate, but the wrong scheme
        v = check_connection(url.replace("https://", "http://"), "k", timeout=3)
    assert not v.ok and v.problem in ("not_radio_desk", "refused", "timeout")


def test_not_a_radio_desk_server(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<h1>Situs kabupaten</h1>")
    with web_server(tmp_path) as url:
        v = check_connection(url, "k")
    assert v.problem == "not_radio_desk" and "bukan server Radio Desk" in v.message and "404" in v.message


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    with threaded_server(tmp_path) as running:
        yield running


def test_keys_against_the_real_server(server: tuple[str, dict[str, str]]) -> None:
    url, keys = server
    v = check_connection(url, "rdk_salah")
    assert v.problem == "key" and "menolak kunci stasiun" in v.message
    v = check_connection(url, "")
    assert v.problem == "key" and "belum diisi" in v.message
    v = check_connection(url, keys["admin"])
    assert v.problem == "key" and "bukan kunci stasiun" in v.message
    v = check_connection(url + "/", keys["station"])
    assert v.ok and v.problem == "" and "stasiun-a" in v.message
