"""Every option of the `academy` plugin, its type and default."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class AcademyConfig(Config):
    # The source language first; it is built at the site root, the others under /<code>/.
    languages = c.ListOfItems(c.Type(str), default=["en"])
    locales_dir = c.Type(str, default="locales")
    quizzes_dir = c.Type(str, default="quizzes")
    # Abbreviations appended to every page, relative to docs_dir (and excluded from the build).
    abbreviations = c.Optional(c.Type(str))
    # A fuzzy translation (its English changed) is shown as English with a notice; with
    # `show_fuzzy: true` the previous translation is shown, marked "may be out of date".
    show_fuzzy = c.Type(bool, default=False)
    # Who provides the lessons, for the LearningResource structured data.
    provider = c.Type(str, default="")
