"""How closely the lessons follow the source articles in ../shared/seeds/.

The seeds are the material the first lessons were built from; their facts carry over, their sentences
must not (seeds/README.md). Two checks, both printed as figures:

1. English lessons against the Filipino seeds (000, 001, 003, 004), without translating anything.
   The Filipino seeds are Taglish: the English terms, figures and named examples of a sentence stay
   English in them ("loyalty program", "onboarding", "53%", "Gallup"). Each English sentence is aligned
   with the seed sentence that shares the most of those signals (weighted by how rare each is across
   the seeds). A paragraph *follows a seed* when two or more of its sentences align, in the seed's own
   order, with sentences of one seed passage (a window of a few seed sentences). Russian seed 002 is
   the same article as 000/001, so the English is checked against it through them.
2. Filipino and Russian catalogs against the seeds in their language: every msgstr is compared with
   the seed text for shared runs of N words (default 5). A run of a heading or a term is harmless; a
   run inside a running sentence means the translation landed on the seed.

    .venv/bin/python bench/seed_overlap.py            # summary figures and every flagged passage
    .venv/bin/python bench/seed_overlap.py --ngram 6  # longer runs only
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
# ../shared/seeds next to the project, or next to the folder that holds its worktrees
SEEDS = next((folder / "shared" / "seeds" for folder in ROOT.parents if (folder / "shared" / "seeds").is_dir()),
             ROOT.parent / "shared" / "seeds")
LESSONS = sorted((ROOT / "content").glob("*/*.md"))
FILIPINO_SEEDS = ("000", "001", "003", "004")
RUSSIAN_SEEDS = ("002",)

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
# Words that carry no fact: English function words, and words every lesson and every seed uses.
STOP = set(
    """a about above after again all also an and any are as at be because been before being both but by
    can could did do does doing down each even every few for from further had has have having he her here
    him his how i if in into is it its itself just kung ko me more most my no nor not now of off on once
    only or other our out over own same she should so some such than that the their them then there these
    they this those through to too under until up very was we were what when where which while who whom why
    will with would you your yours ng ang sa mga na at ay ni si ito mo ka sila nila ninyo inyong
    customer customers brand brands product products service services company companies business""".split()
)
NUMBER = re.compile(r"\d+")


def stem(word: str) -> str:
    """A crude English stem, so that 'renews', 'renewed' and 'renew' meet; enough for alignment."""
    word = word.lower().replace("’", "'")
    for suffix in ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def signals(text: str, english: set[str]) -> list[str]:
    """The language-neutral signals of a text: English content words and figures, in order."""
    found = []
    for token in WORD.findall(text.replace("-", " ")):
        low = token.lower()
        if NUMBER.fullmatch(low):
            found.append(low)
        elif low not in STOP and len(low) > 2 and stem(low) in english:
            found.append(stem(low))
    return found


@dataclass
class Sentence:
    index: int
    text: str
    terms: set[str] = field(default_factory=set)


@dataclass
class Block:
    path: str
    line: int
    heading: str
    text: str
    sentences: list[str]


def lesson_blocks(path: Path) -> list[Block]:
    """Paragraphs, list items and FAQ answers of a lesson (headings, tables, code and dialogue lines skipped)."""
    blocks: list[Block] = []
    heading = ""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("---", 1) + 1 if lines and lines[0] == "---" else 0
    buffer: list[str] = []
    first = 0

    def flush() -> None:
        if buffer:
            text = " ".join(s.strip() for s in buffer)
            sentences = [s for s in SENTENCE_END.split(text) if len(WORD.findall(s)) >= 4]
            blocks.append(Block(path.relative_to(ROOT).as_posix(), first, heading, text, sentences))
            buffer.clear()

    for number, line in enumerate(lines[start:], start + 1):
        stripped = line.strip()
        if stripped.startswith("#"):
            flush()
            heading = stripped.lstrip("#").strip()
        elif not stripped or stripped.startswith(("|", "!", "///", "![", "**")):
            flush()
        elif stripped.startswith(("- ", "1. ")) or line.startswith("    "):
            flush()
            first = number
            buffer.append(stripped.lstrip("-1. "))
            flush()
        else:
            if not buffer:
                first = number
            buffer.append(stripped)
    flush()
    return blocks


def seed_path(number: str) -> Path:
    return next(SEEDS.glob(f"{number}_*.txt"))


def seed_sentences(number: str, english: set[str]) -> list[Sentence]:
    text = seed_path(number).read_text(encoding="utf-8")
    pieces = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
    return [Sentence(i, s, set(signals(s, english))) for i, s in enumerate(pieces)]


@dataclass(frozen=True)
class Alignment:
    index: int
    score: float
    shared: tuple[str, ...]


def align(terms: set[str], sentences: list[Sentence], idf: dict[str, float]) -> Alignment | None:
    """The seed sentence (of one seed) that shares the most weighted signals with an English sentence."""
    best: Alignment | None = None
    for sentence in sentences:
        shared = terms & sentence.terms
        score = sum(idf[t] for t in shared)
        if len(shared) >= 2 and score >= MIN_SCORE and (best is None or score > best.score):
            best = Alignment(sentence.index, score, tuple(sorted(shared)))
    return best


MIN_SCORE = 7.0  # two rare shared signals, or three common ones
WINDOW = 6  # seed sentences within which an in-order run still counts as one seed passage
MIN_RUN = 2  # sentences of one section that step forward, one seed sentence at a time, through one seed passage


def follows(alignments: list[Alignment | None]) -> list[int]:
    """Positions of the longest run of sentences that each land on a later sentence of one seed passage."""
    best: list[int] = []
    hits = [i for i, a in enumerate(alignments) if a]
    for k, start in enumerate(hits):
        run = [start]
        for later in hits[k + 1 :]:
            last = alignments[run[-1]].index  # type: ignore[union-attr]
            if last < alignments[later].index <= last + WINDOW:  # type: ignore[union-attr]
                run.append(later)
        if len(run) > len(best):
            best = run
    return best


@dataclass
class Section:
    path: str
    heading: str
    blocks: list[Block]

    @property
    def sentences(self) -> list[tuple[Block, str]]:
        return [(b, s) for b in self.blocks for s in b.sentences]


def sections(path: Path) -> list[Section]:
    grouped: list[Section] = []
    for block in lesson_blocks(path):
        if not grouped or grouped[-1].heading != block.heading:
            grouped.append(Section(block.path, block.heading, []))
        grouped[-1].blocks.append(block)
    return grouped


def english_report(verbose: bool) -> tuple[list[int], int]:
    """Sections whose sentences follow one seed passage in its order: (each such section's run, sentences)."""
    english = {stem(w) for p in LESSONS for w in WORD.findall(p.read_text(encoding="utf-8").replace("-", " "))}
    seeds = {n: seed_sentences(n, english) for n in FILIPINO_SEEDS}
    frequency = Counter(t for sentences in seeds.values() for s in sentences for t in s.terms)
    total = sum(len(s) for s in seeds.values())
    idf = {t: math.log(total / c) for t, c in frequency.items()}
    runs: list[int] = []
    sentence_total = 0
    for path in LESSONS:
        for section in sections(path):
            pairs = section.sentences
            sentence_total += len(pairs)
            best_seed, best_run, best_alignments = "", [], []
            for number, seed in seeds.items():
                alignments = [align(set(signals(s, english)), seed, idf) for _, s in pairs]
                run = follows(alignments)
                if len(run) > len(best_run):
                    best_seed, best_run, best_alignments = number, run, alignments
            if len(best_run) < MIN_RUN:
                continue
            runs.append(len(best_run))
            if verbose:
                first, last = best_alignments[best_run[0]], best_alignments[best_run[-1]]
                print(f"  {section.path}:{section.blocks[0].line} [{section.heading}] follows seed "
                      f"{best_seed} sentences {first.index + 1}-{last.index + 1}: "
                      f"{len(best_run)}/{len(pairs)} sentences in the seed's order")
                for position in best_run:
                    block, sentence = pairs[position]
                    alignment = best_alignments[position]
                    print(f"      line {block.line} ~ {best_seed}:{alignment.index + 1} "
                          f"({', '.join(alignment.shared)}): {sentence[:80]}")
    return runs, sentence_total


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'").replace("ё", "е") for w in WORD.findall(text)]


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def longest_shared_run(tokens: list[str], seed_grams: dict[int, set[tuple[str, ...]]], n: int,
                       carried: set[str]) -> tuple[int, str]:
    """The longest run of this text that also occurs in a seed, as (words, text), or (0, "").

    A run counts only when at least n - 2 of its words are the translation's own, not English words
    carried over from the msgid: a shared "less than zero moment of truth" is a term, not a copy.
    """
    longest, text = 0, ""
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i : i + n]) not in seed_grams[n]:
            continue
        length = n
        while length + 1 in seed_grams and tuple(tokens[i : i + length + 1]) in seed_grams[length + 1]:
            length += 1
        run = tokens[i : i + length]
        if sum(1 for w in run if w not in carried) >= n - 2 and length > longest:
            longest, text = length, " ".join(run)
    return longest, text


def catalog_report(language: str, seed_numbers: tuple[str, ...], n: int, verbose: bool) -> tuple[int, int, int]:
    seed_tokens = [words(seed_path(s).read_text(encoding="utf-8")) for s in seed_numbers]
    seed_grams = {k: set().union(*(ngrams(t, k) for t in seed_tokens)) for k in range(n, 61)}
    entries = hits = longest_overall = 0
    catalogs = sorted((ROOT / "locales" / language / "LC_MESSAGES").rglob("*.po"))
    for path in catalogs:
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id or not isinstance(message.string, str) or not message.string:
                continue
            entries += 1
            tokens = words(message.string)
            run, text = longest_shared_run(tokens, seed_grams, n, set(words(message.id)))
            if run:
                hits += 1
                longest_overall = max(longest_overall, run)
                if verbose:
                    print(f"  {path.relative_to(ROOT).as_posix()}:{message.lineno} shares {run} words: «{text}»")
    return hits, entries, longest_overall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ngram", type=int, default=5, help="shortest shared word run that counts (default 5)")
    parser.add_argument("--quiet", action="store_true", help="figures only")
    options = parser.parse_args()
    if not SEEDS.is_dir():
        print(f"{SEEDS}: seeds not found; this script expects ../shared/seeds next to the project", file=sys.stderr)
        return 2
    verbose = not options.quiet
    print(f"English sections with {MIN_RUN}+ sentences that follow a Filipino seed passage in its order:")
    runs, sentences = english_report(verbose)
    longer = sum(1 for r in runs if r > MIN_RUN)
    print(f"english: {len(runs)} sections follow a seed passage in its order for {MIN_RUN}+ sentences, "
          f"{longer} of them for {MIN_RUN + 1}+ ({sum(runs)}/{sentences} sentences in such runs)")
    for language, numbers in (("fil", FILIPINO_SEEDS), ("ru", RUSSIAN_SEEDS)):
        print(f"{language} catalogs sharing a run of {options.ngram}+ words with seeds {', '.join(numbers)}:")
        hits, entries, longest = catalog_report(language, numbers, options.ngram, verbose)
        print(f"{language}: {hits}/{entries} entries share a {options.ngram}-word run; longest run {longest} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
