"""Text that is shown as it is: titles, descriptions and interface strings.

Front matter titles and descriptions and the interface strings are plain text
wherever they are printed (in <title>, in meta tags, in the header, the
navigation, the footer). Material's templates print them without escaping, so
they travel as ``PlainText`` and the template engine escapes every value of
that type when it prints it (see the MkDocs adapter).
"""

from __future__ import annotations

from html import escape


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
