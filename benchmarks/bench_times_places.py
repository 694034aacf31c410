#!/usr/bin/env python3
"""Share of coding time spent in the time and place stages (target: at most 10%).

    .venv/bin/python benchmarks/bench_times_places.py [ARTICLES.jsonl] [--limit N]

Codes the articles with ``pipeline.code_article`` after one warm-up article (models, KB and
gazetteer loaded), sums the per-stage timings each CodedArticle carries, and prints the
times + places share of the total. Also prints the gazetteer index build (or open) time
and the mean lookup time.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire import gazetteer  # noqa: E402
from eventwire.clean import clean_article  # noqa: E402
from eventwire.pipeline import code_article  # noqa: E402
from eventwire.records import RawArticle  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", nargs="?", default=str(ROOT.parent / "shared/eval/dev/articles.jsonl"))
    ap.add_argument("--limit", type=int, default=20)
    a = ap.parse_args()
    t0 = time.perf_counter()
    gazetteer.connection()
    print(f"gazetteer: {'built' if gazetteer.build_seconds else 'opened'} in {time.perf_counter() - t0:.2f} s "
          f"({gazetteer.index_path() or 'in memory'})")
    names = ["Moscou", "Pyongyang", "Corée du Nord", "Vienne", "Le Caire", "Kharkiv", "Texas", "Ankara", "Gaza", "Alep"]
    gazetteer.lookup.cache_clear()
    t0 = time.perf_counter()
    for n in names:
        gazetteer.lookup(n)
    print(f"gazetteer lookup: {1000 * (time.perf_counter() - t0) / len(names):.3f} ms per name (uncached)")
    arts = []
    with open(a.articles, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            raw = RawArticle(doc_id=d.get("id") or d.get("doc_id"), origin=a.articles, text=d["text"],
                             lang=d.get("lang"), published=d.get("published"))
            arts.append(clean_article(raw))
    arts = arts[: a.limit]
    code_article(arts[0])  # warm-up: models, KB, gazetteer
    totals: dict[str, float] = {}
    for art in arts:
        for stage, secs in code_article(art).timings:
            totals[stage] = totals.get(stage, 0.0) + secs
    total = sum(totals.values())
    tp = totals.get("times", 0.0) + totals.get("places", 0.0)
    for stage, secs in totals.items():
        print(f"{stage:8s} {secs:8.3f} s {100 * secs / total:5.1f}%")
    print(f"times+places: {tp:.3f} s of {total:.3f} s = {100 * tp / total:.1f}% (target <= 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
