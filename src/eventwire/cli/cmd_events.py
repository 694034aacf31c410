"""``eventwire events``: list stored events, filtered, as a table or in an export format."""

from __future__ import annotations

import argparse
import shutil
import sys

from ..records import FACTUALITY_VALUES
from .options import add_db

TABLE_COLUMNS = ("date", "source", "event", "target", "factuality", "where", "evidence")


def add_filters(p: argparse.ArgumentParser) -> None:
    """The event filter flags (shared with ``eventwire export``)."""
    g = p.add_argument_group("filters")
    g.add_argument("--actor", help="source or target actor: a code prefix (RUS, RUSGOV) or part of a name")
    g.add_argument("--source", help="source actor: a code prefix or part of a name")
    g.add_argument("--target", help="target actor: a code prefix or part of a name")
    g.add_argument("--country", help="ISO 3166 alpha-3 country of the source or target (RUS, PRK)")
    g.add_argument("--cameo", help="CAMEO code or root (04, 042)")
    g.add_argument("--plover", help="PLOVER event type (CONSULT, ACCUSE...)")
    g.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="quad class: 1 verbal coop., 2 material coop., "
                   "3 verbal conflict, 4 material conflict")
    g.add_argument("--factuality", choices=FACTUALITY_VALUES, help="factuality of the event")
    g.add_argument("--start", help="first event date (YYYY-MM-DD, YYYY-MM or YYYY)")
    g.add_argument("--end", help="last event date (YYYY-MM-DD, YYYY-MM or YYYY)")
    g.add_argument("--q", metavar="TEXT", help="text in the evidence sentence or actor names")
    g.add_argument("--doc", dest="doc_id", metavar="DOC_ID", help="events of one article")


def filters_from(args: argparse.Namespace):
    from ..errors import UsageError
    from ..queries import EventFilter

    for flag in ("start", "end"):
        v = getattr(args, flag, None)
        if v and not _is_date(v):
            raise UsageError(f"--{flag} {v!r}: expected a date written YYYY-MM-DD, YYYY-MM or YYYY")
    return EventFilter(
        actor=args.actor, source=args.source, target=args.target, country=args.country, cameo=args.cameo,
        plover=args.plover, quad=args.quad, factuality=args.factuality, start=args.start, end=args.end,
        q=args.q, doc_id=args.doc_id,
    )


def _is_date(v: str) -> bool:
    import re

    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v))


def register(subparsers) -> None:
    p = subparsers.add_parser("events", help="list stored events", description=__doc__)
    add_db(p)
    add_filters(p)
    p.add_argument("--limit", type=int, default=50, help="at most this many events (0: all; default 50)")
    p.add_argument("--offset", type=int, default=0, help="skip this many events first")
    p.add_argument("--format", choices=("table", "jsonl", "plover", "gdelt", "csv", "parquet"), default="table",
                   help="output format (default: table)")
    p.add_argument("--out", default=None, help="write to this file instead of standard output")
    p.set_defaults(func=run)


def _actor(row: dict, side: str) -> str:
    code = row.get(f"{side}_code")
    if not code:
        return "-"
    name = row.get(f"{side}_text") or row.get(f"{side}_name")
    return f"{code} ({name})" if name else code


def table_cells(row: dict) -> list[str]:
    ev = row.get("cameo") or ""
    if row.get("plover_type"):
        ev += f" {row['plover_type']}"
    where = row.get("location_name") or row.get("location_country") or ""
    fact = row.get("factuality") or ""
    if row.get("reported_by_codes"):
        fact += f" by {row['reported_by_codes']}"
    return [row.get("date") or "?", _actor(row, "source"), ev, _actor(row, "target"), fact, where,
            (row.get("predicate_text") or "")]


def format_table(rows: list[dict], *, width: int | None = None) -> str:
    """A plain-text table of event rows, fitted to the terminal width."""
    width = width or shutil.get_terminal_size((160, 20)).columns
    cells = [list(TABLE_COLUMNS)] + [table_cells(r) for r in rows]
    caps = [10, 34, 16, 34, 24, 20, 40]
    widths = [min(cap, max(len(c[i]) for c in cells)) for i, cap in enumerate(caps)]
    lines = []
    for j, c in enumerate(cells):
        parts = []
        for i, v in enumerate(c):
            v = v.replace("\n", " ")
            if len(v) > widths[i]:
                v = v[: widths[i] - 1] + "…"
            parts.append(v.ljust(widths[i]))
        line = "  ".join(parts).rstrip()
        lines.append(line[:width] if width else line)
        if j == 0:
            lines.append("  ".join("-" * w for w in widths)[:width])
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..export import export_events, write_rows
    from ..queries import query_events
    from ..store import open_store

    filters = filters_from(args)
    con = open_store(args.db, read_only=True)
    try:
        limit = None if args.limit == 0 else args.limit
        if args.format == "table":
            rows, total = query_events(con, filters, limit=limit, offset=args.offset)
            text = format_table(rows)
            more = f"{len(rows)} of {total} events" + (" (use --limit 0 for all)" if total > len(rows) else "")
            out = sys.stdout if not args.out or args.out == "-" else open(args.out, "w", encoding="utf-8")
            try:
                out.write(text + "\n" + more + "\n")
            finally:
                if out is not sys.stdout:
                    out.close()
            return 0
        if limit is None and not args.offset:
            export_events(con, args.format, args.out, filters=filters)
        else:
            rows, _ = query_events(con, filters, limit=limit, offset=args.offset, columns=None)
            from ..export import iter_event_rows

            ids = {r["event_id"] for r in rows}
            write_rows((r for r in iter_event_rows(con, filters=filters) if r["event_id"] in ids),
                       args.format, args.out)
    finally:
        con.close()
    return 0
