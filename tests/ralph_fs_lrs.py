"""Ralph's LRS application, its file-system backend appending each batch of statements.

Ralph 5.1's fs LRS backend writes every POST with the CREATE operation, which refuses to
write to a file that exists: only the first batch is ever stored ("Statements bulk
indexation failed" after it). A statement log is appended to, so the tests run Ralph's own
app with APPEND; everything else (validation, auth, queries) is Ralph's.
"""

from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402  (reads the backend when imported)

__all__ = ["app"]
