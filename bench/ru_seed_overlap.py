"""How close the Russian catalogs come to the Russian source article (seed 002), in shared word runs.

Every lesson is written in the academy's own words, and a translation that lands
back on the seed's sentences is a copy too. This prints, for every Russian msgstr
(lessons, glossary, quizzes, diagrams, interface), the longest run of words it
shares with the seed, after normalizing word forms (lower case, ё as е, a light
Russian ending strip), so that «клиентами» and «клиенту» count as one word.
Entries with a shared run of 5 or more words are listed with the run, longest first.

    .venv/bin/python bench/ru_seed_overlap.py [SEED] [--min 5]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
RU = ROOT / "locales" / "ru" / "LC_MESSAGES"
# ../shared/seeds next to the project, or next to the folder that holds its worktrees
SEEDS = next((folder / "shared" / "seeds" for folder in ROOT.parents if (folder / "shared" / "seeds").is_dir()),
             ROOT.parent / "shared" / "seeds")

WORD = re.compile(r"[0-9a-zа-я]+(?:-[0-9a-zа-я]+)*")
# Inflectional endings, longest first: stripping them maps the forms of a word to one key.
ENDINGS = sorted("""ами ями ому ему ого его ыми ими ая яя ое ее ые ие ый ий ой ей ую юю ом ем ах ях ов ев ам ям
    ть ти ла ло ли л ет ит ут ют ат ят ешь ишь ем им ете ите ся сь а я о е ы и у ю ь й""".split(), key=len, reverse=True)


def normalize(word: str) -> str:
    """One key for the forms of a word: «клиентами», «клиенту», «клиент» → «клиент»."""
    word = word.lower().replace("ё", "е")
    for ending in ("ся", "сь"):
        if word.endswith(ending) and len(word) > 4:
            word = word[: -len(ending)]
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)][:7]
    return word[:7]


def words(text: str) -> list[str]:
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's target is not prose
    return [normalize(w) for w in WORD.findall(text.lower().replace("ё", "е").replace("\u00a0", " "))]


def longest_shared_run(text: list[str], seed_runs: set[tuple[str, ...]], seed: list[str]) -> tuple[int, str]:
    """The longest run of `text` that also occurs in the seed, as (length, the words)."""
    best: tuple[int, str] = (0, "")
    for start in range(len(text)):
        length = best[0] + 1
        while start + length <= len(text) and tuple(text[start:start + length]) in seed_runs:
            best = (length, " ".join(text[start:start + length]))
            length += 1
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", type=Path, default=next(SEEDS.glob("002_*.txt"), None))
    parser.add_argument("--min", type=int, default=5, help="list entries that share a run of at least this many words")
    args = parser.parse_args()
    seed = words(args.seed.read_text(encoding="utf-8"))
    seed_runs = {tuple(seed[i:i + n]) for n in range(1, 40) for i in range(len(seed) - n + 1)}
    found, total = [], 0
    for path in sorted(RU.rglob("*.po")):
        for entry in polib.pofile(str(path)):
            if entry.obsolete or not entry.msgstr:
                continue
            total += 1
            length, run = longest_shared_run(words(entry.msgstr), seed_runs, seed)
            if length >= args.min:
                found.append((length, f"{path.relative_to(ROOT)}:{entry.linenum}", run))
    found.sort(key=lambda item: -item[0])
    for length, where, run in found:
        print(f"{length:2d}  {where}  «{run}»")
    for n in (5, 6):
        print(f"msgstr sharing a run of ≥{n} normalized words with {args.seed.name}: "
              f"{sum(1 for item in found if item[0] >= n)} of {total}")
    print(f"longest shared run: {found[0][0] if found else 0} words")


if __name__ == "__main__":
    main()
