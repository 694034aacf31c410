"""Throughput of the spaCy parse alone and of the whole pipeline, stage shares, memory.

    .venv/bin/python benchmarks/bench_pipeline.py [--articles 100] [--json]

Same measurements as ``eventwire bench`` without the speed-up and scaling parts.
"""

import sys

from eventwire.cli.main import main

if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(["bench", "--workers", "", *args]))
