"""Open311's XML flavour of the same payloads (``.xml`` endpoints)."""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

# Everything outside XML 1.0's ``Char`` production: C0 controls but tab/LF/CR, lone surrogates, U+FFFE and
# U+FFFF.  One such character in one description made the whole public listing unparsable for every client.
NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def forbidden_char(text: str) -> str | None:
    """``"U+FFFE"`` for the first character XML cannot carry (nor UTF-8, for a lone surrogate), else None."""
    found = NOT_XML_CHAR.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def printable(text: str, replacement: str = "\ufffd") -> str:
    """``text`` with every such character replaced: safe to echo in a JSON or XML answer or a log line."""
    return NOT_XML_CHAR.sub(replacement, text)


# list root element -> item element, as in the GeoReport v2 examples
ITEM_NAMES = {
    "services": "service",
    "service_requests": "request",
    "service_request_updates": "request_update",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "cases": "case",
    "overdue": "opd",
}


def _fill(parent: Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            child = SubElement(parent, key)
            _fill(child, item)
    elif isinstance(value, list):
        item_name = ITEM_NAMES.get(parent.tag, "item")
        for item in value:
            _fill(SubElement(parent, item_name), item)
    elif value is None:
        pass
    elif isinstance(value, bool):
        parent.text = "true" if value else "false"
    else:
        # input is checked, but rows stored before the check (or echoed in an error) must not break it
        parent.text = printable(str(value), "")


def to_xml(root: str, value: Any) -> bytes:
    element = Element(root)
    _fill(element, value)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(
        element, encoding="utf-8", xml_declaration=False
    )
