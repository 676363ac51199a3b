"""``radio-desk report weekly|csv``: the Friday review PDF and CSV exports of filtered cases."""

from __future__ import annotations

import argparse

from radio_desk.errors import ValidationError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", help="weekly review PDF, CSV export")
    rsub = p.add_subparsers(dest="report_command", metavar="WHAT", required=True)

    w = rsub.add_parser("weekly", parents=[common], help="weekly review report (PDF)")
    w.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="first day, 2017-04-07")
    w.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="last day (inclusive)")
    w.add_argument("--station", default=None, metavar="CODE")
    w.add_argument("--edition", default="internal", choices=["internal", "public"])
    w.add_argument("--by", default=None, metavar="NAME", help="who generates it (default: the login name)")
    w.add_argument("--out", required=True, metavar="FILE.pdf")
    w.set_defaults(handler=_weekly)

    c = rsub.add_parser("csv", parents=[common], help="CSV of a filtered case list (UTF-8 with BOM)")
    c.add_argument("--from", dest="date_from", default=None, metavar="DATE")
    c.add_argument("--to", dest="date_to", default=None, metavar="DATE")
    c.add_argument("--station", default=None, metavar="CODE")
    for name in ("status", "category", "opd", "urgency", "channel", "kecamatan"):
        c.add_argument(f"--{name}", default=None, metavar="CODE")
    c.add_argument("--edition", default="internal", choices=["internal", "public"])
    c.add_argument("--separator", default=";", choices=[";", ","], help="column separator (default ;)")
    c.add_argument("--out", required=True, metavar="FILE.csv")
    c.set_defaults(handler=_csv)


def _dates(args: argparse.Namespace, required: bool):  # type: ignore[no-untyped-def]
    from radio_desk.reports.indonesian import parse_date

    if not args.date_from and not args.date_to and not required:
        return None, None
    if not args.date_from or not args.date_to:
        raise ValidationError("Isi --from dan --to bersama-sama.", field="from")
    start, end = parse_date(args.date_from, "--from"), parse_date(args.date_to, "--to")
    if end < start:
        raise ValidationError("Tanggal --to lebih awal dari --from.", field="to")
    return start, end


def _weekly(args: argparse.Namespace) -> int:
    from radio_desk.domain.workdays import regency_days_off
    from radio_desk.reports.desk import write_weekly_report
    from radio_desk.reports.indonesian import format_int
    from radio_desk.settings import Settings

    start, end = _dates(args, required=True)
    days_off = regency_days_off(Settings()["regency_holidays"])
    fig = write_weekly_report(
        args.database, start, end, args.out, station=args.station, edition=args.edition, by=args.by,
        holidays=days_off,
    )  # fmt: skip
    print(f"Laporan ditulis ke {args.out}: {format_int(fig.received)} aduan.")
    return 0


def _check_filters(args: argparse.Namespace) -> None:
    """A misspelt filter value would silently give an empty file: say which values exist instead."""
    from radio_desk.domain.enums import Channel, Status, Urgency
    from radio_desk.domain.gazetteer import get_gazetteer
    from radio_desk.domain.taxonomy import get_taxonomy

    tax = get_taxonomy()
    known = {
        "status": [s.value for s in Status],
        "urgency": [u.value for u in Urgency],
        "channel": [c.value for c in Channel],
        "category": list(tax.categories),
        "opd": list(tax.opds),
    }
    for name, values in known.items():
        value = getattr(args, name)
        if value and value not in values:
            raise ValidationError(
                f"--{name} \u201c{value}\u201d tidak dikenal; pilih salah satu: {', '.join(values)}.",
                field=name,
            )
    if args.kecamatan and not get_gazetteer().name(args.kecamatan):
        raise ValidationError(
            f"--kecamatan \u201c{args.kecamatan}\u201d bukan kode wilayah yang dikenal (contoh: 35.22.16).",
            field="kecamatan",
        )


def _csv(args: argparse.Namespace) -> int:
    from radio_desk.reports.csv_export import write_cases_csv
    from radio_desk.reports.desk import iter_cases

    start, end = _dates(args, required=False)
    _check_filters(args)
    where = {
        "status": args.status,
        "category": args.category,
        "opd": args.opd,
        "urgency": args.urgency,
        "channel": args.channel,
        "kecamatan_code": args.kecamatan,
    }
    n = write_cases_csv(
        iter_cases(args.database, start, end, args.station, **where), args.out, args.edition, args.separator
    )
    print(f"{n} aduan ditulis ke {args.out}.")
    return 0
