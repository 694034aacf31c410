"""``code_article``: a pure function from a cleaned article to everything coded from it.

The local engine, ``--workers N`` and the Ray engine all call it, so they give the same
events by construction; only the store writes.
"""

from __future__ import annotations

import time
from typing import Iterable

from . import actors, events, places, times
from .clean import clean_article
from .nlp import parse_article
from .records import Article, CodedArticle, RawArticle
from .settings import DEFAULT, Settings
from .version import CODEBOOK_VERSION, CODER_VERSION


def code_article(article: Article, *, settings: Settings = DEFAULT) -> CodedArticle:
    """Code one cleaned article: parse, mentions and actors, times, places, events."""
    t = time.perf_counter
    marks: list[tuple[str, float]] = []
    t0 = t()
    parsed, sentences = parse_article(article)
    t1 = t(); marks.append(("parse", t1 - t0))
    mentions = actors.resolve_mentions(article, parsed, sentences)
    t2 = t(); marks.append(("actors", t2 - t1))
    texprs = times.find_times(article, parsed)
    t3 = t(); marks.append(("times", t3 - t2))
    plcs = places.find_places(article, parsed, mentions)
    t4 = t(); marks.append(("places", t4 - t3))
    evs = events.extract_events(
        article, parsed, sentences, mentions=mentions, times=texprs, places=plcs, settings=settings
    )
    t5 = t(); marks.append(("events", t5 - t4))
    return CodedArticle(
        article=article,
        sentences=sentences,
        mentions=tuple(mentions),
        times=tuple(texprs),
        places=tuple(plcs),
        events=tuple(evs),
        coder_version=CODER_VERSION,
        codebook_version=CODEBOOK_VERSION,
        timings=tuple(marks),
    )


def code_raw(raw: RawArticle, *, settings: Settings = DEFAULT) -> CodedArticle:
    """Clean then code one raw article (raises :class:`~eventwire.errors.InputRejected`)."""
    return code_article(clean_article(raw, settings=settings), settings=settings)


def code_text(
    text: str, *, lang: str | None = None, published: str | None = None, doc_id: str = "text"
) -> CodedArticle:
    """Code a plain text. ``lang`` is detected when not given; ``published`` is an ISO date."""
    raw = RawArticle(doc_id=doc_id, origin="<text>", text=text, lang=lang, published=published)
    return code_raw(raw)


def code_many(raws: Iterable[RawArticle], *, settings: Settings = DEFAULT):
    """Yield a :class:`CodedArticle` or a :class:`~eventwire.records.Rejection` per input."""
    from .errors import InputRejected
    from .records import Rejection

    for raw in raws:
        if isinstance(raw, Rejection):
            yield raw
            continue
        try:
            yield code_raw(raw, settings=settings)
        except InputRejected as exc:
            yield Rejection(origin=raw.origin, reason=exc.reason, detail=exc.detail, doc_id=raw.doc_id)
        except Exception as exc:  # a coder bug on one article must not end the batch: it becomes a row
            import os

            if os.environ.get("EVENTWIRE_STRICT"):  # developers: let the traceback through
                raise
            yield Rejection(origin=raw.origin, reason="coder-error",
                            detail=f"the coder failed: {type(exc).__name__}: {exc}", doc_id=raw.doc_id)
