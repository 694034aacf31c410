"""Read-only queries over the store, shared by the CLI (``eventwire events``) and the web explorer.

Every value reaches SQL as a bound parameter; only column names from fixed lists are
spliced in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import UsageError
from .records import FACTUALITY_VALUES

SORTABLE = ("date", "published", "cameo", "goldstein", "confidence", "doc_id", "event_id", "num_mentions")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters of :func:`query_events`; ``None`` means no filter on that field.

    ``actor`` matches a source or target actor code prefix (``RUS``, ``RUSGOV``) or,
    case-insensitively, a part of the actor's name or text; ``country`` an ISO3 code
    of either side; ``cameo`` a code or root prefix (``04``, ``042``); ``plover`` a
    PLOVER type; ``quad`` a quad class 1-4; ``factuality`` one value; ``start``/``end``
    an ISO date range on the event date (inclusive; coarse dates match by prefix);
    ``q`` free text in the evidence sentence; ``doc_id`` one article.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    cameo: str | None = None
    plover: str | None = None
    quad: int | None = None
    factuality: str | None = None
    start: str | None = None
    end: str | None = None
    q: str | None = None
    doc_id: str | None = None
    cluster_id: str | None = None
    lang: str | None = None


def _actor_clause(prefix: str, value: str, params: list) -> str:
    params += [value.upper() + "%", f"%{value}%", f"%{value}%"]
    return f"({prefix}_code ILIKE ? OR {prefix}_name ILIKE ? OR {prefix}_text ILIKE ?)"


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL ``WHERE`` text (or empty) and its bound parameters."""
    parts: list[str] = []
    params: list[Any] = []
    if f.actor:
        p1: list = []
        a = _actor_clause("source", f.actor, p1)
        b = _actor_clause("target", f.actor, p1)
        parts.append(f"({a} OR {b})")
        params += p1
    if f.source:
        parts.append(_actor_clause("source", f.source, params))
    if f.target:
        parts.append(_actor_clause("target", f.target, params))
    if f.country:
        c = f.country.upper()
        parts.append("(source_country = ? OR target_country = ? OR source_code LIKE ? OR target_code LIKE ?)")
        params += [c, c, c + "%", c + "%"]
    if f.cameo:
        code = f.cameo.strip()
        if not code.isdigit():
            raise UsageError(f"--cameo {code!r}: expected a CAMEO code or root made of digits, such as 04 or 042")
        parts.append("cameo LIKE ?")
        params.append(code + "%")
    if f.plover:
        parts.append("upper(plover_type) = ?")
        params.append(f.plover.upper())
    if f.quad is not None:
        q = int(f.quad)
        if q not in (1, 2, 3, 4):
            raise UsageError(f"--quad {f.quad}: expected 1, 2, 3 or 4")
        parts.append("quad_class = ?")
        params.append(q)
    if f.factuality:
        if f.factuality not in FACTUALITY_VALUES:
            raise UsageError(f"--factuality {f.factuality!r}: expected one of {', '.join(FACTUALITY_VALUES)}")
        parts.append("factuality = ?")
        params.append(f.factuality)
    if f.start:
        # a coarse date (2024-06) is kept when its period reaches into the range
        parts.append("(date >= ? OR (date IS NOT NULL AND starts_with(?, date)))")
        params += [f.start, f.start]
    if f.end:
        parts.append("(date <= ? OR starts_with(date, ?))")
        params += [f.end, f.end]
    if f.q:
        parts.append("(evidence ILIKE ? OR source_name ILIKE ? OR target_name ILIKE ?)")
        params += [f"%{f.q}%"] * 3
    if f.doc_id:
        parts.append("doc_id = ?")
        params.append(f.doc_id)
    if f.cluster_id:
        parts.append("cluster_id = ?")
        params.append(f.cluster_id)
    if f.lang:
        parts.append("lang = ?")
        params.append(f.lang)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def query_events(
    con,
    filters: EventFilter | None = None,
    *,
    limit: int | None = 100,
    offset: int = 0,
    order_by: str = "date",
    descending: bool = False,
    columns: tuple[str, ...] | None = None,
    **kw,
) -> tuple[list[dict], int]:
    """Stored events matching ``filters`` (or the same fields as keywords): ``(rows, total)``.

    ``rows`` are dicts of the ``events`` table's columns (or ``columns``), ordered by
    ``order_by`` then ``doc_id`` and ``predicate_start``; ``total`` counts every match.
    ``limit=None`` returns all.
    """
    if filters is None:
        filters = EventFilter(**kw)
    elif kw:
        raise TypeError("pass either filters or keyword filters, not both")
    if order_by not in SORTABLE:
        raise UsageError(f"cannot sort by {order_by!r}; expected one of {', '.join(SORTABLE)}")
    where, params = where_clause(filters)
    total = con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
    from .store import TABLES

    known = [c for c, _ in TABLES["events"]]
    cols = [c for c in (columns or known) if c in known]
    if columns and len(cols) != len(columns):
        bad = sorted(set(columns) - set(known))
        raise UsageError(f"unknown event columns {bad}; expected some of {', '.join(known)}")
    direction = "DESC" if descending else "ASC"
    sql = (
        f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM events{where} "
        f'ORDER BY "{order_by}" {direction} NULLS LAST, doc_id, predicate_start, event_id'
    )
    qparams = list(params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        qparams += [int(limit), int(offset)]
    cur = con.execute(sql, qparams)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()], total


def get_article(con, doc_id: str) -> dict | None:
    cur = con.execute("SELECT * FROM articles WHERE doc_id = ?", [doc_id])
    row = cur.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cur.description], row))


def list_articles(
    con, *, limit: int | None = 100, offset: int = 0, q: str | None = None, lang: str | None = None,
    start: str | None = None, end: str | None = None,
) -> tuple[list[dict], int]:
    """Stored articles (without their text), newest publication first.

    ``q`` searches the title, id and text; ``lang`` is one language; ``start``/``end``
    an inclusive ISO range on the publication date.
    """
    conds, params = [], []
    if q:
        conds.append("(title ILIKE ? OR doc_id ILIKE ? OR text ILIKE ?)")
        params += [f"%{q}%"] * 3
    if lang:
        conds.append("lang = ?")
        params.append(lang)
    if start:
        conds.append("published >= ?")
        params.append(start)
    if end:
        conds.append("(published <= ? OR starts_with(published, ?))")
        params += [end, end]
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    total = con.execute(f"SELECT count(*) FROM articles{where}", params).fetchone()[0]
    sql = (
        "SELECT doc_id, title, url, source, lang, published, published_source, origin, coder_version, "
        f"coded_at, n_events, length(text) AS n_chars FROM articles{where} "
        "ORDER BY published DESC NULLS LAST, doc_id"
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = params + [int(limit), int(offset)]
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()], total


def rejections(con, *, limit: int | None = 100) -> list[dict]:
    sql = 'SELECT origin, doc_id, reason, detail, run_id, "at" FROM rejected ORDER BY "at", origin'
    params: list = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]
