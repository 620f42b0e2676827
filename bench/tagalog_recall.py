"""Recall of Filipino search on inflected query words, without and with the Tagalog stemmer.

The corpus is the Filipino text of every lesson, as translators wrote it (locales/fil/.../content).
A page is relevant to a query when one of its words contains the query's root (hand-labelled
below), e.g. `nagrereklamo` for the root `reklamo`. Matching models Pagefind's:
  before: a page word equals the query word or starts with it (Pagefind prefix-matches a query);
  after:  a page word's stem equals the query word's stem (both sides through academy.tagalog).
Prints recall (relevant pages found / relevant pages) over the whole query set, and per query.

    .venv/bin/python bench/tagalog_recall.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from academy.tagalog import WORD, stem  # noqa: E402

# (what a trainee types, its root)
QUERIES = [
    ("nagrereklamo", "reklamo"), ("magreklamo", "reklamo"), ("pakikinig", "kinig"), ("nakikinig", "kinig"),
    ("bumili", "bili"), ("pagbili", "bili"), ("nakita", "kita"), ("makikita", "kita"),
    ("magbigay", "bigay"), ("ibinigay", "bigay"), ("tumulong", "tulong"), ("nakatulong", "tulong"),
    ("sumagot", "sagot"), ("sagutin", "sagot"), ("nagtanong", "tanong"), ("itanong", "tanong"),
    ("magpaliwanag", "paliwanag"), ("ipinaliwanag", "paliwanag"), ("nagsalita", "salita"),
    ("pinakamahalaga", "halaga"), ("mahalaga", "halaga"), ("naintindihan", "intindi"),
    ("umunawa", "unawa"), ("pag-unawa", "unawa"), ("nag-research", "research"), ("i-check", "check"),
    ("nagpasalamat", "salamat"), ("humingi", "hingi"), ("paghingi", "hingi"), ("nag-alok", "alok"),
    ("mag-alok", "alok"), ("lumutas", "lutas"), ("nalutas", "lutas"), ("gumamit", "gamit"),
    ("paggamit", "gamit"), ("nagsisimula", "simula"), ("makipag-usap", "usap"), ("kausapin", "usap"),
]


def pages() -> dict[str, set[str]]:
    corpus: dict[str, set[str]] = {}
    for path in sorted((ROOT / "locales/fil/LC_MESSAGES/content").rglob("*.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        text = " ".join(m.string if isinstance(m.string, str) else " ".join(m.string) for m in catalog if m.id)
        corpus[path.relative_to(ROOT).as_posix()] = {w.lower() for w in WORD.findall(text)}
    return corpus


def main() -> None:
    corpus = pages()
    stems = {page: {part for w in words for part in stem(w).split(" ")} for page, words in corpus.items()}
    totals = {"relevant": 0, "before": 0, "after": 0}
    print(f"{'query':<18} {'root':<10} relevant  before  after")
    for query, root in QUERIES:
        relevant = {p for p, words in corpus.items() if any(root in w for w in words)}
        before = {p for p, words in corpus.items() if any(w == query or w.startswith(query) for w in words)} & relevant
        keys = set(stem(query).split(" "))
        after = {p for p, s in stems.items() if keys <= s} & relevant
        totals["relevant"] += len(relevant)
        totals["before"] += len(before)
        totals["after"] += len(after)
        print(f"{query:<18} {root:<10} {len(relevant):>8} {len(before):>7} {len(after):>6}")
    print(f"\n{len(QUERIES)} queries, {len(corpus)} Filipino pages, {totals['relevant']} relevant (query, page) pairs")
    print(f"recall before: {totals['before'] / totals['relevant']:.0%}   after: {totals['after'] / totals['relevant']:.0%}")


if __name__ == "__main__":
    main()
