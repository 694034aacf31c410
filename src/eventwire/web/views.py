"""What each explorer endpoint answers, as plain functions of a DuckDB cursor.

The filter SQL is :func:`eventwire.queries.where_clause` (shared with ``eventwire
events``); this module adds the explorer's aggregations (timeline, network, map) over
the same ``WHERE`` and shapes rows as JSON. Nothing here writes.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..codebooks import PLOVER_TYPES
from ..queries import SORTABLE, get_article, list_articles, query_events, where_clause
from ..records import FACTUALITY_VALUES
from .params import ApiError, Query

MAX_PERIODS = 1500  # periods in one timeline answer
MAX_POINTS = 2000  # places on the map
MAX_EDGES = 5000  # dyads in the network (the strongest)


def _rows(cur) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _json_list(v: str | None) -> list:
    if not v:
        return []
    try:
        out = json.loads(v)
    except ValueError:
        return []
    return out if isinstance(out, list) else []


def _plain(v: Any) -> Any:
    """JSON-friendly scalars (timestamps become ISO text)."""
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def event_json(row: dict) -> dict:
    """A flat ``events`` row as JSON: the JSON-text columns decoded."""
    out = {k: _plain(v) for k, v in row.items()}
    out["reported_by"] = _json_list(row.get("reported_by"))
    out["links"] = _json_list(row.get("links"))
    return out


def _span(s: int | None, e: int | None) -> list[int] | None:
    return [s, e] if s is not None and e is not None and e > s else None


def _actor(row: dict, prefix: str) -> dict | None:
    if not row.get(f"{prefix}_code"):
        return None
    return {k: row.get(f"{prefix}_{k}") for k in ("code", "country", "sector", "name", "qid", "start", "end", "text")}


def article_event_json(row: dict) -> dict:
    """One event of the article page: nested actors, time and place, and its spans."""
    place = None
    if row.get("location_name") or row.get("location_text"):
        place = {
            "name": row.get("location_name"), "text": row.get("location_text"),
            "country": row.get("location_country"), "admin1": row.get("location_admin1"),
            "geonameid": row.get("location_geonameid"), "lat": row.get("latitude"), "lon": row.get("longitude"),
            "start": row.get("location_start"), "end": row.get("location_end"),
        }
    time = None
    if row.get("time_text") or row.get("time_value"):
        time = {"text": row.get("time_text"), "value": row.get("time_value"),
                "start": row.get("time_start"), "end": row.get("time_end")}
    reported_by = _json_list(row.get("reported_by"))
    return {
        "event_id": row["event_id"], "doc_id": row["doc_id"], "sentence_index": row.get("sentence_index"),
        "evidence": row.get("evidence"), "predicate_text": row.get("predicate_text"),
        "source": _actor(row, "source"), "target": _actor(row, "target"),
        "cameo": row.get("cameo"), "cameo_name": row.get("cameo_name"), "cameo_root": row.get("cameo_root"),
        "goldstein": row.get("goldstein"), "quad_class": row.get("quad_class"),
        "plover_type": row.get("plover_type"), "plover_mode": row.get("plover_mode"),
        "factuality": row.get("factuality"), "reported_by": reported_by,
        "date": row.get("date"), "date_precision": row.get("date_precision"), "date_source": row.get("date_source"),
        "date_range": [row["date_start"], row["date_end"]] if row.get("date_start") and row.get("date_end") else None,
        "time": time, "place": place, "location_source": row.get("location_source"),
        "links": _json_list(row.get("links")), "rule": row.get("rule"), "confidence": row.get("confidence"),
        "cluster_id": row.get("cluster_id"), "num_mentions": row.get("num_mentions"),
        "num_sources": row.get("num_sources"), "num_articles": row.get("num_articles"),
        "coder_version": row.get("coder_version"),
        "spans": {
            "sentence": _span(row.get("sentence_start"), row.get("sentence_end")),
            "predicate": _span(row.get("predicate_start"), row.get("predicate_end")),
            "source": _span(row.get("source_start"), row.get("source_end")),
            "target": _span(row.get("target_start"), row.get("target_end")),
            "time": _span(row.get("time_start"), row.get("time_end")),
            "place": _span(row.get("location_start"), row.get("location_end")),
            "reported_by": [sp for sp in (_span(r.get("start"), r.get("end")) for r in reported_by) if sp],
        },
    }


# --------------------------------------------------------------------------- articles


def articles(cur, opts: dict) -> dict:
    rows, total = list_articles(
        cur, limit=opts.get("limit", 50), offset=opts.get("offset", 0), q=opts.get("q"),
        lang=opts.get("lang"), start=opts.get("start"), end=opts.get("end"),
    )
    return {"articles": [{k: _plain(v) for k, v in r.items()} for r in rows], "total": total}


def article(cur, doc_id: str) -> dict:
    art = get_article(cur, doc_id)
    if art is None:
        raise ApiError(404, f"article {doc_id!r} is not in this store")
    cur2 = cur.execute(
        "SELECT * FROM events WHERE doc_id = ? ORDER BY predicate_start, event_id", [doc_id])
    events = [article_event_json(r) for r in _rows(cur2)]
    keep = ("doc_id", "title", "url", "source", "lang", "published", "published_source", "text", "origin",
            "coder_version", "codebook_version", "coded_at", "n_events")
    a = {k: _plain(art.get(k)) for k in keep}
    a["quoted"] = _json_list(art.get("quoted"))
    return {"article": a, "events": events}


# --------------------------------------------------------------------------- events


def _order(sort: str, descending: bool) -> str:
    """The ``ORDER BY`` of :func:`eventwire.queries.query_events` (``sort`` is from its fixed list)."""
    if sort not in SORTABLE:
        raise ApiError(400, f"sort: expected one of {', '.join(SORTABLE)}, got {sort!r}")
    return (f'ORDER BY "{sort}" {"DESC" if descending else "ASC"} NULLS LAST, '
            "doc_id, predicate_start, event_id")


def events(cur, q: Query) -> dict:
    """One page of the filtered events and the size of the whole set.

    Without a filter this is :func:`~eventwire.queries.query_events` (the count is free).
    With one, the filter is evaluated once, not twice: a single scan keeps the matching
    rows' ids and sort keys, from which come both the count and the page, whose full
    rows are then read by row id (text search over 100,000 sentences costs one pass).
    """
    limit, offset = q.options.get("limit", 50), q.options.get("offset", 0)
    sort, desc = q.options.get("sort", "date"), q.options.get("order", "asc") == "desc"
    where, params = where_clause(q.filter)
    if not where:
        rows, total = query_events(cur, q.filter, limit=limit, offset=offset, order_by=sort, descending=desc)
    else:
        order = _order(sort, desc)
        keys = ", ".join(dict.fromkeys([f'"{sort}"', "doc_id", "predicate_start", "event_id"]))
        total, rids = cur.execute(
            f"WITH m AS MATERIALIZED (SELECT rowid AS _rid, {keys} FROM events{where}),"
            f" p AS (SELECT _rid FROM m {order} LIMIT ? OFFSET ?)"
            " SELECT (SELECT count(*) FROM m), (SELECT list(_rid) FROM p)", params + [limit, offset]).fetchone()
        rows = _rows(cur.execute(f"SELECT * EXCLUDE (_rid) FROM (SELECT rowid AS _rid, * FROM events) "
                                 f"WHERE _rid = ANY(?) {order}", [rids or []])) if rids else []
    return {"events": [event_json(r) for r in rows], "total": total, "limit": limit, "offset": offset}


# --------------------------------------------------------------------------- timeline

_PERIOD_SQL = {
    # events whose date is coarser than the interval cannot be placed in one period
    "day": ("length(date) = 10", "date"),
    "week": ("length(date) = 10", "strftime(CAST(date AS DATE), '%G-W%V')"),
    "month": ("length(date) >= 7", "left(date, 7)"),
    "year": ("length(date) >= 4", "left(date, 4)"),
}


def _periods_between(first: str, last: str, interval: str) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive (gaps filled)."""
    out: list[str] = []
    if interval == "day":
        d, end = date.fromisoformat(first), date.fromisoformat(last)
        while d <= end and len(out) <= MAX_PERIODS:
            out.append(d.isoformat()); d += timedelta(days=1)
    elif interval == "week":
        y, w = (int(x) for x in first.split("-W"))
        d = date.fromisocalendar(y, w, 1)
        y2, w2 = (int(x) for x in last.split("-W"))
        end = date.fromisocalendar(y2, w2, 1)
        while d <= end and len(out) <= MAX_PERIODS:
            iy, iw, _ = d.isocalendar()
            out.append(f"{iy}-W{iw:02d}"); d += timedelta(days=7)
    elif interval == "month":
        y, m = int(first[:4]), int(first[5:7])
        while (y, m) <= (int(last[:4]), int(last[5:7])) and len(out) <= MAX_PERIODS:
            out.append(f"{y:04d}-{m:02d}"); m += 1
            if m == 13:
                y, m = y + 1, 1
    else:
        out = [f"{y:04d}" for y in range(int(first), int(last) + 1)][: MAX_PERIODS + 1]
    return out


def timeline(cur, q: Query) -> dict:
    interval = q.options.get("interval", "month")
    cond, period = _PERIOD_SQL[interval]
    base, params = where_clause(q.filter)
    where = (base + " AND " if base else " WHERE ") + f"date IS NOT NULL AND {cond}"
    sql = (
        f"SELECT {period} AS period, count(*) AS total, "
        + ", ".join(f"count(*) FILTER (WHERE quad_class = {i}) AS q{i}" for i in (1, 2, 3, 4))
        + ", count(*) FILTER (WHERE quad_class IS NULL OR quad_class NOT IN (1, 2, 3, 4)) AS q0"
        + f" FROM events{where} GROUP BY period ORDER BY period"
    )
    rows = _rows(cur.execute(sql, params))
    total = cur.execute(f"SELECT count(*) FROM events{base}", params).fetchone()[0]
    periods = _fill(rows, interval, {"total": 0, "q0": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0})
    out: dict[str, Any] = {"interval": interval, "periods": periods, "total": total,
                           "placed": sum(r["total"] for r in rows), "dyad": None}
    src, tgt = q.options.get("dyad_source"), q.options.get("dyad_target")
    if src or tgt:
        if not (src and tgt):
            raise ApiError(400, "dyad_source and dyad_target go together: give both, or neither")
        dyad_filter = replace(q.filter, source=src, target=tgt)
        where, params = where_clause(dyad_filter)
        where += f" AND date IS NOT NULL AND {cond}"
        drows = _rows(cur.execute(
            f"SELECT {period} AS period, count(*) AS count, coalesce(sum(goldstein), 0) AS goldstein_sum, "
            f"avg(goldstein) AS goldstein_mean FROM events{where} GROUP BY period ORDER BY period", params))
        # the dyad's series spans the same periods as the whole selection, for comparison
        span = [{"period": periods[0]["period"]}, {"period": periods[-1]["period"]}] if periods else []
        by = {r["period"]: r for r in drows}
        zero = {"count": 0, "goldstein_sum": 0.0, "goldstein_mean": None}
        out["dyad"] = {"source": src, "target": tgt, "periods": [
            {"period": p["period"], **{k: by.get(p["period"], zero)[k] for k in zero}} for p in _fill(span, interval, {})]}
    return out


def _fill(rows: list[dict], interval: str, zero: dict) -> list[dict]:
    if not rows:
        return []
    labels = _periods_between(rows[0]["period"], rows[-1]["period"], interval)
    if len(labels) > MAX_PERIODS:
        raise ApiError(400, f"more than {MAX_PERIODS} periods of one {interval}; choose a longer interval "
                            "or a shorter date range (start, end)")
    by = {r["period"]: r for r in rows}
    return [{"period": p, **{k: by.get(p, zero).get(k, v) for k, v in zero.items()}} for p in labels]


# --------------------------------------------------------------------------- network


def network(cur, q: Query) -> dict:
    level = q.options.get("level", "actor")
    max_nodes = q.options.get("max_nodes", 40)
    min_count = q.options.get("min_count", 1)
    if level == "country":
        s = "coalesce(source_country, left(source_code, 3))"
        t = "coalesce(target_country, left(target_code, 3))"
    else:
        s, t = "source_code", "target_code"
    where, params = where_clause(q.filter)
    where = (where + " AND " if where else " WHERE ") + "source_code IS NOT NULL AND target_code IS NOT NULL"
    sql = f"""
        WITH d AS (
            SELECT {s} AS source, {t} AS target, count(*) AS count, avg(goldstein) AS mean_goldstein
            FROM events{where} GROUP BY 1, 2 HAVING count(*) >= ?
        ),
        n AS (
            SELECT actor, sum(count) AS count FROM (
                SELECT source AS actor, count FROM d
                UNION ALL SELECT target AS actor, count FROM d WHERE target <> source
            ) GROUP BY actor ORDER BY count DESC, actor LIMIT ?
        )
        SELECT d.* FROM d
        WHERE d.source IN (SELECT actor FROM n) AND d.target IN (SELECT actor FROM n)
        ORDER BY count DESC, source, target
        LIMIT ?
    """
    edges = _rows(cur.execute(sql, params + [min_count, max_nodes, MAX_EDGES]))
    weight: dict[str, int] = {}
    for e in edges:
        weight[e["source"]] = weight.get(e["source"], 0) + e["count"]
        if e["target"] != e["source"]:
            weight[e["target"]] = weight.get(e["target"], 0) + e["count"]
    nodes = [{"id": a, "count": c} for a, c in sorted(weight.items(), key=lambda x: (-x[1], x[0]))]
    for e in edges:
        if e["mean_goldstein"] is not None:
            e["mean_goldstein"] = round(float(e["mean_goldstein"]), 3)
    return {"level": level, "nodes": nodes, "edges": edges}


# --------------------------------------------------------------------------- map


@lru_cache(maxsize=512)
def iso_numeric(alpha3: str) -> str | None:
    """ISO 3166-1 numeric code (the map geometry's ids) of an alpha-3 code."""
    import pycountry

    c = pycountry.countries.get(alpha_3=alpha3)
    return c.numeric if c else None


def map_data(cur, q: Query) -> dict:
    where, params = where_clause(q.filter)
    total = cur.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
    located = (where + " AND " if where else " WHERE ") + "latitude IS NOT NULL AND longitude IS NOT NULL"
    points = _rows(cur.execute(
        "SELECT coalesce(location_name, location_text) AS name, location_country AS country, "
        "round(latitude, 3) AS lat, round(longitude, 3) AS lon, count(*) AS count "
        f"FROM events{located} GROUP BY 1, 2, 3, 4 ORDER BY count DESC, name, country, lat, lon LIMIT ?",
        params + [MAX_POINTS]))
    n_located = cur.execute(f"SELECT count(*) FROM events{located}", params).fetchone()[0]
    with_country = (where + " AND " if where else " WHERE ") + "location_country IS NOT NULL"
    countries = []
    for r in _rows(cur.execute(
            f"SELECT location_country AS country, count(*) AS count FROM events{with_country} "
            "GROUP BY 1 ORDER BY count DESC, country", params)):
        r["numeric"] = iso_numeric(r["country"]) if len(r["country"] or "") == 3 else None
        countries.append(r)
    return {"points": points, "countries": countries, "total": total, "located": n_located}


# --------------------------------------------------------------------------- facets


def facets(cur) -> dict:
    langs = [r[0] for r in cur.execute(
        "SELECT DISTINCT lang FROM articles WHERE lang IS NOT NULL ORDER BY 1").fetchall()]
    countries = [r[0] for r in cur.execute(
        "SELECT c FROM (SELECT source_country AS c FROM events UNION ALL SELECT target_country FROM events) "
        "WHERE c IS NOT NULL GROUP BY c ORDER BY count(*) DESC, c LIMIT 300").fetchall()]
    counts = {t: cur.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in ("articles", "events")}
    return {"languages": langs, "plover_types": list(PLOVER_TYPES), "factualities": list(FACTUALITY_VALUES),
            "quad_classes": [1, 2, 3, 4], "countries": countries, "counts": counts}
