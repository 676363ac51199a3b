"""Open311's XML flavour of the same payloads (``.xml`` endpoints)."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

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
        parent.text = _clean(str(value))


def _clean(text: str) -> str:
    # XML 1.0 forbids most control characters; drop them rather than emit an unparsable document
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def to_xml(root: str, value: Any) -> bytes:
    element = Element(root)
    _fill(element, value)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(
        element, encoding="utf-8", xml_declaration=False
    )
