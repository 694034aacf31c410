"""Engines run :func:`eventwire.pipeline.code_raw` over many inputs.

All of them yield, for each input, a :class:`~eventwire.records.CodedArticle` or a
:class:`~eventwire.records.Rejection`; only the caller (the store) writes.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..records import CodedArticle, RawArticle, Rejection
from ..settings import DEFAULT, Settings

ENGINES = ("local", "ray")


def run_engine(
    raws: Iterable[RawArticle | Rejection],
    *,
    engine: str = "local",
    workers: int = 1,
    address: str | None = None,
    settings: Settings = DEFAULT,
) -> Iterator[CodedArticle | Rejection]:
    if engine == "local":
        from .local import run_local

        return run_local(raws, workers=workers, settings=settings)
    if engine == "ray":
        from .ray import run_ray  # optional extra: eventwire[ray]

        # --workers N: N actors; the default (1) means one actor per CPU of the Ray cluster
        return run_ray(raws, workers=workers if workers > 1 else None, address=address, settings=settings)
    from ..errors import UsageError

    raise UsageError(f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
