"""``radio-desk sms receive`` as the real daemon's RunOnReceive, and ``radio-desk sms import``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from radio_desk.store import open_store
from tests.support.smsd import Smsd
from tests.support.wait import wait_until

ROOT = Path(__file__).resolve().parents[2]
LONG = (
    "Selamat sore, saya mau lapor saluran air di Jalan Veteran tersumbat sampah dan meluap ke jalan setiap "
    "hujan deras, air masuk ke beberapa rumah warga dan toko. Sudah dua kali kami bersihkan sendiri tapi "
    "sampahnya datang lagi dari hulu. Mohon dinas terkait memeriksa dan membersihkan gorong-gorongnya."
)


def _hook(tmp_path: Path, db: Path) -> str:
    script = tmp_path / "radio-desk-receive.sh"
    script.write_text(
        f'#!/bin/sh\ncd {ROOT}\nexec {sys.executable} -m radio_desk --database {db} sms receive "$@" '
        f">> {tmp_path / 'hook.log'} 2>&1\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return str(script)


@pytest.mark.parametrize("service", ["null", "files"])
def test_run_on_receive_adds_each_message_once(tmp_path: Path, service: str) -> None:
    db = tmp_path / "desk.sqlite3"
    open_store(db).close()
    smsd = Smsd(tmp_path / "smsd", service=service, run_on_receive=_hook(tmp_path, db))
    try:
        parts = smsd.receive("081298765432", LONG)
        smsd.receive("+6281234567890", "Jalan desa Sumberrejo rusak")
        assert parts >= 2
        smsd.start()
        with open_store(db) as store:
            rows = wait_until(lambda: len(store.sms.list()) == 2 and store.sms.list(), timeout=60,
                              what="both messages through RunOnReceive")  # fmt: skip
            texts = {m.sender: m for m in rows}
            assert texts["081298765432"].text == LONG  # the daemon's decoded text, parts joined
            assert texts["081298765432"].phone == "+6281298765432"
            if service == "files":  # the app's reader finds the same messages: nothing twice
                from radio_desk.services.sms import SmsConfig, SmsGateway

                assert SmsGateway(store, SmsConfig(inbox=smsd.inbox), settle_s=0).import_new().new == []
    finally:
        smsd.stop()
    assert "Traceback" not in (tmp_path / "hook.log").read_text()


def test_sms_import_command(tmp_path: Path) -> None:
    smsd = Smsd(tmp_path / "smsd")
    try:
        n = smsd.receive("081298765432", LONG)
        smsd.start()
        smsd.wait_received(n)
    finally:
        smsd.stop()
    db = tmp_path / "desk.sqlite3"
    cmd = [
        sys.executable,
        "-m",
        "radio_desk",
        "--database",
        str(db),
        "sms",
        "import",
        "--inbox",
        str(smsd.inbox),
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "1 SMS baru" in out.stdout
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert "0 SMS baru" in again.stdout
    bad = subprocess.run([*cmd[:-1], str(tmp_path / "nope")], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "tidak terbaca" in bad.stderr and "Traceback" not in bad.stderr
