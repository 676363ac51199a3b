"""Turning whatever a user types into a safe FTS5 query, and reading highlighted snippets.

FTS5 has its own query language (``AND``/``OR``/``NOT``/``NEAR``, ``*``, ``^``, ``-``, column filters
``col:``, parentheses and double quotes); typed raw into MATCH, half the things an editor types are
syntax errors.  So user input is never passed through: it is cut into words (runs of letters and
digits, in any script), each word becomes a quoted FTS5 string, and the words are ANDed.  Double-quoted
parts of the input (when the quotes are balanced) stay together as phrases.  Everything else --
punctuation, operators, emoji -- is a word separator, exactly as for the ``unicode61`` tokenizer that
built the index, so results are what a plain word search would give.  The last word gets a prefix
``*`` (type-ahead) unless the input ends with a space or the word has a single character.
"""

from __future__ import annotations

import html
import re

# A word as unicode61 sees it: letters, digits (any script).  `_` is a separator for unicode61 too.
_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 24

# Highlight markers in snippets: Unicode private-use characters that never occur in typed text.
HL_START = "\ue000"
HL_END = "\ue001"
ELLIPSIS = "\u2026"


def fts_query(user_text: str | None, *, prefix_last: bool = True) -> str | None:
    """The FTS5 MATCH expression for ``user_text``, or ``None`` when it holds no searchable word."""
    if not user_text:
        return None
    text = user_text.replace("\x00", " ")
    parts: list[tuple[bool, list[str]]] = []  # (is_phrase, words)
    pieces = text.split('"')
    balanced = len(pieces) % 2 == 1
    for i, piece in enumerate(pieces):
        words = _WORD.findall(piece.lower())
        if not words:
            continue
        if balanced and i % 2 == 1:
            parts.append((True, words))
        else:
            parts.extend((False, [w]) for w in words)
    if not parts:
        return None
    parts = parts[:MAX_TERMS]
    terms = ['"' + " ".join(words) + '"' for _, words in parts]
    last_phrase, last_words = parts[-1]
    ends_open = not text[-1:].isspace() and not text.rstrip().endswith('"')
    if prefix_last and ends_open and not last_phrase and len(last_words[-1]) > 1:
        terms[-1] += "*"
    return " ".join(terms)


def plain(snippet: str) -> str:
    """The snippet without its highlight markers."""
    return snippet.replace(HL_START, "").replace(HL_END, "")


def spans(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """(plain text, [(start, end), ...] of the highlighted words in it) -- for QTextCharFormat & co."""
    out: list[str] = []
    result: list[tuple[int, int]] = []
    pos = 0
    start = None
    for ch in snippet:
        if ch == HL_START:
            start = pos
        elif ch == HL_END:
            if start is not None:
                result.append((start, pos))
            start = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), result


def to_html(snippet: str, tag: str = "b") -> str:
    """The snippet as escaped HTML with the matches wrapped in ``<tag>``."""
    escaped = html.escape(snippet, quote=False)
    return escaped.replace(HL_START, f"<{tag}>").replace(HL_END, f"</{tag}>")
