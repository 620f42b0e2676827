"""The Content-Security-Policy every page carries, as a <meta> tag (a static site sets no headers).

Scripts run only from the site's own files: no inline script (JSON data blocks
are not scripts and are unaffected), no eval. Pagefind's search runs
WebAssembly, which needs 'wasm-unsafe-eval'; that allows compiling WebAssembly,
never evaluating JavaScript. Styles may be inline (Material sets style
attributes); a style cannot run script. `base-uri` keeps a stray <base> from
sending every relative URL elsewhere, and nothing is fetched from another host.
"""

from __future__ import annotations

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
])
