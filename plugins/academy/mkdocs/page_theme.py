"""Front matter that names a file of the theme: `template:` and Material's `icon:`.

Either names a file the theme must have; a misspelt one would stop the build in
the middle of writing pages, with the template engine's traceback. A `template:`
must also be a whole page that carries the academy's policy. Both are checked
once every page is read, each at its line.
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


# The academy's page (academy.html) writes the Content-Security-Policy first in <head>. A page template
# that does not extend it (a partial such as `partials/content.html`, Material's `base.html` itself)
# writes the lesson with no policy at all: an inline script in it would run with the site's origin.
PAGE_TEMPLATE = "academy.html"


def _extended(env: jinja2.Environment, name: str) -> str | None:
    try:
        source = env.loader.get_source(env, name)[0]
        tree = env.parse(source)
    except (jinja2.TemplateError, OSError, ValueError):
        return None
    found = next(iter(tree.find_all(jinja2.nodes.Extends)), None)
    return found.template.value if found is not None and isinstance(found.template, jinja2.nodes.Const) else None


def carries_policy(env: jinja2.Environment, name: str) -> bool:
    """Whether the template is the academy's page or extends it, however many steps away."""
    seen: set[str] = set()
    while name is not None and name not in seen:
        if name == PAGE_TEMPLATE:
            return True
        seen.add(name)
        name = _extended(env, name)
    return False


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
        elif "template" in doc.meta and not carries_policy(env, template.strip()):
            problems.append(Problem(shown, line_of_key(doc, "template"),
                                    f"the template {template.strip()!r} writes a page without the academy's head, where "
                                    "no Content-Security-Policy governs it: a script in the page would run",
                                    "delete the `template:` line to use the academy's page; an own page template goes "
                                    'in the theme\'s `custom_dir` and starts with `{% extends "main.html" %}`'))
        icon = doc.meta.get("icon")
        if "icon" in doc.meta and (not isinstance(icon, str) or not icon.strip() or not _exists(env, f".icons/{icon.strip()}.svg")):
            problems.append(Problem(shown, line_of_key(doc, "icon"), f"the icon {icon!r} is not one of the theme's icons",
                                    "write an icon's name as Material lists it, e.g. `icon: material/school`; "
                                    "or delete the `icon:` line"))
    return problems
