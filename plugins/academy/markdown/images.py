"""Images in lessons load as the reader nears them, in a box of their own size.

On a phone on slow data a diagram far down a lesson should not compete with the text
at the top: `loading="lazy"` lets the browser fetch it when the reader scrolls close.
Its `width` and `height` (read from an SVG's own `viewBox` or size) reserve its box, so the
text does not jump when it arrives. An editor's own `loading`, `width` or `height`
(attr_list: `{ loading=eager }`) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown.treeprocessors import Treeprocessor

from ..memo import while_unchanged

PRIORITY = 1  # after every other tree step, so images made by blocks are seen too
_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(rb"""\b(viewBox|width|height)\s*=\s*["']([^"']*)["']""")
_NUMBER = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")
_SIZES: dict = {}  # an SVG's size, kept while the file is unchanged


def svg_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of an SVG file in CSS pixels, or None when it does not say."""
    try:
        head = path.read_bytes()[:4096]
    except OSError:
        return None
    root = _SVG_ROOT.search(head)
    if root is None:
        return None
    found = {name.decode(): value.decode("utf-8", "replace") for name, value in _ATTRIBUTE.findall(root.group(0))}
    width, height = (_NUMBER.match(found.get(k, "")) for k in ("width", "height"))
    if width and height:
        return round(float(width[1])), round(float(height[1]))
    box = found.get("viewBox", "").replace(",", " ").split()
    try:
        w, h = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        return None
    return (round(w), round(h)) if w > 0 and h > 0 else None


class LazyImages(Treeprocessor):
    def __init__(self, md, source_dir: Callable[[], Path | None]):
        super().__init__(md)
        self.source_dir = source_dir  # the folder of the page being rendered, for relative image links

    def run(self, root) -> None:
        for image in root.iter("img"):
            image.set("loading", image.get("loading") or "lazy")
            image.set("decoding", image.get("decoding") or "async")
            if image.get("width") or image.get("height"):
                continue
            size = self._size(image.get("src") or "")
            if size is not None:
                image.set("width", str(size[0]))
                image.set("height", str(size[1]))

    def _size(self, src: str) -> tuple[int, int] | None:
        parts = urlsplit(src)
        folder = self.source_dir()
        if folder is None or parts.scheme or parts.netloc or not parts.path.lower().endswith(".svg"):
            return None
        path = (folder / unquote(parts.path)).resolve()
        return while_unchanged(_SIZES, path, lambda: svg_size(path)) if path.is_file() else None
