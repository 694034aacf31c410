"""Speed-up from 1 to N workers, multiprocessing and Ray.

    .venv/bin/python benchmarks/bench_workers.py [--articles 100] [--workers 1,2,4] [--json]

Wall time includes each worker's start-up (loading the models); use enough articles.
"""

import os
import sys

from eventwire.cli.main import main

if __name__ == "__main__":
    args = sys.argv[1:]
    if "--workers" not in args:
        n = os.cpu_count() or 2
        args += ["--workers", ",".join(str(w) for w in sorted({1, 2, n}))]
    sys.exit(main(["bench", "--engines", "local,ray", *args]))
