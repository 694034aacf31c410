"""How storing and merging grow with the corpus: 100, 1,000 and 10,000 articles.

    .venv/bin/python benchmarks/bench_scale.py [--articles 100] [--scale 100,1000,10000] [--json]

The corpus has 571 articles: ``--articles`` of them are coded once, then copied with
new ids, content hashes and event ids (dates moved so that copies pair up as two
outlets' reports of one event) up to each size. Prints time per article for storing
and for merging, the store's size on disk and the time of three queries.
"""

import sys

from eventwire.cli.main import main

if __name__ == "__main__":
    args = sys.argv[1:]
    if "--scale" not in args:
        args += ["--scale", "100,1000,10000"]
    sys.exit(main(["bench", "--workers", "", *args]))
