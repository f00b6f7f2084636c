"""Characters a scenario's text must not carry to a screen or a terminal.

Instructors trade case files, so a title may hold an escape sequence
(`\\x1b[2J` clears a terminal), a bidirectional override (which reorders
what is around it) or an invisible character. The window drops them; the
command line shows them as visible escapes, so an author can find them.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# C0 controls but tab and newline, DEL, C1 controls, zero-width and bidirectional controls, BOM.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# The same with tab and newline: for text that must stay on one line (a field in `list`).
UNSAFE_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped(text: str, one_line: bool = False) -> str:
    """text with every unsafe character written as a visible escape (\\x1b, \\u202e)."""
    return (UNSAFE_IN_LINE if one_line else UNSAFE).sub(_escape, str(text))


def without_unsafe(text: str) -> str:
    """text with every unsafe character removed (what the window shows)."""
    return UNSAFE.sub("", str(text))


class EscapingStream:
    """A text stream that escapes unsafe characters in everything written to it: whatever a
    command prints from a file reaches the terminal as visible text, never as a control sequence."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escaped(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, encoding, fileno...
        return getattr(self._stream, name)
