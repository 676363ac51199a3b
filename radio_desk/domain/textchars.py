"""Characters no stored text may hold: what XML 1.0 cannot carry (C0 controls but tab/LF/CR, U+FFFE,
U+FFFF) and lone surrogates, which UTF-8 cannot encode.  One such character in one description made the
server's whole public XML listing unparsable, so the desk drops them at entry and the server refuses them."""

from __future__ import annotations

import re

NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def forbidden_char(text: str) -> str | None:
    """``"U+FFFE"`` for the first character XML cannot carry (nor UTF-8, for a lone surrogate), else None."""
    found = NOT_XML_CHAR.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def printable(text: str, replacement: str = "\ufffd") -> str:
    """``text`` with every such character replaced: safe to echo in a JSON or XML answer or a log line."""
    return NOT_XML_CHAR.sub(replacement, text)


def without_forbidden(text: str) -> str:
    """``text`` with every such character removed (never meant by whoever typed or pasted it)."""
    return NOT_XML_CHAR.sub("", text)
