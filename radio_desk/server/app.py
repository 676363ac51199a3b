"""The FastAPI application: settings, database, middleware, routers (the error format: :mod:`.errors`)."""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from radio_desk.server import api, notify, open311, public, uploads
from radio_desk.server import console_views as console_figures
from radio_desk.server.config import ServerSettings
from radio_desk.server.console import views as console_views
from radio_desk.server.console.auth import LoginThrottle
from radio_desk.server.console.pages import STATIC
from radio_desk.server.db import make_engine, make_sessionmaker, migrate
from radio_desk.server.deadlines import Calendar
from radio_desk.server.errors import error_response, install_error_handlers, status_for
from radio_desk.server.limits import BodySizeLimit, KnownKeys, RateLimit, redact_access_log, throttle_log
from radio_desk.server.whatsapp import webhook as whatsapp

log = logging.getLogger("radio_desk.server.security")

__all__ = ["create_app", "error_response", "status_for"]  # the error format lives in .errors


async def _reminder_loop(app: FastAPI) -> None:
    """Send the OPDs' deadline reminders every ``notify_interval_minutes`` (a thread does the SMTP)."""
    settings: ServerSettings = app.state.settings

    def one_round() -> int:
        with app.state.sessionmaker() as session:
            return notify.send_reminders(session, settings, app.state.calendar)

    while True:
        try:
            await asyncio.to_thread(one_round)
        except Exception:  # a broken round must not end the loop (logged, retried next time)
            log.exception("deadline reminders failed")
        await asyncio.sleep(settings.notify_interval_minutes * 60)


def create_app(settings: ServerSettings | None = None, *, run_migrations: bool = True) -> FastAPI:
    settings = settings or ServerSettings.from_env()
    engine = make_engine(settings.database_url)
    if run_migrations:
        migrate(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        redact_access_log()  # after uvicorn has configured its loggers: no key in the access log
        task = None
        if settings.smtp_host and settings.notify_interval_minutes > 0:
            task = asyncio.create_task(_reminder_loop(_app))
        yield
        if task is not None:
            task.cancel()
        engine.dispose()

    app = FastAPI(
        title="Radio Desk — server pusat Diskominfo",
        version="1.0",
        description="Open311 GeoReport v2 (/open311/v2), umpan pembaruan status, unggahan berkas yang dapat "
        "dilanjutkan, dan API staf (/api/v1). Kunci API di header X-API-Key.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = make_sessionmaker(engine)
    app.state.calendar = Calendar.of(settings)
    app.state.known_keys = KnownKeys()  # picks the rate bucket (see limits.RateLimit)
    app.state.login_throttle = LoginThrottle(settings.login_delay_seconds)
    with app.state.sessionmaker() as session:
        app.state.known_keys.load(session)
    throttle_log(log)

    install_error_handlers(app)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    app.include_router(open311.router)
    app.include_router(api.router)
    app.include_router(uploads.router)
    app.include_router(public.router)
    app.include_router(console_figures.router)  # monitoring, search, the regency PDF
    app.include_router(console_views.router)
    app.include_router(whatsapp.router)  # POST/GET /webhooks/whatsapp; its lifespan runs the worker
    app.mount("/console/static", StaticFiles(directory=str(STATIC)), name="console-static")
    # the console pages that exist (the navigation links only those)
    routers = (console_views.router, console_figures.router)
    app.state.console_paths = {getattr(r, "path", "") for router in routers for r in router.routes}
    app.add_middleware(
        RateLimit,
        rate=settings.rate_per_second,
        burst=settings.rate_burst,
        anon_rate=settings.anon_rate_per_second,
        anon_burst=settings.anon_rate_burst,
        known=app.state.known_keys,
    )
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes, chunk_limit=settings.max_chunk_bytes)
    return app
