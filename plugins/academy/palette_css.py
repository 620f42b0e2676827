"""Material's palette stylesheet, cut down to the colours the site's palette names.

Material ships one palette stylesheet with every primary and accent colour it offers (twenty of
each) and every page loads it whole before its first paint: 12 KB, 2.2 KB gzipped, on slow mobile
data. The academy names one or two colours in mkdocs.yml. At build time every selector that names
another colour is dropped, then every rule left without a selector and every @media block left
empty; everything else (the dark scheme, rules shared by all colours, comments) stays as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

NAMED_COLOUR = re.compile(r"\[data-md-color-(?:primary|accent)=([\w-]+)\]")


def _items(css: str) -> Iterator[tuple[str, str | None]]:
    """The top level of a stylesheet: (prelude, block) per rule or at-rule with a block,
    (text, None) for a comment or a statement such as @charset, kept as they are."""
    i, n = 0, len(css)
    while i < n:
        if css.startswith("/*", i):
            end = css.find("*/", i + 2)
            end = n if end < 0 else end + 2
            yield css[i:end], None
            i = end
            continue
        start, depth, quote = i, 0, ""
        prelude_end = -1
        while i < n:
            c = css[i]
            if quote:
                if c == "\\":
                    i += 1
                elif c == quote:
                    quote = ""
            elif c in "\"'":
                quote = c
            elif c == "{":
                if depth == 0:
                    prelude_end = i
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    i += 1
                    break
            elif c == ";" and depth == 0:
                i += 1
                break
            i += 1
        if prelude_end < 0:
            if css[start:i].strip():
                yield css[start:i], None
        else:
            yield css[start:prelude_end], css[prelude_end + 1:i - 1]


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside :is(), :not() ...)."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(prelude):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def drop_selectors(css: str, unwanted: Callable[[str], bool]) -> str:
    """The stylesheet without the selectors `unwanted` says yes to, then without every rule left
    with none and every at-rule block left empty; the rest (comments included) as it was."""
    out: list[str] = []
    for prelude, block in _items(css):
        if block is None:
            out.append(prelude)
        elif prelude.lstrip().startswith("@"):
            inner = drop_selectors(block, unwanted) if "{" in block else block
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        else:
            selectors = [s for s in _selectors(prelude) if not unwanted(s)]
            if selectors:
                out.append(",".join(selectors) + "{" + block + "}")
    return "".join(out)


def keep_colours(css: str, colours: Iterable[str]) -> str:
    """The stylesheet without the selectors that name a primary or accent colour not in `colours`."""
    keep = set(colours)
    return drop_selectors(css, lambda selector: not set(NAMED_COLOUR.findall(selector)) <= keep)


def palette_colours(palette: object) -> set[str]:
    """The colour names mkdocs.yml's `theme.palette` gives (one mapping or a list of them),
    written as Material's templates write them into the page."""
    options = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    names = set()
    for option in options:
        if isinstance(option, dict):
            for key in ("primary", "accent"):
                names.add(str(option.get(key) or "indigo").replace(" ", "-"))
    return names


def cut_palette_stylesheets(folder: Path, palette: object) -> None:
    """Cut every Material palette stylesheet in `folder` (the site's assets/stylesheets) in place."""
    colours = palette_colours(palette)
    if not colours or not folder.is_dir():
        return
    for path in sorted(folder.glob("palette.*.css")):
        path.write_text(keep_colours(path.read_text(encoding="utf-8"), colours), encoding="utf-8")
