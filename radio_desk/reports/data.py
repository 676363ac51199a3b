"""Kept for the server's import of :func:`period_bounds` (now :mod:`radio_desk.reports.period`).

The desk's database reading moved to :mod:`radio_desk.reports.desk`; this module imports no store, so
the server's use of reports stays clear of the desk's store (an import-linter contract).
"""

from radio_desk.reports.period import period_bounds

__all__ = ["period_bounds"]
