"""``eventwire clusters``: events reported by several articles, with every report.

A cluster is one event as reported by one or more articles (see
:mod:`eventwire.merge`); each report keeps its own article, sentence and factuality.
"""

from __future__ import annotations

import argparse
import json
import sys

from .options import add_db


def register(subparsers) -> None:
    p = subparsers.add_parser("clusters", help="list event clusters (the same event across articles)",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_db(p)
    p.add_argument("--min-articles", type=int, default=2,
                   help="only clusters reported by at least this many articles (default: 2; 1 lists every event)")
    p.add_argument("--cluster", default=None, metavar="CLUSTER_ID", help="only this cluster")
    p.add_argument("--limit", type=int, default=50, help="at most this many clusters (0: all; default 50)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table", help="output format (default: table)")
    p.add_argument("--rebuild", action="store_true",
                   help="recompute every cluster from the stored events first (writes to --db)")
    p.add_argument("--embed", action="store_true",
                   help="with --rebuild: statements also need similar sentences in the multilingual USE space "
                        "(optional extra eventwire[embed]; slower)")
    p.set_defaults(func=run)


def _short(text: str | None, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def format_clusters(clusters: list[dict]) -> str:
    out: list[str] = []
    for c in clusters:
        out.append(
            f"{c['cluster_id']}  {c['cameo'] or '-'} {_short(c['cameo_name'], 40)}  "
            f"{c['source'] or '-'} -> {c['target'] or '-'}  {c['date'] or '-'}  "
            f"{c['num_articles']} articles, {c['num_mentions']} mentions, {c['num_sources']} sources, "
            f"seen {c['first_seen'] or '?'} .. {c['last_seen'] or '?'}"
        )
        for r in c["reports"]:
            out.append(
                f"    {r['published'] or '-':10}  {_short(r['outlet'], 22):22}  {r['doc_id']}#{r['sentence_index']}  "
                f"{r['factuality']:12}  {_short(r['evidence'], 90)}"
            )
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..merge import list_clusters, rebuild_clusters
    from ..store import open_store

    if args.embed and not args.rebuild:
        raise UsageError("--embed needs --rebuild (similarity is computed when clusters are built)")
    if args.min_articles < 1:
        raise UsageError(f"--min-articles {args.min_articles}: expected 1 or more")
    if args.rebuild:
        con = open_store(args.db)
        stats = rebuild_clusters(con, embed=args.embed)
        print(f"eventwire: merged {stats.reports} reports again", file=sys.stderr)
    else:
        con = open_store(args.db, read_only=True)
    try:
        clusters = list_clusters(con, min_articles=args.min_articles, limit=args.limit or None,
                                 cluster_id=args.cluster)
    finally:
        con.close()
    if args.format == "jsonl":
        for c in clusters:
            sys.stdout.write(json.dumps(c, ensure_ascii=False, default=str) + "\n")
        return 0
    if clusters:
        print(format_clusters(clusters))
    print(f"{len(clusters)} clusters" + (f" reported by {args.min_articles}+ articles" if args.min_articles > 1 else ""))
    return 0
