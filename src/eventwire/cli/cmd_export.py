"""``eventwire export``: write the stored events in an exchange format.

Formats: ``plover`` (PLOVER JSONL), ``jsonl`` (the evaluation format, scored by
``shared/eval/score.py``), ``gdelt`` (GDELT 2.0 event table, 61 tab-separated
columns), ``csv`` and ``parquet`` (flat, snake_case).
"""

from __future__ import annotations

import argparse
import sys

from .cmd_events import add_filters, filters_from
from .options import add_db


def register(subparsers) -> None:
    from ..export import FORMATS

    p = subparsers.add_parser("export", help="write stored events as PLOVER, JSONL, GDELT, CSV or Parquet",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db(p)
    p.add_argument("--format", choices=FORMATS, required=True, help="output format")
    p.add_argument("out", metavar="OUT", help="output file, or - for standard output")
    add_filters(p)
    p.add_argument("--quiet", "-q", action="store_true", help="do not print the count")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..export import export_events
    from ..store import open_store

    filters = filters_from(args)
    con = open_store(args.db, read_only=True)
    try:
        n = export_events(con, args.format, args.out, filters=filters)
    finally:
        con.close()
    if not args.quiet and args.out != "-":
        print(f"{n} events written to {args.out} ({args.format})", file=sys.stderr)
    return 0
