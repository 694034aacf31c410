"""The local engine: in-process (``workers=1``) or a multiprocessing pool (``workers>1``).

With a pool, each worker process loads the spaCy models once (lazily, on its first
article of a language) and codes batches of articles with
:func:`eventwire.pipeline.code_many`, the function the in-process path calls, so both
give the same records. Results come back in input order; at most ``4 * workers``
batches are in flight, so memory stays bounded however long the input is.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from itertools import islice
from typing import Iterable, Iterator

from ..pipeline import code_many
from ..records import CodedArticle, RawArticle, Rejection
from ..settings import DEFAULT, Settings

BATCH_SIZE = 4  # articles per task sent to a worker
IN_FLIGHT_PER_WORKER = 4


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def _worker_init(preload: tuple[str, ...]) -> None:
    # one BLAS/OpenMP thread per worker: the pool is the parallelism
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from ..nlp import load_model

    for lang in preload:
        load_model(lang)


def _code_batch(args: tuple[list, Settings]) -> list:
    batch, settings = args
    return list(code_many(batch, settings=settings))


def _context():
    methods = mp.get_all_start_methods()
    # forkserver: no fork of a process holding threads (DuckDB, Ray), cheaper than spawn
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


def run_local(
    raws: Iterable[RawArticle | Rejection],
    *,
    workers: int = 1,
    settings: Settings = DEFAULT,
    batch_size: int = BATCH_SIZE,
    preload: tuple[str, ...] = (),
) -> Iterator[CodedArticle | Rejection]:
    """Code ``raws`` in order; ``workers > 1`` spreads batches over a process pool."""
    if workers <= 1:
        yield from code_many(raws, settings=settings)
        return
    ctx = _context()
    pool = ctx.Pool(processes=workers, initializer=_worker_init, initargs=(tuple(preload),))
    try:
        pending: deque = deque()
        limit = max(2, IN_FLIGHT_PER_WORKER * workers)
        for batch in _batches(raws, batch_size):
            pending.append(pool.apply_async(_code_batch, ((batch, settings),)))
            while len(pending) >= limit:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
        pool.join()
    finally:
        pool.terminate()
