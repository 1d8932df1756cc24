"""The ASGI application behind `paraindex serve`.

Safety, in one place: the Host header must name this server (a page on
another site cannot reach it by DNS rebinding); every response forbids
framing, content sniffing and any script, style or form target but this
site's own; no debug mode, so an unexpected error shows no traceback; errors
of the library become 400 (bad query or citation) and 404 (not in the index).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from indexer.errors import NotFoundError, ParaindexError, QueryError
from search.service import Paraindex

from . import api, pages

#: as the Host header carries them (an IPv6 address in brackets)
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
DESCRIPTION = """\
Search UN reports paragraph by paragraph, and cite them exactly.

Field names are those of the `paraindex` command's JSON output
(`paraindex search --format json`, `paraindex get --format json`,
`paraindex docs --format json`); `url` fields link to this server's pages.
Errors answer `{"detail": "..."}`: 400 for a bad query, citation or parameter,
404 for a document or paragraph that is not in the index.
"""


class SecurityHeaders:
    """Adds the headers above to every response; a Content-Security-Policy too,
    unless the response set its own (original files)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        skip_csp = scope["path"].startswith("/original/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                if not skip_csp and b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _package_version() -> str:
    try:
        return version("paraindex")
    except PackageNotFoundError:
        return "unknown"


def create_app(index_dir: str | Path, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over the index at ``index_dir``.

    Raises the library's ``IndexNotFoundError`` at once when there is no index,
    so `paraindex serve` fails before it listens. ``allowed_hosts`` are the
    names the Host header may carry (default: this machine's loopback names).
    """
    library = Paraindex(index_dir)  # fails now, with the library's message, if no index
    app = FastAPI(
        title="paraindex",
        version=_package_version(),
        description=DESCRIPTION,
        debug=False,
        docs_url=None,  # the interactive docs load scripts from a CDN: not on a local tool
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.index_dir = Path(index_dir)
    app.state.library = library
    app.mount("/static", StaticFiles(directory=pages.HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)  # last: its catch-all takes paragraph addresses
    _add_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS))
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return pages.render(request, "error.html", {"status": status, "message": message}, status)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for problem in error.errors():
        where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {problem.get('msg', 'invalid')}" if where else
                     str(problem.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(QueryError)
    async def query_error(request: Request, error: QueryError) -> Response:
        return _error(request, 400, str(error))

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, error: NotFoundError) -> Response:
        return _error(request, 404, str(error))

    @app.exception_handler(ParaindexError)
    async def index_problem(request: Request, error: ParaindexError) -> Response:
        return _error(request, 503, str(error))

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, error: RequestValidationError) -> Response:
        return _error(request, 400, _validation_message(error))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return _error(request, error.status_code, str(error.detail))


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description, with its 422 replaced by the 400 this API answers."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description,
                         routes=app.routes)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            operation.get("responses", {}).pop("422", None)
    components = schema.get("components", {}).get("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    app.openapi_schema = schema
    return schema
