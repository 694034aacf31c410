"""``eventwire ingest DIR``: load the Parquet parts of ``eventwire code --parquet-dir DIR``.

Parts are read in (run, input) order; articles already stored with the same content
and coder version are skipped (so an interrupted ingest resumes), and their events
are merged into event clusters.
"""

from __future__ import annotations

import argparse
import sys

from .options import add_db, add_quiet


def register(subparsers) -> None:
    p = subparsers.add_parser("ingest", help="load Parquet parts written by `code --parquet-dir` into the store",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("directory", metavar="DIR", help="folder given to `eventwire code --parquet-dir`")
    add_db(p)
    add_quiet(p)
    p.add_argument("--embed", action="store_true",
                   help="statements merge only when their sentences are close in the multilingual USE space "
                        "(optional extra eventwire[embed]; slower)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..engines.parquet_io import parts_glob, ingest
    from ..progress import Progress
    from ..store import open_store

    parts_glob(args.directory)  # usage error before the store is touched
    prog = Progress(enabled=not args.quiet, label="ingesting")

    def tick(row: dict) -> None:
        if row["kind"] == "rejected":
            prog.add(rejected=1)
        else:
            prog.add(articles=1)

    con = open_store(args.db)
    try:
        s = ingest(con, args.directory, embed=args.embed, progress=tick)
    finally:
        prog.close()
        con.close()
    if not args.quiet:
        print(f"eventwire: {s.written} articles written ({s.events} events), {s.skipped} already stored, "
              f"{s.rejected} rejected inputs recorded, into {args.db}", file=sys.stderr)
    return 0
