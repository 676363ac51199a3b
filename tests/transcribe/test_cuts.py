"""Segments decoded from VAD-concatenated speech are dated to the chunk their words are in, for files
and live calls alike (radio_desk/transcribe/guarded.py, ``across_cut``).

Whisper starts a segment where the one before it ended: in the concatenated speech that is in the pad
at the end of the chunk before, and stock ``restore_speech_timestamps`` then dates the words to that
chunk, minutes before they were said (docs/asr-decoding.md, "A complaint lost at the end of a window").
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from radio_desk.transcribe import Engine, TranscribeOptions
from radio_desk.transcribe.guarded import CUT_SNAP_S, across_cut

SR = 16_000
# three 7.73 s chunks of the 10-minute test, as the VAD keeps them: where they are in the concatenated
# speech (their ends) and in the call
CUTS = [7.73, 15.46, 23.19]
CALL_STARTS = [29.62, 299.62, 569.62]


def test_a_segment_starting_in_the_pad_before_a_cut_starts_after_it() -> None:
    # what whisper-base wrote for three complaints: 0-7, 7-15, 15-23 in the concatenated speech
    assert across_cut(0.0, 7.0, CUTS) == (0.0, 0, 7.0, 0)
    assert across_cut(7.0, 15.0, CUTS) == (7.73, 1, 15.0, 1)
    assert across_cut(15.0, 23.0, CUTS) == (15.46, 2, 23.0, 2)


def test_an_end_just_after_a_cut_ends_before_it() -> None:
    assert across_cut(3.0, 7.73 + CUT_SNAP_S / 2, CUTS) == (3.0, 0, 7.73, 0)


def test_segments_within_a_chunk_or_truly_across_a_cut_are_stocks() -> None:
    assert across_cut(1.0, 6.0, CUTS) == (1.0, 0, 6.0, 0)
    assert across_cut(4.0, 12.0, CUTS) == (4.0, 0, 12.0, 1)  # seconds of it on either side
    assert across_cut(7.73, 9.0, CUTS) == (7.73, 1, 9.0, 1)  # a start at a cut: the chunk after it
    assert across_cut(5.0, 7.73, CUTS) == (5.0, 0, 7.73, 0)  # an end at a cut: the chunk before it
    assert across_cut(20.0, 30.0, CUTS) == (20.0, 2, 30.0, 2)  # past the last chunk: stock's
    assert across_cut(6.9, 9.0, [23.19]) == (6.9, 0, 9.0, 0)  # one chunk: nothing to place


def _chunks() -> list[dict]:
    return [{"start": round(s * SR), "end": round((s + 7.73) * SR)} for s in CALL_STARTS]


def test_file_segments_are_dated_to_the_chunk_of_their_words(fw_engine: Engine) -> None:
    model = fw_engine._model
    segments = [SimpleNamespace(start=a, end=b) for a, b in ((0.0, 7.0), (7.0, 15.0), (15.0, 23.0))]
    placed = [(s.start, s.end) for s in model._restore(segments, _chunks(), SR)]
    # stock: (29.62, 36.62), (36.62, 306.89), (306.89, 577.16): the third complaint dated to the second
    assert placed == [(29.62, 36.62), (299.62, 306.89), (569.62, 577.16)]


def test_live_segments_are_placed_as_a_files(fw_engine: Engine) -> None:
    decoder = fw_engine.window_decoder(TranscribeOptions(language="id", vad=True))
    for chunk in _chunks():
        decoder.push(chunk["start"], np.zeros(chunk["end"] - chunk["start"], np.float32))
    assert [decoder._place(a, b) for a, b in ((0.0, 7.0), (7.0, 15.0), (15.0, 23.0))] == [
        pytest.approx(p, abs=1e-3) for p in [(29.62, 36.62), (299.62, 306.89), (569.62, 577.16)]
    ]


@pytest.mark.slow
def test_two_complaints_cut_apart_by_the_vad_are_each_where_they_were_said(
    fw_engine: Engine, speech: np.ndarray, heard
) -> None:
    rng = np.random.default_rng(5)
    audio = (rng.standard_normal(60 * SR) * 0.003).astype(np.float32)
    starts = (3, 45)  # 35 s of room noise between them: the VAD cuts it out
    for s in starts:
        audio[s * SR : s * SR + speech.size] += speech
    result = fw_engine.transcribe(audio, TranscribeOptions(language="id", vad=True))
    spoken = [s for s in result.segments if s.text.strip()]
    for s in starts:
        near = [seg for seg in spoken if s - 1 <= seg.start <= s + speech.size / SR]
        assert near and {"jalan", "rusak"} <= heard(" ".join(x.text for x in near)), (
            s,
            [(x.start, x.end, x.text) for x in spoken],
        )
    assert all(seg.end - seg.start < 10 for seg in spoken), [(x.start, x.end) for x in spoken]
