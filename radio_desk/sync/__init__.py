"""The desk's side of syncing with the central server (no Qt): HTTP client, backoff, worker."""

from radio_desk.sync.backoff import Backoff
from radio_desk.sync.client import SyncClient

__all__ = ["Backoff", "SyncClient"]
