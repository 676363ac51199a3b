"""``radio-desk record`` / ``import`` / ``devices``: headless capture, file import, input listing."""

from __future__ import annotations

import argparse
import queue as queues
import signal
import sys
import threading
import time
import uuid
from pathlib import Path

from radio_desk.errors import RadioDeskError, ValidationError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "record",
        parents=[common],
        help="record one call from an input device (headless)",
        description="Record one call to a crash-safe WAV (then FLAC) in the recordings folder; "
        "prints the file path and the recording id.",
    )
    p.add_argument("--device", default=None, metavar="NAME", help="input device (default: from settings)")
    p.add_argument("--seconds", type=float, required=True, metavar="N", help="length of the recording")
    p.add_argument("--case", default=None, metavar="UUID", help="attach the recording to this case")
    p.add_argument("--samplerate", type=int, default=None, metavar="HZ", help="default: the device's own")
    p.add_argument("--channel-map", default=None, choices=["mono", "mix", "split"])
    p.add_argument("--preroll", type=float, default=None, metavar="S", help="listen this long before")
    p.add_argument("--flac", dest="flac", action="store_true", default=None, help="archive as FLAC after")
    p.add_argument("--no-flac", dest="flac", action="store_false")
    p.set_defaults(handler=_record)

    i = sub.add_parser(
        "import",
        parents=[common],
        help="import audio files as new cases",
        description="Import WAV, FLAC, OGG/Opus (WhatsApp voice notes), MP3, M4A/AAC and AMR/3GP (phone "
        "recordings) as new cases.",
    )
    i.add_argument("files", nargs="+", metavar="FILE")
    i.add_argument(
        "--transcribe",
        action="store_true",
        help="transcribe each imported file and fill its case from the suggestions (summary, urgency, "
        "place, OPD) while the next files import",
    )
    i.add_argument("--model", default=None, metavar="PATH|NAME", help="with --transcribe: the Whisper model")
    i.set_defaults(handler=_import)

    d = sub.add_parser("devices", parents=[common], help="list audio input devices")
    d.set_defaults(handler=_devices)


def _settings():
    from radio_desk.settings import Settings

    try:
        return Settings()
    except Exception:  # settings must never stop a recording
        return None


def _catalog(what: str, fn, *a, **kw):
    """A database problem must never cost a recording: the file and its sidecar are already safe."""
    try:
        return fn(*a, **kw)
    except Exception as err:
        print(
            f"peringatan: {what} tidak tercatat di basis data ({err}); berkas audio dan catatan JSON-nya "
            "tetap aman.",
            file=sys.stderr,
        )
        return None


def _check_case(case_id: uuid.UUID, database: str | None) -> None:
    """Refuse a ``--case`` the database does not know, before anything is recorded.  If the database
    itself cannot be opened the recording goes ahead (its sidecar keeps the case id)."""
    from radio_desk.services.catalog import case_exists

    try:
        found = case_exists(case_id, database)
    except Exception as err:
        print(f"peringatan: aduan {case_id} tidak bisa diperiksa di basis data ({err}).", file=sys.stderr)
        return
    if found is False:
        raise ValidationError(
            f"Aduan {case_id} tidak ada di basis data; periksa --case (atau --database).", field="case"
        )


def _record(args: argparse.Namespace) -> int:
    from radio_desk.audio import ownership
    from radio_desk.audio.archive import archive_to_flac
    from radio_desk.audio.recorder import Recorder
    from radio_desk.audio.recovery import recover_recordings
    from radio_desk.services.catalog import apply_recovery, save_recording

    if args.seconds <= 0:
        raise ValidationError("--seconds harus lebih dari 0.", field="seconds")
    case_id = None
    if args.case:
        try:
            case_id = uuid.UUID(args.case)
        except ValueError as err:
            raise ValidationError(f"--case '{args.case}' bukan UUID yang valid.", field="case") from err
    if case_id is not None:
        _check_case(case_id, args.database)
    s = _settings()
    get = (lambda k: s.get(k)) if s is not None else (lambda k: None)
    report = recover_recordings()
    for problem in report.problems:
        print(f"peringatan: {problem}", file=sys.stderr)
    if report.recovered:
        _catalog("rekaman yang dipulihkan", apply_recovery, report, args.database)
        print(f"{len(report.recovered)} rekaman yang terputus dipulihkan.", file=sys.stderr)

    recorder = Recorder(
        args.device or get("audio_device"),
        samplerate=args.samplerate or get("audio_samplerate"),
        channel_map=args.channel_map or get("channel_map") or "mono",
        preroll_seconds=args.preroll if args.preroll is not None else (get("preroll_seconds") or 10.0),
    )
    flac = args.flac if args.flac is not None else bool(get("archive_flac"))
    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
    with recorder:
        st = recorder.status()
        if st.device_warning:
            print(f"peringatan: {st.device_warning}", file=sys.stderr)
        rec = recorder.start_recording(case_id)
        ownership.claim(Path(rec.path))  # the recorder's hold ends at stop; this one after archiving
        deadline = time.monotonic() + args.seconds
        # first the path and id (the file and its sidecar are already safe), then the database row
        print(f"Merekam: {rec.path}", flush=True)
        print(f"ID rekaman: {rec.id}", flush=True)
        _catalog("rekaman", save_recording, rec, args.database)
        shown: set[str] = set()
        try:
            while time.monotonic() < deadline and not stop["now"]:
                time.sleep(0.05)
                for msg in recorder.status().messages():
                    if msg not in shown and "sinyal selama" not in msg:
                        shown.add(msg)
                        print(f"peringatan: {msg}", file=sys.stderr, flush=True)
        except KeyboardInterrupt:
            pass
        rec = recorder.stop_recording()
    try:
        if flac:
            try:
                rec = archive_to_flac(rec)
            except RadioDeskError as err:  # the WAV stays the recording
                print(f"peringatan: {err}", file=sys.stderr)
        _catalog("rekaman", save_recording, rec, args.database)
    finally:
        ownership.release(Path(rec.path))
    print(f"Selesai: {rec.path} ({rec.duration_s:.1f} detik, {rec.state.value})", flush=True)
    return 0


def _import(args: argparse.Namespace) -> int:
    from radio_desk.audio.importer import discard_import, import_audio_file
    from radio_desk.services.catalog import already_imported, import_as_case

    s = _settings()
    station = (s.get("station_code") if s is not None else "") or "lokal"  # as the desk does
    failed = 0
    queue: queues.Queue = queues.Queue()  # imported files waiting for transcription
    worker: threading.Thread | None = None
    done = {"failed": 0}
    for name in args.files:
        try:
            known = already_imported(Path(name), args.database)
        except RadioDeskError:  # a missing or unreadable file: the import below says why
            known = None
        if known is not None:
            print(
                f"peringatan: {name} sudah pernah diimpor (aduan {known.id}); diimpor lagi sebagai "
                "aduan baru.",
                file=sys.stderr,
            )
        try:
            imp = import_audio_file(Path(name))
        except RadioDeskError as err:  # one bad file must not stop the others
            print(f"radio-desk: {err}", file=sys.stderr)
            failed += 1
            continue
        try:
            case_id = import_as_case(imp, args.database, station=station)
        except RadioDeskError as err:  # no case: the copy would never be found again, so it goes
            left = discard_import(imp)
            kept = f" Salinan yang tertinggal: {', '.join(map(str, left))}." if left else ""
            print(
                f"radio-desk: {name} tidak diimpor: {err} Berkas aslinya tidak diubah; jalankan impor "
                f"lagi setelah masalahnya diatasi.{kept}",
                file=sys.stderr,
            )
            failed += 1
            continue
        rec = imp.recording
        where = f"aduan {case_id}" if case_id else "tanpa basis data"
        print(
            f"{name}: {rec.duration_s:.1f} detik, {rec.samplerate} Hz → {rec.path} "
            f"({where}, rekaman {rec.id})",
            flush=True,
        )
        if args.transcribe and case_id:
            queue.put((name, case_id, rec))
            if worker is None:
                worker = threading.Thread(target=_triage_imports, args=(queue, args, done), daemon=True)
                worker.start()
    if worker is not None:
        queue.put(None)
        worker.join()
        failed += done["failed"]
    return 2 if failed else 0


def _triage_imports(queue: queues.Queue, args: argparse.Namespace, done: dict) -> None:
    """Transcribe and triage imported files one after the other, while the main thread imports."""
    from radio_desk.services.catalog import open_database
    from radio_desk.services.imported import transcribe_and_triage
    from radio_desk.transcribe import load_engine
    from radio_desk.triage.seed import load_or_train
    from radio_desk.triage.suggest import Suggester

    try:
        engine = load_engine("faster-whisper", args.model)
        s = _settings()
        suggester = Suggester(regency_code=(s.get("home_regency") if s is not None else None) or None)
        suggester.set_seed(load_or_train())  # what a fresh desk suggests with (seconds the first time)
    except RadioDeskError as err:
        print(f"radio-desk: transkripsi tidak bisa dimulai: {err}", file=sys.stderr)
        done["failed"] += 1
        while queue.get() is not None:  # the files stay imported, without a transcript
            pass
        return
    while True:
        item = queue.get()
        if item is None:
            return
        name, case_id, rec = item
        store = open_database(args.database)
        try:
            with store:
                found = transcribe_and_triage(store, case_id, rec, engine, suggester)
        except RadioDeskError as err:
            print(f"radio-desk: {name}: transkripsi/saran gagal: {err}", file=sys.stderr)
            done["failed"] += 1
            continue
        s = found.suggestion
        if s is None:
            print(f"{name}: tidak ada ucapan yang terdengar; aduan {case_id} diisi manual.", flush=True)
            continue
        place = " / ".join(p.name for p in (s.kecamatan, s.desa) if p is not None) or "-"
        print(
            f"{name}: saran {s.categories[0].name} ({s.categories[0].score:.2f}), urgensi "
            f"{s.urgency.label}, tempat {place}; ringkasan: {s.summary or '-'}"
            + (f" [diisi: {', '.join(found.changed)}]" if found.changed else ""),
            flush=True,
        )


def _devices(args: argparse.Namespace) -> int:
    from radio_desk.audio.devices import list_input_devices

    devices = list_input_devices()
    if not devices:
        print("Tidak ada perangkat input audio.")
        return 0
    for d in devices:
        mark = "*" if d.is_default else " "
        print(f"{mark} {d.name}  ({d.hostapi}, {d.max_input_channels} kanal, {int(d.default_samplerate)} Hz)")
    return 0
