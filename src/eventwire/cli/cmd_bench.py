"""``eventwire bench``: throughput, memory, speed-up and scaling on the French Wikinews corpus.

Measures words and articles per second per core for the spaCy parse alone (the limit)
and for the whole pipeline, each stage's share, the peak memory of one worker, the
speed-up from 1 to N workers, and (with --scale) the time, store size and query time
of storing and merging 100, 1,000, 10,000... articles. ``--json`` prints one object
(with at least ``parse_words_per_s`` and ``pipeline_words_per_s``).
"""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser("bench", help="measure throughput, memory, speed-up and scaling",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=100, help="articles to code (default: 100)")
    p.add_argument("--corpus", default=None,
                   help="JSON-lines articles (default: ../shared/corpus/wikinews-fr-2016/articles.jsonl)")
    p.add_argument("--workers", default="1,2", help="worker counts for the speed-up, comma-separated "
                   "(default: 1,2; empty: skip)")
    p.add_argument("--engines", default="local", help="engines for the speed-up: local, ray or local,ray "
                   "(default: local)")
    p.add_argument("--speedup-articles", type=int, default=None,
                   help="articles for the speed-up runs (default: --articles)")
    p.add_argument("--scale", default="", help="corpus sizes for store+merge scaling, e.g. 100,1000,10000 "
                   "(copies of the coded articles past the corpus; default: skip)")
    p.add_argument("--json", action="store_true", help="print the results as one JSON object")
    p.set_defaults(func=run)


def _ints(flag: str, value: str) -> list[int]:
    from ..errors import UsageError

    try:
        out = [int(x) for x in value.split(",") if x.strip()]
    except ValueError:
        raise UsageError(f"--{flag} {value!r}: expected comma-separated whole numbers such as 1,2,4") from None
    if any(x < 1 for x in out):
        raise UsageError(f"--{flag} {value!r}: every number must be 1 or more")
    return out


def format_report(r: dict) -> str:
    m = r["machine"]
    lines = [
        f"machine: {m['cpus']} CPUs ({m['cpu']}), {m['memory_gb']} GB, Python {m['python']}, "
        f"load average {m['load_average_at_start'][0]} -> {m['load_average_at_end'][0]}",
        f"corpus: {r['articles']} articles of {r['corpus']}",
        f"parse only : {r['parse_words_per_s']:>9.0f} words/s per core  {r['parse_articles_per_s']:.2f} articles/s",
        f"pipeline   : {r['pipeline_words_per_s']:>9.0f} words/s per core  {r['pipeline_articles_per_s']:.2f} articles/s"
        f"  ({100 * r['pipeline_vs_parse']:.0f}% of parse only; {r['pipeline'].get('events', 0)} events)",
        "stage share: " + ", ".join(f"{k} {100 * v:.1f}%" for k, v in r["stage_share"].items()),
        f"peak memory of one worker: {r['peak_rss_mb_per_worker']:.0f} MB",
    ]
    for engine, rows in r.get("speedup", {}).items():
        lines.append(f"speed-up ({engine}): " + ", ".join(
            f"{n} workers {row['wall_s']} s (x{row['speedup']}"
            + (f", steady state x{row['steady_speedup']}" if row.get("steady_speedup") else "") + ")"
            for n, row in rows.items()))
    for s in r.get("scale", []):
        q = ", ".join(f"{k} {v} ms" for k, v in s["query_ms"].items())
        lines.append(f"scale {s['articles']:>6} articles: store ({s['writer']}) {s['store_ms_per_article']} ms/article, merge "
                     f"{s['merge_ms_per_article']} ms/article, {s['store_mb']} MB, {s['clusters']} clusters "
                     f"({s['clusters_2plus_articles']} with 2+ articles); {q}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..benchmark import run_bench
    from ..errors import UsageError

    if args.articles < 1:
        raise UsageError(f"--articles {args.articles}: expected 1 or more")
    engines = [e for e in args.engines.split(",") if e.strip()]
    for e in engines:
        if e not in ("local", "ray"):
            raise UsageError(f"--engines {args.engines!r}: expected local, ray or local,ray")
    workers = _ints("workers", args.workers)
    scale = _ints("scale", args.scale)
    log = (lambda msg: None) if args.json else (lambda msg: print(f"eventwire bench: {msg}", file=sys.stderr))
    result = run_bench(articles=args.articles, corpus=args.corpus, workers=workers, engines=engines,
                       scale=scale, speedup_articles=args.speedup_articles, log=log)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(format_report(result))
    return 0
