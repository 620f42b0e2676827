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

# Characters no reader sees and no editor shows: the C0 controls and DEL. Tab, line feed and
# carriage return are text. In YAML they arrive written as escapes (`"\x1b"`, `"\0"`).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_HINT = ("delete it (retype the words around it): readers and translators would get "
                "text that is not what the editor shows")


def control_problem(text: str) -> str | None:
    """What is wrong with a text that holds a control character, or None."""
    found = CONTROL.search(text)
    return f"an invisible control character (U+{ord(found.group()):04X})" if found else None


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
