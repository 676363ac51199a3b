"""Call-length audio for the benchmarks: real clips of ``shared/eval/speech`` joined into calls.

A call is clips of one corpus (one speaker after another, like a caller and the host taking turns)
joined with 0.6-1.6 s pauses up to about two minutes, hanging up as the last word ends.  The pauses hold
very faint noise (about -80 dBFS), not digital zeros: no telephone line or studio is that silent.
Groups: ``id`` (Indonesian, clean), ``id-tel`` (the same calls through a telephone band with sox:
300-3400 Hz, 8 kHz mu-law, back to 16 kHz) and ``jv`` (Javanese, jv_tubes2).  Indonesian calls use
each clip once; Javanese has fewer clips than calls need, so each Javanese call is another seeded
order of the same clips.  Everything is seeded: the same calls every run.  Built calls are cached in
``bench/.cache/calls`` (gitignored).
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.common import ROOT, SHARED

MANIFEST = SHARED / "eval" / "speech" / "manifest.tsv"
CACHE = ROOT / "bench" / ".cache" / "calls"
RATE = 16_000
CALL_S = 120.0
SEED = 15
GROUPS = ("id", "id-tel", "jv")


@dataclass(frozen=True)
class Call:
    name: str  # e.g. "id-1"
    group: str  # "id" | "id-tel" | "jv"
    language: str  # Whisper's code: "id" | "jw"
    path: Path  # 16 kHz mono 16-bit WAV
    clip_refs: tuple[str, ...]  # reference text of each clip, in order
    seconds: float

    @property
    def reference(self) -> str:
        return " ".join(self.clip_refs)


def _read_wav(path: Path) -> np.ndarray:
    from radio_desk.transcribe.audio_io import load_audio

    return load_audio(path)


def _write_wav(path: Path, audio: np.ndarray) -> None:
    import wave

    pcm = np.clip(np.round(audio * 32767), -32768, 32767).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())


def telephone(src: Path, dest: Path) -> None:
    """A telephone-band copy: 300-3400 Hz, 8 kHz mu-law, back to 16 kHz 16-bit (sox, without its random
    dither: the same call gives the same file, so telephone WERs compare across runs and machines)."""
    narrow = dest.with_suffix(".8k.wav")
    subprocess.run(
        ["sox", "-D", str(src), "-r", "8000", "-e", "u-law", "-b", "8", str(narrow), "sinc", "300-3400"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["sox", "-D", str(narrow), "-r", "16000", "-e", "signed", "-b", "16", str(dest)],
        check=True,
        capture_output=True,
    )
    narrow.unlink()


def _plan(per_group: int, seed: int = SEED) -> dict[str, list[list]]:
    """Which clips make which call (seeded)."""
    from radio_desk.transcribe.evaluate import read_manifest

    rng = np.random.default_rng(seed)
    clips = read_manifest(MANIFEST)
    plans: dict[str, list[list]] = {"id": [], "jv": []}
    # Indonesian: corpus by corpus, speaker by speaker (a shuffled corpus order), each clip once
    ids = [c for c in clips if c.lang == "id"]
    corpora = sorted({c.path.parent.name for c in ids})
    rng.shuffle(corpora)
    ordered = [
        c
        for corpus in corpora
        for c in sorted(ids, key=lambda c: c.path.name)
        if c.path.parent.name == corpus
    ]
    call: list = []
    total = 0.0
    for clip in ordered:
        if total + clip.duration_s + 1.1 > CALL_S and call:
            plans["id"].append(call)
            call, total = [], 0.0
        call.append(clip)
        total += clip.duration_s + 1.1
    if call and total > CALL_S / 2:
        plans["id"].append(call)
    jvs = [c for c in clips if c.lang == "jv"]
    for _ in range(per_group):
        order = list(jvs)
        rng.shuffle(order)
        call, total = [], 0.0
        for clip in order:
            if total + clip.duration_s + 1.1 > CALL_S:
                break
            call.append(clip)
            total += clip.duration_s + 1.1
        plans["jv"].append(call)
    plans["id"] = plans["id"][:per_group]
    return plans


def ready_to_measure(bench: str, threads: int) -> bool:
    """Whether the clips are here (they live outside the repo); says SKIPPED when not.  Also pins
    OpenMP to the benchmark's thread count, as every call-length bench needs."""
    if not MANIFEST.exists():
        print(f"{bench}: SKIPPED — {MANIFEST} not found (the measuring data lives outside the repo)")
        return False
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    return True


def build_calls(per_group: int = 3, seed: int = SEED) -> list[Call]:
    """The benchmark's calls (built once, then read from the cache).  Another ``seed`` gives other
    calls of the same clips (other orders, other pauses, so other window boundaries): calls to check
    a choice on that were not used to make it."""
    CACHE.mkdir(parents=True, exist_ok=True)
    plans = _plan(per_group, seed)
    calls: list[Call] = []
    for lang, plan in plans.items():
        for k, clips in enumerate(plan, start=1):
            name = f"{lang}-{k}" if seed == SEED else f"s{seed}-{lang}-{k}"
            wav = CACHE / f"{name}.wav"
            meta = CACHE / f"{name}.json"
            key = [str(c.path.relative_to(MANIFEST.parent)) for c in clips]
            if not (wav.is_file() and meta.is_file() and json.loads(meta.read_text())["clips"] == key):
                rng = np.random.default_rng([seed, k, len(lang)])
                parts = [rng.normal(0, 1e-4, int(0.5 * RATE)).astype(np.float32)]
                for i, clip in enumerate(clips):
                    parts.append(_read_wav(clip.path))
                    if i < len(clips) - 1:
                        pause = rng.uniform(0.6, 1.6)
                        parts.append(rng.normal(0, 1e-4, int(pause * RATE)).astype(np.float32))
                _write_wav(wav, np.concatenate(parts))
                meta.write_text(json.dumps({"clips": key}))
            seconds = _read_wav(wav).size / RATE
            refs = tuple(c.transcript for c in clips)
            whisper_lang = "jw" if lang == "jv" else "id"
            calls.append(Call(name, lang, whisper_lang, wav, refs, seconds))
            if lang == "id":
                tel = CACHE / f"{name}-tel-nodither.wav"  # files made with dither differ per build
                if not tel.is_file() or tel.stat().st_mtime < wav.stat().st_mtime:
                    telephone(wav, tel)
                calls.append(Call(f"{name}-tel", "id-tel", "id", tel, refs, seconds))
    order = {g: i for i, g in enumerate(GROUPS)}
    return sorted(calls, key=lambda c: (order[c.group], c.name))


def clip_errors(clip_refs: tuple[str, ...], hypothesis: str) -> list[tuple[int, int]]:
    """(errors, reference words) per clip of a call: one word alignment of the whole call, each edit
    charged to the clip of its reference word (an insertion to the clip of the word before it)."""
    from radio_desk.transcribe.wer import words

    ref: list[str] = []
    owner: list[int] = []
    for i, text in enumerate(clip_refs):
        w = words(text)
        ref += w
        owner += [i] * len(w)
    hyp = words(hypothesis)
    n, m = len(ref), len(hyp)
    d = np.zeros((n + 1, m + 1), np.int32)
    d[:, 0] = np.arange(n + 1)
    d[0, :] = np.arange(m + 1)
    for i in range(1, n + 1):
        r = ref[i - 1]
        row, prev = d[i], d[i - 1]
        for j in range(1, m + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (r != hyp[j - 1]))
    errors = [0] * len(clip_refs)
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i, j] == d[i - 1, j - 1] + (ref[i - 1] != hyp[j - 1]):
            errors[owner[i - 1]] += int(ref[i - 1] != hyp[j - 1])
            i, j = i - 1, j - 1
        elif i > 0 and d[i, j] == d[i - 1, j] + 1:
            errors[owner[i - 1]] += 1
            i -= 1
        else:
            errors[owner[i - 1] if i > 0 else 0] += 1
            j -= 1
    counts = [0] * len(clip_refs)
    for o in owner:
        counts[o] += 1
    return list(zip(errors, counts, strict=True))


def long_call(seconds: float = 180.0) -> Call:
    """One Indonesian call of about ``seconds`` (the live target is stated for a 3-minute call)."""
    from radio_desk.transcribe.evaluate import read_manifest

    clips = sorted((c for c in read_manifest(MANIFEST) if c.lang == "id"), key=lambda c: str(c.path))
    wav = CACHE / f"id-long-{int(seconds)}.wav"
    rng = np.random.default_rng([SEED, int(seconds)])
    parts = [rng.normal(0, 1e-4, int(0.5 * RATE)).astype(np.float32)]
    refs: list[str] = []
    total = 0.5
    for clip in clips:
        if total + clip.duration_s > seconds:
            break
        if refs:
            pause = rng.uniform(0.6, 1.6)
            parts.append(rng.normal(0, 1e-4, int(pause * RATE)).astype(np.float32))
            total += pause
        parts.append(_read_wav(clip.path))
        refs.append(clip.transcript)
        total += clip.duration_s
    if not wav.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        _write_wav(wav, np.concatenate(parts))
    return Call(wav.stem, "id", "id", wav, tuple(refs), _read_wav(wav).size / RATE)
