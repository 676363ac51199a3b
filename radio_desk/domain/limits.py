"""Field and request limits shared by the desk (entry form, store validation, sync) and the server
(intake, body size).  Defined once: a case the desk accepts is a case the server accepts.

The limits are chosen so that any valid case, in its worst JSON encoding, fits in one request with
room to spare (checked below at import and in the tests): a batch the server refuses as too large can
always be split down to single cases that do go through.
"""

from __future__ import annotations

# Characters per text field.  Keys are the desk's field names; the server calls "summary" "description".
STATION = 64
CALLER_NAME = 200
PHONE = 32  # as typed; the store keeps E.164 (at most 16)
SUMMARY = 20_000
NOTES = 20_000  # about ten pages: a whole letter pasted by an editor still fits
ADDRESS = 500
CODE = 40  # category (service_code) and OPD codes
PLACE_CODE = 20  # kecamatan / desa codes
ENUM = 20  # channel, urgency

FIELD_MAX = {
    "station": STATION,
    "caller_name": CALLER_NAME,
    "phone": PHONE,
    "summary": SUMMARY,
    "notes": NOTES,
}

MAX_REQUEST_BYTES = 1024 * 1024  # the server's default body limit (every request but upload chunks)
MAX_BATCH = 500  # cases in one POST /api/v1/requests/batch

# One character costs at most 6 bytes in JSON without ASCII escaping: a control character is written
# "\u0001"; anything else is at most 4 bytes of UTF-8.
JSON_BYTES_PER_CHAR = 6
# Keys, codes, timestamps, booleans and punctuation of one case: far below this.
CASE_OVERHEAD_BYTES = 2048


def max_case_bytes() -> int:
    """An upper bound of one case's JSON in a batch request."""
    text = STATION + CALLER_NAME + PHONE + SUMMARY + NOTES + ADDRESS
    return text * JSON_BYTES_PER_CHAR + CASE_OVERHEAD_BYTES


# A single valid case must never be "too large": half the body limit leaves room for the envelope and
# for a server configured a little tighter.
assert max_case_bytes() <= MAX_REQUEST_BYTES // 2, "field limits no longer fit in one request"
