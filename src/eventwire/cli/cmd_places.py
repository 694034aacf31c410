"""``eventwire places INPUT...``: the toponyms of articles, resolved against GeoNames.

Inputs and creation dates as for ``eventwire dates``. One line per resolved toponym:
``doc_id``, ``start``, ``end`` (offsets into the input text), ``text``, ``geonameid``,
``name``, ``lat``, ``lon``, ``country`` (ISO3), ``admin1``, ``feature_class``,
``feature_code`` and ``rule`` (ner | gazetteer | demonym) — what
``../shared/eval/score_places.py`` reads. The gazetteer index is built on first use
(about 15 s) and cached (see ``eventwire.gazetteer``).
"""

from __future__ import annotations

import argparse

from .cmd_dates import add_input_args, write_rows


def register(subparsers) -> None:
    p = subparsers.add_parser("places", help="toponyms of articles, resolved against GeoNames",
                              description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_input_args(p)
    p.set_defaults(func=run)


def place_rows(article):
    from .. import actors
    from ..nlp import parse_article
    from ..places import find_places

    parsed, sentences = parse_article(article)
    mentions = actors.resolve_mentions(article, parsed, sentences)
    for pl in find_places(article, parsed, mentions):
        s, e = article.to_raw(pl.start, pl.end)
        yield {"doc_id": article.doc_id, "start": s, "end": e, "text": pl.text, "geonameid": pl.geonameid,
               "name": pl.name, "lat": pl.lat, "lon": pl.lon, "country": pl.country, "admin1": pl.admin1,
               "feature_class": pl.feature_class, "feature_code": pl.feature_code, "rule": pl.rule}


def run(args) -> int:
    args.table_columns = ("doc_id", "start", "end", "text", "country", "feature_code", "geonameid", "name")
    return write_rows(args, place_rows)
