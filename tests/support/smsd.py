"""A real Gammu SMS daemon for tests: ``gammu-smsd`` with the files backend on Gammu's dummy phone
driver (``model = dummy``, ``connection = none``, the "phone" is a folder).

A message "arrives" the way it would from the network: it is saved into the dummy phone's inbox
(``gammu savesms ... -folder 1``; a long text is split into a real multipart SMS with its
concatenation headers), the daemon reads it from the phone and writes it to its inbox folder as
``IN<date>_<time>_<serial>_<sender>_<part>.txt``.  What the desk writes to the outbox folder the
daemon sends through the dummy phone and moves to its sent folder.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.wait import wait_until

BINARIES = ("gammu-smsd", "gammu-smsd-inject", "gammu")


def require_gammu() -> None:
    missing = [b for b in BINARIES if shutil.which(b) is None]
    if missing:
        pytest.skip(f"Gammu not installed ({', '.join(missing)}): apt-get install gammu-smsd gammu")


class Smsd:
    def __init__(
        self, root: Path, inbox_format: str = "unicode", *, service: str = "files", run_on_receive: str = ""
    ) -> None:
        require_gammu()
        self.root = root
        self.phone = root / "dummy"
        self.inbox, self.outbox = root / "inbox", root / "outbox"
        self.sent, self.error = root / "sent", root / "error"
        for d in (self.inbox, self.outbox, self.sent, self.error):
            d.mkdir(parents=True, exist_ok=True)
        for n in range(1, 6):
            (self.phone / "sms" / str(n)).mkdir(parents=True, exist_ok=True)
        self.log = root / "smsd.log"
        self.config = root / "smsdrc"
        self.config.write_text(
            "[gammu]\nmodel = dummy\nconnection = none\n"
            f"device = {self.phone}\ngammuloc = /dev/null\n\n"
            f"[smsd]\nservice = {service}\ncommtimeout = 1\nreceivefrequency = 1\nstatusfrequency = 0\n"
            "multiparttimeout = 2\nloopsleep = 1\ncheckbattery = 0\ncheckstatus = 0\ndebuglevel = 1\n"
            f"logfile = {self.log}\n"
            f"inboxpath = {self.inbox}/\noutboxpath = {self.outbox}/\n"
            f"sentsmspath = {self.sent}/\nerrorsmspath = {self.error}/\n"
            f"inboxformat = {inbox_format}\noutboxformat = unicode\ntransmitformat = auto\n"
            + (f"runonreceive = {run_on_receive}\n" if run_on_receive else ""),
            encoding="utf-8",
        )
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["gammu-smsd", "-c", str(self.config), "-p", str(self.root / "smsd.pid")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: self.log.exists() and "Starting phone communication" in self.log.read_text(),
                   timeout=20, what="gammu-smsd talking to the dummy phone")  # fmt: skip

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None

    def receive(self, sender: str, text: str) -> int:
        """A message from ``sender`` reaches the phone (long texts as a real multipart SMS); its parts."""
        cmd = ["gammu", "-c", str(self.config), "savesms", "TEXT", "-folder", "1", "-sender", sender]
        if len(text) > 160:
            cmd += ["-len", str(len(text))]
        out = subprocess.run([*cmd, "-text", text], check=True, capture_output=True, text=True, timeout=30)
        return out.stdout.count("Saving SMS")

    def inject(self, recipient: str, text: str) -> str:
        """``gammu-smsd-inject``: the daemon's own way to queue an outgoing message; its file name."""
        out = subprocess.run(
            ["gammu-smsd-inject", "-c", str(self.config), "TEXT", recipient, "-text", text],
            check=True, capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        return out.stdout.strip().rsplit("/", 1)[-1]

    def inbox_files(self) -> list[str]:
        return sorted(p.name for p in self.inbox.glob("IN*"))

    def sent_files(self) -> list[str]:
        return sorted(p.name for p in self.sent.glob("OUT*"))

    def wait_received(self, count: int, timeout: float = 30) -> list[str]:
        return wait_until(lambda: len(self.inbox_files()) >= count and self.inbox_files(), timeout=timeout,
                          what=f"{count} file(s) in the SMSD inbox")  # fmt: skip

    def wait_sent(self, name: str, timeout: float = 30) -> Path:
        path = self.sent / name
        wait_until(path.exists, timeout=timeout, what=f"gammu-smsd sending {name}")
        return path
