"""The editor workspace (issue 9): case browser, case detail with the transcript editor synced with
the audio, and the "Ayo Mas Bro" rundown builder.

    ws = EditorWorkspace(store, settings, runner); ws.open_case(case_id)
"""

from radio_desk.gui.editor.workspace import EditorWorkspace

__all__ = ["EditorWorkspace"]
