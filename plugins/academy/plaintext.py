"""Text that is shown as it is: titles, descriptions and interface strings.

Front matter titles and descriptions and the interface strings are plain text
wherever they are printed (in <title>, in meta tags, in the header, the
navigation, the footer). Material's templates print them without escaping, so
they travel as ``PlainText`` and the template engine escapes every value of
that type when it prints it (see the MkDocs adapter).
"""

from __future__ import annotations

import re
from html import escape

# Characters no reader sees and no editor shows: the C0 controls and DEL; a carriage return inside a
# text (a line break in a source file is read as a line feed, so one there was written as the YAML
# escape `"\r"`: a PO file cannot carry it); and Unicode's noncharacters (U+FDD0 to U+FDEF and the last
# two code points of every plane), which are no character at all. Tab and line feed are text. In YAML
# they arrive written as escapes (`"\x1b"`, `"\0"`, `"\uFFFE"`).
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f{NONCHARACTERS}]")
CONTROL_HINT = ("delete it (retype the words around it): readers and translators would get "
                "text that is not what the editor shows")


def described(char: str) -> str:
    """A hidden character, named for the editor."""
    if char == "\r":
        return "a carriage return (U+000D)"
    if 0xFDD0 <= ord(char) <= 0xFDEF or ord(char) & 0xFFFE == 0xFFFE:
        return f"a Unicode noncharacter (U+{ord(char):04X})"
    return f"an invisible control character (U+{ord(char):04X})"


def control_problem(text: str) -> str | None:
    """What is wrong with a text that holds a hidden character, or None."""
    found = CONTROL.search(text)
    return described(found.group()) if found else None


class PlainText(str):
    """A string that is text, never HTML: escaped wherever it is printed."""

    __slots__ = ()

    def __html__(self) -> str:
        return escape(str(self), quote=True)


def plain(value: object) -> object:
    """The value as PlainText if it is a string (front matter may hold other types)."""
    return PlainText(value) if isinstance(value, str) and not isinstance(value, PlainText) else value


def printed(value: object) -> object:
    """How a template prints a value: PlainText escaped, anything else as it is."""
    return escape(str(value), quote=True) if isinstance(value, PlainText) else value
