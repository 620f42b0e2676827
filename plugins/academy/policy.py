"""The Content-Security-Policy every page carries, as a <meta> tag (a static site sets no headers).

Scripts run only from the site's own files, and the few inline scripts the
academy writes into every page allowed one by one by the sha256 of their text
(head.py): any other inline script, whatever its source, does not run (JSON
data blocks are not scripts and are unaffected); no eval. Pagefind's search runs
WebAssembly, which needs 'wasm-unsafe-eval'; that allows compiling WebAssembly,
never evaluating JavaScript. Styles may be inline (Material sets style
attributes); a style cannot run script. `base-uri` keeps a stray <base> from
sending every relative URL elsewhere, and nothing is fetched from another host.
"""

from __future__ import annotations

from collections.abc import Iterable


def content_security_policy(inline_scripts: Iterable[str] = ()) -> str:
    """The policy, allowing the inline scripts given by their hash sources ('sha256-...')."""
    scripts = " ".join(["script-src 'self' 'wasm-unsafe-eval'", *inline_scripts])
    return "; ".join(scripts if part == "script-src" else part for part in _PARTS)


_PARTS = [
    "default-src 'self'",
    "script-src",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]
