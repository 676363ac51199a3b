"""``radio-desk-server``: run the central server and manage its stations, staff and cases.

    radio-desk-server serve [--host H] [--port P] [--database URL]
    radio-desk-server station add|list|rotate|revoke [NAME]
    radio-desk-server user add NAME --role admin|coordinator|opd [--opd CODE]   (and list|rotate|revoke)
    radio-desk-server user password NAME     (the console password, read from standard input)
    radio-desk-server status ID STATUS [--note T] [--opd CODE] [--duplicate-of ID]
    radio-desk-server overdue [--json]
    radio-desk-server notify                 (deadline reminders to the OPDs by mail, for cron)
    radio-desk-server report weekly --from DATE --to DATE [--edition internal|public] --out FILE.pdf

A new key is printed once, alone on the last line of the output; only its hash is stored.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from contextlib import contextmanager

from radio_desk.errors import RadioDeskError, run_command
from radio_desk.server.auth import Principal, Role

STATION_ROLES = {Role.STATION}
STAFF_ROLES = {Role.ADMIN, Role.COORDINATOR, Role.OPD}  # the `user` command's accounts


@contextmanager
def _database(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The settings and a sessionmaker over the migrated database of ``--database``; the engine is
    disposed of at the end."""
    from radio_desk.server.config import ServerSettings
    from radio_desk.server.db import make_engine, make_sessionmaker, migrate

    settings = ServerSettings.from_env(args.database)
    engine = make_engine(settings.database_url)
    try:
        migrate(engine)
        yield settings, make_sessionmaker(engine)
    finally:
        engine.dispose()


def _now(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The hidden ``--now`` (tests), else None: the clock's time."""
    from radio_desk.server.intake import parse_datetime

    return parse_datetime(args.now, "--now") if args.now else None


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from radio_desk.server.app import create_app
    from radio_desk.server.config import ServerSettings

    settings = ServerSettings.from_env(args.database)
    app = create_app(settings)
    where = settings.database_url.split("@")[-1] if "@" in settings.database_url else settings.database_url
    print(
        f"radio-desk-server: basis data {where}; mendengarkan di http://{args.host}:{args.port}", flush=True
    )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        access_log=args.access_log,
    )
    return 0


def _accounts(args: argparse.Namespace, roles: set[Role]) -> int:
    from radio_desk.server import accounts

    with _database(args) as (_settings, sm), sm() as session:
        if args.action == "add":
            role = Role(getattr(args, "role", None) or "station")
            if role not in roles:
                raise RadioDeskError(f"Peran \u201c{role}\u201d tidak berlaku di sini.")
            opd = getattr(args, "opd", None)
            key = accounts.add_account(session, args.name, role, opd, getattr(args, "email", None))
            what = f"{role}, OPD {opd}" if opd else str(role)
            print(
                f"Akun {args.name} ({what}) dibuat. Simpan kunci API ini sekarang; kunci tidak bisa "
                "ditampilkan lagi:"
            )
            print(key)
        elif args.action == "password":
            password = read_password(args.name)
            accounts.set_password(session, args.name, password, roles)
            print(f"Kata sandi konsol untuk {args.name} disimpan; sesi konsol yang terbuka diakhiri.")
        elif args.action == "rotate":
            key = accounts.rotate_key(session, args.name, roles)
            print(f"Kunci baru untuk {args.name}; kunci lama tidak berlaku lagi:")
            print(key)
        elif args.action == "revoke":
            accounts.revoke_key(session, args.name, roles)
            print(f"Kunci {args.name} dicabut.")
        else:
            rows = accounts.list_accounts(session, roles)
            if not rows:
                print("(belum ada akun)")
            for a in rows:
                state = "dicabut " + a.revoked_at.date().isoformat() if a.revoked_at else "aktif"
                extra = (f" OPD {a.opd}" if a.opd else "") + (" sandi" if a.has_password else "")
                print(
                    f"{a.name:<30} {a.role:<12} {a.key_prefix or '-':<10}… {state:<20} "
                    f"dibuat {a.created_at.date().isoformat()}{extra}"
                )
    return 0


def read_password(name: str) -> str:
    """The new password, never echoed: asked twice on a terminal, else one line from standard input."""
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass(f"Kata sandi baru untuk {name}: ")
        if getpass.getpass("Ulangi kata sandi: ") != first:
            raise RadioDeskError("Kedua kata sandi tidak sama; tidak ada yang diubah.")
        return first
    line = sys.stdin.readline()
    if not line:
        raise RadioDeskError("Tidak ada kata sandi di masukan standar; tidak ada yang diubah.")
    return line.rstrip("\r\n")


def cmd_station(args: argparse.Namespace) -> int:
    return _accounts(args, STATION_ROLES)


def cmd_user(args: argparse.Namespace) -> int:
    return _accounts(args, STAFF_ROLES)


def cmd_status(args: argparse.Namespace) -> int:
    from radio_desk.server import cases

    with _database(args) as (_settings, sm), sm() as session:
        actor = Principal(0, f"cli:{args.by}", Role.ADMIN)
        req = cases.change_status(
            session, actor, args.id, args.status, args.note or "", args.opd, args.duplicate_of
        )
        print(f"Aduan {req.id}: status sekarang {req.status}.")
    return 0


def cmd_overdue(args: argparse.Namespace) -> int:
    from radio_desk.server import cases
    from radio_desk.server.deadlines import Calendar

    with _database(args) as (settings, sm):
        cal = Calendar.of(settings)
        with sm() as session:
            groups = cases.overdue(session, Principal(0, "cli", Role.ADMIN), cal, _now(args))
    if args.json:
        print(json.dumps(groups, ensure_ascii=False, indent=2))
        return 0
    if not groups:
        print("Tidak ada aduan yang melewati tenggat.")
    for g in groups:
        print(f"{g['opd_name']} ({g['opd'] or '-'}): {g['count']} aduan terlambat")
        for c in g["cases"]:
            print(
                f"  #{c['service_request_id']:<8} {c['stage']:<14} tenggat {c['due']}  "
                f"terlambat {c['overdue_hours']} jam  {c['station']}  {c['service_code']}"
            )
    return 0


def cmd_notify(args: argparse.Namespace) -> int:
    from radio_desk.server import notify
    from radio_desk.server.deadlines import Calendar

    with _database(args) as (settings, sm):
        if not settings.smtp_host:
            print(
                "Surel mati: setel RADIO_DESK_SERVER_SMTP_HOST (dan _PORT, _FROM) untuk mengirim pengingat."
            )
            return 0
        cal, now = Calendar.of(settings), _now(args)
        with sm() as session:
            sent = notify.send_reminders(session, settings, cal, now)
    print(f"{sent} pengingat tenggat dikirim.")
    return 0


def cmd_report_weekly(args: argparse.Namespace) -> int:
    from radio_desk.reports.indonesian import format_int, parse_date
    from radio_desk.server.deadlines import Calendar
    from radio_desk.server.regency_report import write_regency_report

    start, end = parse_date(args.date_from, "--from"), parse_date(args.date_to, "--to")
    with _database(args) as (settings, sm), sm() as session:
        fig = write_regency_report(
            session, start, end, args.out, edition=args.edition, by=args.by, calendar=Calendar.of(settings)
        )
    print(
        f"Laporan mingguan kabupaten ({args.edition}) {start.isoformat()} s.d. {end.isoformat()}: "
        f"{format_int(fig.received)} aduan, {format_int(fig.open_overdue)} lewat batas; ditulis ke {args.out}"
    )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    with _database(args):
        pass
    print("Skema basis data server sudah mutakhir.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    database_help = (
        "postgresql://user@host/db, sqlite:///file or a file path (default: SQLite in the user's data folder)"
    )
    parser = argparse.ArgumentParser(prog="radio-desk-server", description=__doc__.splitlines()[0])
    parser.add_argument("--database", metavar="URL", default=None, help=database_help)
    # on the subcommands too, but without a default: "--database X station add N" must keep X
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", metavar="URL", default=argparse.SUPPRESS, help=database_help)
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("serve", parents=[common], help="run the HTTP server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8311)
    p.add_argument("--log-level", default="info")
    p.add_argument("--access-log", action=argparse.BooleanOptionalAction, default=True)
    p.add_argument(
        "--forwarded-allow-ips", default="127.0.0.1", help="reverse proxies whose X-Forwarded-For is trusted"
    )
    p.set_defaults(handler=cmd_serve)

    for name, handler, help_text in (
        ("station", cmd_station, "radio stations and their keys"),
        ("user", cmd_user, "admin, coordinator and OPD accounts"),
    ):
        p = sub.add_parser(name, help=help_text)
        actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
        add = actions.add_parser("add", parents=[common], help="create an account and print its key")
        add.add_argument("name")
        if name == "user":
            add.add_argument("--role", choices=["admin", "coordinator", "opd"], required=True)
            add.add_argument("--opd", metavar="CODE", default=None, help="the OPD of an opd account")
            add.add_argument("--email", default=None, help="mail address for the console's notices")
        pw = actions.add_parser(
            "password", parents=[common], help="set the web console password (from standard input)"
        )
        pw.add_argument("name")
        for action in ("rotate", "revoke"):
            a = actions.add_parser(action, parents=[common])
            a.add_argument("name")
        actions.add_parser("list", parents=[common])
        p.set_defaults(handler=handler)

    p = sub.add_parser("status", parents=[common], help="change a case's status (as staff)")
    p.add_argument("id", type=int)
    p.add_argument(
        "status", help="terverifikasi, diteruskan, diproses, selesai, bukan_wewenang, duplikat, ditolak"
    )
    p.add_argument("--note", default="")
    p.add_argument("--opd", default=None)
    p.add_argument("--duplicate-of", type=int, default=None)
    p.add_argument("--by", default="admin")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("overdue", parents=[common], help="cases past their SP4N-LAPOR! deadline, per OPD")
    p.add_argument("--json", action="store_true")
    p.add_argument("--now", default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_overdue)

    p = sub.add_parser(
        "notify", parents=[common], help="mail the OPDs whose follow-up deadline is a day away (for cron)"
    )
    p.add_argument("--now", default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_notify)

    p = sub.add_parser("report", help="the regency's reports")
    reports = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    w = reports.add_parser("weekly", parents=[common], help="weekly review PDF over all stations")
    w.add_argument("--from", dest="date_from", required=True, metavar="DATE", help="first day, 2026-11-20")
    w.add_argument("--to", dest="date_to", required=True, metavar="DATE", help="last day (inclusive)")
    w.add_argument("--edition", choices=["internal", "public"], default="internal")
    w.add_argument("--out", required=True, metavar="FILE.pdf")
    w.add_argument("--by", default="radio-desk-server", help="name printed as the report's author")
    w.set_defaults(handler=cmd_report_weekly)

    p = sub.add_parser("migrate", parents=[common], help="upgrade the database schema")
    p.set_defaults(handler=cmd_migrate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return run_command("radio-desk-server", args.handler, args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
