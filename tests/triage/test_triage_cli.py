"""``radio-desk triage suggest`` and ``radio-desk bench triage`` end to end (in process)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

import pytest

from radio_desk.cli import bench as bench_cli
from radio_desk.cli import triage as triage_cli
from radio_desk.errors import ValidationError
from radio_desk.triage.measure import HEADLINE


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", default=None)
    parser = argparse.ArgumentParser(prog="radio-desk", parents=[common])
    sub = parser.add_subparsers(dest="command")
    triage_cli.register(sub, common)
    bench_cli.register(sub, common)
    return parser


def _run(argv, stdin="", monkeypatch=None, capsys=None):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    args = _parser().parse_args(argv)
    rc = args.handler(args)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_command_is_registered():
    from radio_desk.cli import COMMANDS

    assert "triage" in COMMANDS


def test_suggest_plain_lines_and_json_lines(monkeypatch, capsys):
    stdin = (
        "dalane neng desa leran kecamatan kalitidu rusak parah\n"
        "\n"
        '{"text": "lampu jalan di kapas mati", "id": 7}\n'
    )
    rc, out, err = _run(["triage", "suggest", "--regency", "35.22", "--json"], stdin, monkeypatch, capsys)
    assert rc == 0 and err == ""
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in rows] == [1, 3]
    first = rows[0]
    assert first["category"] == "jalan" and len(first["categories"]) == 3
    assert first["opd"] == "dpubmpr"
    assert first["kecamatan"]["code"] == "35.22.16" and first["desa"]["name"] == "Leran"
    assert 0 < first["desa"]["confidence"] <= 1
    assert rows[1]["category"] == "pju"


def test_suggest_human_output(monkeypatch, capsys):
    rc, out, _ = _run(
        ["triage", "suggest", "--regency", "probolinggo"],
        "kebakaran rumah di desa ngadisari kecamatan sukapura\n",
        monkeypatch,
        capsys,
    )
    assert rc == 0
    assert "kategori: darurat" in out
    assert "urgensi: Darurat" in out
    assert "35.13.01 Sukapura" in out and "Ngadisari" in out
    assert "alasan:" in out


def test_bad_json_line_is_reported_in_indonesian_and_the_rest_still_runs(monkeypatch, capsys):
    rc, out, err = _run(
        ["triage", "suggest", "--json"],
        '{"text": tidak valid\n{"teks": "x"}\nsampah numpuk\n',
        monkeypatch,
        capsys,
    )
    assert rc == 2
    assert "baris 1: bukan JSON yang sah" in err
    assert "baris 2" in err and "text" in err
    assert json.loads(out.strip())["category"] == "lingkungan"


def test_unknown_regency_is_a_clear_error(monkeypatch, capsys):
    from radio_desk.errors import RadioDeskError

    with pytest.raises(RadioDeskError, match="tidak ada di Jawa Timur"):
        _run(["triage", "suggest", "--regency", "atlantis"], "x\n", monkeypatch, capsys)


def _write_csv(path, rows, fields=("text", "category", "kecamatan", "kelurahan")):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(fields))
        w.writeheader()
        for r in rows:
            w.writerow(dict(zip(fields, r, strict=False)))


def test_bench_triage_reports_accuracy_and_place(tmp_path, monkeypatch, capsys):
    test = tmp_path / "test.csv"
    _write_csv(
        test,
        [
            ("jalan rusak berlubang di desa leran", "jalan", "Kalitidu", "Leran"),
            ("lampu jalan mati di desa ngumpakdalem", "pju", "Dander", "Ngumpakdalem"),
            ("sampah numpuk tidak diangkut", "lingkungan", "Kapas", "Bendo"),
            ("pupuk subsidi langka", "pertanian", "", ""),
        ],
    )
    train = tmp_path / "train.csv"
    _write_csv(train, [("sound horeg berisik", "lingkungan", "", "")] * 3)
    out_json = tmp_path / "o.json"
    rc, out, _ = _run(
        [
            "bench",
            "triage",
            "--test",
            str(test),
            "--train",
            str(train),
            "--regency",
            "35.22",
            "--json",
            str(out_json),
        ],
        "",
        monkeypatch,
        capsys,
    )
    assert rc == 0 and "kategori top-1" in out
    result = json.loads(out_json.read_text())
    assert result["rows"] == 4 and result["train_rows"] == 3
    assert result["category_top1"] == 1.0 and result["category_top3"] == 1.0
    place = result["place"]
    assert place["rows_with_kelurahan"] == 3 and place["named"] == 2
    assert place["desa_precision_named"] == 1.0 and place["desa_recall_named"] == 1.0


def test_bench_triage_rejects_bad_csv(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("isi,label\nx,y\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="tidak punya kolom category, text"):
        _run(["bench", "triage", "--test", str(bad)], "", monkeypatch, capsys)
    unknown = tmp_path / "unknown.csv"
    _write_csv(unknown, [("x", "bukan_kode")], fields=("text", "category"))
    with pytest.raises(ValidationError, match="kategori tak dikenal: bukan_kode"):
        _run(["bench", "triage", "--test", str(unknown)], "", monkeypatch, capsys)
    with pytest.raises(ValidationError, match="tidak bisa dibaca"):
        _run(["bench", "triage", "--test", str(tmp_path / "missing.csv")], "", monkeypatch, capsys)


TRANSCRIPT = (
    "halo selamat siang mas penyiar, kula saking desa leran kecamatan kalitidu, badhe matur babagan "
    "dalan ingkang rusak parah sak derengipun jembatan, bolongane ageng ageng, menawi jawah banyune "
    "ngembeng lan sampun wonten tiyang tiba numpak motor, anakipun kula nggih nate dhawah. kula nyuwun "
    "tulung dhateng dinas pu supados enggal didandani, amargi menika dalan utama bocah bocah sekolah "
    "lan para petani ingkang badhe dhateng sawah. matur nuwun mas, salam kagem sedaya pamiarsa"
)


def test_long_javanese_transcript_with_a_learned_model(bojonegoro):
    """A whole call's transcript (its speed, <= 20 ms, is measured by bench/bench_triage.py)."""
    from test_triage_learning import confirmed_cases

    from radio_desk.domain.taxonomy import CATEGORY_CODES
    from radio_desk.triage.model import train
    from radio_desk.triage.suggest import Suggester

    s = Suggester(bojonegoro.taxonomy, "35.22", model=train(confirmed_cases(), CATEGORY_CODES))
    words = TRANSCRIPT.split()
    for i in range(7):  # word order shifted: the same suggestion
        result = s.suggest(" ".join(words[i:] + words[:i]))
        assert result.categories[0].code == "jalan"
        assert result.desa is not None and result.desa.name == "Leran"


def test_bench_triage_runs_the_call_sets_next_to_the_written_set(tmp_path, monkeypatch, capsys):
    """A small subset of the shipped call sets, the desk and the keyword peer side by side."""
    test = tmp_path / "test.csv"
    _write_csv(test, [("jalan rusak berlubang di desa leran", "jalan", "Kalitidu", "Leran")])
    out_json = tmp_path / "o.json"
    argv = ["bench", "triage", "--test", str(test), "--regency", "35.22", "--limit", "12"]
    rc, out, _ = _run([*argv, "--json", str(out_json)], "", monkeypatch, capsys)
    assert rc == 0
    assert "dev/desk" in out and "heldout/peer" in out and "ringkasan kena" in out
    result = json.loads(out_json.read_text())
    assert result["category_top1"] == 1.0  # the written set's figures stay where they were
    sets = result["sets"]
    assert list(sets) == [
        "written",
        "calls_dev",
        "calls_dev2",
        "calls_dev3",
        "calls_dev4",
        "calls_dev5",
        "calls_heldout",
        "calls_heldout2",
        "calls_heldout3",
        "calls_heldout4",
    ]
    for name, preds in sets.items():
        assert set(preds) == {"desk", "peer"}
        for figures in preds.values():
            assert figures["rows"] == (1 if name == "written" else 12)
            assert set(HEADLINE) <= set(figures)
            for key in HEADLINE[:8]:
                assert figures[key] is None or 0.0 <= figures[key] <= 1.0
    assert sets["written"]["desk"]["desa_accuracy"] == 1.0
    assert sets["written"]["desk"]["summary_hit_rate"] is None  # written rows have no summary terms
    assert sets["calls_dev"]["peer"]["summary_hit_rate"] > 0  # the peer always answers with a sentence
    assert all("misses" in sets[f"calls_{n}"]["desk"] for n in ("dev", "dev2", "dev3"))
    assert "misses" not in sets["calls_heldout"]["desk"]


def test_bench_triage_takes_a_call_set_file(tmp_path, monkeypatch, capsys):
    calls = tmp_path / "mine.jsonl"
    calls.write_text(
        json.dumps(
            {
                "id": "m1",
                "text": "Halo Mas, ada kebakaran rumah di desa Leran kecamatan Kalitidu, tolong damkar",
                "category": "darurat",
                "urgency": "darurat",
                "kecamatan": "35.22.16",
                "desa": "35.22.16.2020",
                "summary_terms": ["kebakaran", "leran"],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    rc, out, _ = _run(["bench", "triage", "--calls", str(calls)], "", monkeypatch, capsys)
    assert rc == 0 and "mine/desk" in out
    with pytest.raises(ValidationError, match="Tidak ada yang diukur"):
        _run(["bench", "triage", "--calls", "none"], "", monkeypatch, capsys)
    with pytest.raises(ValidationError, match="bukan JSON"):
        bad = tmp_path / "bad.jsonl"
        bad.write_text("{x\n", encoding="utf-8")
        _run(["bench", "triage", "--calls", str(bad)], "", monkeypatch, capsys)
