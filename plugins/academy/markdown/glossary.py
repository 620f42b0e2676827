"""The glossary in the reader's alphabetical order, under a row of its letters.

Runs on the Markdown tree after `attr_list` (a translation keeps each term's English
anchor there) and before `toc`, so that the page's table of contents follows the
same order. A term without an anchor gets the one `toc` would give it.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags, unique
from markdown.treeprocessors import Treeprocessor

from ..alphabet import initial, sort_key

PRIORITY = 6  # after attr_list (8), before toc (5)


class GlossaryOrder(Treeprocessor):
    def __init__(self, md: Markdown, lang: str):
        super().__init__(md)
        self.lang = lang

    def run(self, root: etree.Element) -> None:
        glossaries = [e for e in root.iter("div") if e.get("class") == "academy-glossary"]
        if not glossaries:
            return
        used = {e.get("id") for e in root.iter() if e.get("id")}
        for glossary in glossaries:
            self._order(glossary, used)

    def _name(self, heading: etree.Element) -> str:
        return html.unescape(strip_tags(render_inner_html(remove_fnrefs(heading), self.md)))

    def _order(self, glossary: etree.Element, used: set[str]) -> None:
        children = list(glossary)
        entries: list[list[etree.Element]] = []
        lead: list[etree.Element] = []  # anything before the first term stays first
        for child in children:
            if child.tag == "h2":
                entries.append([child])
            elif entries:
                entries[-1].append(child)
            else:
                lead.append(child)
        if not entries:
            return
        toc = self.md.treeprocessors["toc"] if "toc" in self.md.treeprocessors else None
        for heading, *_ in entries:
            if not heading.get("id") and toc is not None:
                heading.set("id", unique(toc.slugify(self._name(heading), toc.sep), used))
        entries.sort(key=lambda entry: sort_key(self._name(entry[0]), self.lang))
        for child in children:
            glossary.remove(child)
        glossary.extend(lead)
        letters = etree.SubElement(glossary, "p", {"class": "academy-letters", "data-pagefind-ignore": "all"})
        seen: set[str] = set()
        for heading, *_ in entries:
            letter = initial(self._name(heading), self.lang)
            if letter and letter not in seen and heading.get("id"):
                seen.add(letter)
                link = etree.SubElement(letters, "a", {"href": f"#{heading.get('id')}"})
                link.text = letter
                link.tail = " "
        for entry in entries:
            glossary.extend(entry)
