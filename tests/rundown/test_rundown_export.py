"""Export of a rundown: PDF (read back with pdftotext), WAV clips of the chosen lengths (soundfile),
the M3U playlist, and the privacy rules (anonim never named, rahasia only when explicitly included)."""

from __future__ import annotations

import subprocess
from datetime import date

import pytest
import soundfile as sf

from radio_desk.domain import utcnow
from radio_desk.rundown import Rundown, new_entry
from radio_desk.rundown.export import export_rundown
from radio_desk.store import open_store
from tests.rundown.audio_cases import add_audio_case


@pytest.fixture
def store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_export_pdf_clips_playlist_and_privacy(store, tmp_path):
    audio = tmp_path / "audio"
    named = add_audio_case(store, audio, ["jalan rusak", "tolong"], caller="Pak Harjono",
                           summary="Jalan Luwihaji berlubang", opd="dpubmpr")  # fmt: skip
    anon = add_audio_case(store, audio, ["saya Bu Sumiati", "air mati"], caller="Bu Sumiati", anonim=True,
                          category="air_bersih", summary="Air mati, kata Bu Sumiati", opd="pdam")  # fmt: skip
    secret = add_audio_case(store, audio, ["rahasia"], caller="Pak Rahasia", rahasia=True,
                            summary="Pungli di kantor desa", category="sosial")  # fmt: skip
    rd = Rundown(show_date=date(2026, 12, 4), station="Radio Demo FM")
    for ac in (named, anon, secret):
        rd.entries.append(new_entry(ac.case, ac.segments, recording_id=ac.recording.id))
    rd.entries[0].clip_in, rd.entries[0].clip_out = 1.0, 3.5
    rd.entries[1].clip_in, rd.entries[1].clip_out = 0.5, 6.0

    out = tmp_path / "export"
    result = export_rundown(store, rd, out, by="editor")
    assert result.left_out == [secret.case.id]
    assert result.aired == [named.case.id, anon.case.id]
    assert [sf.info(str(p)).duration for p in result.clips] == pytest.approx([2.5, 5.5], abs=1e-3)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [result.pdf.name, result.playlist.name, *(p.name for p in result.clips)]
    )
    playlist = result.playlist.read_text(encoding="utf-8").splitlines()
    assert playlist[0] == "#EXTM3U"
    assert [line for line in playlist if not line.startswith("#")] == [p.name for p in result.clips]
    assert "#EXTINF:2," in playlist[2]
    text = _pdf_text(result.pdf)
    assert "Jalan Luwihaji berlubang" in text and "00:01 – 00:04" in text and "edisi publik" in text
    everything = text + "\n".join(playlist) + " ".join(p.name for p in out.iterdir())
    # the public edition (the default) names no reporter, not even one who gave a name
    assert "Harjono" not in everything and "Anonim" in text
    assert "Sumiati" not in everything
    assert "Pungli" not in everything and "Pak Rahasia" not in everything
    assert "081234567890" not in everything and "81234567890" not in everything
    assert store.rundowns.get(rd.id).exported_by == "editor"

    # the internal edition names the reporters who are not anonymous, still never the anonymous one
    internal = export_rundown(store, rd, tmp_path / "internal", by="editor", edition="internal")
    text = _pdf_text(internal.pdf)
    playlist = internal.playlist.read_text(encoding="utf-8")
    assert "Pak Harjono" in text and "Pak Harjono" in playlist and "edisi internal" in text
    assert "Sumiati" not in text + playlist and "Pak Rahasia" not in text + playlist

    # the editor explicitly includes the rahasia case: it is exported and the decision is stored
    entry = rd.entry_for(secret.case.id)
    entry.rahasia_included_by, entry.rahasia_included_at = "editor Rina", utcnow()
    result = export_rundown(store, rd, out, by="editor")
    assert result.left_out == [] and secret.case.id in result.aired
    assert "Pungli di kantor desa" in _pdf_text(result.pdf)
    assert "disertakan secara eksplisit oleh editor Rina" in _pdf_text(result.pdf)
    saved = store.rundowns.get(rd.id).entry_for(secret.case.id)
    assert saved.rahasia_included_by == "editor Rina" and saved.rahasia_included_at is not None


def test_export_with_missing_audio_warns_but_exports(store, tmp_path):
    ac = add_audio_case(store, tmp_path / "audio", ["halo"])
    (tmp_path / "audio" / f"{ac.case.id}.wav").unlink()
    rd = Rundown(
        show_date=date(2026, 12, 4), entries=[new_entry(ac.case, ac.segments, recording_id=ac.recording.id)]
    )
    result = export_rundown(store, rd, tmp_path / "out")
    assert result.clips == [] and "tidak ditemukan" in result.warnings[0]
    assert result.pdf.exists() and result.playlist.read_text().startswith("#EXTM3U")


def test_export_to_an_unusable_folder_says_so(store, tmp_path):
    from radio_desk.errors import ValidationError

    ac = add_audio_case(store, tmp_path / "audio", ["halo"])
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    rd = Rundown(
        show_date=date(2026, 12, 4), entries=[new_entry(ac.case, ac.segments, recording_id=ac.recording.id)]
    )
    with pytest.raises(ValidationError, match="tidak bisa dibuat"):
        export_rundown(store, rd, blocker / "export")
    assert blocker.read_text() == "x"
