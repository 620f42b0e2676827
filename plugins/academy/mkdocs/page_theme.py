"""Front matter that names a file of the theme: `template:` and Material's `icon:`.

Either names a file the theme must have; a misspelt one would stop the build in
the middle of writing pages, with the template engine's traceback. Both are
checked once every page is read, each at its line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import jinja2

from ..errors import Problem
from ..frontmatter import Document, line_of_key


def _exists(env: jinja2.Environment, name: str) -> bool:
    try:
        env.loader.get_source(env, name)
    except (jinja2.TemplateNotFound, OSError, ValueError):
        return False
    return True


def theme_problems(env: jinja2.Environment, pages: Iterable[tuple[str, Document]]) -> list[Problem]:
    """A `template:` the theme does not have, and an `icon:` that is not one of the theme's icons."""
    problems = []
    templates: list[str] | None = None
    for shown, doc in pages:
        template = doc.meta.get("template")
        if "template" in doc.meta and (not isinstance(template, str) or not template.strip() or not _exists(env, template.strip())):
            if templates is None:
                templates = sorted(name for name in env.list_templates(extensions=["html"])
                                   if "/" not in name and not name.startswith((".", "_")))
            close = difflib.get_close_matches(str(template), templates, n=1)
            guess = f"did you mean `{close[0]}`? " if close else ""
            problems.append(Problem(shown, line_of_key(doc, "template"), f"the template {template!r} is not one of the theme's",
                                    f"{guess}delete the `template:` line to use the academy's page; "
                                    "an own template goes in the theme's `custom_dir`"))
        icon = doc.meta.get("icon")
        if "icon" in doc.meta and (not isinstance(icon, str) or not icon.strip() or not _exists(env, f".icons/{icon.strip()}.svg")):
            problems.append(Problem(shown, line_of_key(doc, "icon"), f"the icon {icon!r} is not one of the theme's icons",
                                    "write an icon's name as Material lists it, e.g. `icon: material/school`; "
                                    "or delete the `icon:` line"))
    return problems
