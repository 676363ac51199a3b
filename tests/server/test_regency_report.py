"""The regency's weekly review PDF over all stations, checked by its text (pdftotext)."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from console_data import build, login

from radio_desk.server import cli


def _text(path: Path) -> str:
    run = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return run.stdout


def _prepare(env) -> dict[int, int]:  # type: ignore[no-untyped-def]
    named = {
        "caller_name": "Sutrisno Wibowo",
        "phone": "+6281234567890",
        "description": "Jalan berlubang di Sumberrejo, kata Sutrisno Wibowo",
    }
    return build(env.app.state.sessionmaker, {3: named, 7: {"description": "Pungutan liar di kantor desa"}})


def _report(env, tmp_path: Path, edition: str) -> str:  # type: ignore[no-untyped-def]
    out = tmp_path / f"laporan-{edition}.pdf"
    code = cli.main(
        ["--database", env.settings.database_url, "report", "weekly", "--from", "2026-11-09", "--to",
         "2026-11-29", "--edition", edition, "--out", str(out)]
    )  # fmt: skip
    assert code == 0
    return _text(out)


def test_internal_edition_has_every_station_and_opd(env, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _prepare(env)
    text = _report(env, tmp_path, "internal")
    assert "7 aduan" in capsys.readouterr().out
    assert "RAHASIA — INTERNAL" in text
    assert "Aduan per stasiun" in text and "Aduan per OPD" in text
    assert "Stasiun stasiun-a — 4 aduan" in text and "Stasiun stasiun-b — 3 aduan" in text
    assert "Dinas Pekerjaan Umum Bina Marga dan Penataan Ruang — 3 aduan" in text
    assert "Pungutan liar" in text and "[RAHASIA]" in text  # the rahasia case, marked
    assert "Sutrisno" in text  # internal: names of non-anonim reporters
    assert "081234567890" not in text.replace(" ", "")  # phones masked even internally


def test_public_edition_has_no_name_phone_or_rahasia(env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _prepare(env)
    text = _report(env, tmp_path, "public")
    assert "EDISI PUBLIK" in text and "RAHASIA — INTERNAL" not in text
    assert "Stasiun stasiun-b — 2 aduan" in text  # its rahasia case left out
    assert "Pungutan" not in text and "[RAHASIA]" not in text
    assert "Sutrisno" not in text and "Wibowo" not in text and "Penelepon" not in text
    assert "0812****890" not in text and "Anonim" in text
    assert "Jalan berlubang di Sumberrejo" in text


def test_bad_dates_are_refused_clearly(env, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["--database", env.settings.database_url, "report", "weekly", "--out", str(tmp_path / "x.pdf")]
    assert cli.main([*args, "--from", "2026-11-30", "--to", "2026-11-01"]) == 2
    assert "lebih awal" in capsys.readouterr().err
    assert cli.main([*args, "--from", "kemarin", "--to", "2026-11-01"]) == 2
    assert "tidak dikenali" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_console_can_fetch_the_pdf(env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _prepare(env)
    url = "/console/laporan-mingguan.pdf?dari=2026-11-09&sampai=2026-11-29&edisi=public"
    r = login(env, "koordinator", "coordinator").get(url)
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    (tmp_path / "c.pdf").write_bytes(r.content)
    assert "EDISI PUBLIK" in _text(tmp_path / "c.pdf")
    assert login(env, "stasiun-a", "station").get(url).status_code == 403
    assert env.client.get(url, follow_redirects=False).status_code == 303  # to the login page


@pytest.mark.parametrize("edition", ["internal"])
def test_function_returns_the_printed_figures(env, tmp_path: Path, edition: str) -> None:  # type: ignore[no-untyped-def]
    from radio_desk.server.regency_report import write_regency_report

    _prepare(env)
    with env.app.state.sessionmaker() as s:
        fig = write_regency_report(
            s, date(2026, 11, 9), date(2026, 11, 29), tmp_path / "r.pdf", edition=edition
        )
    assert fig.received == 7 and fig.forwarded == 4 and fig.resolved == 1
