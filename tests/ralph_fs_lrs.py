"""Ralph's LRS application with two fixes to its file-system backend (Ralph 5.1).

- Every POST is written with the CREATE operation, which refuses to write to a file that
  exists: only the first batch of statements is ever stored ("Statements bulk indexation
  failed" after it). A statement log is appended to.
- The `verb` and `activity` query filters compare Ralph's IRI model with the statement's
  string, which is never equal: every filtered query answers nothing.

Everything else (validation, authentication, queries, paging) is Ralph's own.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND


def _text(iri):
    return getattr(iri, "root", iri)


_by_verb = FSLRSBackend._add_filter_by_verb
_by_activity = FSLRSBackend._add_filter_by_activity
FSLRSBackend._add_filter_by_verb = staticmethod(lambda filters, verb_id: _by_verb(filters, _text(verb_id)))
FSLRSBackend._add_filter_by_activity = staticmethod(
    lambda filters, object_id, related: _by_activity(filters, _text(object_id), related))

from ralph.api import app  # noqa: E402  (reads the backend when imported)

__all__ = ["app"]
