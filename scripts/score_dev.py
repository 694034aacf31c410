#!/usr/bin/env python3
"""Code the development sets with eventwire and score them with ../shared/eval/score.py.

    .venv/bin/python scripts/score_dev.py [--set fr|en|all] [--verbose] [--json] [--out DIR]

Writes the FORMAT.md "System events" JSONL (one file per set) and prints the scorer's
report. ``--explain`` also prints each coded event (rule, spans, factuality) per document.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
if not SHARED.exists():
    SHARED = Path("/work/shared")
EVAL = SHARED / "eval"
SETS = {
    "fr": (EVAL / "dev" / "articles.jsonl", EVAL / "dev" / "gold.jsonl"),
    "en": (EVAL / "dev" / "plover-gsr-en.articles.jsonl", EVAL / "dev" / "plover-gsr-en.jsonl"),
}


def actor_obj(arg):
    if arg is None:
        return None
    a = arg.actor
    return {"code": a.code, "country": a.country or (a.code[:3] if a.code else None), "text": arg.text}


def event_record(ev, article) -> dict:
    s, e = ev.sentence
    return {
        "doc_id": ev.doc_id,
        "event_id": ev.event_id,
        "source": actor_obj(ev.source) or {"code": "---", "country": "---"},
        "target": actor_obj(ev.target) or {"code": "---", "country": "---"},
        "cameo": ev.cameo,
        "plover": {"event_type": ev.plover_type, "mode": ev.plover_mode},
        "date": ev.date,
        "location": {"country": ev.location.country} if ev.location is not None else None,
        "factuality": ev.factuality,
        "reported_by": [actor_obj(r) for r in ev.reported_by] or None,
        "evidence": {"text": article.text[s:e], "start": s, "end": e,
                     "predicate": article.text[ev.predicate[0]:ev.predicate[1]]},
        "rule": ev.rule,
        "confidence": ev.confidence,
        "links": [{"type": l.type, "event_id": l.event_id} for l in ev.links],
    }


def code_set(articles: Path, *, explain: bool = False) -> tuple[list[dict], float, float, int]:
    from eventwire.pipeline import code_text

    out: list[dict] = []
    parse_s = other_s = 0.0
    n = 0
    for line in articles.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        ca = code_text(rec["text"], lang=rec.get("lang"), published=rec.get("published"), doc_id=rec["id"])
        n += 1
        for name, secs in ca.timings:
            if name == "parse":
                parse_s += secs
            else:
                other_s += secs
        for ev in ca.events:
            out.append(event_record(ev, ca.article))
        if explain:
            print(f"== {rec['id']}")
            for r in out:
                if r["doc_id"] != rec["id"]:
                    continue
                print(f"  {r['source']['country']}->{r['target']['country']} {r['cameo']} {r['factuality']}"
                      f" rep={[x['country'] for x in (r['reported_by'] or [])]} rule={r['rule']}"
                      f" pred={r['evidence']['predicate']!r} src={r['source'].get('text')!r} tgt={r['target'].get('text')!r}")
    return out, parse_s, other_s, n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("fr", "en", "all"), default="all")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--out", default="/tmp/eventwire-dev")
    args = ap.parse_args(argv)
    outdir = Path(args.out)
    outdir.mkdir(parents=True, exist_ok=True)
    results = {}
    for name in (("fr", "en") if args.set == "all" else (args.set,)):
        arts, gold = SETS[name]
        t0 = time.perf_counter()
        events, parse_s, other_s, n = code_set(arts, explain=args.explain)
        wall = time.perf_counter() - t0
        path = outdir / f"events-{name}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for ev in events:
                f.write(json.dumps(ev, ensure_ascii=False) + "\n")
        cmd = [sys.executable, str(EVAL / "score.py"), str(gold), str(path)]
        if args.verbose:
            cmd.append("--verbose")
        if args.json:
            cmd.append("--json")
        res = subprocess.run(cmd, capture_output=True, text=True, check=True)
        print(f"## {name}: {n} documents, {len(events)} events, {wall:.1f}s "
              f"(parse {parse_s:.2f}s, after parse {other_s:.2f}s = {100 * other_s / max(parse_s, 1e-9):.0f}%)")
        print(res.stdout)
        results[name] = res.stdout
    return 0


if __name__ == "__main__":
    sys.exit(main())
