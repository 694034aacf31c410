#!/usr/bin/env python3
"""Run the time normaliser over a TimeBank text folder and score it with score_dates.py.

    .venv/bin/python scripts/score_timebank.py [TML_DIR] [--out PRED.jsonl] [--verbose]

TML_DIR (default ../shared/eval/dev/fr-timebank-1999) holds the .tml gold; its text/
folder the plain texts and dct.json (creation dates), as `score_dates.py --export` writes them.
Same as `eventwire dates TML_DIR/text --format jsonl > PRED.jsonl` then `score_dates.py`.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.cli.cmd_dates import iter_articles, time_rows  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("tml_dir", nargs="?", default=str(ROOT.parent / "shared/eval/dev/fr-timebank-1999"))
    ap.add_argument("--out", default="/tmp/eventwire-timebank-pred.jsonl")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    t0 = time.perf_counter()
    n = 0
    with open(a.out, "w", encoding="utf-8") as f:
        for art in iter_articles(os.path.join(a.tml_dir, "text"), lang="fr"):
            for row in time_rows(art):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} expressions in {time.perf_counter() - t0:.1f} s -> {a.out}", file=sys.stderr)
    scorer = ROOT.parent / "shared/eval/score_dates.py"
    cmd = [sys.executable, str(scorer), a.tml_dir, a.out] + (["--verbose"] if a.verbose else [])
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
