"""Where a language build's time goes, by stage, from a cProfile file of it.

    ACADEMY_LANG=fil PYTHONPATH=plugins python -m cProfile -o fil.prof -m mkdocs build -q -d /tmp/fil-site
    python bench/build_profile.py fil.prof

Run it on a corpus from `bench/scale.py`'s generator (`scale.generate(folder, 1000, 0.9)`).
Each stage is the cumulative time of one function, as a share of the whole build; stages nest
(the search copy is part of the post-build), so the shares do not add up to 100%.
Figures are printed, never asserted.
"""

from __future__ import annotations

import pstats
import sys

STAGES = {
    "Markdown (convert)": "markdown/core.py:322(convert)",
    "Material's templates (jinja render)": "jinja2/environment.py:1275(render)",
    "catalogs read": "academy/catalogs.py:63(read_catalog)",
    "  of which the one-pass reading": "(_lean_parse)",
    "  of which the strict reading (polib)": "(_read_po_lines)",
    "localize a page": "(localize_page)",
    "count another language's missing messages": "(count_missing)",
    "source pages parsed": "academy/site.py:77(parse)",
    "quizzes loaded": "(load_quizzes)",
    "on_config": "(on_config)",
    "on_post_build (search, sitemaps, offline)": "(on_post_build)",
    "  the search copy (Filipino stemmed pages)": "(_stemmed_pages)",
    "  the search copy (English spellings)": "(_rewritten_pages)",
    "  its quick HTML reading": "(_read_plainly)",
    "  HTMLParser (every user)": "html/parser.py:133(goahead)",
}


def main(path: str) -> None:
    stats = pstats.Stats(path).stats
    total = max(value[3] for value in stats.values())
    print(f"whole build: {total:.1f} s under the profiler")
    for name, key in STAGES.items():
        seconds = max((value[3] for (file, line, function), value in stats.items()
                       if key in f"{file}:{line}({function})"), default=0.0)
        print(f"{name:45s} {seconds:7.1f} s {100 * seconds / total:5.1f}%")


if __name__ == "__main__":
    main(sys.argv[1])
