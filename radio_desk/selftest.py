"""``radio-desk --self-test``: the smoke test of an installed Radio Desk (Qt-free core).

It proves, on the machine where the app is installed, that the parts a studio relies on are there and
work together: the resources (taxonomy, gazetteer, translations, icons), the local database (opened
and migrated), the settings, the bundled whisper-base model (present, SHA-256 verified), faster-whisper
loading it, a transcription of the bundled Indonesian sample (``resources/selftest/``) in which the
expected key words come back, and the triage suggestions for that transcript (stemmer dictionary).
CI runs it on the PyInstaller build under Xvfb; a support person can ask a station to run it.

Every step prints one line; the first failing step stops the test with one Indonesian sentence saying
what is wrong (an unexpected error also leaves a crash report in the log folder).  The report is
also written to ``<log folder>/self-test.txt`` because on Windows the windowed app has no console.
The exit status is 0 when every step passed, 1 otherwise.  Steps that need Qt (a window on the
display) are passed in by the caller, so this module never imports Qt.
"""

from __future__ import annotations

import json
import platform
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from radio_desk import __version__
from radio_desk.errors import RadioDeskError
from radio_desk.paths import PACKAGE_DIR, app_paths, resource_path

SAMPLE = ("selftest", "sample-id.wav")
SAMPLE_META = ("selftest", "sample-id.json")


@dataclass
class Context:
    """What the steps share: the database to open, and what earlier steps produced."""

    database: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)


StepFn = Callable[[Context], str]  # returns one line of detail; raises on failure


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    detail: str
    seconds: float


@dataclass
class Report:
    results: list[StepResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(r.ok for r in self.results) and not self.skipped

    @property
    def seconds(self) -> float:
        return sum(r.seconds for r in self.results)

    def timing(self, name: str) -> float | None:
        return next((r.seconds for r in self.results if r.name == name), None)


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


# --- the steps -----------------------------------------------------------------------------------------
def step_environment(ctx: Context) -> str:
    paths = app_paths().ensure()
    where = f"terpasang di {Path(sys.executable).parent}" if is_frozen() else f"kode di {PACKAGE_DIR}"
    system = f"{platform.system()} {platform.machine()}"
    return f"Python {platform.python_version()}, {system}, {where}; data di {paths.data}"


def step_resources(ctx: Context) -> str:
    from radio_desk.domain.gazetteer import Gazetteer
    from radio_desk.domain.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    gazetteer = Gazetteer.load()
    missing = [
        "/".join(parts)
        for parts in (SAMPLE, SAMPLE_META, ("icons", "radio-desk.png"), ("fonts", "DejaVuSans.ttf"))
        if not resource_path(*parts).is_file()
    ]
    if missing:
        raise RadioDeskError(f"Berkas sumber daya hilang: {', '.join(missing)}. Pasang ulang Radio Desk.")
    if not taxonomy.categories or not gazetteer.places:
        raise RadioDeskError("Taksonomi kategori atau daftar wilayah kosong. Pasang ulang Radio Desk.")
    translations = len(list(resource_path("translations").glob("*.qm")))
    return (
        f"{len(taxonomy.categories)} kategori, {len(taxonomy.opds)} OPD, {len(gazetteer.places)} wilayah, "
        f"{translations} berkas terjemahan"
    )


def step_database(ctx: Context) -> str:
    from radio_desk.store import migrate, open_store

    path = ctx.database or app_paths().database
    path.parent.mkdir(parents=True, exist_ok=True)
    with open_store(path) as store:
        revision = store.revision()
        cases = store.cases.count()
    head = migrate.head_revision()
    if revision != head:
        raise RadioDeskError(f"Skema basis data {path} ada di revisi {revision}, seharusnya {head}.")
    return f"{path} (skema {revision}, {cases} aduan)"


def step_settings(ctx: Context) -> str:
    from radio_desk.settings import SETTINGS_VERSION, Settings

    settings = Settings()
    stored = SETTINGS_VERSION
    if settings.path.is_file():  # an older version's file is upgraded in memory by Settings.load()
        raw = json.loads(settings.path.read_text(encoding="utf-8"))
        stored = int(raw.get("version", 1)) if isinstance(raw, dict) else SETTINGS_VERSION
    version = f"versi {stored} → {SETTINGS_VERSION}" if stored != SETTINGS_VERSION else f"versi {stored}"
    device = settings.get("audio_device") or "bawaan"
    return f"{settings.path} ({version}, {len(settings.as_dict())} opsi, input audio: {device})"


def step_model(ctx: Context) -> str:
    from radio_desk.transcribe.models import (
        BUNDLED_SIZE,
        ensure_bundled_model,
        packaged_model_dir,
        verify_bundled_model,
    )

    folder = ensure_bundled_model()
    verify_bundled_model()
    ctx.values["model"] = folder
    where = "di dalam aplikasi" if folder == packaged_model_dir() else "di folder pengguna"
    return f"whisper-base {where}: {folder} ({BUNDLED_SIZE / 1e6:.0f} MB, SHA-256 cocok)"


def step_load_engine(ctx: Context) -> str:
    from radio_desk.transcribe.faster import FasterWhisperEngine

    engine = FasterWhisperEngine(ctx.values["model"])
    ctx.values["engine"] = engine
    return f"faster-whisper ({engine.device}, {engine.compute_type}, {engine.cpu_threads} thread)"


def step_transcribe(ctx: Context) -> str:
    from radio_desk.transcribe import TranscribeOptions
    from radio_desk.transcribe.audio_io import load_audio

    meta = json.loads(resource_path(*SAMPLE_META).read_text(encoding="utf-8"))
    audio = load_audio(resource_path(*SAMPLE))
    result = ctx.values["engine"].transcribe(audio, TranscribeOptions(language="id"))
    words = set(re.findall(r"\w+", result.text.lower()))
    found = [k for k in meta["keywords"] if k in words]
    ctx.values["transcript"] = result.text
    if len(found) < int(meta["min_keywords"]):
        raise RadioDeskError(
            f"Transkripsi contoh tidak sesuai: hanya {len(found)} dari {len(meta['keywords'])} kata kunci "
            f"dikenali ({', '.join(found) or 'tidak ada'}); hasil: «{result.text}»."
        )
    return f"«{result.text}» ({len(found)}/{len(meta['keywords'])} kata kunci, {result.duration:.1f} s audio)"


def step_triage(ctx: Context) -> str:
    from radio_desk.triage.suggest import Suggester

    meta = json.loads(resource_path(*SAMPLE_META).read_text(encoding="utf-8"))
    suggestion = Suggester().suggest(ctx.values["transcript"])
    codes = [c.code for c in suggestion.categories]
    if meta["category"] not in codes:
        raise RadioDeskError(
            f"Saran kategori untuk contoh tidak memuat '{meta['category']}' (didapat: {', '.join(codes)})."
        )
    return f"kategori {', '.join(codes)}; OPD {suggestion.opd}; urgensi {suggestion.urgency.value}"


CORE_STEPS: list[tuple[str, StepFn]] = [
    ("lingkungan", step_environment),
    ("sumber daya", step_resources),
    ("basis data", step_database),
    ("pengaturan", step_settings),
    ("model", step_model),
    ("muat model", step_load_engine),
    ("transkripsi", step_transcribe),
    ("saran triase", step_triage),
]


# --- running -------------------------------------------------------------------------------------------
def run_steps(
    steps: Sequence[tuple[str, StepFn]], ctx: Context, emit: Callable[[str], None] = print
) -> Report:
    report = Report()
    width = max(len(name) for name, _ in steps)
    for index, (name, fn) in enumerate(steps):
        started = time.perf_counter()
        try:
            detail, ok = fn(ctx), True
        except RadioDeskError as err:
            detail, ok = str(err), False
        except Exception as err:  # unexpected: keep the details for support, show one sentence
            from radio_desk.logs import write_crash_report

            crash = write_crash_report(type(err), err, err.__traceback__, context=f"self-test: {name}")
            detail, ok = f"kesalahan tak terduga ({type(err).__name__}: {err}); laporan: {crash}", False
        seconds = time.perf_counter() - started
        report.results.append(StepResult(name, ok, detail, seconds))
        emit(f"[{'OK' if ok else 'GAGAL':5}] {name:<{width}} {seconds:6.2f} s  {detail}")
        if not ok:
            report.skipped = [n for n, _ in steps[index + 1 :]]
            break
    return report


def run_self_test(
    database: Path | None = None,
    extra_steps: Sequence[tuple[str, StepFn]] = (),
    emit: Callable[[str], None] = print,
) -> Report:
    """Run every step, print one line each and a verdict; write the same text to the log folder."""
    lines: list[str] = []

    def out(line: str) -> None:
        lines.append(line)
        emit(line)

    out(f"Radio Desk {__version__}: uji mandiri{' (aplikasi terpasang)' if is_frozen() else ''}")
    report = run_steps([*CORE_STEPS, *extra_steps], Context(database=database), out)
    if report.ok:
        out(f"Uji mandiri BERHASIL: {len(report.results)} langkah OK dalam {report.seconds:.1f} detik.")
    else:
        failed = report.results[-1].name
        skipped = f"; tidak dijalankan: {', '.join(report.skipped)}" if report.skipped else ""
        out(f"Uji mandiri GAGAL pada langkah '{failed}'{skipped}.")
    try:
        target = app_paths().logs / "self-test.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError:
        pass  # the console output is what matters; a read-only log folder must not fail the test
    return report
