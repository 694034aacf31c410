"""Partitioned Parquet of coded articles, for runs too large to write to one store at once.

``eventwire code --parquet-dir DIR`` (any engine) writes, instead of the store::

    DIR/run=<UTC time>-<id>/part-000000.parquet   (``PART_ROWS`` articles each)

one row per input: ``run``, ``seq`` (input order), ``kind`` (``coded`` or
``rejected``), ``doc_id``, ``content_hash``, ``coder_version``, ``lang``,
``published``, ``n_events`` and ``record``: the whole CodedArticle (or Rejection) as
JSON (:mod:`eventwire.engines.codec`), so nothing is lost. Parts of several runs (or
of several machines) can share DIR. ``eventwire ingest DIR --db PATH`` merges them into
the store in (run, seq) order, skipping articles stored already, and merges their
events into clusters (:mod:`eventwire.merge`).
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Iterator

from ..records import CodedArticle, Rejection
from . import codec

PART_ROWS = 1000

COLUMNS = (
    ("run", "string"), ("seq", "int64"), ("kind", "string"), ("doc_id", "string"), ("content_hash", "string"),
    ("coder_version", "string"), ("lang", "string"), ("published", "string"), ("n_events", "int32"),
    ("record", "string"),
)


def schema():
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, t)()) for name, t in COLUMNS])


@dataclass(frozen=True, slots=True)
class PartsSummary:
    run: str
    parts: int
    articles: int
    rejected: int
    events: int


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def _row(run: str, seq: int, kind: str, text: str) -> dict:
    d = json.loads(text)
    if kind == "rejected":
        return {"run": run, "seq": seq, "kind": kind, "doc_id": d.get("doc_id"), "content_hash": None,
                "coder_version": None, "lang": None, "published": None, "n_events": 0, "record": text}
    art = d["article"]
    return {"run": run, "seq": seq, "kind": kind, "doc_id": art["doc_id"], "content_hash": art["content_hash"],
            "coder_version": d.get("coder_version"), "lang": art.get("lang"), "published": art.get("published"),
            "n_events": len(d.get("events") or ()), "record": text}


def write_records(records: Iterable[tuple[int, str, str]], out_dir: str | os.PathLike, *,
                  run: str | None = None, part_rows: int = PART_ROWS, on_row=None) -> PartsSummary:
    """Write ``(seq, kind, json)`` records as Parquet parts under ``out_dir/run=RUN/``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    run = run or new_run_id()
    folder = os.path.join(os.fspath(out_dir), f"run={run}")
    os.makedirs(folder, exist_ok=True)
    sch = schema()
    buf: list[dict] = []
    parts = articles = rejected = events = 0

    def flush() -> None:
        nonlocal parts
        if not buf:
            return
        tbl = pa.Table.from_pylist(buf, schema=sch)
        tmp = os.path.join(folder, f".part-{parts:06d}.parquet.tmp")
        pq.write_table(tbl.drop_columns(["run"]), tmp, compression="zstd")
        os.replace(tmp, os.path.join(folder, f"part-{parts:06d}.parquet"))  # a part is whole or absent
        parts += 1
        buf.clear()

    for seq, kind, text in records:
        row = _row(run, seq, kind, text)
        buf.append(row)
        if kind == "rejected":
            rejected += 1
        else:
            articles += 1
            events += row["n_events"]
        if on_row is not None:
            on_row(row)
        if len(buf) >= part_rows:
            flush()
    flush()
    return PartsSummary(run, parts, articles, rejected, events)


def encode_results(results: Iterable[CodedArticle | Rejection]) -> Iterator[tuple[int, str, str]]:
    """``(seq, kind, json)`` for engine results (the local engine's path to Parquet)."""
    for seq, res in enumerate(results):
        kind, text = codec.encode_result(res)
        yield seq, kind, text


def write_results(results: Iterable[CodedArticle | Rejection], out_dir, **kw) -> PartsSummary:
    return write_records(encode_results(results), out_dir, **kw)


def parts_glob(in_dir: str | os.PathLike) -> str:
    from ..errors import UsageError

    d = os.fspath(in_dir)
    if not os.path.isdir(d):
        raise UsageError(f"{d}: no such directory; expected a folder written by `eventwire code --parquet-dir {d}`")
    has = any(f.endswith(".parquet") for _, _, fs in os.walk(d) for f in fs)
    if not has:
        raise UsageError(f"{d}: no .parquet parts in it; write them with `eventwire code INPUT --parquet-dir {d}`")
    return os.path.join(d, "**", "*.parquet")


def read_records(in_dir: str | os.PathLike, *, batch_rows: int = 256) -> Iterator[dict]:
    """Every row of the parts under ``in_dir``, in (run, seq) order, streamed."""
    import duckdb

    pattern = parts_glob(in_dir)
    reader = duckdb.connect()  # its own connection: the store's stays free for writes
    try:
        rel = reader.sql(
            "SELECT run, seq, kind, doc_id, content_hash, coder_version, record "
            "FROM read_parquet($pattern, hive_partitioning = true) ORDER BY run, seq", params={"pattern": pattern})
        rb = rel.to_arrow_reader(batch_rows)
        for batch in rb:
            yield from batch.to_pylist()
    finally:
        reader.close()


def write_coded_batch(con, items: list[CodedArticle]) -> int:
    """Write many coded articles in one transaction (``write_coded``'s rules, in bulk).

    The rows are :func:`eventwire.store.coded_rows`; an article stored with the same
    content hash and coder version is left alone, one stored otherwise is replaced. One
    lookup, one delete and one Arrow insert per table for the whole batch, instead of
    one transaction per article. Returns how many articles were written.
    """
    from ..store import ARTICLE_TABLES, coded_rows, insert_rows, transaction

    if not items:
        return 0
    last: dict[str, CodedArticle] = {}
    for c in items:  # the last coding of a doc id in the batch wins, as with write_coded in order
        last[c.article.doc_id] = c
    ids = list(last)
    view = f"_ew_batch_{uuid.uuid4().hex[:8]}"
    import pyarrow as pa

    con.register(view, pa.table({"doc_id": ids}))
    try:
        with transaction(con):
            stored = {r[0]: (r[1], r[2]) for r in con.execute(
                f"SELECT a.doc_id, a.content_hash, a.coder_version FROM articles a JOIN {view} USING (doc_id)"
            ).fetchall()}
            todo = [c for d, c in last.items() if stored.get(d) != (c.article.content_hash, c.coder_version)]
            replaced = [c.article.doc_id for c in todo if c.article.doc_id in stored]
            if replaced:
                rv = f"_ew_batch_r_{uuid.uuid4().hex[:8]}"
                con.register(rv, pa.table({"doc_id": replaced}))
                for t in ARTICLE_TABLES:
                    con.execute(f'DELETE FROM "{t}" WHERE doc_id IN (SELECT doc_id FROM {rv})')
                con.unregister(rv)
            rows: dict[str, list[dict]] = {t: [] for t in ARTICLE_TABLES}
            for c in todo:
                for t, rs in coded_rows(c).items():
                    rows[t].extend(rs)
            for t in ARTICLE_TABLES:
                insert_rows(con, t, rows[t])
            origins = [c.article.origin for c in todo if c.article.origin]
            if origins:
                ov = f"_ew_batch_o_{uuid.uuid4().hex[:8]}"
                con.register(ov, pa.table({"origin": origins}))
                con.execute(f"DELETE FROM rejected WHERE origin IN (SELECT origin FROM {ov})")
                con.unregister(ov)
    finally:
        con.unregister(view)
    return len(todo)


@dataclass(frozen=True, slots=True)
class IngestSummary:
    rows: int
    written: int
    skipped: int
    rejected: int
    events: int


def ingest(con, in_dir: str | os.PathLike, *, merge: bool = True, batch: int = 500, embed: bool = False,
           progress=None) -> IngestSummary:
    """Write the parts under ``in_dir`` into the store ``con`` (resumable, idempotent).

    Articles go in by batches of ``batch`` (one transaction each, see
    :func:`write_coded_batch`), then their events are merged into clusters.
    """
    from ..store import record_rejection, stored_keys

    keys = stored_keys(con)
    pending_docs: list[str] = []
    pending: list[CodedArticle] = []
    rows = written = skipped = rejected = events = 0

    def flush() -> None:
        nonlocal written
        if pending:
            written += write_coded_batch(con, pending)
        if merge and pending_docs:
            from ..merge import update_clusters

            update_clusters(con, pending_docs, embed=embed)
        pending.clear()
        pending_docs.clear()

    for r in read_records(in_dir):
        rows += 1
        if r["kind"] == "rejected":
            record_rejection(con, codec.decode(r["record"], Rejection))
            rejected += 1
            continue
        key = (r["doc_id"], r["content_hash"], r["coder_version"])
        if key in keys:
            skipped += 1  # merged already, unless a run stopped before merging: merge again (idempotent)
        else:
            coded = codec.decode(r["record"], CodedArticle)
            pending.append(coded)
            events += len(coded.events)
            keys.add(key)
        pending_docs.append(r["doc_id"])
        if progress is not None:
            progress(r)
        if len(pending_docs) >= batch:
            flush()
    flush()
    return IngestSummary(rows, written, skipped, rejected, events)
