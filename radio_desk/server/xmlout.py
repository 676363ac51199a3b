"""Open311's XML flavour of the same payloads (``.xml`` endpoints)."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from radio_desk.domain.textchars import NOT_XML_CHAR, forbidden_char, printable

__all__ = ["NOT_XML_CHAR", "forbidden_char", "printable", "to_xml"]

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
    "endpoints": "endpoint",  # the discovery document
    "formats": "format",
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
