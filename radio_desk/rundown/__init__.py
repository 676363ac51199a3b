""" "Ayo Mas Bro" rundowns without Qt: the ordered, OPD-grouped list of complaints for a dialogue
segment (:mod:`.model`), and its export to a folder -- PDF, one audio clip per item, an M3U playlist
-- with the privacy rules applied (:mod:`.export`).  Stored by :mod:`radio_desk.store.rundowns`."""

from radio_desk.rundown.model import Rundown, RundownEntry, group_by_opd, move_entry, new_entry

__all__ = ["Rundown", "RundownEntry", "group_by_opd", "move_entry", "new_entry"]
