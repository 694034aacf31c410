"""``eventwire code INPUT...``: read, clean, code and store articles.

Inputs: .txt, .html, .jsonl, .warc(.gz) files, directories (recursively) and ``-``
(standard input). Every article goes into the DuckDB store (``--db``); with
``--format``, the events of this run are also written (to ``--out`` or standard
output). Articles already stored with the same content and coder version are
skipped, so a killed batch resumes where it stopped.

Exit status: 0 when every input went in, 1 when something was rejected, 2 for a
usage error.
"""

from __future__ import annotations

import argparse
import re

from ..errors import UsageError
from .options import add_db, add_quiet, add_settings, settings_from

COMMIT_EVERY = 64  # articles per transaction: one Arrow insert per table for all of them
COMMIT_SECONDS = 2.0


def register(subparsers) -> None:
    from ..engines import ENGINES
    from ..export import FORMATS

    p = subparsers.add_parser("code", help="code articles into the event store", description=__doc__,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a .txt, .html, .jsonl or .warc(.gz) file, a directory, or - for standard input")
    add_db(p)
    p.add_argument("--format", choices=("table",) + FORMATS, default=None,
                   help="also write this run's events in this format")
    p.add_argument("--out", default=None, help="file for --format (default: standard output)")
    add_settings(p)
    add_quiet(p)
    p.add_argument("--engine", choices=ENGINES, default="local", help="where to code (default: local)")
    p.add_argument("--workers", type=int, default=1, help="worker processes for the local engine, actors for Ray (default: 1; with Ray, 1 means one actor "
                        "per CPU of the cluster)")
    p.add_argument("--address", default=None, help="Ray cluster address for --engine ray (default: start locally)")
    p.add_argument("--commit-every", type=int, default=COMMIT_EVERY, metavar="N",
                   help=f"articles per store transaction (default {COMMIT_EVERY}; also every {COMMIT_SECONDS:g} s); "
                   "a crash loses at most the uncommitted ones, which a rerun codes again")
    p.add_argument("--parquet-dir", default=None, metavar="DIR",
                   help="for very large runs: write coded articles as partitioned Parquet under DIR instead of "
                        "the store (articles already in --db are skipped); load them with `eventwire ingest DIR`")
    p.set_defaults(func=run)


def _check(args: argparse.Namespace) -> None:
    from ..clean import SUPPORTED_LANGS

    if args.lang and args.lang not in SUPPORTED_LANGS:
        raise UsageError(f"--lang {args.lang!r}: expected one of {', '.join(SUPPORTED_LANGS)}")
    if args.published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.published):
        raise UsageError(f"--published {args.published!r}: expected a date written YYYY-MM-DD")
    if args.out and not args.format:
        raise UsageError("--out needs --format (plover, jsonl, gdelt, csv or parquet)")
    if args.format == "parquet" and (not args.out or args.out == "-"):
        raise UsageError("--format parquet needs --out FILE.parquet")
    if args.commit_every < 1:
        raise UsageError(f"--commit-every {args.commit_every}: expected 1 or more")
    if args.workers < 1:
        raise UsageError(f"--workers {args.workers}: expected 1 or more")
    if args.max_bytes is not None and args.max_bytes < 1:
        raise UsageError(f"--max-bytes {args.max_bytes}: expected a positive number of bytes")


def run(args: argparse.Namespace) -> int:
    import time

    from ..clean import clean_article
    from ..engines import run_engine
    from ..errors import InputRejected
    from ..ingest import expand, read_inputs
    from ..progress import Progress
    from ..records import CodedArticle, RawArticle, Rejection
    from ..engines.parquet_io import write_coded_batch
    from ..store import finish_run, open_store, record_rejection, start_run, stored_keys
    from ..version import CODER_VERSION

    _check(args)
    settings = settings_from(args)
    expand(args.inputs)  # usage errors (missing paths) before anything is written
    con = open_store(args.db)
    run_id = start_run(con, settings={**settings.as_dict(), "engine": args.engine, "workers": args.workers,
                                      "inputs": list(args.inputs)})
    keys = stored_keys(con)
    stored_ids = {k[0] for k in keys}
    run_docs: list[str] = []
    prog = Progress(enabled=not args.quiet)
    n_inputs = 0

    def fresh():
        """Inputs that still need coding; stored ones are counted and skipped."""
        nonlocal n_inputs
        for item in read_inputs(args.inputs, settings=settings):
            n_inputs += 1
            if isinstance(item, RawArticle) and item.doc_id in stored_ids:
                try:
                    art = clean_article(item, settings=settings)
                except InputRejected as exc:
                    yield Rejection(item.origin, exc.reason, exc.detail, item.doc_id)
                    continue
                if (art.doc_id, art.content_hash, CODER_VERSION) in keys:
                    run_docs.append(art.doc_id)
                    prog.add(skipped=1)
                    continue
            yield item

    if getattr(args, "parquet_dir", None):
        con.close()
        return _write_parquet(args, fresh(), settings, prog)

    from ..merge import update_clusters

    n_rejected = n_articles = n_events = 0
    merged = 0  # run_docs[:merged] are merged into event clusters

    def merge_pending(every: int = 200) -> None:
        nonlocal merged
        if len(run_docs) - merged >= every:
            update_clusters(con, run_docs[merged:])
            merged = len(run_docs)

    pending: list[CodedArticle] = []
    last_commit = time.monotonic()

    def commit() -> None:
        """Write the pending articles (whole, one transaction), then merge what is stored."""
        nonlocal last_commit
        if pending:
            write_coded_batch(con, pending)
            pending.clear()
        last_commit = time.monotonic()
        merge_pending()

    try:
        try:
            results = run_engine(fresh(), engine=args.engine, workers=args.workers, address=args.address,
                                 settings=settings)
        except ImportError as exc:
            raise UsageError(f"--engine {args.engine}: not installed ({exc}); "
                             "install it with `pip install 'eventwire[ray]'`") from exc
        for res in results:
            if isinstance(res, Rejection):
                n_rejected += 1
                prog.message(f"eventwire: rejected {res.origin}: {res.detail} [{res.reason}]")
                record_rejection(con, res, run_id=run_id)
                prog.add(rejected=1)
                continue
            assert isinstance(res, CodedArticle)
            art = res.article
            if art.published_source == "none":
                prog.message(
                    f"eventwire: warning: {art.origin or art.doc_id}: no publication date (none in the input, "
                    "the page metadata or a dateline); relative dates stay unresolved; pass --published YYYY-MM-DD"
                )
            pending.append(res)
            run_docs.append(art.doc_id)
            n_articles += 1
            n_events += len(res.events)
            prog.add(articles=1, events=len(res.events))
            if len(pending) >= args.commit_every or time.monotonic() - last_commit >= COMMIT_SECONDS:
                commit()
        commit()
        merge_pending(every=1)
        finish_run(con, run_id, n_inputs=n_inputs, n_articles=n_articles, n_skipped=prog.skipped,
                   n_events=n_events, n_rejected=n_rejected)
        prog.close()
        if args.format:
            _write_run_events(con, args, run_docs)
    finally:
        con.close()
    return 1 if n_rejected else 0


def _write_parquet(args: argparse.Namespace, items, settings, prog) -> int:
    """``--parquet-dir``: code into partitioned Parquet parts instead of the store."""
    from ..engines.parquet_io import encode_results, write_records

    if args.engine == "ray":
        from ..engines.ray import run_ray_records

        records = run_ray_records(items, workers=args.workers if args.workers > 1 else None,
                                  address=args.address, settings=settings)
    else:
        from ..engines import run_engine

        records = encode_results(run_engine(items, engine=args.engine, workers=args.workers, settings=settings))

    def on_row(row: dict) -> None:
        if row["kind"] == "rejected":
            prog.add(rejected=1)
        else:
            prog.add(articles=1, events=row["n_events"])

    summary = write_records(records, args.parquet_dir, on_row=on_row)
    prog.close()
    if not args.quiet:
        print(f"eventwire: wrote {summary.articles} articles ({summary.events} events, {summary.rejected} rejected) "
              f"in {summary.parts} parts under {args.parquet_dir}/run={summary.run}; "
              f"load them with `eventwire ingest {args.parquet_dir} --db {args.db}`")
    return 1 if summary.rejected else 0


def _write_run_events(con, args: argparse.Namespace, doc_ids: list[str]) -> None:
    from ..export import export_events, iter_event_rows

    if args.format == "table":
        from .cmd_events import format_table

        rows = list(iter_event_rows(con, doc_ids=doc_ids))
        text = format_table(rows) + f"\n{len(rows)} events\n"
        if args.out and args.out != "-":
            with open(args.out, "w", encoding="utf-8") as fh:
                fh.write(text)
        else:
            print(text, end="")
        return
    export_events(con, args.format, args.out, doc_ids=doc_ids)
