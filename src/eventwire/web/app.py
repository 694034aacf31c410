"""``eventwire serve``: a local, read-only web explorer over the DuckDB store.

:func:`create_app` builds the FastAPI app: the JSON API (:mod:`eventwire.web.api`),
six pages (each a thin HTML shell whose script reads one ``/api/`` endpoint) and the
package's static files (JavaScript, CSS, the Natural Earth map geometry). Nothing is
fetched from another origin, and the store is opened read-only.
"""

from __future__ import annotations

import html
import os
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventwireError
from ..store import open_store
from . import api
from .params import ApiError, check_doc_id

HERE = Path(__file__).parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

PAGES = {
    # page -> (title, extra filter fields)
    "articles": ("Articles", ""),
    "events": ("Events", ""),
    "timeline": ("Timeline", """
  <label>Interval <select name="interval"><option value="">month</option><option value="day">day</option>
    <option value="week">week</option><option value="month">month</option><option value="year">year</option></select></label>
  <label>Dyad source <input name="dyad_source" placeholder="RUS" maxlength="64" size="8"></label>
  <label>Dyad target <input name="dyad_target" placeholder="PRK" maxlength="64" size="8"></label>"""),
    "network": ("Network", """
  <label>Nodes <select name="level"><option value="">actors</option><option value="actor">actors</option>
    <option value="country">countries</option></select></label>
  <label>Max nodes <input name="max_nodes" type="number" min="2" max="200" placeholder="40" size="4"></label>"""),
    "map": ("Map", ""),
    "article": ("Article", ""),
}


@lru_cache(maxsize=None)
def _template(name: str) -> str:
    return (TEMPLATES / f"{name}.html").read_text(encoding="utf-8")


def render(page: str, *, db_name: str, **values: str) -> str:
    title, extra = PAGES[page]
    body = _template(page).replace("{{filters}}", _template("_filters").replace("{{extra}}", extra))
    for k, v in values.items():
        body = body.replace("{{" + k + "}}", html.escape(v, quote=True))
    scripts = f'<script src="/static/{page}.js"></script>'
    return (_template("base")
            .replace("{{title}}", html.escape(title))
            .replace("{{page}}", page)
            .replace("{{db}}", html.escape(db_name))
            .replace("{{scripts}}", scripts)
            .replace("{{body}}", body))


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)


def _error_page(request: Request, status: int, message: str):
    if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
        return _error(status, message)
    body = f'<h1>{status}</h1><p>{html.escape(message)}</p><p><a href="/articles">Articles</a></p>'
    page = (_template("base").replace("{{title}}", str(status)).replace("{{page}}", "error")
            .replace("{{db}}", "").replace("{{scripts}}", "").replace("{{body}}", body))
    return HTMLResponse(page, status_code=status)


def create_app(db: str | os.PathLike, *, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The explorer over the store at ``db``, opened read-only (raises StoreError if it cannot be)."""
    con = open_store(db, read_only=True)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        try:
            yield
        finally:
            con.close()

    app = FastAPI(title="eventwire explorer", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.con = con
    app.state.db_name = os.path.basename(str(db)) or str(db)

    allowed = set(allowed_hosts or ())

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        if allowed:
            # bound to loopback: refuse other host names (DNS rebinding)
            host = request.headers.get("host", "")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in allowed:
                return _error(400, f"host {host!r} is not served here; open http://127.0.0.1 or http://localhost")
        resp = await call_next(request)
        resp.headers["Content-Security-Policy"] = CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        if request.url.path.startswith("/api/"):
            resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return _error_page(request, exc.status, exc.message)

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError):
        return _error(400, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        msg = {404: f"not found: {request.url.path}", 405: f"method {request.method} not allowed: this explorer "
               "is read-only"}.get(exc.status_code, str(exc.detail))
        return _error_page(request, exc.status_code, msg)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()) if x not in ("query", "path"))
        return _error(400, f"{where or 'request'}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):  # pragma: no cover - a bug
        return _error(500, f"internal error: {type(exc).__name__}: {exc}")

    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page(name: str, **values: str) -> HTMLResponse:
        return HTMLResponse(render(name, db_name=app.state.db_name, **values))

    @app.get("/", include_in_schema=False)
    def index():
        return RedirectResponse("/articles", status_code=302)

    @app.get("/articles", response_class=HTMLResponse)
    def articles_page():
        return page("articles")

    @app.get("/articles/{doc_id:path}", response_class=HTMLResponse)
    def article_page(doc_id: str):
        if check_doc_id(doc_id) is None:
            raise ApiError(404, f"no article with id {doc_id!r}")
        cur = app.state.con.cursor()
        try:
            found = cur.execute("SELECT 1 FROM articles WHERE doc_id = ? LIMIT 1", [doc_id]).fetchone()
        finally:
            cur.close()
        if not found:
            raise ApiError(404, f"article {doc_id!r} is not in this store")
        return page("article", doc_id=doc_id)

    for name in ("events", "timeline", "network", "map"):
        app.add_api_route(f"/{name}", (lambda n: lambda: page(n))(name), methods=["GET"],
                          response_class=HTMLResponse, include_in_schema=False)

    return app


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8080, log_level: str = "warning") -> None:
    """Run the explorer with uvicorn until interrupted."""
    import uvicorn

    allowed = list(LOOPBACK) if host in LOOPBACK else None
    app = create_app(db, allowed_hosts=allowed)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
