"""The academy: English lessons and quizzes, localized through gettext catalogs.

The core modules (everything outside ``academy.mkdocs``) import nothing from
MkDocs, so that moving to another engine is an adapter change.
"""

__version__ = "0.1.0"
