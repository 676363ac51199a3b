"""The ``radio-desk`` command line as a whole: version, help, and ``--database`` on every subcommand."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from radio_desk import __version__
from radio_desk.cli import build_parser, main
from radio_desk.store import open_store

ISSUE_SUBCOMMANDS = ("import", "transcribe", "record", "report", "sync", "bench", "demo", "db", "devices")


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
    for action in subs:
        for name, child in action.choices.items():
            yield from leaves(child, (*path, name))


def test_version_and_help_list_the_subcommands():
    out = subprocess.run(
        [sys.executable, "-m", "radio_desk", "--version"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0 and out.stdout.strip() == f"radio-desk {__version__}"
    helptext = build_parser().format_help()
    for name in ISSUE_SUBCOMMANDS:
        assert f"\n    {name} " in helptext, name
    assert "--database PATH" in helptext


def test_every_subcommand_takes_database():
    found = list(leaves(build_parser()))
    assert len(found) >= len(ISSUE_SUBCOMMANDS)
    for path, parser in found:
        options = {o for a in parser._actions for o in a.option_strings}
        assert "--database" in options, " ".join(path)


@pytest.mark.parametrize("where", ["before", "after"])
def test_database_reaches_the_command_before_or_after_it(tmp_path, capsys, where):
    db = tmp_path / "skrip.sqlite3"
    args = ["demo", "seed", "--cases", "3"]
    argv = ["--database", str(db), *args] if where == "before" else [*args, "--database", str(db)]
    assert main(argv) == 0
    assert str(db) in capsys.readouterr().out
    with open_store(db) as store:
        assert store.cases.count() == 3
    assert main(["--database", str(db), "db", "current"]) == 0


def test_bad_input_is_one_indonesian_sentence(tmp_path, capsys):
    assert main(["demo", "seed", "--cases", "-1", "--database", str(tmp_path / "x.sqlite3")]) == 2
    err = capsys.readouterr().err
    assert "tidak boleh negatif" in err and "Traceback" not in err
    not_db = tmp_path / "catatan.txt"
    not_db.write_text("bukan basis data " * 200, encoding="utf-8")
    assert main(["db", "check", "--database", str(not_db)]) == 2
    assert "bukan basis data" in capsys.readouterr().err
    assert not_db.read_text(encoding="utf-8").startswith("bukan basis data")  # left as it was


def test_core_packages_never_import_qt():
    code = (
        "import sys, radio_desk.domain, radio_desk.store, radio_desk.settings, radio_desk.audio.recorder, "
        "radio_desk.audio.importer, radio_desk.audio.playback, radio_desk.audio.recovery, "
        "radio_desk.services.catalog, radio_desk.services.call_book, radio_desk.demo_data, radio_desk.cli; "
        "radio_desk.cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
