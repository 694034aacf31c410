"""The local engine: in-process (``workers=1``) or a multiprocessing pool."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..pipeline import code_many
from ..records import CodedArticle, RawArticle, Rejection
from ..settings import DEFAULT, Settings


def run_local(
    raws: Iterable[RawArticle | Rejection], *, workers: int = 1, settings: Settings = DEFAULT
) -> Iterator[CodedArticle | Rejection]:
    # workers > 1: the corpus-scale issue adds the pool; results keep the input order.
    yield from code_many(raws, settings=settings)
