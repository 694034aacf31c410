"""``eventwire dates INPUT...``: the time expressions of articles, normalised to TIMEX3.

Inputs as for ``eventwire code`` (.txt, .html, .jsonl, .warc, directories, ``-``). The
creation date each expression is normalised against is, in order: the input's
``published`` (JSONL field), a ``dct.json`` beside a .txt file or in a folder above it
(``{"doc_id": "YYYY-MM-DD"}``, as ``score_dates.py --export`` writes for TimeBank), the
page or dateline, then ``--published``. Offsets are into the input text.

    eventwire dates ../shared/eval/dev/fr-timebank-1999/text --format jsonl > pred.jsonl
    python3 ../shared/eval/score_dates.py ../shared/eval/dev/fr-timebank-1999 pred.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from functools import lru_cache
from typing import Iterator


def register(subparsers) -> None:
    p = subparsers.add_parser("dates", help="time expressions of articles, normalised (TIMEX3)",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_args(p)
    p.set_defaults(func=run)


def add_input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a .txt, .html, .jsonl or .warc(.gz) file, a directory, or - for standard input")
    p.add_argument("--published", default=None, help="creation date (YYYY-MM-DD) for inputs that give none")
    p.add_argument("--lang", default=None, choices=("fr", "en"), help="force the language (default: detect)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table", help="output format (default: table)")
    p.add_argument("--out", default=None, help="write to this file instead of standard output")


@lru_cache(maxsize=256)
def _dct_file(folder: str) -> dict:
    path = os.path.join(folder, "dct.json")
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    return {}


def _dct_for(origin: str, doc_id: str) -> str | None:
    """The creation date a ``dct.json`` beside ``origin`` or in a folder above it gives."""
    if not origin or not os.path.exists(origin):
        return None
    folder = os.path.dirname(os.path.abspath(origin))
    for _ in range(4):
        d = _dct_file(folder).get(doc_id)
        if d:
            return d
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return None


def iter_articles(*inputs: str, published: str | None = None, lang: str | None = None) -> Iterator:
    """Cleaned articles of ``inputs`` (rejections are reported on stderr and skipped)."""
    from ..clean import clean_article
    from ..errors import InputRejected
    from ..ingest import read_inputs
    from ..records import Rejection
    from ..settings import Settings

    settings = Settings(lang=lang, published=published)
    for raw in read_inputs(list(inputs), settings=settings):
        if isinstance(raw, Rejection):
            print(f"eventwire: skipped {raw.origin}: {raw.detail}", file=sys.stderr)
            continue
        if not raw.published:
            d = _dct_for(raw.origin, raw.doc_id)
            if d:
                raw = replace(raw, published=d)
        try:
            yield clean_article(raw, settings=settings)
        except InputRejected as exc:
            print(f"eventwire: skipped {raw.origin}: {exc.detail}", file=sys.stderr)


def time_rows(article) -> Iterator[dict]:
    from ..nlp import parse_article
    from ..times import find_times

    parsed, _sents = parse_article(article)
    for t in find_times(article, parsed):
        s, e = article.to_raw(t.start, t.end)
        yield {"doc_id": article.doc_id, "start": s, "end": e, "text": t.text, "type": t.type, "value": t.value,
               "precision": t.precision, "range": list(t.range) if t.range else None, "anchor": t.anchor,
               "published": article.published, "rule": t.rule}


def write_rows(args, rows_of) -> int:
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        for art in iter_articles(*args.inputs, published=args.published, lang=args.lang):
            for row in rows_of(art):
                if args.format == "jsonl":
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                else:
                    cols = [str(row.get(k, "")) for k in args.table_columns]
                    out.write("\t".join(cols) + "\n")
    finally:
        if args.out:
            out.close()
    return 0


def run(args) -> int:
    args.table_columns = ("doc_id", "start", "end", "type", "value", "text")
    return write_rows(args, time_rows)
