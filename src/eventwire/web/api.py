"""The explorer's JSON API (``/api/...``): thin routes over :mod:`eventwire.web.views`.

Every answer is ``{"ok": true, ...}`` or ``{"ok": false, "error": "...", "status": N}``.
Each request gets its own DuckDB cursor on the app's read-only connection (DuckDB
connections are not thread-safe; cursors are). Only GET routes exist.
"""

from __future__ import annotations

import itertools
import os
import tempfile
from typing import Any, Iterator

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, JSONResponse
from starlette.background import BackgroundTask

from .. import export
from . import params as P
from . import views

router = APIRouter(prefix="/api")

DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "jsonl": ("application/x-ndjson; charset=utf-8", "jsonl"),
    "plover": ("application/x-ndjson; charset=utf-8", "plover.jsonl"),
    "gdelt": ("text/tab-separated-values; charset=utf-8", "gdelt.tsv"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}


def cursor(request: Request) -> Iterator[Any]:
    """A fresh cursor per request on the shared read-only connection."""
    cur = request.app.state.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


def query_params(request: Request) -> dict[str, str]:
    qp = request.query_params
    for k in qp.keys():
        if len(qp.getlist(k)) > 1:
            raise P.ApiError(400, f"parameter {k!r} given {len(qp.getlist(k))} times; give it once")
    return dict(qp)


def ok(payload: dict) -> JSONResponse:
    return JSONResponse({"ok": True, **payload})


def answer_query(request: Request, cur, view, extra: dict | None = None) -> JSONResponse:
    """Validate the request's event query (the filters plus ``extra`` options), answer ``view(cur, query)``."""
    return ok(view(cur, P.parse_query(query_params(request), extra)))


@router.get("/health")
def health(request: Request, cur=Depends(cursor)):
    P.parse(query_params(request), {})
    n = views.facets(cur)["counts"]
    return ok({"db": request.app.state.db_name, "read_only": True, "counts": n})


@router.get("/facets")
def facets(request: Request, cur=Depends(cursor)):
    P.parse(query_params(request), {})
    return ok(views.facets(cur))


@router.get("/articles")
def articles(request: Request, cur=Depends(cursor)):
    opts = P.parse(query_params(request), P.ARTICLES)
    return ok(views.articles(cur, opts))


@router.get("/articles/{doc_id:path}")
def article(doc_id: str, request: Request, cur=Depends(cursor)):
    P.parse(query_params(request), {})
    if P.check_doc_id(doc_id) is None:
        raise P.ApiError(404, f"no article with id {doc_id!r}")
    return ok(views.article(cur, doc_id))


@router.get("/events")
def events(request: Request, cur=Depends(cursor)):
    return answer_query(request, cur, views.events, P.EVENT_PAGE)


@router.get("/events.{fmt}")
def download(fmt: str, request: Request, cur=Depends(cursor)):
    """The filtered set as a file (CSV, JSONL, PLOVER JSONL, GDELT TSV or Parquet), at most MAX_EXPORT rows."""
    if fmt not in DOWNLOADS:
        raise P.ApiError(404, f"no download format {fmt!r}; expected one of {', '.join(DOWNLOADS)}")
    q = P.parse_query(query_params(request))
    media, ext = DOWNLOADS[fmt]
    fd, path = tempfile.mkstemp(prefix="eventwire-", suffix="." + ext)
    os.close(fd)
    try:
        rows = itertools.islice(export.iter_event_rows(cur, filters=q.filter), P.MAX_EXPORT)
        export.write_rows(rows, fmt, path)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(path, media_type=media, filename=f"events.{ext}",
                        background=BackgroundTask(os.unlink, path))


@router.get("/timeline")
def timeline(request: Request, cur=Depends(cursor)):
    return answer_query(request, cur, views.timeline, P.TIMELINE)


@router.get("/network")
def network(request: Request, cur=Depends(cursor)):
    return answer_query(request, cur, views.network, P.NETWORK)


@router.get("/map")
def map_(request: Request, cur=Depends(cursor)):
    return answer_query(request, cur, views.map_data)


@router.get("/{rest:path}")
def not_found(rest: str):
    raise P.ApiError(404, f"no API endpoint /api/{rest}; see /api/health, /api/articles, /api/events, "
                          "/api/timeline, /api/network, /api/map")
