"""Rundown fixes from the studio day (issue 19): adding a Duplikat case warns and names its original;
after a rahasia item is left out, the list, the PDF and the clip names number the aired items alike
(1, 2, 3 with no gap); an item without audio reads "tanpa klip" in the PDF."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from radio_desk.domain import Case, Status
from tests.gui import editor_fixtures
from tests.rundown.audio_cases import add_audio_case

editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace


def _labels(page) -> list[str]:
    tree = page.ui.itemTree
    return [
        tree.topLevelItem(g).child(k).text(0)
        for g in range(tree.topLevelItemCount())
        for k in range(tree.topLevelItem(g).childCount())
    ]


def test_numbers_agree_after_a_rahasia_item_and_a_duplicate_warns(workspace, editor_data, tmp_path):
    store = editor_data.store
    folder = Path(editor_data.named.recording.path).parent
    opd = "dpubmpr"
    first = add_audio_case(store, folder, ["jalan rusak di Kapas"], summary="Jalan rusak Kapas", opd=opd)
    secret = add_audio_case(
        store, folder, ["ada pungutan"], summary="Pungutan di kantor desa", rahasia=True, opd=opd
    )
    dup = add_audio_case(store, folder, ["jalan rusak lagi"], summary="Jalan rusak Kapas lagi", opd=opd)
    store.cases.change_status(dup.case.id, Status.DUPLIKAT, by="Rina", duplicate_of=first.case.id)
    silent = store.cases.create(
        Case(
            station="demo-fm",
            summary="Lampu jalan mati",
            category="jalan",
            opd=opd,
            desa_code="35.22.01.2001",
        )
    )
    page = workspace.rundown
    page.add_cases([first.case.id, secret.case.id, dup.case.id, silent.id])
    message = page.ui.messageLabel.text()
    assert "Duplikat" in message and str(first.case.id)[:8] in message  # warned, with the original

    labels = _labels(page)
    assert [re.match(r"(\S+)", t).group(1) for t in labels] == ["1.", "–", "2.", "3."]
    assert "RAHASIA" in labels[1] and "DUPLICATE" in labels[2]

    results = []
    page.exported.connect(results.append)
    page.exporter.export(tmp_path / "out")
    result = results[-1]
    assert result.left_out == [secret.case.id]
    assert [p.name[:3] for p in result.clips] == ["01-", "02-"]  # the item without audio has no clip
    pdf = subprocess.run(
        ["pdftotext", str(result.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert re.findall(r"^(\d+)\. ", pdf, re.M) == ["1", "2", "3"]
    assert "Jalan rusak Kapas lagi" in pdf.split("2. ", 1)[1].split("3. ", 1)[0]  # item 2 is the duplicate
    assert "tanpa klip" in pdf and "- – -" not in pdf
    playlist = result.playlist.read_text(encoding="utf-8")
    assert re.findall(r"#EXTINF:\d+,(\d+)\.", playlist) == ["1", "2"]  # the clips' numbers, as in the PDF
