""" "Ayo Mas Bro" rundowns without Qt: the export of a rundown to a folder -- PDF, one audio clip per
item, an M3U playlist -- with the privacy rules applied (:mod:`.export`).  The rundown itself, its
entries and the OPD grouping are plain types in :mod:`radio_desk.domain.rundown` (re-exported here),
stored by :mod:`radio_desk.store.rundowns`."""

from radio_desk.domain.rundown import Rundown, RundownEntry, group_by_opd, move_entry, new_entry

__all__ = ["Rundown", "RundownEntry", "group_by_opd", "move_entry", "new_entry"]
