"""Our authoring syntax as Python-Markdown / pymdownx Block extensions.

Any engine that runs Python-Markdown (MkDocs, Zensical) renders these.
"""

from .extension import AcademyExtension, makeExtension

__all__ = ["AcademyExtension", "makeExtension"]
