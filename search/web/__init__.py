"""`paraindex serve`: a local search page and JSON API over an index.

Needs the optional ``web`` dependencies (``pip install 'paraindex[web]'``);
importing this package without them raises ``ImportError``.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
